# Writes the expected HTML of every kramdown test case here (and of Kiln's own, in blog/), from the real kramdown:
#   <case>.gfm.html       as Jekyll 4.3 renders it (input: GFM and Jekyll's kramdown defaults)
#   <case>.kramdown.html  as kramdown's own suite does (input: kramdown)
# each with the case's .options on top. Run from this folder: ruby generate.rb
# (Debian: apt-get install ruby-kramdown ruby-kramdown-parser-gfm; kramdown 2.4.0, parser-gfm 1.1.0)
require 'kramdown'
require 'kramdown-parser-gfm'
require 'yaml'

JEKYLL = { input: 'GFM', auto_ids: true, toc_levels: (1..6).to_a, entity_output: :as_char,
           smart_quotes: 'lsquo,rsquo,ldquo,rdquo', hard_wrap: false, guess_lang: true, footnote_nr: 1,
           show_warnings: false, syntax_highlighter: nil }.freeze

Dir.glob('{testcases,blog}/**/*.text').sort.each do |text_file|
  base = text_file.delete_suffix('.text')
  options = {}
  if File.exist?("#{base}.options")
    (YAML.safe_load(File.read("#{base}.options"), permitted_classes: [Symbol]) || {}).each do |key, value|
      key = key.to_s.delete_prefix(':').to_sym
      options[key] = value if Kramdown::Options.defined?(key)
    end
  end
  text = File.read(text_file, encoding: 'utf-8')
  File.write("#{base}.gfm.html", Kramdown::Document.new(text, JEKYLL.merge(options)).to_html)
  File.write("#{base}.kramdown.html",
             Kramdown::Document.new(text, { input: 'kramdown', syntax_highlighter: nil }.merge(options)).to_html)
end
