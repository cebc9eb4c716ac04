import { readFile } from "node:fs/promises";
import type { Stats } from "node:fs";

export interface Post {
  readonly slug: string;
  title: string;
  tags?: string[];
  published: Date;
}

type Sorter<T> = (a: T, b: T) => number;

enum Status {
  Draft = "draft",
  Published = "published",
}

const newestFirst: Sorter<Post> = (a, b) => b.published.getTime() - a.published.getTime();

export class Blog<P extends Post = Post> {
  private posts: P[] = [];
  static readonly PAGE_SIZE = 10;

  constructor(public readonly title: string, private status: Status = Status.Draft) {}

  add(...posts: P[]): this {
    this.posts.push(...posts);
    this.posts.sort(newestFirst);
    return this;
  }

  page(n: number): P[] {
    const start = (n - 1) * Blog.PAGE_SIZE;
    return this.posts.slice(start, start + Blog.PAGE_SIZE);
  }

  get count(): number {
    return this.posts.length;
  }
}

export async function load(path: string): Promise<Post[]> {
  const text = await readFile(path, "utf8");
  const raw = JSON.parse(text) as Array<Record<string, unknown>>;
  return raw.map((r) => ({
    slug: String(r["slug"]),
    title: r.title as string,
    published: new Date(r.date as string),
  }));
}

const blog = new Blog<Post>("Notes", Status.Published);
console.log(`${blog.title}: ${blog.count} posts`, null, 42n);
