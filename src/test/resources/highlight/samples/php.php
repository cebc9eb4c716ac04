<?php

declare(strict_types=1);

namespace App\Blog;

use DateTimeImmutable;
use InvalidArgumentException;

/**
 * A post, with the fields the templates print.
 */
final class Post
{
    public const STATUS_DRAFT = 'draft';

    private array $tags = [];

    public function __construct(
        public readonly string $title,
        private DateTimeImmutable $date,
        private ?string $status = null,
    ) {
        if (trim($title) === '') {
            throw new InvalidArgumentException("A post needs a title");
        }
    }

    public function tag(string ...$tags): static
    {
        foreach ($tags as $tag) {
            $this->tags[] = strtolower($tag);
        }
        return $this;
    }

    public function url(): string
    {
        $slug = preg_replace('/[^a-z0-9]+/', '-', strtolower($this->title));
        return sprintf('/%s/%s/', $this->date->format('Y/m/d'), trim($slug, '-'));
    }

    public static function fromArray(array $data): self
    {
        $post = new self($data['title'] ?? '', new DateTimeImmutable($data['date']));
        return $post->tag(...($data['tags'] ?? []));
    }
}

$posts = array_map([Post::class, 'fromArray'], json_decode(file_get_contents('posts.json'), true));
$count = count($posts);
echo "Loaded {$count} posts\n";
if ($count > 0x10 && isset($posts[0])) {
    print $posts[0]->url() . PHP_EOL;
}
$ratio = $count / 2.5;
