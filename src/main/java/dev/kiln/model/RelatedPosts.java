package dev.kiln.model;

import dev.kiln.work.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The posts most related to each post: those sharing the most tags and categories with it (each shared
 * one counts 1), then the newest, then by source path, so the choice never depends on file order.
 * Only posts that share something are related. A post's rare terms are counted through their lists of
 * posts, its common ones 64 posts at a time as bits, so a post costs at most a few thousand steps however
 * popular its tags are (counting every list post by post made the related posts a tenth of a build of
 * 10,000 posts whose commonest tag is on two thirds of them).
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
            Scratch scratch = new Scratch(posts.size(), limit, terms.mostTerms());
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
    private record Terms(int[][] postsOf, int[][] termsOf, long[][] bitsOf) {
        /**
         * A term on at least a 32nd of the posts is counted a machine word (64 posts) at a time, as a set of
         * bits, instead of post by post: the commonest tags of a big blog are on thousands of posts.
         */
        static boolean dense(int posts, int postsWithTerm) {
            return postsWithTerm * 32L >= posts;
        }

        /** The most terms one post has: how many bits the counters need. */
        int mostTerms() {
            return Arrays.stream(termsOf).mapToInt(t -> t.length).max().orElse(0);
        }

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
            long[][] bitsOf = new long[postsOf.length][];
            for (int t = 0; t < postsOf.length; t++) {
                if (dense(posts.size(), postsOf[t].length)) {
                    bitsOf[t] = new long[(posts.size() + 63) >>> 6];
                    for (int j : postsOf[t]) {
                        bitsOf[t][j >>> 6] |= 1L << j;
                    }
                }
            }
            return new Terms(postsOf, termsOf, bitsOf);
        }

    }

    /** One task's working arrays, each as long as the site has posts, reused from post to post. */
    private static final class Scratch {
        private final int[] score;
        private final int[] seenBy;
        private final int[] touched;
        private final int[] best;
        /** Bit planes of a counter per post: plane j holds bit j of how many of the post's dense terms each post has. */
        private final long[][] planes;

        Scratch(int posts, int limit, int mostTerms) {
            score = new int[posts];
            seenBy = new int[posts];
            Arrays.fill(seenBy, -1);
            touched = new int[posts];
            best = new int[limit];
            planes = new long[Integer.SIZE - Integer.numberOfLeadingZeros(mostTerms)][(posts + 63) >>> 6];
        }

        /**
         * Post {@code p}'s related posts. Its rare terms are counted post by post, its dense ones into the bit
         * planes; a post with a rare term gets both counts, and the best of the others are read from the planes,
         * highest count first, in index order, so reading stops at the first {@code limit} of them.
         */
        List<Integer> relatedTo(int p, Terms terms) {
            int dense = 0;
            int count = 0;
            for (int t : terms.termsOf()[p]) {
                if (terms.bitsOf()[t] != null) {
                    add(terms.bitsOf()[t]);
                    dense++;
                    continue;
                }
                for (int j : terms.postsOf()[t]) {
                    if (j == p) {
                        continue;
                    }
                    if (seenBy[j] != p) {
                        seenBy[j] = p;
                        score[j] = 0;
                        touched[count++] = j;
                    }
                    score[j]++;
                }
            }
            int planesUsed = Integer.SIZE - Integer.numberOfLeadingZeros(dense);
            for (int k = 0; k < count; k++) {
                score[touched[k]] += counted(touched[k], planesUsed);
            }
            count = denseOnly(p, dense, planesUsed, count);
            for (int j = 0; j < planesUsed; j++) {
                Arrays.fill(planes[j], 0);
            }
            int chosen = best(count);
            List<Integer> related = new ArrayList<>(chosen);
            for (int k = 0; k < chosen; k++) {
                related.add(best[k]);
            }
            return List.copyOf(related);
        }

        /** Adds one to the counter of each post in {@code bits}: a ripple-carry addition, a word at a time. */
        private void add(long[] bits) {
            for (int w = 0; w < bits.length; w++) {
                long carry = bits[w];
                for (int j = 0; carry != 0; j++) {
                    long sum = planes[j][w] ^ carry;
                    carry &= planes[j][w];
                    planes[j][w] = sum;
                }
            }
        }

        /** How many of the dense terms post {@code q} has. */
        private int counted(int q, int planesUsed) {
            int n = 0;
            for (int j = 0; j < planesUsed; j++) {
                n |= (int) (planes[j][q >>> 6] >>> q & 1) << j;
            }
            return n;
        }

        /**
         * Adds to the touched posts the best {@code best.length} posts that share only dense terms, highest count
         * first, then by index: planes read count by count, each in index order, until enough are found.
         */
        private int denseOnly(int p, int dense, int planesUsed, int count) {
            int found = 0;
            for (int s = dense; s > 0 && found < best.length; s--) {
                for (int w = 0; w < planes[0].length && found < best.length; w++) {
                    long equal = -1L;
                    for (int j = 0; j < planesUsed; j++) {
                        equal &= (s >>> j & 1) == 1 ? planes[j][w] : ~planes[j][w];
                    }
                    for (; equal != 0 && found < best.length; equal &= equal - 1) {
                        int q = (w << 6) + Long.numberOfTrailingZeros(equal);
                        if (q != p && seenBy[q] != p && q < score.length) {
                            seenBy[q] = p;
                            score[q] = s;
                            touched[count++] = q;
                            found++;
                        }
                    }
                }
            }
            return count;
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

        private boolean better(int a, int b) {
            return score[a] != score[b] ? score[a] > score[b] : a < b;
        }
    }
}
