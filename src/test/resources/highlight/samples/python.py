"""Builds a tag cloud from the posts of a blog."""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from pathlib import Path

TAG_LINE = re.compile(r"^tags:\s*\[(.*)\]$", re.MULTILINE)


@dataclass(frozen=True)
class Post:
    path: Path
    tags: list[str] = field(default_factory=list)
    words: int = 0

    @property
    def slug(self) -> str:
        return self.path.stem.lower()


def read_posts(folder: Path) -> list[Post]:
    posts = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = TAG_LINE.search(text)
        tags = [t.strip(" '\"") for t in match.group(1).split(",")] if match else []
        posts.append(Post(path, tags, len(text.split())))
    return posts


def cloud(posts, minimum=2):
    counts = {}
    for post in posts:
        for tag in post.tags:
            counts[tag] = counts.get(tag, 0) + 1
    total = sum(counts.values()) or 1
    return {tag: round(n / total * 100, 1) for tag, n in counts.items() if n >= minimum}


async def main(folder="content/posts"):
    counter = 0

    def bump():
        nonlocal counter
        counter += 1

    with open("cloud.txt", "w") as out:
        for tag, share in cloud(read_posts(Path(folder))).items():
            bump()
            print(f"{tag:<20} {share:5.1f}%", file=out)
    await asyncio.sleep(0.1)
    assert counter is not None and counter >= 0, "negative count"
    return lambda: counter * 1e3


if __name__ == "__main__":
    asyncio.run(main())
