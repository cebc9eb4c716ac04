package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Edges users hit: pagination at its boundaries, non-ASCII URLs, tag slugs that collide, placeholders
 * in a page's permalink, and outputs differing only in case. Built through the CLI, as in PublishingTest.
 */
class EdgesTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern NEWER = Pattern.compile("pager-newer-page\" href=\"([^\"]*)\"");
    private static final Pattern OLDER = Pattern.compile("pager-older-page\" href=\"([^\"]*)\"");
    private static final Pattern POST_LINK = Pattern.compile("post-preview-title\"><a href=\"([^\"]*)\"");

    @TempDir
    Path site;

    private void write(String path, String text) {
        KilnRun.write(site.resolve(path), text);
    }

    private KilnRun build() {
        return KilnRun.of("build", "--source", site.toString());
    }

    private String out(String path) {
        return KilnRun.read(site.resolve("site").resolve(path));
    }

    private Map<String, byte[]> outputs() {
        return KilnRun.files(site.resolve("site"));
    }

    private static org.w3c.dom.Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> sitemapLocs() throws Exception {
        NodeList locs = xml(out("sitemap.xml")).getElementsByTagName("loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        return urls;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    // 1. Pagination

    /**
     * Builds {@code posts} posts with {@code paginate} per page and checks every home page: which exist,
     * which posts each lists (newest first), its newer/older links, and the home pages in the sitemap.
     */
    private void checkPagination(int posts, int paginate, int expectedPages) throws Exception {
        write("content/site.yml", "url: https://example.com\npaginate: " + paginate + "\n");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 1; i <= posts; i++) {
            String name = String.format("2020-01-%02d-post-%d", i, i);
            write("content/posts/" + name + ".md", "---\ntitle: Post " + i + "\n---\nText " + i + ".\n");
            newestFirst.add(0, String.format("/2020/01/%02d/post-%d/", i, i));
        }
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        String label = posts + " posts, paginate " + paginate;

        List<String> homeFiles = outputs().keySet().stream()
                .filter(p -> p.equals("index.html") || p.startsWith("page/")).toList();
        List<String> expectedFiles = new ArrayList<>(List.of("index.html"));
        for (int n = 2; n <= expectedPages; n++) {
            expectedFiles.add("page/" + n + "/index.html");
        }
        assertEquals(new TreeSet<>(expectedFiles), new TreeSet<>(homeFiles), label + ": home pages");

        for (int n = 1; n <= expectedPages; n++) {
            String html = out(n == 1 ? "index.html" : "page/" + n + "/index.html");
            List<String> listed = all(POST_LINK, html);
            assertEquals(newestFirst.subList(Math.min(posts, (n - 1) * paginate), Math.min(posts, n * paginate)), listed,
                    label + ": posts on page " + n);
            assertEquals(n == 1 ? List.of() : List.of(n == 2 ? "/" : "/page/" + (n - 1) + "/"), all(NEWER, html),
                    label + ": newer link on page " + n);
            assertEquals(n == expectedPages ? List.of() : List.of("/page/" + (n + 1) + "/"), all(OLDER, html),
                    label + ": older link on page " + n);
        }

        List<String> homeLocs = sitemapLocs().stream()
                .filter(u -> u.equals("https://example.com/") || u.startsWith("https://example.com/page/")).toList();
        List<String> expectedLocs = expectedFiles.stream()
                .map(f -> "https://example.com/" + f.replace("index.html", "")).toList();
        assertEquals(expectedLocs, homeLocs, label + ": home pages in the sitemap");
    }

    @Test
    void noPostsMakeOneEmptyHomePageWithoutPagerLinks() throws Exception {
        checkPagination(0, 5, 1);
        assertTrue(out("index.html").contains("No posts yet."));
        assertEquals(List.of("https://example.com/", "https://example.com/posts/", "https://example.com/tags/"), sitemapLocs());
    }

    @Test
    void onePostMakesOneHomePage() throws Exception {
        checkPagination(1, 5, 1);
    }

    @Test
    void exactlyPaginatePostsFitOnOneHomePage() throws Exception {
        checkPagination(5, 5, 1);
    }

    @Test
    void onePostMoreThanPaginateMakesASecondHomePage() throws Exception {
        checkPagination(6, 5, 2);
    }

    @Test
    void paginateOneMakesAHomePagePerPost() throws Exception {
        checkPagination(3, 1, 3);
    }

    @Test
    void aPageAtTheRootIsTheHomePageAndThePostsStayInTheArchive() throws Exception {
        write("content/site.yml", "url: https://example.com\npaginate: 1\n");
        write("content/index.md", "---\ntitle: Welcome\npermalink: /\n---\nThe landing page.\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nA.\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nB.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());

        String home = out("index.html");
        assertTrue(home.contains("<h1 class=\"masthead-title\">Welcome</h1>") && home.contains("<p>The landing page.</p>"), home);
        assertTrue(all(POST_LINK, home).isEmpty(), "no list of posts on the page: " + home);
        assertTrue(outputs().keySet().stream().noneMatch(p -> p.startsWith("page/")), "no /page/2/: " + outputs().keySet());
        assertTrue(out("posts/index.html").contains("/2020/01/02/b/") && out("posts/index.html").contains("/2020/01/01/a/"));
        assertEquals(1, sitemapLocs().stream().filter(u -> u.equals("https://example.com/")).count(), "/ once in the sitemap");
    }

    // 2. Non-ASCII titles, slugs and tags

    private void writeNonAsciiSite() {
        write("content/site.yml", "url: https://example.com\n");
        write("content/posts/2020-01-01-bien-démarrer.md", "---\ntitle: Bien démarrer\ntags: [café, 日本語, \"🎉\"]\n---\n"
                + "Read [日本語](/2020/01/02/日本語/), [the same, encoded](/2020/01/02/%E6%97%A5%E6%9C%AC%E8%AA%9E/),"
                + " [café](/tags/café/), [party](/tags/u1f389/) and [à propos](/à-propos/).\n");
        write("content/posts/2020-01-02-nihongo.md", "---\ntitle: 日本語\nslug: 日本語\ntags: [日本語]\n---\n"
                + "Back to [the start](/2020/01/01/bien-d%C3%A9marrer/) or [raw](../../01/bien-démarrer/).\n");
        write("content/posts/2020-01-03-party.md", "---\ntitle: Party 🎉\ntags: [\"🎉\"]\n---\nFun.\n");
        write("content/à-propos.md", "---\ntitle: À propos\n---\nMe.\n");
    }

    @Test
    void nonAsciiUrlsAreWrittenUnencodedLinkedAsTypedAndPercentEncodedInFeedsAndSitemap() throws Exception {
        writeNonAsciiSite();
        KilnRun run = build();
        assertEquals(0, run.exitCode(), "the link checker accepts raw and percent-encoded links to them: " + run.err());

        Map<String, byte[]> files = outputs();
        for (String path : List.of("2020/01/01/bien-démarrer/index.html", "2020/01/02/日本語/index.html",
                "2020/01/03/party/index.html", "à-propos/index.html", "tags/café/index.html", "tags/café/feed.xml",
                "tags/日本語/index.html", "tags/日本語/feed.xml", "tags/u1f389/index.html", "tags/u1f389/feed.xml")) {
            assertTrue(files.containsKey(path), "output files carry the unencoded name: " + path + " in " + files.keySet());
        }
        assertFalse(files.keySet().stream().anyMatch(p -> p.contains("%")), "no percent sign in a file name: " + files.keySet());

        // HTML: the URL as typed; a browser percent-encodes it as UTF-8, which the server decodes to the file above.
        String first = out("2020/01/01/bien-démarrer/index.html");
        assertTrue(first.contains("<a class=\"tag\" href=\"/tags/café/\" rel=\"tag\">café</a>"), first);
        assertTrue(first.contains("<a class=\"tag\" href=\"/tags/日本語/\" rel=\"tag\">日本語</a>"), first);
        assertTrue(first.contains("<a class=\"tag\" href=\"/tags/u1f389/\" rel=\"tag\">🎉</a>"), first);
        assertTrue(first.contains("<title>Bien démarrer - My Blog</title>"), first);
        assertTrue(out("index.html").contains("<a href=\"/2020/01/02/日本語/\">日本語</a>"));
        for (String href : List.of("/tags/café/", "/2020/01/02/日本語/", "/à-propos/")) {
            String requested = URI.create("http://h" + dev.kiln.text.UrlText.encode(href)).getRawPath();
            assertTrue(requested.chars().allMatch(c -> c < 0x80), requested);
            assertTrue(files.containsKey(URLDecoder.decode(requested, StandardCharsets.UTF_8).substring(1) + "index.html"),
                    href + " requested as " + requested + " finds its file");
        }

        // Feeds: ids and links percent-encoded (IRIs are not URIs); categories keep the tag's name.
        org.w3c.dom.Document feed = xml(out("feed.xml"));
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(3, entries.getLength());
        Element japanese = (Element) entries.item(1);
        assertEquals("https://example.com/2020/01/02/%E6%97%A5%E6%9C%AC%E8%AA%9E/",
                japanese.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
        assertEquals("https://example.com/2020/01/02/%E6%97%A5%E6%9C%AC%E8%AA%9E/",
                ((Element) japanese.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"));
        Element start = (Element) entries.item(2);
        assertEquals("https://example.com/2020/01/01/bien-d%C3%A9marrer/", start.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
        List<String> terms = new ArrayList<>();
        NodeList categories = start.getElementsByTagNameNS(ATOM, "category");
        for (int i = 0; i < categories.getLength(); i++) {
            terms.add(((Element) categories.item(i)).getAttribute("term"));
        }
        assertEquals(List.of("café", "日本語", "🎉"), terms);
        Element tagFeed = xml(out("tags/日本語/feed.xml")).getDocumentElement();
        assertEquals("https://example.com/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/feed.xml", tagFeed.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
        assertEquals(2, tagFeed.getElementsByTagNameNS(ATOM, "entry").getLength());
        for (String feedFile : List.of("feed.xml", "tags/café/feed.xml", "tags/日本語/feed.xml", "tags/u1f389/feed.xml")) {
            org.w3c.dom.Document doc = xml(out(feedFile));
            for (String element : List.of("id", "link")) {
                NodeList nodes = doc.getElementsByTagNameNS(ATOM, element);
                for (int i = 0; i < nodes.getLength(); i++) {
                    String url = element.equals("id") ? nodes.item(i).getTextContent() : ((Element) nodes.item(i)).getAttribute("href");
                    assertTrue(url.chars().allMatch(c -> c > 0x20 && c < 0x7f), feedFile + ": " + element + " " + url + " is not ASCII");
                    URI.create(url); // a valid URI, not only an IRI
                }
            }
        }

        // Sitemap: every page, percent-encoded, each a valid URI.
        List<String> locs = sitemapLocs();
        assertEquals(List.of("https://example.com/", "https://example.com/2020/01/03/party/",
                "https://example.com/2020/01/02/%E6%97%A5%E6%9C%AC%E8%AA%9E/", "https://example.com/2020/01/01/bien-d%C3%A9marrer/",
                "https://example.com/%C3%A0-propos/", "https://example.com/posts/", "https://example.com/tags/",
                "https://example.com/tags/caf%C3%A9/", "https://example.com/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/",
                "https://example.com/tags/u1f389/"), locs);
        locs.forEach(URI::create);
    }

    @Test
    void linkCheckerReportsABrokenNonAsciiLinkAsWrittenWithTheClosestPage() {
        writeNonAsciiSite();
        write("content/posts/2020-01-03-party.md", "---\ntitle: Party 🎉\n---\nSee [café](/tags/cafè/).\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/posts/2020-01-03-party.md:4:5: error: link to /tags/cafè/ does not exist"
                + " (hint: did you mean /tags/café/ ?)"), run.err());
    }

    @Test
    void aSrcsetNamingAMissingFileIsABrokenLinkWhereItIsWritten() throws IOException {
        write("content/site.yml", "url: https://example.com\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.copy(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"), site.resolve("content/img/a.png"));
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nIntro.\n\n<picture><source srcset=\"/img/a.png 1x, /img/a-480.webp 480w\">"
                + "<img src=\"/img/a.png\" srcset=\"/img/a@2x.png 2x\" alt=\"A\"></picture>\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode(), run.err());
        List<String> headlines = run.err().lines().filter(l -> l.startsWith("content/")).toList();
        assertEquals(List.of("content/posts/2020-01-01-a.md:6:41: error: link to /img/a-480.webp does not exist (hint: did you mean /img/a-40w.webp ?)",
                "content/posts/2020-01-01-a.md:6:93: error: link to /img/a@2x.png does not exist (hint: did you mean /img/a.png ?)"),
                headlines);
    }

    @Test
    void aLinkToTheSitesHostOutsideWhatTheSiteWritesIsAnotherSites() throws IOException {
        // a GitHub user site: its host also serves the author's project pages, which no build of this site makes
        write("content/site.yml", "url: https://someone.github.io\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.copy(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"), site.resolve("content/img/a.png"));
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n[project](https://someone.github.io/project/)"
                + " ![logo](https://someone.github.io/project/logo.png) [keybase](https://someone.github.io/keybase.txt)"
                + " ![A](https://someone.github.io/img/a.png)\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n![A](https://someone.github.io/img/b.png)\n");
        run = build();
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/posts/2020-01-01-a.md:4:1: error: link to https://someone.github.io/img/b.png does not exist"
                + " (hint: did you mean /img/a.png ?)"), "a folder the site writes is the site's: " + run.err());
    }

    @Test
    void aLinkToTheSitesOwnAddressInFullIsCheckedAsALinkIntoTheSite() throws IOException {
        // Jekyll's {{ site.url }}{{ site.baseurl }}/img.png: the site's file, not another site's
        write("content/site.yml", "url: https://Example.com/\nbaseurl: /blog\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.copy(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"), site.resolve("content/img/a.png"));
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n![A]({{ site.url }}{{ site.baseurl }}/img/a.png)"
                + " [B]({{ site.url }}{{ site.baseurl }}/img/b.png) [home](https://example.com/blog) [main](https://example.com/cv/)\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode(), run.err());
        List<String> headlines = run.err().lines().filter(l -> l.startsWith("content/")).toList();
        assertEquals(List.of("content/posts/2020-01-01-a.md:4:50: error: link to https://Example.com/blog/img/b.png does not exist"
                + " (hint: did you mean /blog/img/a.png ?)"), headlines, "the host's other paths, outside the baseurl, are another site's");
    }

    @Test
    void withoutUrlInSiteYmlSiteUrlIsEmptyAsJekyllBuildLeavesItSoImagesStayOnTheSite() throws IOException {
        // a blog whose _config.yml has #url: commented out: real jekyll 4.3.1 build writes src="/blog/img/a.png", not localhost's
        write("content/site.yml", "baseurl: /blog\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.copy(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"), site.resolve("content/img/a.png"));
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n![A]({{ site.url }}{{ site.baseurl }}/img/a.png) [{{ site.url }}]\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        String post = KilnRun.read(site.resolve("site/2020/01/01/a/index.html"));
        assertTrue(post.contains(" src=\"/blog/img/a.png\""), post);
        assertTrue(post.contains(" []</p>"), post);
        assertFalse(post.contains("src=\"http://localhost"), post);
    }

    @Test
    void aLinkThatDiffersFromAFileOnlyInHowItsAccentsAreEncodedIsBrokenWithAHintNamingTheFile() throws IOException {
        String decomposed = Normalizer.normalize("café.jpg", Normalizer.Form.NFD); // as macOS names the file
        assertEquals("cafe\u0301.jpg", decomposed);
        write("content/site.yml", "url: https://example.com\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.write(site.resolve("content/img").resolve(decomposed), new byte[] {1, 2, 3});
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [the menu](/img/caf\u00e9.jpg).\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("content/posts/2020-01-01-a.md:4:5: error: link to /img/caf\u00e9.jpg does not exist (hint: the file "
                + "/img/" + decomposed + " differs from the link only in how its accented letters are encoded: decomposed in the file's "
                + "name (as macOS writes names), composed in the link; rename the file or type the link again)\n"), run.err());

        // The reverse, to a file and to a page: the names composed, the links decomposed.
        String line = "See [the menu](/img/" + decomposed + ") and [me](/" + Normalizer.normalize("\u00e0-propos/", Normalizer.Form.NFD) + ").";
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n" + line + "\n");
        Files.move(site.resolve("content/img").resolve(decomposed), site.resolve("content/img/caf\u00e9.jpg"));
        write("content/\u00e0-propos.md", "---\ntitle: \u00c0 propos\n---\nMe.\n");
        KilnRun reverse = build();
        assertEquals(1, reverse.exitCode(), reverse.err());
        String composedHint = " differs from the link only in how its accented letters are encoded: composed in the file's name, "
                + "decomposed in the link; rename the file or type the link again)";
        List<String> headlines = reverse.err().lines().filter(l -> l.startsWith("content/")).toList();
        assertEquals(List.of("content/posts/2020-01-01-a.md:4:5: error: link to /img/" + decomposed + " does not exist (hint: the file "
                        + "/img/caf\u00e9.jpg" + composedHint,
                "content/posts/2020-01-01-a.md:4:" + (line.indexOf("[me]") + 1) + ": error: link to /" + Normalizer.normalize("\u00e0-propos/",
                        Normalizer.Form.NFD) + " does not exist (hint: the file /\u00e0-propos/" + composedHint), headlines);
    }

    @Test
    void aLinkWrittenWithBackslashesLeadsWhereBrowsersTakeItAsWithSlashes() throws IOException {
        // A Windows author's ![plot](\images\Rplot.png): browsers read \ as / in an http(s) URL's path, so the image shows
        // in Jekyll's build; only the query and fragment keep a backslash.
        write("content/site.yml", "url: https://example.com\n");
        Files.createDirectories(site.resolve("content/images"));
        Files.write(site.resolve("content/images/Rplot.png"), new byte[] {1, 2, 3});
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n![plot](\\images\\Rplot.png)\n\n"
                + "[up](\\images\\Rplot.png?a\\b) and [b](\\2020\\01\\01\\a\\index.html#a)\n\n## A\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());

        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n![plot](\\images\\beta2.png)\n");
        KilnRun broken = build();
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().startsWith("content/posts/2020-01-01-a.md:4:1: error: link to \\images\\beta2.png does not exist"),
                broken.err());
    }

    // 3. Tags whose slugs collide

    @Test
    void tagsWhoseSlugsCollideGetNumberedSlugsInTheOrderOfTheirNames() {
        // C++ and "c plus plus" both slugify to c-plus-plus; a tag literally named c-plus-plus-2 must not be overwritten.
        String[][] layouts = {
            {"C++", "c plus plus", "c-plus-plus-2"},
            {"c-plus-plus-2", "C++", "c plus plus"},
        };
        for (String[] tags : layouts) {
            for (int i = 0; i < tags.length; i++) {
                write("content/posts/2020-01-0" + (i + 1) + "-p" + i + ".md",
                        "---\ntitle: P" + i + "\ntags: [\"" + tags[i] + "\"]\n---\nText.\n");
            }
            KilnRun run = build();
            assertEquals(0, run.exitCode(), run.err());
            // Names in order: "c plus plus" < "c++" < "c-plus-plus-2", whichever post and file comes first.
            assertTrue(out("tags/c-plus-plus/index.html").contains("<h1 class=\"masthead-title\">c plus plus</h1>"));
            assertTrue(out("tags/c-plus-plus-2/index.html").contains("<h1 class=\"masthead-title\">C++</h1>"));
            assertTrue(out("tags/c-plus-plus-2-2/index.html").contains("<h1 class=\"masthead-title\">c-plus-plus-2</h1>"));
            for (int i = 0; i < tags.length; i++) {
                String slug = switch (tags[i]) {
                    case "c plus plus" -> "c-plus-plus";
                    case "C++" -> "c-plus-plus-2";
                    default -> "c-plus-plus-2-2";
                };
                String post = out("2020/01/0" + (i + 1) + "/p" + i + "/index.html");
                assertTrue(post.contains("href=\"/tags/" + slug + "/\" rel=\"tag\">" + tags[i] + "</a>"), tags[i] + ": " + post);
                assertTrue(out("tags/" + slug + "/index.html").contains("/2020/01/0" + (i + 1) + "/p" + i + "/"));
                assertTrue(out("tags/" + slug + "/feed.xml").contains("/2020/01/0" + (i + 1) + "/p" + i + "/"));
            }
            assertEquals(3, outputs().keySet().stream().filter(p -> p.matches("tags/[^/]+/index.html")).count());
        }
    }

    // 4. Placeholders in a page's permalink

    @Test
    void pagePermalinkPlaceholdersTakeThePagesSlugTitleAndDate() {
        write("content/slug-page.md", "---\ntitle: Slug page\npermalink: /:slug/\n---\nBody.\n");
        write("content/about.md", "---\ntitle: About me\nslug: me\npermalink: /who/:slug/\n---\nBody.\n");
        write("content/contact.md", "---\ntitle: Write to me\npermalink: /t/:title.html\n---\nBody.\n");
        write("content/dated.md", "---\ntitle: Dated page\ndate: 2020-05-06\npermalink: /:year/:month/:slug/\n---\nBody.\n");
        write("content/plain.md", "---\ntitle: Plain\npermalink: /just/here/\n---\nBody.\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        Map<String, byte[]> files = outputs();
        for (String path : List.of("slug-page/index.html", "who/me/index.html", "t/write-to-me.html", "2020/05/dated-page/index.html",
                "just/here/index.html")) {
            assertTrue(files.containsKey(path), path + " in " + files.keySet());
        }
        assertFalse(files.keySet().stream().anyMatch(p -> p.contains(":")), files.keySet().toString());
    }

    @Test
    void pagePermalinkWithADatePlaceholderButNoDateIsAnErrorNamingIt() {
        write("content/notes.md", "---\ntitle: Notes\npermalink: /notes/:year/:slug/\n---\nBody.\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/notes.md:3:12: error: permalink '/notes/:year/:slug/' uses :year,"
                + " but this page has no date"), run.err());
        assertFalse(run.err().contains("not a safe site path"), run.err());
    }

    // 6. Outputs whose paths differ only in case

    @Test
    void pagesWhoseOutputsDifferOnlyInCaseAreAnErrorNamingBoth() {
        write("content/About.md", "---\ntitle: About\n---\nUpper.\n");
        write("content/about.md", "---\ntitle: about\n---\nLower.\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode());
        // On macOS and Windows one would silently overwrite the other; the build refuses on every system.
        assertTrue(run.err().startsWith("content/About.md:1:1: error: output About/index.html is also written by content/about.md"
                + " (hint: give one of them another slug, permalink or file name)\n"), run.err());
        assertTrue(run.err().contains("\ncontent/about.md:1:1: error: output about/index.html is also written by content/About.md"
                + " (hint: give one of them another slug, permalink or file name)\n"), run.err());
        assertTrue(run.err().endsWith("2 errors in 2 files (N ms); site/ was left unchanged\n"), run.err());
        assertFalse(Files.exists(site.resolve("site")), "nothing written");
    }

    @Test
    void postsWhoseSlugsDifferOnlyInCaseAreAnErrorNamingBoth() {
        write("content/posts/2020-01-02-first.md", "---\ntitle: First\nslug: Hello\n---\nOne.\n");
        write("content/posts/2020-01-02-second.md", "---\ntitle: Second\nslug: hello\n---\nTwo.\n");
        KilnRun run = build();
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/posts/2020-01-02-first.md:3:7: error: output 2020/01/02/Hello/index.html"
                + " is also written by content/posts/2020-01-02-second.md:3:7"), run.err());
        assertTrue(run.err().contains("\ncontent/posts/2020-01-02-second.md:3:7: error: output 2020/01/02/hello/index.html"
                + " is also written by content/posts/2020-01-02-first.md:3:7"), run.err());
    }
}
