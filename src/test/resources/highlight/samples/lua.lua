-- A tiny tag index for a blog, in Lua 5.4.
local json = require("json")

local M = {}
M.__index = M

local DEFAULT_LIMIT <const> = 10

--[[
  Creates an index from a list of posts,
  each a table with a title and tags.
]]
function M.new(posts)
  local self = setmetatable({ posts = posts or {}, by_tag = {} }, M)
  for i, post in ipairs(self.posts) do
    for _, tag in ipairs(post.tags or {}) do
      local list = self.by_tag[tag]
      if not list then
        list = {}
        self.by_tag[tag] = list
      end
      list[#list + 1] = i
    end
  end
  return self
end

function M:tagged(tag, limit)
  limit = limit or DEFAULT_LIMIT
  local result = {}
  for n, i in ipairs(self.by_tag[tag] or {}) do
    if n > limit then break end
    table.insert(result, self.posts[i].title)
  end
  return result
end

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local index = M.new(json.decode([[ [{"title": "Hello", "tags": ["lua"]}] ]]))
print(string.format("%d tags, ratio %.2f", count(index.by_tag), 0.5 * 0x10))
while #index.posts > 100 and index ~= nil do
  table.remove(index.posts)
end
return M
