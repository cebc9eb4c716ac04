package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** series: and the related posts under each post, as a reader sees them. */
class SeriesAndRelatedTest {
    @TempDir
    Path site;

    private KilnRun build(String siteYml) {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\n" + siteYml);
        return KilnRun.of("build", "--source", site.toString());
    }

    private void post(String name, String front) {
        KilnRun.write(site.resolve("content/posts/" + name), "---\n" + front + "---\nBody.\n");
    }

    private String page(String path) {
        return KilnRun.read(site.resolve("site/" + path + "index.html"));
    }

    private static List<String> related(String html) {
        int start = html.indexOf("<h2 id=\"related-posts\">");
        if (start < 0) {
            return List.of();
        }
        String section = html.substring(start, html.indexOf("</section>", start));
        return Pattern.compile("<a href=\"([^\"]+)\"").matcher(section).results().map(m -> m.group(1)).toList();
    }

    @Test
    void aSeriesIsReadInDateOrderWithAPartNofMBoxAndAPage() {
        // one series, whatever the case; shown as its first post spells it (each spelling is used once)
        post("2022-01-03-c.md", "title: Third\nseries: Kilns\n");
        post("2022-01-01-a.md", "title: First\nseries: kilns\n");
        post("2022-01-02-b.md", "title: Second\nseries: KILNS\n");
        post("2022-01-04-other.md", "title: Other\n");
        assertEquals(0, build("").exitCode());
        String second = page("2022/01/02/b/");
        assertTrue(second.contains("<p class=\"series-title\">Part 2 of 3 in the series <a href=\"/series/kilns/\">kilns</a></p>"), second);
        assertTrue(second.contains("<li><a href=\"/2022/01/01/a/\">First</a></li>\n      <li><span aria-current=\"page\">Second</span></li>\n"
                + "      <li><a href=\"/2022/01/03/c/\">Third</a></li>"), second);
        assertFalse(page("2022/01/04/other/").contains("series-box"));
        String series = page("series/kilns/");
        assertTrue(series.indexOf(">First</a>") < series.indexOf(">Second</a>") && series.indexOf(">Second</a>") < series.indexOf(">Third</a>"),
                series);
        assertTrue(KilnRun.read(site.resolve("site/sitemap.xml")).contains("<loc>https://t.example/series/kilns/</loc>"));
    }

    @Test
    void relatedPostsShareTheMostTagsAndCategoriesThenAreTheNewestThenByPath() {
        post("2022-01-01-base.md", "title: Base\ntags: [a, b]\ncategories: [c]\n");
        post("2022-01-02-one.md", "title: One shared\ntags: [a]\n");
        post("2022-01-03-three.md", "title: Three shared\ntags: [a, b]\ncategories: [c]\n");
        post("2022-01-04-two.md", "title: Two shared\ntags: [b]\ncategories: [c]\n");
        post("2022-01-05-one-newer.md", "title: One shared, newer\ntags: [b]\n");
        post("2022-01-05-one-same-day.md", "title: One shared, same day\ntags: [a]\n");
        post("2022-01-06-none.md", "title: None\ntags: [z]\n");
        assertEquals(0, build("related_posts: 4\n").exitCode());
        assertEquals(List.of("/2022/01/03/three/", "/2022/01/04/two/", "/2022/01/05/one-newer/", "/2022/01/05/one-same-day/"),
                related(page("2022/01/01/base/")));
        assertEquals(List.of(), related(page("2022/01/06/none/")), "a post sharing nothing has no related posts");
        assertFalse(page("2022/01/06/none/").contains("Related posts"));
    }

    @Test
    void relatedPostsAreTheBestOnASiteWithCommonAndRareTags() {
        // the search skips the lists of common tags when rarer ones already give the best: it must choose what counting every shared tag chooses
        java.util.Random random = new java.util.Random(21);
        int count = 80;
        List<java.util.Set<Integer>> tags = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            java.util.Set<Integer> mine = new java.util.TreeSet<>();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                mine.add((int) (12 * Math.pow(random.nextDouble(), 2.5))); // tag 0 on most posts, tag 11 on few
            }
            tags.add(mine);
            post(String.format("%s-p%02d.md", java.time.LocalDate.of(2022, 1, 1).plusDays(i), i), "title: P" + i + "\ntags: ["
                    + mine.stream().map(t -> "t" + t).collect(java.util.stream.Collectors.joining(", ")) + "]\n");
        }
        assertEquals(0, build("related_posts: 4\n").exitCode());
        for (int i = 0; i < count; i++) {
            int self = i;
            List<String> expected = java.util.stream.IntStream.range(0, count).boxed()
                    .filter(j -> j != self && shared(tags.get(self), tags.get(j)) > 0)
                    .sorted(java.util.Comparator.comparing((Integer j) -> -shared(tags.get(self), tags.get(j))).thenComparing(j -> -j))
                    .limit(4).map(j -> url(j)).toList();
            assertEquals(expected, related(page(url(i).substring(1))), "post " + i + " tagged " + tags.get(i));
        }
    }

    private static long shared(java.util.Set<Integer> a, java.util.Set<Integer> b) {
        return a.stream().filter(b::contains).count();
    }

    private static String url(int i) {
        return "/" + java.time.LocalDate.of(2022, 1, 1).plusDays(i).toString().replace('-', '/') + "/p" + String.format("%02d", i) + "/";
    }

    @Test
    void relatedPostsAreThreeByDefaultAndTurnOffWithZeroOrFalse() {
        for (int i = 1; i <= 5; i++) {
            post("2022-01-0" + i + "-p" + i + ".md", "title: P" + i + "\ntags: [same]\n");
        }
        assertEquals(0, build("").exitCode());
        assertEquals(3, related(page("2022/01/01/p1/")).size());
        assertEquals(0, build("related_posts: false\n").exitCode());
        assertEquals(List.of(), related(page("2022/01/01/p1/")));
        assertEquals(0, build("related_posts: 0\n").exitCode());
        assertFalse(page("2022/01/01/p1/").contains("related-posts"));
        KilnRun wrong = build("related_posts: lots\n");
        assertEquals(1, wrong.exitCode());
        assertTrue(wrong.err().startsWith("content/site.yml:3:16: error: related_posts should be a number of posts from 0 to 100,"
                + " or false, not 'lots'"), wrong.err());
        assertTrue(Files.isRegularFile(site.resolve("site/2022/01/01/p1/index.html")), "the last good site stays");
    }
}
