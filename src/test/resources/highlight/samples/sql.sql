-- Posts, tags and the views of each post.
CREATE TABLE posts (
    id          SERIAL PRIMARY KEY,
    slug        VARCHAR(200) NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    published   TIMESTAMP WITH TIME ZONE DEFAULT now(),
    draft       BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE tags (
    post_id INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    name    VARCHAR(64) NOT NULL,
    PRIMARY KEY (post_id, name)
);

CREATE INDEX posts_published_idx ON posts (published DESC);

INSERT INTO posts (slug, title, draft)
VALUES ('hello-world', 'Hello, world', FALSE),
       ('it''s-a-draft', 'It''s a draft', TRUE);

/* The ten most used tags of published posts. */
SELECT t.name,
       COUNT(*) AS uses,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 2) AS share
FROM tags t
JOIN posts p ON p.id = t.post_id
WHERE p.draft = FALSE
  AND p.published >= NOW() - INTERVAL '1 year'
GROUP BY t.name
HAVING COUNT(*) > 1
ORDER BY uses DESC, t.name
LIMIT 10;

UPDATE posts SET title = UPPER(title) WHERE id IN (SELECT post_id FROM tags WHERE name LIKE 'java%');
DELETE FROM posts WHERE draft IS TRUE AND published < '2020-01-01';
