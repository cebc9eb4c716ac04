package dev.kiln.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posts most related to each post: those sharing the most tags and categories with it (each shared
 * one counts 1), then the newest, then by source path, so the choice never depends on file order.
 * Only posts that share something are related. Counted through the tag and category lists, so the cost
 * follows how many posts share terms, not the square of the site's size.
 */
final class RelatedPosts {
    private final Site site;

    RelatedPosts(Site site) {
        this.site = site;
    }

    /** For each post of {@link Site#posts()}, in that order, at most {@code limit} related posts. */
    List<List<Document>> all(int limit) {
        List<Document> posts = site.posts();
        List<List<Document>> result = new ArrayList<>(posts.size());
        if (limit == 0) {
            posts.forEach(p -> result.add(List.of()));
            return result;
        }
        Map<Document, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            index.put(posts.get(i), i);
        }
        Map<Tag, List<Document>> byTag = new HashMap<>();
        site.tags().forEach(t -> byTag.put(t.tag(), t.posts()));
        Map<Tag, List<Document>> byCategory = new HashMap<>();
        site.categories().forEach(c -> byCategory.put(c.tag(), c.posts()));
        int[] score = new int[posts.size()];
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            Document post = posts.get(i);
            count(post.tags(), byTag, index, score, touched);
            count(post.categories(), byCategory, index, score, touched);
            score[i] = 0; // a post is not related to itself
            // posts are newest first, so by index is by date, then path (the site's own order)
            touched.sort((a, b) -> score[a] != score[b] ? Integer.compare(score[b], score[a]) : Integer.compare(a, b));
            List<Document> chosen = new ArrayList<>(limit);
            for (int j : touched) {
                if (score[j] > 0 && chosen.size() < limit) {
                    chosen.add(posts.get(j));
                }
            }
            touched.forEach(j -> score[j] = 0);
            touched.clear();
            result.add(List.copyOf(chosen));
        }
        return result;
    }

    private static void count(List<Tag> terms, Map<Tag, List<Document>> postsOf, Map<Document, Integer> index, int[] score,
                              List<Integer> touched) {
        for (Tag term : terms) {
            for (Document other : postsOf.getOrDefault(term, List.of())) {
                int j = index.get(other);
                if (score[j]++ == 0) {
                    touched.add(j);
                }
            }
        }
    }
}
