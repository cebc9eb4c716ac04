package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds this repository's own content/ and templates/, the blog Kiln ships with. */
class RealContentTest {
    private static final String SEED_PAGE = "2019/03/18/be-prepared-for-your-interview-at-amazon/index.html";
    /** ../shared/seed/000_2bb7dd1d56d7c04c.txt, the seed article: its SHA-256 and size. */
    private static final String SEED_SHA256 = "997817edcad46d3894618753c828a2f8619ac04920c2adb76bbef0e985d16585";
    private static final int SEED_BYTES = 4900;
    private static final List<String> SEED_TAGS = List.of("leadership-principles", "amazon", "interview", "hiring");

    @TempDir
    static Path tmp;
    static KilnRun run;
    static Map<String, byte[]> site;

    @BeforeAll
    static void build() {
        run = KilnRun.of("build", "--source", ".", "--output", tmp.resolve("site").toString());
        site = KilnRun.files(tmp.resolve("site"));
    }

    private static String page(String path) {
        byte[] bytes = site.get(path);
        assertTrue(bytes != null, path + " was not generated");
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void buildsWithZeroDiagnostics() {
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
    }

    /**
     * The post must stay exactly the article as given. Its SHA-256 was taken from the shared seed
     * file, so the test runs on any clone; where the seed folder sits next to the repository, the
     * recorded hash is checked against it as well.
     */
    @Test
    void seedPostIsByteIdenticalToTheArticleAsGiven() throws Exception {
        byte[] post = Files.readAllBytes(Path.of("content/posts/2019-03-18-be-prepared-for-your-interview-at-amazon.md"));
        assertEquals(SEED_SHA256, sha256(post), "content/posts/2019-03-18-be-prepared-for-your-interview-at-amazon.md"
                + " is no longer the seed article as given (" + post.length + " bytes; the seed has " + SEED_BYTES + ")");
        Path seed = Path.of("../shared/seed/000_2bb7dd1d56d7c04c.txt");
        if (Files.exists(seed)) {
            assertArrayEquals(Files.readAllBytes(seed), post);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void seedPostKeepsTheAuthorsDateAndShowsItsMasthead() {
        String html = page(SEED_PAGE);
        assertTrue(html.contains("Be prepared for your interview at Amazon"), "title");
        assertTrue(html.contains("You&#39;ve got that interview, what&#39;s next ?"), "subtitle");
        assertTrue(html.contains("March 18, 2019"), "date");
        assertTrue(html.contains("/img/generic_gray.jpg"), "masthead image");
        assertTrue(site.containsKey("img/generic_gray.jpg"), "the background image is copied");
    }

    @Test
    void seedPostLinksToItsFourTagPagesWhichListIt() {
        String html = page(SEED_PAGE);
        for (String tag : SEED_TAGS) {
            assertTrue(html.contains("href=\"/tags/" + tag + "/\""), "link to tag " + tag);
            assertTrue(page("tags/" + tag + "/index.html").contains("href=\"/2019/03/18/be-prepared-for-your-interview-at-amazon/\""),
                    "tag page " + tag + " lists the post");
        }
    }

    @Test
    void seedPostHeadCarriesSearchAndSocialMetadata() {
        String head = page(SEED_PAGE).split("</head>")[0];
        assertTrue(head.contains("<meta name=\"description\" content=\"Some advices to prepare yourself before an interview at Amazon.\">"), head);
        assertTrue(head.contains("<link rel=\"canonical\" href=\"https://seb.example.com/2019/03/18/be-prepared-for-your-interview-at-amazon/\">"), head);
        assertTrue(head.contains("<meta property=\"og:image\" content=\"https://seb.example.com/img/generic_gray.jpg\">"), head);
        assertTrue(head.contains("<meta property=\"article:published_time\" content=\"2019-03-18T00:00:00+01:00\">"), head);
        assertEquals(4, head.split("property=\"article:tag\"", -1).length - 1, head);
        assertTrue(head.contains("<title>Be prepared for your interview at Amazon - Seb&#39;s Blog</title>"), head);
    }

    @Test
    void feedListsTheSeedPostWithItsFullContentAndOffset() {
        String feed = page("feed.xml");
        assertTrue(feed.contains("<published>2019-03-18T00:00:00+01:00</published>"), feed);
        assertTrue(feed.contains("know your subject."), "full content");
    }

    @Test
    void feedsAndSitemapAreWellFormedForXmllint() throws Exception {
        Path xmllint = Tools.require("apt-get install libxml2-utils", "xmllint");
        List<String> command = new java.util.ArrayList<>(List.of(xmllint.toString(), "--noout"));
        site.keySet().stream().filter(p -> p.endsWith(".xml")).forEach(p -> command.add(tmp.resolve("site").resolve(p).toString()));
        assertTrue(command.size() > 4, "feed, sitemap and tag feeds");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertEquals("", output);
    }

    @Test
    void kramdownAttributesBecomeAttributesNeverText() {
        String html = page(SEED_PAGE);
        Matcher blank = Pattern.compile("<a [^>]*target=\"_blank\"[^>]*>").matcher(html);
        int count = 0;
        while (blank.find()) {
            assertTrue(blank.group().contains("rel=\"noopener\""), blank.group());
            count++;
        }
        assertEquals(5, count, "the seed's five target=_blank links");
        for (var entry : site.entrySet()) {
            if (entry.getKey().endsWith(".html")) {
                String text = new String(entry.getValue(), StandardCharsets.UTF_8);
                assertFalse(text.contains("{:"), entry.getKey() + " contains {:");
                assertFalse(text.contains(":target="), entry.getKey() + " contains :target=");
                assertFalse(Pattern.compile("<a\\s[^>]*>(?:(?!</a>).)*<a\\s", Pattern.DOTALL).matcher(text).find(),
                        entry.getKey() + " has an <a> inside an <a>");
            }
        }
    }

    @Test
    void outputDoesNotDependOnTheJvmTimeZone() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            Path tokyo = tmp.resolve("tokyo");
            assertEquals(0, KilnRun.of("build", "--source", ".", "--output", tokyo.toString()).exitCode());
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Path la = tmp.resolve("la");
            assertEquals(0, KilnRun.of("build", "--source", ".", "--output", la.toString()).exitCode());
            for (Map<String, byte[]> other : List.of(KilnRun.files(tokyo), KilnRun.files(la))) {
                assertEquals(site.keySet(), other.keySet());
                site.forEach((path, bytes) -> assertArrayEquals(bytes, other.get(path), path));
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
