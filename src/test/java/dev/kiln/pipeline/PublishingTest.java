package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Feeds, sitemap, drafts, scheduled posts, redirects and sub-path hosting, through the CLI. */
class PublishingTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @TempDir
    Path site;

    private void write(String path, String text) {
        KilnRun.write(site.resolve(path), text);
    }

    private KilnRun build(String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--source", site.toString()));
        args.addAll(List.of(extra));
        return KilnRun.of(args.toArray(String[]::new));
    }

    private String out(String path) {
        return KilnRun.read(site.resolve("site").resolve(path));
    }

    private static org.w3c.dom.Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String child(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    @Test
    void feedHoldsTheNewestPostsWithFullContentAbsoluteLinksAndTheAuthorsOffset() throws Exception {
        write("content/site.yml", "title: T\nurl: https://example.com\nauthor: Ann\nfeed_size: 2\n");
        write("content/posts/2019-03-18-one.md", "---\ntitle: One & only\ndate: 2019-03-18 00:00:00 +0100\ntags: [a, B]\n---\n"
                + "See [two](/2019/03/19/two/).\n\nMore.\n");
        write("content/posts/2019-03-19-two.md", "---\ntitle: Two\n---\nSecond.\n");
        write("content/posts/2019-03-20-three.md", "---\ntitle: Three\n---\nThird.\n");
        assertEquals(0, build().exitCode());

        org.w3c.dom.Document feed = xml(out("feed.xml"));
        Element root = feed.getDocumentElement();
        assertEquals("feed", root.getLocalName());
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("2019-03-20T00:00:00Z", child(root, "updated"));
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(2, entries.getLength(), "feed_size limits the feed");
        Element newest = (Element) entries.item(0);
        assertEquals("Three", child(newest, "title"));
        assertEquals("https://example.com/2019/03/20/three/", child(newest, "id"));

        assertEquals(0, build("--output", site.resolve("all").toString()).exitCode());
        write("content/site.yml", "title: T\nurl: https://example.com\nauthor: Ann\n");
        assertEquals(0, build().exitCode());
        Element one = (Element) xml(out("feed.xml")).getElementsByTagNameNS(ATOM, "entry").item(2);
        assertEquals("One &amp; only", child(one, "title"), "title type=html holds escaped HTML");
        assertEquals("2019-03-18T00:00:00+01:00", child(one, "published"));
        assertEquals("Ann", child((Element) one.getElementsByTagNameNS(ATOM, "author").item(0), "name"));
        assertTrue(child(one, "content").contains("<a href=\"https://example.com/2019/03/19/two/\">two</a>"), child(one, "content"));
        assertTrue(child(one, "content").contains("<p>More.</p>"));
        NodeList categories = one.getElementsByTagNameNS(ATOM, "category");
        assertEquals("a", ((Element) categories.item(0)).getAttribute("term"));
        assertEquals("B", ((Element) categories.item(1)).getAttribute("term"));

        Element tagFeed = xml(out("tags/b/feed.xml")).getDocumentElement();
        assertEquals(1, tagFeed.getElementsByTagNameNS(ATOM, "entry").getLength());
        assertTrue(out("index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feed.xml\""));
    }

    @Test
    void sitemapListsEveryPageAndRobotsPointsAtIt() throws Exception {
        write("content/site.yml", "url: https://example.com\n");
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\ntags: [x]\n---\nBody.\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        write("content/hidden.md", "---\ntitle: Hidden\nsitemap: false\n---\nNot listed.\n");
        assertEquals(0, build().exitCode());
        NodeList locs = xml(out("sitemap.xml")).getElementsByTagName("loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        assertEquals(List.of("https://example.com/", "https://example.com/2019/03/18/one/", "https://example.com/about/",
                "https://example.com/posts/", "https://example.com/tags/", "https://example.com/tags/x/"), urls);
        assertTrue(out("sitemap.xml").contains("<lastmod>2019-03-18T00:00:00Z</lastmod>"));
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.com/sitemap.xml\n", out("robots.txt"));
    }

    @Test
    void aSitesOwnRobotsTxtWins() {
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\n---\nBody.\n");
        write("content/robots.txt", "User-agent: *\nDisallow: /\n");
        assertEquals(0, build().exitCode());
        assertEquals("User-agent: *\nDisallow: /\n", out("robots.txt"));
    }

    @Test
    void draftsAreLeftOutEverywhereUnlessAskedFor() {
        write("content/posts/2019-03-18-public.md", "---\ntitle: Public\ntags: [shared]\n---\nBody.\n");
        write("content/posts/2019-03-19-secret.md", "---\ntitle: Secret draft\ndraft: true\ntags: [shared, hush]\n---\nBody.\n");
        write("content/posts/2019-03-20-unpublished.md", "---\ntitle: Unpublished\npublished: false\n---\nBody.\n");
        assertEquals(0, build().exitCode());
        Map<String, byte[]> files = KilnRun.files(site.resolve("site"));
        assertFalse(files.containsKey("2019/03/19/secret/index.html"));
        assertFalse(files.containsKey("2019/03/20/unpublished/index.html"));
        assertFalse(files.containsKey("tags/hush/index.html"));
        files.forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.contains("Secret draft") || text.contains("Unpublished"), path + " leaks a draft");
        });

        assertEquals(0, build("--drafts").exitCode());
        assertTrue(out("2019/03/19/secret/index.html").contains("Secret draft"));
        assertTrue(out("tags/hush/index.html").contains("Secret draft"));
        assertTrue(out("index.html").contains("Unpublished"));
    }

    @Test
    void futurePostsWaitForTheirDateUnlessAskedFor() {
        // KilnRun's clock is 2026-11-25T12:00:00Z.
        write("content/posts/2026-11-25-today.md", "---\ntitle: Today\ndate: 2026-11-25 11:00:00 +0000\n---\nNow.\n");
        write("content/posts/2026-11-26-tomorrow.md", "---\ntitle: Tomorrow\ntags: [soon]\n---\nLater.\n");
        assertEquals(0, build().exitCode());
        assertTrue(Files.exists(site.resolve("site/2026/11/25/today/index.html")));
        assertFalse(Files.exists(site.resolve("site/2026/11/26/tomorrow/index.html")));
        assertFalse(out("feed.xml").contains("Tomorrow"));
        assertFalse(out("sitemap.xml").contains("tomorrow"));
        assertFalse(Files.exists(site.resolve("site/tags/soon/index.html")));

        assertEquals(0, build("--future").exitCode());
        assertTrue(out("2026/11/26/tomorrow/index.html").contains("Tomorrow"));
        assertTrue(out("feed.xml").contains("Tomorrow"));
    }

    @Test
    void aliasesWriteRedirectPagesAtOldUrls() {
        write("content/posts/2019-03-18-be-prepared.md", "---\ntitle: Be prepared\n"
                + "aliases: [/2019/03/17/prepare-amazon-interviews.html, /old/path/]\n---\nBody.\n");
        assertEquals(0, build().exitCode());
        String redirect = out("2019/03/17/prepare-amazon-interviews.html");
        assertTrue(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=/2019/03/18/be-prepared/\">"), redirect);
        assertTrue(redirect.contains("<link rel=\"canonical\" href=\"http://localhost:4000/2019/03/18/be-prepared/\">"), redirect);
        assertTrue(redirect.contains("<a href=\"/2019/03/18/be-prepared/\">Be prepared</a>"), redirect);
        assertTrue(out("old/path/index.html").contains("url=/2019/03/18/be-prepared/"));
        assertFalse(out("sitemap.xml").contains("/old/path/"));
    }

    @Test
    void aliasThatClashesWithAPageIsAnError() {
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\naliases: [/about/]\n---\nBody.\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("output about/index.html is also written by"), run.err());
    }

    @Test
    void anAliasThatIsThePostsOwnUrlButForCaseIsSkippedWithAWarning() {
        // GitHub Pages served /2019/03/18/Be-Prepared/ and /2019/03/18/be-prepared/ alike; where file names ignore
        // case, a redirect page at the first would overwrite the post at the second
        write("content/posts/2019-03-18-be-prepared.md", "---\ntitle: Be prepared\n"
                + "aliases:\n  - /old/\n  - /2019/03/18/Be-Prepared/\n---\nBody.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("content/posts/2019-03-18-be-prepared.md:5:5: warning: alias '/2019/03/18/Be-Prepared/'"
                + " differs only in case from this page's own URL /2019/03/18/be-prepared/, so it is skipped (where file names"
                + " ignore case, its redirect would overwrite the page) (hint: remove it; a server that ignores case in paths, as"
                + " GitHub Pages does, answers at both addresses)\n    - /2019/03/18/Be-Prepared/\n      ^\n"), run.err());
        assertTrue(out("2019/03/18/be-prepared/index.html").contains("<p>Body.</p>"), "the post, not a redirect to itself");
        assertFalse(Files.exists(site.resolve("site/2019/03/18/Be-Prepared")));
        assertTrue(out("old/index.html").contains("url=/2019/03/18/be-prepared/"), "the other alias still redirects");
    }

    @Test
    void redirectFromOfJekyllsPluginWritesRedirectPagesAsAliasesDoBesideThem() {
        // jekyll-redirect-from published /interview-loop as interview-loop.html; an old URL in both keys (the import writes
        // redirect_from: into aliases: too) is one redirect
        write("content/posts/2019-03-18-be-prepared.md", "---\ntitle: Be prepared\naliases: [/2019/03/17/old.html]\n"
                + "redirect_from:\n  - /interview-loop\n  - 2019/03/17/old.html\n  - /2019/03/18/Be-Prepared/\n---\nBody.\n");
        write("content/about.md", "---\ntitle: About\nredirect_from: /me/\n---\nMe.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("content/posts/2019-03-18-be-prepared.md:7:5: warning: redirect_from '/2019/03/18/Be-Prepared/'"
                + " differs only in case from this page's own URL /2019/03/18/be-prepared/, so it is skipped (where file names"
                + " ignore case, its redirect would overwrite the page) (hint: remove it; a server that ignores case in paths, as"
                + " GitHub Pages does, answers at both addresses)", run.err().lines().findFirst().orElseThrow());
        for (String old : List.of("interview-loop.html", "2019/03/17/old.html")) {
            assertTrue(out(old).contains("<meta http-equiv=\"refresh\" content=\"0; url=/2019/03/18/be-prepared/\">"), old);
        }
        assertTrue(out("me/index.html").contains("url=/about/"));
        assertFalse(out("sitemap.xml").contains("interview-loop"));
    }

    @Test
    void redirectFromThatClashesWithAPageOrIsUnsafeIsAnErrorAtItsLine() {
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\nredirect_from: /about/\n---\nBody.\n");
        write("content/posts/2019-03-19-two.md", "---\ntitle: Two\nredirect_from: [/ok/, /../../etc/passwd]\n---\nBody.\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("output about/index.html is also written by"), run.err());
        assertTrue(run.err().contains("content/posts/2019-03-19-two.md:3:16: error: redirect_from '/../../etc/passwd' is not a safe"
                + " site path (hint: write old URLs like /2019/03/17/old-name.html)"), run.err());
    }

    @Test
    void redirectToMakesThePageARedirectToItsAddressAndABadOneIsAnError() {
        write("content/site.yml", "title: T\nurl: https://t.example\nbaseurl: /blog\n");
        write("content/posts/2019-03-18-moved.md", "---\ntitle: Moved\nredirect_to: https://elsewhere.example/moved/\n---\nBody.\n");
        write("content/old.md", "---\ntitle: Old \"page\"\nredirect_to: /posts/\n---\nGone.\n");
        assertEquals(0, build().exitCode());
        String moved = out("2019/03/18/moved/index.html");
        assertTrue(moved.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://elsewhere.example/moved/\">"), moved);
        assertTrue(moved.contains("<link rel=\"canonical\" href=\"https://elsewhere.example/moved/\">"), moved);
        assertFalse(moved.contains("Body."), moved);
        String old = out("old/index.html");
        assertTrue(old.contains("<a href=\"/blog/posts/\">Old &quot;page&quot;</a>"), old);
        assertTrue(old.contains("<link rel=\"canonical\" href=\"https://t.example/blog/posts/\">"), old);
        assertFalse(out("sitemap.xml").contains("/old/"), "a redirect is no page to index");
        assertFalse(out("sitemap.xml").contains("/moved/"));

        write("content/old.md", "---\ntitle: Old\nredirect_to: elsewhere\n---\nGone.\n");
        KilnRun bad = build();
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("content/old.md:3:14: error: redirect_to 'elsewhere' is not an address to send readers to"
                + " (hint: write a full address such as https://example.com/new-page/ or a site path such as /new-page/)"), bad.err());
    }

    @Test
    void aPostThatIsARedirectIsListedButNoFeedEntryNorSocialCardAndItsOldUrlsGoStraightToItsAddress() {
        // jekyll-redirect-from gives such a post sitemap: false; its body is not at its link, so no feed carries it either
        write("content/site.yml", "title: T\nurl: https://t.example\n");
        write("content/posts/2019-03-18-moved.md", "---\ntitle: Moved away\ntags: [notes]\naliases: [/old-moved.html]\n"
                + "redirect_to: https://elsewhere.example/moved/\n---\nBody moved.\n");
        write("content/posts/2019-03-19-stays.md", "---\ntitle: Stays here\ntags: [notes]\n---\nBody stays.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        for (String feed : List.of("feed.xml", "feed.json", "tags/notes/feed.xml")) {
            assertTrue(out(feed).contains("Stays here"), feed);
            assertFalse(out(feed).contains("Moved away"), feed + " lists no redirect");
        }
        assertFalse(out("sitemap.xml").contains("/moved/"));
        assertFalse(out("search/index.json").contains("Moved away"));
        assertTrue(out("index.html").contains("Moved away"), "lists still show it, as Jekyll's site.posts has it");
        assertFalse(out("2019/03/18/moved/index.html").contains("og:image"));
        assertTrue(out("2019/03/19/stays/index.html").contains("og:image"));
        try (var cards = Files.list(site.resolve("site/assets/cards"))) {
            assertEquals(1, cards.count(), "a card for the post that stays only");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(out("old-moved.html").contains("<meta http-equiv=\"refresh\" content=\"0; url=https://elsewhere.example/moved/\">"),
                "one redirect, not two");
    }

    @Test
    void notFoundPageIsThemedAndLinksHome() {
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\n---\nBody.\n");
        assertEquals(0, build().exitCode());
        String notFound = out("404.html");
        assertTrue(notFound.contains("href=\"/\""), notFound);
        assertTrue(notFound.contains("/assets/css/kiln.css"), notFound);
    }

    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");

    @Test
    void underABaseurlNoInternalLinkEscapesIt() {
        write("content/site.yml", "url: https://example.com\nbaseurl: /blog/\n");
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\ntags: [a b]\nbackground: /img/bg.jpg\naliases: [/old/]\n---\n"
                + "![pic](/img/bg.jpg) and [two](/2019/03/19/two/) and [top](#top-part)\n\n## Top part\n");
        write("content/posts/2019-03-19-two.md", "---\ntitle: Two\n---\n[one](/2019/03/18/one/)\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        dev.kiln.image.TestImages.write(dev.kiln.image.TestImages.photo(1000, 400, 1, false), "jpg", site.resolve("content/img/bg.jpg"));
        for (int i = 1; i <= 7; i++) {
            write("content/posts/2020-01-0" + i + "-p" + i + ".md", "---\ntitle: P" + i + "\n---\nText.\n");
        }
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        int checked = 0;
        for (var file : KilnRun.files(site.resolve("site")).entrySet()) {
            if (!file.getKey().endsWith(".html") && !file.getKey().endsWith(".xml")) {
                continue;
            }
            Matcher m = LINK.matcher(new String(file.getValue(), StandardCharsets.UTF_8));
            while (m.find()) {
                String url = m.group(1).replace("https://example.com", "");
                if (url.startsWith("#") || url.startsWith("http")) {
                    continue;
                }
                assertTrue(url.startsWith("/blog/"), file.getKey() + " links to " + m.group(1));
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked + " links");
        assertTrue(out("sitemap.xml").contains("<loc>https://example.com/blog/2019/03/18/one/</loc>"));
        assertTrue(out("feed.xml").contains("https://example.com/blog/2019/03/19/two/"));
        assertTrue(out("robots.txt").contains("Sitemap: https://example.com/blog/sitemap.xml"));
    }

    @Test
    void brokenLinkStopsTheBuildUnlessChecksAreOff() {
        write("content/posts/2019-03-18-one.md", "---\ntitle: One\n---\nFirst line.\n\n   [gone](/2019/03/19/foo/)\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/posts/2019-03-18-one.md:6:4: error: link to /2019/03/19/foo/ does not exist"), run.err());
        assertEquals(0, build("--no-check-links").exitCode());
    }
}
