package dev.kiln.model;

import dev.kiln.work.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The posts most related to each post: those sharing the most tags and categories with it (each shared
 * one counts 1), then the newest, then by source path, so the choice never depends on file order.
 * Only posts that share something are related. Found through the tag and category lists, so the cost
 * follows how many posts share terms, not the square of the site's size.
 */
final class RelatedPosts {
    /** Posts per task: enough to pay for each task's scratch arrays, few enough to spread over the cores. */
    private static final int CHUNK = 256;

    private final Site site;

    RelatedPosts(Site site) {
        this.site = site;
    }

    /** For each post of {@link Site#posts()}, in that order, the indices of at most {@code limit} related posts. */
    List<List<Integer>> all(int limit) {
        List<Document> posts = site.posts();
        List<List<Integer>> result = new ArrayList<>(posts.size());
        if (limit == 0) {
            posts.forEach(p -> result.add(List.of()));
            return result;
        }
        Terms terms = Terms.of(site);
        @SuppressWarnings("unchecked")
        List<Integer>[] related = new List[posts.size()];
        Parallel.forEach((posts.size() + CHUNK - 1) / CHUNK, chunk -> {
            Scratch scratch = new Scratch(posts.size(), terms.postsOf().length, limit);
            for (int i = chunk * CHUNK; i < Math.min(posts.size(), (chunk + 1) * CHUNK); i++) {
                related[i] = scratch.relatedTo(i, terms);
            }
        });
        result.addAll(Arrays.asList(related));
        return result;
    }

    /**
     * Each term (tags, then categories: a tag and a category of the same name are two terms) as a number,
     * with the indices of its posts in ascending order; and each post's terms, ascending.
     */
    private record Terms(int[][] postsOf, int[][] termsOf) {
        static Terms of(Site site) {
            List<Document> posts = site.posts();
            Map<Document, Integer> index = new IdentityHashMap<>();
            for (int i = 0; i < posts.size(); i++) {
                index.put(posts.get(i), i);
            }
            List<Site.TagPosts> all = new ArrayList<>(site.tags());
            all.addAll(site.categories());
            int[][] postsOf = new int[all.size()][];
            Map<Tag, Integer> tagIds = new HashMap<>();
            Map<Tag, Integer> categoryIds = new HashMap<>();
            for (int t = 0; t < all.size(); t++) {
                (t < site.tags().size() ? tagIds : categoryIds).put(all.get(t).tag(), t);
                postsOf[t] = all.get(t).posts().stream().mapToInt(index::get).sorted().toArray();
            }
            int[][] termsOf = new int[posts.size()][];
            for (int i = 0; i < posts.size(); i++) {
                Document post = posts.get(i);
                termsOf[i] = Stream.concat(
                                post.tags().stream().map(tagIds::get), post.categories().stream().map(categoryIds::get))
                        .filter(Objects::nonNull).mapToInt(Integer::intValue).distinct().sorted().toArray();
            }
            return new Terms(postsOf, termsOf);
        }

    }

    /** One task's working arrays, each as long as the site has posts, reused from post to post. */
    private static final class Scratch {
        private final int[] score;
        private final int[] seenBy;
        private final int[] touched;
        private final int[] best;
        private final int[] termOf;

        Scratch(int posts, int terms, int limit) {
            termOf = new int[terms];
            Arrays.fill(termOf, -1);
            score = new int[posts];
            seenBy = new int[posts];
            Arrays.fill(seenBy, -1);
            touched = new int[posts];
            best = new int[limit];
        }

        /**
         * A post sharing {@code s} of post {@code p}'s {@code m} terms is in at least one of any
         * {@code m - s + 1} of their lists. So the lists are read shortest first, each candidate scored
         * exactly, and reading stops once {@code limit} candidates share at least as many terms as a post
         * in none of the lists read could: a post tagged with the site's commonest tag seldom reads its list.
         */
        List<Integer> relatedTo(int p, Terms terms) {
            Integer[] mine = Arrays.stream(terms.termsOf()[p]).boxed().toArray(Integer[]::new);
            Arrays.sort(mine, Comparator.comparingInt((Integer t) -> terms.postsOf()[t].length));
            int m = mine.length;
            for (int t : mine) {
                termOf[t] = p;
            }
            int[] withScore = new int[m + 1];
            int count = 0;
            for (int read = 1; read <= m; read++) {
                for (int j : terms.postsOf()[mine[read - 1]]) {
                    if (j != p && seenBy[j] != p) {
                        seenBy[j] = p;
                        score[j] = shared(p, terms.termsOf()[j]);
                        withScore[score[j]]++;
                        touched[count++] = j;
                    }
                }
                int atLeast = 0;
                for (int s = m - read + 1; s <= m; s++) {
                    atLeast += withScore[s];
                }
                if (atLeast >= best.length) {
                    break;
                }
            }
            int chosen = best(count);
            List<Integer> related = new ArrayList<>(chosen);
            for (int k = 0; k < chosen; k++) {
                related.add(best[k]);
            }
            return List.copyOf(related);
        }

        /**
         * The best {@code best.length} touched posts into {@code best}, highest score first, then by index
         * (posts are newest first, so by date, then path: the site's own order); returns how many. One pass
         * with an insertion into a short list, where sorting every post that shares a tag took seconds on
         * 10,000 posts.
         */
        private int best(int count) {
            int size = 0;
            for (int k = 0; k < count; k++) {
                int j = touched[k];
                if (size == best.length && !better(j, best[size - 1])) {
                    continue;
                }
                int at = size == best.length ? size - 1 : size++;
                while (at > 0 && better(j, best[at - 1])) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = j;
            }
            return size;
        }

        /** How many of its terms a post shares with post {@code p}, whose terms are marked. */
        private int shared(int p, int[] termsOfOther) {
            int n = 0;
            for (int t : termsOfOther) {
                if (termOf[t] == p) {
                    n++;
                }
            }
            return n;
        }

        private boolean better(int a, int b) {
            return score[a] != score[b] ? score[a] > score[b] : a < b;
        }
    }
}
