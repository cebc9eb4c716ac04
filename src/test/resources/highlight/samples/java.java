package dev.example.feed;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A feed of posts, newest first.
 */
@SuppressWarnings("unused")
public final class Feed implements Iterable<Post> {
    private static final int MAX_ENTRIES = 20;
    private final List<Post> posts = new ArrayList<>();
    private long hits = 0L;

    public record Post(String title, OffsetDateTime date, double score) {
        public Post {
            Objects.requireNonNull(title, "title");
        }
    }

    public Feed add(Post post) {
        if (posts.size() >= MAX_ENTRIES) {
            throw new IllegalStateException("feed is full: " + posts.size());
        }
        posts.add(post);
        posts.sort((a, b) -> b.date().compareTo(a.date()));
        return this;
    }

    @Override
    public java.util.Iterator<Post> iterator() {
        hits++;
        return posts.iterator();
    }

    public static void main(String[] args) throws Exception {
        Feed feed = new Feed();
        for (int i = 0; i < 3; i++) {
            feed.add(new Post("Post #" + i, OffsetDateTime.now().minusDays(i), 0.5 * i));
        }
        char separator = '\t';
        boolean empty = feed.posts.isEmpty();
        /* print them */
        feed.forEach(p -> System.out.println(p.title() + separator + p.score()));
        System.out.printf("%d posts, empty=%b, hex=%x%n", feed.posts.size(), empty, 0xFF);
    }
}
