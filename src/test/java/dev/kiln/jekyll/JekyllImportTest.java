package dev.kiln.jekyll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln import jekyll on the Jekyll sites under src/test/resources/jekyll/NAME/source: the files it
 * writes and what it prints are golden (NAME/expected/, NAME/report.txt; {@code -Dgolden.update=true}
 * rewrites them), and every URL the Jekyll site had (NAME/urls.txt, checked by hand against a real
 * {@code jekyll build}) is a page or a redirect of the built Kiln site.
 */
class JekyllImportTest {
    private static final Path FIXTURES = Path.of("src/test/resources/jekyll");
    /** Jekyll dates a draft without a date by its file's time; the fixture's copies all get this one. */
    private static final Instant DRAFT_TIME = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path tmp;

    private static final String NO_ADDRESS = "content/site.yml:1: warning: no url:, so the feed, sitemap, robots.txt and canonical links"
            + " point at http://localhost:4000\nhint: set url: to the address the site is published at, e.g. url: https://example.com"
            + " (kiln serve needs none)\n";

    @TestFactory
    Stream<DynamicTest> importWritesTheGoldenFilesAndReport() throws IOException {
        return fixtures().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path source = copySource(name);
            Path target = tmp.resolve(name + "-kiln");
            KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err());
            String report = run.out().replace(source.toString(), "SRC").replace(target.toString(), "DEST");
            Path fixture = FIXTURES.resolve(name);
            if (Boolean.getBoolean("golden.update")) {
                rewrite(fixture.resolve("expected"), KilnRun.files(target));
                Files.writeString(fixture.resolve("report.txt"), report, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(KilnRun.read(fixture.resolve("report.txt")), report);
            Map<String, byte[]> expected = KilnRun.files(fixture.resolve("expected"));
            Map<String, byte[]> actual = KilnRun.files(target);
            assertEquals(String.join("\n", expected.keySet()), String.join("\n", actual.keySet()));
            for (String path : expected.keySet()) {
                assertEquals(new String(expected.get(path), StandardCharsets.UTF_8), new String(actual.get(path), StandardCharsets.UTF_8),
                        path + " differs from the golden file (run with -Dgolden.update=true to accept, then review the diff)");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyJekyllUrlIsAPageOrARedirectOfTheBuiltSite() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : fixtures()) {
            if (name.equals("already-broken")) {
                continue; // its links were broken in Jekyll already: it must not build (see alreadyBrokenLinksAreReportedByTheFirstBuild)
            }
            tests.add(DynamicTest.dynamicTest(name, () -> checkUrls(name, false)));
            tests.add(DynamicTest.dynamicTest(name + " --keep-urls", () -> checkUrls(name, true)));
        }
        return tests.stream();
    }

    private void checkUrls(String name, boolean keepUrls) throws IOException {
        Path source = copySource(name);
        Path target = Files.createTempDirectory(tmp, name + (keepUrls ? "-kept" : "-kiln"));
        KilnRun run = keepUrls ? KilnRun.of("import", "jekyll", source.toString(), target.toString(), "--keep-urls")
                : KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        // a site without an address (zoned: no url:, no CNAME, no *_url) is told so by the import and warned of by each build
        String addressWarning = run.out().contains("  content/site.yml: no url: (") ? NO_ADDRESS : "";
        assertEquals(addressWarning, build.err(), "no problem at all, links included");
        List<String> missing = new ArrayList<>();
        List<String> redirected = new ArrayList<>();
        List<String> lostButThere = new ArrayList<>();
        List<String> fromPlugin = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURES.resolve(name).resolve("urls.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String url = line.split(" ")[0];
            if (line.endsWith(" (redirect)")) {
                fromPlugin.add(url);
            }
            Path file = target.resolve("site").resolve(url.endsWith("/") ? url.substring(1) + "index.html" : url.substring(1));
            if (line.contains(" lost: ")) {
                if (Files.exists(file)) {
                    lostButThere.add(url);
                }
                continue;
            }
            if (!Files.isRegularFile(file)) {
                missing.add(url);
            } else if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("<meta http-equiv=\"refresh\"")) {
                redirected.add(url);
            }
        }
        assertEquals(List.of(), missing, "Jekyll URLs that the Kiln site lacks");
        assertEquals(List.of(), lostButThere, "urls.txt says these are lost, but the Kiln site has them: update it");
        if (keepUrls) {
            // only what was a redirect or a list of posts in Jekyll too is a redirect (" (redirect)"): every post and page kept its URL
            assertEquals(fromPlugin, redirected);
        } else {
            assertFalse(redirected.isEmpty(), "Kiln's own URLs differ, so the old ones redirect");
        }
    }

    @Test
    void theAuthorsWordsAreNeverChanged() throws IOException {
        Path source = copySource("blog");
        Path target = tmp.resolve("words");
        assertEquals(0, KilnRun.of("import", "jekyll", source.toString(), target.toString()).exitCode());
        Map<String, String> copies = Map.of(
                "_posts/2026-02-19-some-post.md", "content/posts/2026-02-19-some-post.md",
                "_posts/2026-03-01-Why_C++-Matters.markdown", "content/posts/2026-03-01-Why_C++-Matters.markdown",
                "_posts/notes/2026-03-05-categories.mkd", "content/posts/notes/2026-03-05-categories.md",
                "_drafts/an-idea.md", "content/posts/an-idea.md",
                "about.md", "content/about.md",
                "contact.html", "content/contact.md");
        for (Map.Entry<String, String> copy : copies.entrySet()) {
            String before = KilnRun.read(source.resolve(copy.getKey()));
            String after = KilnRun.read(target.resolve(copy.getValue()));
            assertEquals(body(before), body(after), copy.getValue() + ": the body is byte for byte the Jekyll one");
            List<String> beforeLines = List.of(frontMatter(before).split("\n"));
            List<String> afterLines = new ArrayList<>(List.of(frontMatter(after).split("\n")));
            for (String line : beforeLines) {
                String kept = line.startsWith("layout:") ? afterLines.stream().filter(l -> l.endsWith("# Jekyll layout: "
                        + line.substring("layout:".length()).strip())).findFirst().orElse(line) : line;
                assertTrue(afterLines.remove(kept), copy.getValue() + " lost the front matter line " + line);
            }
            for (String addedLine : afterLines) {
                assertTrue(addedLine.matches("(aliases|draft|date|permalink|markdown): .*"), copy.getValue() + " gained " + addedLine);
            }
        }
        for (String file : List.of("img/photo.png", "favicon.ico", "CNAME", "assets/site.js")) {
            assertArrayEquals(Files.readAllBytes(source.resolve(file)), Files.readAllBytes(target.resolve("content").resolve(file)), file);
        }
    }

    @Test
    void aBlogWithJekyllFeedFiltersIncludesPaginationCollectionsAndItsOwnExcerptSeparatorReadsAsJekyllWroteIt() throws IOException {
        Path source = copySource("notebook");
        Path target = tmp.resolve("notebook-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("To check: nothing\n"), run.out());
        assertFalse(run.out().contains("excerpt_separator:"), "<!-- more --> is Kiln's separator too, spaces and all");
        assertEquals(0, KilnRun.of("build", "--source", target.toString()).exitCode());
        // each as jekyll build (4.3.1) wrote it
        assertTrue(read(target, "blog/tags/index.html").contains("<li>\n<p><strong>intro</strong>: 1 post</p>\n</li>\n<li>\n"
                + "<p><strong>java</strong>: 1 post</p>"), "site.tags | sort gives [name, posts] pairs");
        assertTrue(read(target, "2026/02/10/loops-in-java/index.html").contains("<figcaption>The <em>four</em> loops\n</figcaption>"),
                "an include's | markdownify runs");
        assertTrue(read(target, "about/index.html").contains("<h3 id=\"java\">Java<a class=\"anchor\" href=\"#java\""
                + " aria-label=\"Link to this section\">#</a></h3>\n<ul>\n<li>Quill (2026)</li>\n<li>Kiln (2026)</li>\n</ul>"),
                "site.data grouped, sorted and reversed");
        String older = read(target, "page/2/index.html");
        assertTrue(older.contains("<p>First post. It says hello.</p>") && !older.contains("The rest of the hello"), "the excerpt ends at <!-- more -->");
        // jekyll-paginate's /blog/page2/ listed the oldest posts, two to a page, as Kiln's /page/2/ does
        assertTrue(read(target, "blog/page2/index.html").contains("<meta http-equiv=\"refresh\" content=\"0; url=/page/2/\">"));
        assertTrue(read(target, "atom.xml").contains("The rest of the hello"), "jekyll-feed's /atom.xml is the feed, in full");
        // a collection with output: true: its documents are pages, at their Jekyll URLs or redirected from them
        assertTrue(read(target, "projects/tools/quill/index.html").contains("<p>A pen for quill notes.</p>"));
        assertTrue(read(target, "projects/quill/index.html").contains("url=/projects/tools/quill/"));
    }

    @Test
    void theKramdownOptionsOfConfigThatKilnReadsGoIntoSiteYmlAndThePostsReadAsJekyllBuiltThem() throws IOException {
        // a course site's _config.yml: its <details> answers hold Markdown, which real jekyll 4.3.1 renders with parse_block_html
        Path source = tmp.resolve("answers");
        KilnRun.write(source.resolve("_config.yml"), "title: C\nurl: https://c.example.org\nkramdown:\n  input: GFM\n"
                + "  parse_block_html: true\n  auto_ids: false\n  toc_levels: 2..3\n  syntax_highlighter_opts:\n    css_class: highlight\n"
                + "    block:\n      line_numbers: true\n");
        KilnRun.write(source.resolve("_posts/2024-03-01-quiz.md"), "---\ntitle: Quiz\n---\n## Question\n\n<details>\n"
                + "<summary>Answer</summary>\n\n**Bold** answer\n</details>\n\n```sh\nls\n```\n");
        Path target = tmp.resolve("answers-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(KilnRun.read(target.resolve("content/site.yml")).endsWith("\nkramdown:\n  parse_block_html: true\n  auto_ids: false\n"
                + "  toc_levels: \"2..3\"\n  syntax_highlighter_opts:\n    block:\n      line_numbers: true\n"), KilnRun.read(target.resolve("content/site.yml")));
        assertTrue(run.out().contains("content/site.yml: from _config.yml: title, url, kramdown (parse_block_html, auto_ids, toc_levels, syntax_highlighter_opts); "),
                run.out());
        assertTrue(run.out().contains("  _config.yml:4: kramdown: Kiln reads kramdown's Markdown itself; site.yml's kramdown: took"
                + " parse_block_html, auto_ids, toc_levels, syntax_highlighter_opts; input is not used\n"), run.out());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err());
        String post = read(target, "2024/03/01/quiz/index.html");
        assertTrue(post.contains("<p><strong>Bold</strong> answer</p>"), post);
        assertTrue(post.contains("<h2>Question</h2>"), post);
        assertTrue(post.contains("<code class=\"language-sh linenos\">"), "numbered as rouge numbered it: " + post);
    }

    @Test
    void liquidThatReadsACollectionIsListedUnderToCheckAsEmptyInKilnAndTheResultBuilds() throws IOException {
        Path source = tmp.resolve("collections");
        KilnRun.write(source.resolve("_config.yml"), "title: C\nurl: https://c.example.org\ncollections:\n  projects:\n    output: true\n");
        KilnRun.write(source.resolve("_projects/kiln.md"), "---\ntitle: Kiln\n---\nA generator.\n");
        KilnRun.write(source.resolve("work.md"), "---\ntitle: Work\n---\n{% for p in site.projects %}- {{ p.title }}\n{% endfor %}\n"
                + "{{ site.projects.size }} projects\n");
        Path target = tmp.resolve("collections-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  content/projects/kiln.md: from _projects/kiln.md; added aliases:; Jekyll URL /projects/kiln.html"
                + " redirects to /projects/kiln/\n"), run.out());
        assertTrue(run.out().contains("To check:\n"
                + "  content/work.md: its Liquid reads site.projects, Jekyll's collection projects: Kiln has no collections, so it is empty"
                + " here and prints nothing (the collection's documents are pages under content/projects/, in site.pages); write the"
                + " list by hand, or loop over site.pages\n"
                + "  content/work.md:7:4: variable site.projects.size is not set: it prints nothing, where Jekyll printed its"
                + " collection's (site.yml has liquid: strict_variables: false); write it by hand, or remove it\n"), run.out());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err());
        assertTrue(read(target, "projects/kiln.html").contains("url=/projects/kiln/"), "Jekyll's /:collection/:path:output_ext");
    }

    @Test
    void aChirpyBlogKeepsItsPostUrlsFromDefaultsItsImagesUnderMediaSubpathAndKilnsTagIndexForItsTagsTab() throws IOException {
        Path source = tmp.resolve("chirpy");
        KilnRun.write(source.resolve("_config.yml"), "title: C\nurl: https://c.example.org\ntheme: jekyll-theme-chirpy\n"
                + "collections:\n  tabs:\n    output: true\n    sort_by: order\n"
                + "defaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      layout: post\n"
                + "      permalink: /posts/:title/\n"
                + "  - scope:\n      path: _posts/shots\n    values:\n      media_subpath: /assets/img/shots\n"
                + "  - scope:\n      path: \"\"\n      type: tabs\n    values:\n      layout: page\n      permalink: /:title/\n");
        byte[] png = Files.readAllBytes(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"));
        Files.createDirectories(source.resolve("assets/img/posts/2023"));
        Files.createDirectories(source.resolve("assets/img/shots"));
        Files.write(source.resolve("assets/img/posts/2023/run.png"), png);
        Files.write(source.resolve("assets/img/posts/2023/ui.png"), png);
        Files.write(source.resolve("assets/img/shots/prompt.png"), png);
        KilnRun.write(source.resolve("_posts/2023-08-15-smeshing.md"), "---\ntitle: Smeshing\ntags: [crypto]\n"
                + "media_subpath: /assets/img/posts/2023/\n---\n![SMAPP: run](run.png){: .shadow w='399' h='206' }\n"
                + "_Type it._\n\n![](/ui.png)\n\n> Tip.\n{: .prompt-tip }\n");
        KilnRun.write(source.resolve("_posts/shots/2023-08-16-prompt.md"), "---\ntitle: Prompt\n---\n![prompt](prompt.png)\n");
        KilnRun.write(source.resolve("_tabs/about.md"), "---\nicon: fas fa-info-circle\norder: 4\n---\nMe.\n");
        KilnRun.write(source.resolve("_tabs/tags.md"), "---\nlayout: tags\nicon: fas fa-tags\norder: 2\n---\n");
        Path target = tmp.resolve("chirpy-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  content/posts/2023-08-15-smeshing.md: from _posts/2023-08-15-smeshing.md; added aliases:;"
                + " layout: from _config.yml's defaults:; Jekyll URL /posts/smeshing/ redirects to /2023/08/15/smeshing/\n"), run.out());
        assertTrue(run.out().contains("  content/posts/shots/2023-08-16-prompt.md: from _posts/shots/2023-08-16-prompt.md; added"
                + " media_subpath:, aliases:; layout: from _config.yml's defaults:; media_subpath /assets/img/shots from _config.yml's"
                + " defaults:; Jekyll URL /posts/prompt/ redirects to /2023/08/16/prompt/\n"), run.out());
        assertTrue(run.out().contains("  content/tabs/about.md: from _tabs/about.md; added aliases:; layout: from _config.yml's defaults:;"
                + " Jekyll URL /about/ redirects to /tabs/about/\n"), run.out());
        assertTrue(run.out().contains("  _tabs/tags.md:1:1: its URL /tags/ is Kiln's own tag index; the import left the page out"), run.out());
        assertFalse(Files.exists(target.resolve("content/tabs/tags.md")));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        String post = read(target, "2023/08/15/smeshing/index.html");
        assertTrue(post.contains("<img src=\"/assets/img/posts/2023/run.png\" alt=\"SMAPP: run\" class=\"shadow\" w=\"399\" h=\"206\""
                + " width=\"40\" height=\"20\" /></picture>\n<em>Type it.</em>"), post);
        assertTrue(post.contains("<img src=\"/assets/img/posts/2023/ui.png\" alt=\"\""), post);
        assertTrue(post.contains("<blockquote class=\"prompt-tip\">"), post);
        assertTrue(read(target, "2023/08/16/prompt/index.html").contains("<img src=\"/assets/img/shots/prompt.png\""));
        assertTrue(read(target, "posts/smeshing/index.html").contains("url=/2023/08/15/smeshing/"), "Chirpy's /posts/:title/ redirects");
    }

    @Test
    void minimalMistakesFiguresGalleriesVideosAndTableOfContentsFromTheThemeShowInThePost() throws IOException {
        Path source = tmp.resolve("mm");
        KilnRun.write(source.resolve("_config.yml"), "title: M\nurl: https://m.example.org\nremote_theme: mmistakes/minimal-mistakes\n");
        byte[] png = Files.readAllBytes(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"));
        Files.createDirectories(source.resolve("assets/images"));
        for (String name : List.of("top.png", "one.png", "one-th.png", "two.png", "two-th.png")) {
            Files.write(source.resolve("assets/images/" + name), png);
        }
        KilnRun.write(source.resolve("_posts/2021-03-04-tmux.md"), "---\ntitle: tmux\ngallery:\n"
                + "  - url: /assets/images/one.png\n    image_path: /assets/images/one-th.png\n    alt: \"one\"\n"
                + "  - url: /assets/images/two.png\n    image_path: /assets/images/two-th.png\n    alt: \"two\"\n---\n"
                + "{% include figure image_path=\"/assets/images/top.png\" alt=\"the top\"  \ncaption=\"tmux, *configured*.\" %}\n\n"
                + "{% include toc %}\n\n## Sessions\n\nKept.\n{: .notice--info}\n\n{% include gallery caption=\"Two panes.\" %}\n\n"
                + "{% include video id=\"XsxDH4HcOWA\" provider=\"youtube\" %}\n");
        Path target = tmp.resolve("mm-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  templates/includes/figure: Minimal Mistakes' include, as Kiln writes it (the theme gem gave it"
                + " to Jekyll)\n"), run.out());
        assertTrue(run.out().contains("To check: nothing\n"), run.out());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        String post = read(target, "2021/03/04/tmux/index.html");
        assertTrue(post.contains("<figure class=\"\"><picture><source type=\"image/webp\" srcset=\"/assets/images/top-40w.webp\">"
                + "<img src=\"/assets/images/top.png\" alt=\"the top\" width=\"40\" height=\"20\"></picture>"
                + "<figcaption>tmux, <em>configured</em>.</figcaption></figure>"), post);
        assertTrue(post.contains("<aside class=\"sidebar__right\">\n<nav class=\"toc\">\n<header><h4 class=\"nav__title\">On this page"
                + "</h4></header>\n<ul class=\"toc__menu\" id=\"markdown-toc\">\n<li><a href=\"#sessions\" id=\"markdown-toc-sessions\">"
                + "Sessions</a></li>\n</ul>"), post);
        assertTrue(post.contains("<figure class=\"half \"><a href=\"/assets/images/one.png\"><picture>"), post);
        assertTrue(post.contains("alt=\"two\" width=\"40\" height=\"20\" loading=\"lazy\" decoding=\"async\"></picture></a>"
                + "<figcaption>Two panes.</figcaption></figure>"), post);
        assertTrue(post.contains("<div class=\"responsive-video-container\"><iframe src=\"https://www.youtube-nocookie.com/embed/XsxDH4HcOWA\""
                + " frameborder=\"0\" allowfullscreen></iframe></div>"), post);
        assertFalse(post.contains("{:") || post.contains("markdown=\""), post);
    }

    @Test
    void frontMatterDefaultsAreWrittenIntoTheFilesTheyApplyToTheFilesOwnValuesWinning() throws IOException {
        // as real Jekyll 4.3 builds this site: one gets layout, tags and author; two keeps its own tags and author;
        // the note is not published; shown is, at /notes/2024/01/04/shown.html (its categories); guide gets layout and toc
        Path source = tmp.resolve("defaults");
        KilnRun.write(source.resolve("_config.yml"), "title: D\nurl: https://d.example.org\ndefaults:\n"
                + "  - scope:\n      path: \"\"\n      type: posts\n    values:\n      layout: post\n      tags: [general]\n      author: Ada\n"
                + "  - scope:\n      path: \"_posts/notes\"\n    values:\n      categories: [notes]\n      published: false\n"
                + "  - scope:\n      path: \"docs\"\n      type: pages\n    values:\n      layout: doc\n      toc: true\n");
        KilnRun.write(source.resolve("_posts/2024-01-01-one.md"), "---\ntitle: One\n---\nOne.\n");
        KilnRun.write(source.resolve("_posts/2024-01-02-two.md"), "---\ntitle: Two\ntags: [own]\nauthor: Bob\n---\nTwo.\n");
        KilnRun.write(source.resolve("_posts/notes/2024-01-03-note.md"), "---\ntitle: Note\n---\nNote.\n");
        KilnRun.write(source.resolve("_posts/notes/2024-01-04-shown.md"), "---\ntitle: Shown\npublished: true\n---\nShown.\n");
        KilnRun.write(source.resolve("docs/guide.md"), "---\ntitle: Guide\n---\nGuide.\n");
        Path target = tmp.resolve("defaults-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  content/posts/2024-01-01-one.md: from _posts/2024-01-01-one.md; added aliases:; layout:, tags:,"
                + " author: from _config.yml's defaults:; Jekyll URL /2024/01/01/one.html redirects to /2024/01/01/one/\n"), run.out());
        assertEquals("---\ntitle: One\nlayout: \"post\"\ntags: [\"general\"]\nauthor: \"Ada\"\naliases: [\"/2024/01/01/one.html\"]\n---\nOne.\n",
                KilnRun.read(target.resolve("content/posts/2024-01-01-one.md")));
        assertEquals("---\ntitle: Two\ntags: [own]\nauthor: Bob\nlayout: \"post\"\naliases: [\"/2024/01/02/two.html\"]\n---\nTwo.\n",
                KilnRun.read(target.resolve("content/posts/2024-01-02-two.md")));
        assertTrue(KilnRun.read(target.resolve("content/posts/notes/2024-01-03-note.md")).contains("\npublished: false\n"));
        assertTrue(run.out().contains("Jekyll URL /notes/2024/01/04/shown.html redirects to /2024/01/04/shown/\n"), run.out());
        assertEquals("---\ntitle: Guide\nlayout: page # Jekyll layout: \"doc\"\ntoc: true\naliases: [\"/docs/guide.html\"]\n---\nGuide.\n",
                KilnRun.read(target.resolve("content/docs/guide.md")));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(read(target, "tags/general/index.html").contains("/2024/01/01/one/"));
        assertFalse(read(target, "tags/general/index.html").contains("/2024/01/02/two/"), "two's own tags");
        assertFalse(Files.exists(target.resolve("site/2024/01/03/note/index.html")), "published: false");
        assertTrue(Files.exists(target.resolve("site/2024/01/04/shown/index.html")));
        assertTrue(read(target, "categories/notes/index.html").contains("/2024/01/04/shown/"));
    }

    @Test
    void aDraftTakesTheDefaultsOfPostsNotOfTypeDraftsAndTheOldSingularTypesStillMatch() throws IOException {
        // as real Jekyll 4.3.1 builds this site with --drafts: a draft is a document of the posts collection, so a scope
        // type: posts (or the deprecated post) holds it and type: drafts (or draft) holds nothing; page is pages
        Path source = tmp.resolve("draft-defaults");
        KilnRun.write(source.resolve("_config.yml"), "title: D\nurl: https://d.example.org\ndefaults:\n"
                + "  - scope:\n      type: drafts\n    values:\n      layout: sketch\n      comments: false\n"
                + "  - scope:\n      type: draft\n    values:\n      toc: true\n"
                + "  - scope:\n      type: post\n    values:\n      author: Ada\n"
                + "  - scope:\n      type: page\n    values:\n      author: Bob\n"
                + "  - scope:\n      type: posts\n    values:\n      tags: [general]\n");
        KilnRun.write(source.resolve("_drafts/an-idea.md"), "---\ntitle: Idea\n---\nIdea.\n");
        KilnRun.write(source.resolve("_posts/2024-01-01-one.md"), "---\ntitle: One\n---\nOne.\n");
        KilnRun.write(source.resolve("about.md"), "---\ntitle: About\n---\nAbout.\n");
        Path target = tmp.resolve("draft-defaults-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        String draft = KilnRun.read(target.resolve("content/posts/an-idea.md"));
        assertTrue(draft.contains("\nauthor: \"Ada\"\ntags: [\"general\"]\n"), draft);
        assertFalse(draft.contains("sketch") || draft.contains("comments:") || draft.contains("toc:"), draft);
        assertTrue(KilnRun.read(target.resolve("content/posts/2024-01-01-one.md")).contains("\nauthor: \"Ada\"\ntags: [\"general\"]\n"));
        assertTrue(KilnRun.read(target.resolve("content/about.md")).contains("\nauthor: \"Bob\"\n"));
    }

    @Test
    void anAuthorNamingAnEntryOfDataAuthorsBecomesThatEntrysMapAsJekyllSeoTagAndJekyllFeedReadIt() throws IOException {
        // real Jekyll 4.3.1 with jekyll-feed 0.17 and jekyll-seo-tag 2.8: one's <author> is Jane Doe, jane@jane.example,
        // https://jane.example; an entry without name: is named by its key (seo-tag's meta author "joe")
        Path source = tmp.resolve("data-authors");
        KilnRun.write(source.resolve("_config.yml"), "title: D\nurl: https://d.example.org\n");
        KilnRun.write(source.resolve("_data/authors.yml"), "jdoe:\n  name: Jane Doe\n  uri: https://jane.example\n"
                + "  email: jane@jane.example\njoe:\n  twitter: joe\n");
        KilnRun.write(source.resolve("_posts/2024-01-01-one.md"), "---\ntitle: One\nauthor: jdoe\n---\nOne.\n");
        KilnRun.write(source.resolve("_posts/2024-01-02-two.md"), "---\ntitle: Two\nauthors:\n  - joe\n  - Ann\n---\nTwo.\n");
        Path target = tmp.resolve("data-authors-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("---\ntitle: One\nauthor: {\"name\": \"Jane Doe\", \"uri\": \"https://jane.example\", \"email\": \"jane@jane.example\"}"
                + " # from _data/authors.yml, as jekyll-seo-tag and jekyll-feed read it; before the import:\n# author: jdoe\n"
                + "aliases: [\"/2024/01/01/one.html\"]\n---\nOne.\n", KilnRun.read(target.resolve("content/posts/2024-01-01-one.md")));
        assertTrue(run.out().contains("content/posts/2024-01-01-one.md: from _posts/2024-01-01-one.md; added aliases:;"
                + " author: its entry of _data/authors.yml, its lines as written kept in comments"), run.out());
        assertTrue(run.out().contains("authors: their entries of _data/authors.yml"), run.out());
        assertTrue(KilnRun.read(target.resolve("content/posts/2024-01-02-two.md")).contains("\nauthors: [{\"name\": \"joe\", \"twitter\": \"joe\"},"
                + " \"Ann\"] # from _data/authors.yml"), KilnRun.read(target.resolve("content/posts/2024-01-02-two.md")));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        String feed = KilnRun.read(target.resolve("site/feed.xml"));
        assertTrue(feed.contains("      <name>Jane Doe</name>\n      <email>jane@jane.example</email>\n      <uri>https://jane.example</uri>\n"), feed);
        assertTrue(feed.contains("      <name>joe</name>\n    </author>\n    <author>\n      <name>Ann</name>\n"), feed);
    }

    @Test
    void aMapFromDefaultsIsDeepMergedWithTheFilesOwnMapAndWithTheMapsOfOtherDefaultsAsJekyllMergesThem() throws IOException {
        // real Jekyll 4.3.1 prints through a layout: one's contact name Z, twitter y, links home H2, mail m, gh g, seo "plain";
        // two's contact name X, twitter y, links home H2, mail m, seo type a, tags [three] (a list is replaced, not merged);
        // author: merges alike
        Path source = tmp.resolve("deep-defaults");
        KilnRun.write(source.resolve("_config.yml"), "title: D\nurl: https://d.example.org\ndefaults:\n"
                + "  - scope:\n      path: \"\"\n    values:\n      contact:\n        name: X\n        twitter: y\n"
                + "        links: {home: h, mail: m}\n      seo: {type: a, tags: [one, two]}\n"
                + "  - scope:\n      path: \"_posts\"\n    values:\n      contact:\n        links: {home: H2}\n      seo: {tags: [three]}\n");
        KilnRun.write(source.resolve("_posts/2024-01-01-one.md"), "---\ntitle: One\ncontact:\n  name: Z # own\n  links:\n    gh: g\n"
                + "seo: plain\n---\nOne.\n");
        KilnRun.write(source.resolve("_posts/2024-01-02-two.md"), "---\ntitle: Two\n---\nTwo.\n");
        Path target = tmp.resolve("deep-defaults-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("---\ntitle: One\ncontact: {\"name\": \"Z\", \"twitter\": \"y\", \"links\": {\"home\": \"H2\", \"mail\": \"m\", \"gh\": \"g\"}}"
                + " # merged with _config.yml's defaults: as Jekyll merges them; before the import:\n"
                + "# contact:\n#   name: Z # own\n#   links:\n#     gh: g\nseo: plain\naliases: [\"/2024/01/01/one.html\"]\n---\nOne.\n",
                KilnRun.read(target.resolve("content/posts/2024-01-01-one.md")));
        assertTrue(run.out().contains("  content/posts/2024-01-01-one.md: from _posts/2024-01-01-one.md; added aliases:;"
                + " contact: merged with its map in _config.yml's defaults:, its lines as written kept in comments;"), run.out());
        assertEquals("---\ntitle: Two\ncontact: {\"name\": \"X\", \"twitter\": \"y\", \"links\": {\"home\": \"H2\", \"mail\": \"m\"}}\n"
                + "seo: {\"type\": \"a\", \"tags\": [\"three\"]}\naliases: [\"/2024/01/02/two.html\"]\n---\nTwo.\n",
                KilnRun.read(target.resolve("content/posts/2024-01-02-two.md")));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
    }

    @Test
    void anAlFolioFigureShowsItsImageWithoutTheWebpCopiesJekyllImagemagickMadeAndTheReportSaysSo() throws IOException {
        // al-folio's figure include offers <source srcset="…-480.webp 480w,…"> when imagemagick.enabled: files its plugin
        // made at build time, which no Kiln build makes
        Path source = tmp.resolve("folio");
        KilnRun.write(source.resolve("_config.yml"), "title: F\nurl: https://f.example.org\nimagemagick:\n  enabled: true\n"
                + "  widths:\n    - 480\n    - 800\n  input_directories:\n    - assets/img/\n  output_formats:\n    webp: \"-quality 85\"\n");
        KilnRun.write(source.resolve("_includes/figure.liquid"), "{% assign base = include.path | remove: '.png' %}<figure><picture>"
                + "{% if site.imagemagick.enabled %}<source srcset=\"{% for w in site.imagemagick.widths %}{{ base | relative_url }}-{{ w }}.webp"
                + " {{ w }}w,{% endfor %}\" type=\"image/webp\">{% endif %}<img src=\"{{ include.path | relative_url }}\" alt=\"{{ include.alt }}\">"
                + "</picture></figure>\n");
        Files.createDirectories(source.resolve("assets/img"));
        Files.copy(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"), source.resolve("assets/img/shot.png"));
        KilnRun.write(source.resolve("_posts/2024-01-02-shots.md"), "---\ntitle: Shots\n---\n"
                + "{% include figure.liquid path=\"assets/img/shot.png\" alt=\"A shot\" %}\n");
        Path target = tmp.resolve("folio-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  _config.yml:4: imagemagick: the jekyll-imagemagick plugin made the WebP copies (NAME-480.webp, …)"
                + " that includes such as al-folio's figure offer, and Kiln runs no Jekyll plugin: site.yml has imagemagick: enabled: false,"
                + " so they show the image itself (Kiln offers WebP copies of its own for images outside a <picture>)\n"), run.out());
        String siteYml = KilnRun.read(target.resolve("content/site.yml"));
        assertTrue(siteYml.endsWith("imagemagick:\n  # Off: jekyll-imagemagick made the WebP copies its includes offer, and Kiln"
                + " runs no Jekyll plugin (kiln import jekyll)\n  enabled: false\n"), siteYml);
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        String post = read(target, "2024/01/02/shots/index.html");
        assertTrue(post.contains("<figure><picture><img src=\"/assets/img/shot.png\" alt=\"A shot\""), post);
        assertFalse(post.contains(".webp"), post);
    }

    @Test
    void jemojiInPluginsTurnsEmojiOnAndTheReportSaysSo() throws IOException {
        Path source = tmp.resolve("jemoji");
        KilnRun.write(source.resolve("_config.yml"), "title: E\nurl: https://ada.github.io\nplugins:\n  - jekyll-feed\n  - jemoji\n");
        KilnRun.write(source.resolve("_posts/2026-01-05-first.md"), "---\ntitle: First\n---\nShipped :tada: at 10:30:45.\n");
        Path target = tmp.resolve("jemoji-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("jemoji in plugins as emoji: true"), run.out());
        assertTrue(KilnRun.read(target.resolve("content/site.yml")).contains("\nemoji: true\n"));
        assertEquals(0, KilnRun.of("build", "--source", target.toString()).exitCode());
        assertTrue(read(target, "2026/01/05/first/index.html").contains("<p>Shipped \uD83C\uDF89 at 10:30:45.</p>"));

        KilnRun.write(source.resolve("_config.yml"), "title: E\nurl: https://ada.github.io\ngems: [jekyll-feed]\n");
        Path without = tmp.resolve("no-jemoji-kiln");
        assertEquals(0, KilnRun.of("import", "jekyll", source.toString(), without.toString()).exitCode());
        assertFalse(KilnRun.read(without.resolve("content/site.yml")).contains("emoji"), "no jemoji, no emoji: Jekyll wrote :tada:");
    }

    @Test
    void theBaseurlJekyll3sAuthorsWroteBeforePostUrlAndLinkIsTakenOutUnlessTheSiteAskedForJekyll4() throws IOException {
        // Jekyll 3, GitHub Pages', gave post_url and link without the baseurl; Jekyll 4 and Kiln give it
        Path source = tmp.resolve("pages");
        KilnRun.write(source.resolve("_config.yml"), "title: P\nurl: https://ada.github.io\nbaseurl: /blog\n");
        KilnRun.write(source.resolve("Gemfile"), "source \"https://rubygems.org\"\ngem \"github-pages\", group: :jekyll_plugins\n");
        KilnRun.write(source.resolve("_posts/2026-01-05-first.md"), "---\ntitle: First\n---\nHello.\n");
        String body = "See [first]({{ site.baseurl }}{% post_url 2026-01-05-first %}) and [me]({{ site.baseurl }}/{% link about.md %}).\n";
        KilnRun.write(source.resolve("_posts/2026-01-06-second.md"), "---\ntitle: Second\n---\n" + body);
        KilnRun.write(source.resolve("about.md"), "---\ntitle: About\npermalink: /about/\n---\nMe.\n");
        Path target = tmp.resolve("pages-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("; {{ site.baseurl }} taken from before {% post_url %} or {% link %} (2 times): Jekyll 3, GitHub"
                + " Pages', left the baseurl out of them; Kiln puts it in, as Jekyll 4 does\n"), run.out());
        assertTrue(KilnRun.read(target.resolve("content/posts/2026-01-06-second.md")).endsWith(
                "See [first]({% post_url 2026-01-05-first %}) and [me]({% link about.md %}).\n"));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(read(target, "2026/01/06/second/index.html").contains("<a href=\"/blog/2026/01/05/first/\">first</a> and"
                + " <a href=\"/blog/about/\">me</a>"));

        // with Jekyll 4 the link held the baseurl twice already: the import leaves it, and the build names it
        KilnRun.write(source.resolve("Gemfile"), "source \"https://rubygems.org\"\ngem \"jekyll\", \"~> 4.3\"\n");
        Path four = tmp.resolve("pages-kiln-4");
        assertEquals(0, KilnRun.of("import", "jekyll", source.toString(), four.toString()).exitCode());
        assertTrue(KilnRun.read(four.resolve("content/posts/2026-01-06-second.md")).endsWith(body));
        KilnRun broken = KilnRun.of("build", "--source", four.toString());
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("error: link to /blog/blog/2026/01/05/first/ does not exist"), broken.err());
    }

    @Test
    void includeRelativeTakesACodeSampleBesideThePageAndAMissingFileIsPredicted() throws IOException {
        Path source = tmp.resolve("samples");
        KilnRun.write(source.resolve("_config.yml"), "title: S\nurl: https://s.example.org\n");
        KilnRun.write(source.resolve("code/hello.py"), "print(\"hi\")\n");
        KilnRun.write(source.resolve("code/index.md"), "---\ntitle: Code\n---\n{% highlight python %}\n{% include_relative hello.py %}\n"
                + "{% endhighlight %}\n\n{% include_relative gone.md %}\n");
        Path target = tmp.resolve("samples-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("To check:\n  content/code/index.md:8:1: no file content/code/gone.md for {% include_relative %};"
                + " Kiln cannot run it, so the import put it in a Liquid comment"), run.out());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        // as jekyll build (4.3.1) shows it: the sample's text, and no blank line from its last newline
        assertTrue(read(target, "code/index.html").contains("<code class=\"language-python\"><span class=\"hl-keyword\">print</span>"
                + "<span class=\"hl-punctuation\">(</span><span class=\"hl-string\">&quot;hi&quot;</span>"
                + "<span class=\"hl-punctuation\">)</span>\n</code></pre>"), read(target, "code/index.html"));
    }

    private static String read(Path target, String file) {
        return KilnRun.read(target.resolve("site").resolve(file));
    }

    @Test
    void alreadyBrokenLinksAreReportedByTheFirstBuild() throws IOException {
        Path source = copySource("already-broken");
        Path target = tmp.resolve("broken");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(KilnRun.read(target.resolve("content/posts/2026-01-11-second.md"))
                .contains("Follow [the setup](/2026/01/10/first.html#setup-stpes) first."), "the import leaves the link as written");
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(1, build.exitCode());
        assertTrue(build.err().startsWith("content/posts/2026-01-11-second.md:6:8: error: link to /2026/01/10/first.html#setup-stpes"
                + " points at #setup-stpes, which is not an id in /2026/01/10/first/index.html"), build.err());
        // a tag's anchor whose tag no post has led nowhere in Jekyll either: left, and the import listed it under "To check"
        assertTrue(run.out().contains("  content/posts/2026-01-11-second.md:7:25: link /tags/#kotlin: no post Kiln lists is tagged"
                + " kotlin"), run.out());
        assertTrue(build.err().contains("\ncontent/posts/2026-01-11-second.md:7:18: error: link to /tags/#kotlin points at #kotlin,"), build.err());
        assertTrue(build.err().endsWith("\n2 errors in 1 file (N ms); site/ was left unchanged\n"), build.err());
    }

    @Test
    void linksToATagOrCategoryAsAnAnchorOfOneIndexPageLeadToKilnsPageOfItSoTheLinkCheckPasses() throws IOException {
        Path source = copySource("tag-anchors");
        Path target = tmp.resolve("anchors");
        assertEquals(0, KilnRun.of("import", "jekyll", source.toString(), target.toString()).exitCode());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err(), "no broken link: Jekyll's /tags/#java had an id there, Kiln's /tags/java/ is a page");
        String records = read(target, "2026/03/01/java-records/index.html");
        assertTrue(records.contains("<p>More in <a href=\"/notes/tags/java/\">java</a> and <a href=\"/notes/tags/spring-boot/\">Spring Boot</a>,"
                + " filed under\n<a href=\"/notes/categories/code/\">code</a>. See <a href=\"/notes/tags/java/\" title=\"Posts about Java\">"
                + "every Java post</a> too.</p>"), records);
        assertTrue(records.contains("<code>/tags/#java</code>"), "code keeps what it shows");
        String spring = read(target, "2026/03/05/spring/index.html");
        assertTrue(spring.contains("<a href=\"/notes/tags/spring-boot/\">its tag</a>"), spring);
        assertTrue(spring.contains("Topics: <a href=\"/notes/tags/java/\">java</a>, <a href='/notes/categories/code/'>code</a>"), spring);
        assertTrue(read(target, "category/index.html").contains("<a href=\"/notes/category/#code\">heading</a>"),
                "an anchor of a page the site keeps is that page's own");
    }

    @Test
    void liquidKilnCannotRunIsCommentedOutAndListedAtItsPlaceAndAnIncludesErrorOnceWithItsUsers() throws IOException {
        Path source = tmp.resolve("loops");
        KilnRun.write(source.resolve("_config.yml"), "title: Loops\nurl: https://loops.example.org\n");
        KilnRun.write(source.resolve("_includes/broken.html"), "<p>{{ include.x | frobnicate }}</p>\n");
        String loop = "---\ntitle: Loop\n---\n\nAll posts:\n\n"
                + "{% for post in site.posts %}{{ post.title }}{% endfor %}\n\n{% include missing.html %}\n{% include broken.html %}\n";
        KilnRun.write(source.resolve("_posts/2026-01-12-loop.md"), loop);
        KilnRun.write(source.resolve("_posts/2026-01-13-other.md"), "---\ntitle: Other\n---\n{% include broken.html x=page.title %}\n"
                + "{% tablerow x in page.tags %}{{ x }}{% endtablerow %} and {{ page.subtitle }}.\n");
        KilnRun.write(source.resolve("archive.md"), "---\ntitle: Archive\n---\n\n{% for post in site.posts %}\n- {{ post.title }}\n"
                + "{% endfor %}\n");
        KilnRun.write(source.resolve("blog.html"), "---\ntitle: Blog\n---\n\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n");
        Path target = tmp.resolve("loops-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  content/archive.md: from archive.md;"), run.out());
        assertTrue(run.out().contains("  blog.html:5: paginator.posts: Kiln does not give this variable: a page built by Liquid Kiln cannot run"),
                run.out());
        String commented = "Kiln cannot run it, so the import put it in a Liquid comment, word for word (readers see nothing there);"
                + " rewrite it with what Kiln runs, or remove it\n";
        assertTrue(run.out().endsWith("To check:\n"
                + "  content/posts/2026-01-13-other.md:6:1: Liquid tag 'tablerow' is not supported; " + commented
                + "  content/posts/2026-01-13-other.md:6:62: variable page.subtitle is not set: it prints nothing, as in Jekyll"
                + " (site.yml has liquid: strict_variables: false); set it, or remove it\n"
                + "  templates/includes/broken.html:1:19: unknown Liquid filter 'frobnicate'; included at"
                + " content/posts/2026-01-12-loop.md:11, content/posts/2026-01-13-other.md:5; " + commented
                + "  templates/includes/missing.html: not in _includes/ (the Jekyll theme gem gave it); the import wrote it empty, so it"
                + " prints nothing: write its HTML here, or remove the {% include %}s of it\n"
                + "Next: kiln build --source " + target + " (or cd " + target + " and kiln serve); its link check finds links that were"
                + " already broken.\n"), run.out());
        assertEquals(loop, KilnRun.read(target.resolve("content/posts/2026-01-12-loop.md")).replaceFirst("aliases: .*\n", ""),
                "a post whose Liquid Kiln runs keeps its body byte for byte");
        assertEquals("<p>{% comment %}kiln import: Kiln cannot run this Liquid: {{ include.x | frobnicate }}{% endcomment %}</p>\n",
                KilnRun.read(target.resolve("templates/includes/broken.html")));
        assertTrue(KilnRun.read(target.resolve("content/posts/2026-01-13-other.md")).endsWith("{% comment %}kiln import: Kiln cannot run"
                + " this Liquid: {% tablerow x in page.tags %}{{ x }}{% endtablerow %}{% endcomment %} and {{ page.subtitle }}.\n"));
        assertEquals("", KilnRun.read(target.resolve("templates/includes/missing.html")));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err(), "the import's result builds with no error");
        assertTrue(KilnRun.read(target.resolve("site/2026/01/13/other/index.html")).contains("<p></p>\n<p>and .</p>"),
                "what Kiln cannot run prints nothing, nor does the unset variable, as in Jekyll");
    }

    @Test
    void copiesDataFilesAndRunsJekyllBootstrapsSetupPrintingNothing() throws IOException {
        Path source = tmp.resolve("bootstrap");
        KilnRun.write(source.resolve("_config.yml"), "title: Bootstrap\nurl: https://jb.example.org\n");
        KilnRun.write(source.resolve("_data/authors.yml"), "ada:\n  name: Ada Lovelace\n");
        KilnRun.write(source.resolve("_data/nav/main.json"), "[{\"title\": \"Home\"}]\n");
        KilnRun.write(source.resolve("_includes/JB/setup"), "{% capture jbcache %}\n  {% if site.JB.setup.provider == \"custom\" %}\n"
                + "    {% include custom/setup %}\n  {% else %}\n    {% assign BASE_PATH = nil %}\n"
                + "    {% capture ASSET_PATH %}{{ BASE_PATH }}/assets/themes/{{ page.theme.name }}{% endcapture %}\n  {% endif %}\n"
                + "{% endcapture %}{% assign jbcache = nil %}\n");
        KilnRun.write(source.resolve("_posts/2026-01-12-hello.md"), "---\ntitle: Hello\nauthor: ada\n---\n{% include JB/setup %}\n"
                + "By {{ site.data.authors[page.author].name }}, see [home]({{ BASE_PATH }}/) ({{ site.data.nav.main[0].title }}).\n");
        Path target = tmp.resolve("bootstrap-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  content/_data/: from _data/ (2 files), read by Liquid as site.data\n"), run.out());
        assertTrue(run.out().contains("To check: nothing"), run.out());
        assertEquals("ada:\n  name: Ada Lovelace\n", Files.readString(target.resolve("content/_data/authors.yml")));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        String page = Files.readString(target.resolve("site/2026/01/12/hello/index.html"));
        assertTrue(page.contains("<p>By Ada Lovelace, see <a href=\"/\">home</a> (Home).</p>"), page);
        assertTrue(!Files.exists(target.resolve("site/_data")), "data files are not published");
    }

    @Test
    void namesEachFolderOfStaticFilesOnceWithTheFilesCopiedIntoIt() throws IOException {
        Path source = tmp.resolve("statics");
        KilnRun.write(source.resolve("_config.yml"), "title: Statics\nurl: https://s.example.org\n");
        KilnRun.write(source.resolve("_posts/2026-01-12-hello.md"), "---\ntitle: Hello\n---\nHi.\n");
        for (String file : List.of("img/a.png", "img/b/c.png", "img/z.txt", "files/x.pdf", "favicon.ico")) {
            KilnRun.write(source.resolve(file), file + "\n");
        }
        KilnRun.write(source.resolve("img/page.md"), "---\ntitle: Page\n---\nText.\n");
        Files.write(source.resolve("img/latin.md"), "---\ntitle: Caf\u00e9\n---\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path target = tmp.resolve("statics-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(": 1 post, 0 drafts, 1 page, 5 static files.\n"), run.out());
        // a page copied as it is (not UTF-8) counts among its folder's files; a page Kiln reads does not
        assertTrue(run.out().contains("  content/favicon.ico: from favicon.ico\n  content/files/: from files/ (1 file)\n"
                + "  content/img/: from img/ (4 files)\n  content/img/page.md: "), run.out());
        assertEquals("img/z.txt\n", Files.readString(target.resolve("content/img/z.txt")));
    }

    @Test
    void siteStaticFilesListsTheFilesWithJekyllsFieldsSoALoopOverThemIsCheckedAndRendersAsInJekyll() throws IOException {
        Path source = tmp.resolve("statics");
        KilnRun.write(source.resolve("_config.yml"), "title: Files\nurl: https://files.example.org\ntimezone: Europe/Paris\n");
        KilnRun.write(source.resolve("_posts/2026-01-12-hi.md"), "---\ntitle: Hi\n---\nHi.\n");
        for (String file : List.of("CNAME.txt", "LICENSE", "assets/cv.pdf", "assets/img/photo.png")) {
            KilnRun.write(source.resolve(file), file + "\n");
            Files.setLastModifiedTime(source.resolve(file), FileTime.from(Instant.parse("2025-06-01T10:00:00Z")));
        }
        // f.title is no field of a static file: inside the loop, which ran over nothing while files were imported
        KilnRun.write(source.resolve("files.md"), "---\ntitle: Files\n---\n{% assign images = site.static_files | where: \"extname\","
                + " \".png\" %}\n{%- for f in site.static_files %}\n- {{ f.path }}, {{ f.name }}, {{ f.basename }}, {{ f.extname }},"
                + " {{ f.modified_time | date: \"%Y-%m-%d %H:%M %z\" }}{{ f.title }}\n{%- endfor %}\n\n"
                + "Images: {{ images.size }} ({{ images.first.name }})\n");
        Path target = tmp.resolve("statics-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("To check:\n  content/files.md:7:118: variable f.title is not set: it prints nothing, as in Jekyll"),
                run.out());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err());
        // what jekyll build (4.3.1) wrote for it, the time in _config.yml's zone, the copies keeping the files' times
        assertTrue(KilnRun.read(target.resolve("site/files/index.html")).contains("<ul>\n"
                + "<li>/CNAME.txt, CNAME.txt, CNAME, .txt, 2025-06-01 12:00 +0200</li>\n"
                + "<li>/LICENSE, LICENSE, LICENSE, , 2025-06-01 12:00 +0200</li>\n"
                + "<li>/assets/cv.pdf, cv.pdf, cv, .pdf, 2025-06-01 12:00 +0200</li>\n"
                + "<li>/assets/img/photo.png, photo.png, photo, .png, 2025-06-01 12:00 +0200</li>\n"
                + "</ul>\n<p>Images: 1 (photo.png)</p>"), KilnRun.read(target.resolve("site/files/index.html")));
    }

    @Test
    void predictsTheErrorsOfLiquidInsideLoopsOverTheSitesPostsAndPagesAndTheResultBuilds() throws IOException {
        // while files are imported, site.posts is empty, so these loops ran over nothing; the import runs them again at the end
        Path source = tmp.resolve("loops");
        KilnRun.write(source.resolve("_config.yml"), "title: Loops\nurl: https://loops.example.org\n");
        KilnRun.write(source.resolve("_posts/2026-01-10-first.md"), "---\ntitle: First\n---\nHello.\n");
        KilnRun.write(source.resolve("_posts/2026-01-11-second.md"), "---\ntitle: Second\ntags: [notes]\n---\nAll posts:\n\n"
                + "{% for p in site.posts %}\n- {{ p.nonexistent | bad_filter }} {{ p.title | upcase }}\n{% endfor %}\n");
        KilnRun.write(source.resolve("archive.md"), "---\ntitle: Archive\n---\n{% for p in site.posts %}{{ p.date | date: \"%Y\" }}"
                + " {{ p.subtitle }}{% endfor %}\n\n{% for t in site.tags %}{{ t[0] | nope }}{% endfor %}\n");
        KilnRun.write(source.resolve("_includes/recent.html"), "{% for p in site.posts limit: 2 %}<a href=\"{{ p.url }}\">"
                + "{{ p.title | shout }}</a>{% endfor %}\n");
        KilnRun.write(source.resolve("about.md"), "---\ntitle: About\n---\nMe. {{ page.title | bad_filter }}\n\n{% include recent.html %}\n");
        Path target = tmp.resolve("loops-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        String commented = "; Kiln cannot run it, so the import put it in a Liquid comment, word for word (readers see nothing there);"
                + " rewrite it with what Kiln runs, or remove it\n";
        assertTrue(run.out().contains("To check:\n"
                + "  content/about.md:5:21: unknown Liquid filter 'bad_filter'" + commented
                + "  content/archive.md:5:55: variable p.subtitle is not set: it prints nothing, as in Jekyll (site.yml has liquid:"
                + " strict_variables: false); set it, or remove it\n"
                + "  content/archive.md:7:35: unknown Liquid filter 'nope'" + commented
                + "  content/posts/2026-01-11-second.md:9:22: unknown Liquid filter 'bad_filter'" + commented
                + "  templates/includes/recent.html:1:70: unknown Liquid filter 'shout'; included at content/about.md:7" + commented
                + "Next: "), run.out());
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals("", build.err());
        assertTrue(Files.readString(target.resolve("site/2026/01/11/second/index.html")).contains("<p>FIRST</p>"), "the loop runs, without what Kiln cannot run");
    }

    @Test
    void aStarterConfigJekyllOnlyPermalinksAndCrlfFilesStillImportAndBuild() throws IOException {
        Path source = tmp.resolve("starter");
        KilnRun.write(source.resolve("_config.yml"), "title: \"My \\\"quoted\\\" blog\"\nurl: \"https://ada.github.io/blog\"\n"
                + "baseurl: \"\"\ntimezone:\npaginate: lots\n");
        KilnRun.write(source.resolve("_posts/2026-01-05-own.md"), "---\ntitle: Own\ncategories: [notes]\n"
                + "permalink: /:categories/:title/\n---\n\nMine.\n");
        KilnRun.write(source.resolve("tools.md"), "---\ntitle: Tools\npermalink: /:path/:basename:output_ext\n---\n\nHammer.\n");
        String crlf = "---\r\nlayout: default\r\ntitle: Windows\r\n---\r\n\r\nWritten on Windows.\r\n";
        KilnRun.write(source.resolve("_posts/2026-01-06-crlf.md"), crlf);
        KilnRun.write(source.resolve("blog/_posts/2026-01-07-nested.md"), "---\ntitle: Nested\n---\n\nIn blog/_posts/.\n");
        Path target = tmp.resolve("starter-kiln");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), target.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  _config.yml:2: url: Kiln's url is the address alone, like https://example.com (a sub-path goes"
                + " in baseurl); set it in site.yml\n"), run.out());
        assertTrue(run.out().contains("  _config.yml:5: paginate: Kiln's paginate is a whole number above 0\n"), run.out());
        // blog/_posts/ is read as Jekyll reads it: its posts are in the category blog, written into their front matter
        assertEquals("---\ntitle: Nested\ncategories: [\"blog\"]\naliases: [\"/blog/2026/01/07/nested.html\"]\n---\n\nIn blog/_posts/.\n",
                KilnRun.read(target.resolve("content/posts/blog/2026-01-07-nested.md")));
        // Kiln reads :categories as Jekyll does
        assertEquals("---\ntitle: Own\ncategories: [notes]\npermalink: /:categories/:title/\n"
                + "---\n\nMine.\n", KilnRun.read(target.resolve("content/posts/2026-01-05-own.md")));
        assertEquals("---\r\nlayout: post # Jekyll layout: default\r\ntitle: Windows\r\naliases: [\"/2026/01/06/crlf.html\"]\r\n---\r\n"
                + "\r\nWritten on Windows.\r\n", KilnRun.read(target.resolve("content/posts/2026-01-06-crlf.md")));
        KilnRun build = KilnRun.of("build", "--source", target.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals(NO_ADDRESS, build.err(), "a url with a sub-path is refused, so the site has no address yet");
        for (String file : List.of("notes/own/index.html", "tools.html", "2026/01/06/crlf.html", "2026/01/06/crlf/index.html",
                "blog/2026/01/07/nested.html", "categories/blog/index.html")) {
            assertTrue(Files.isRegularFile(target.resolve("site").resolve(file)), file);
        }
        assertTrue(KilnRun.read(target.resolve("site/index.html")).contains("My &quot;quoted&quot; blog"));
    }

    @Test
    void refusesAMissingFolderAFolderThatIsNotJekyllAndATargetThatHoldsFiles() throws IOException {
        KilnRun missing = KilnRun.of("import", "jekyll", tmp.resolve("nowhere").toString(), tmp.resolve("new").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("kiln: " + tmp.resolve("nowhere") + " does not exist\nhint: give the folder of the Jekyll site, the one holding"
                + " _config.yml and _posts/\n", missing.err());

        Path notJekyll = tmp.resolve("notes");
        KilnRun.write(notJekyll.resolve("todo.md"), "# Todo\n");
        KilnRun plain = KilnRun.of("import", "jekyll", notJekyll.toString(), tmp.resolve("new").toString());
        assertEquals(2, plain.exitCode());
        assertTrue(plain.err().startsWith("kiln: " + notJekyll + " is not a Jekyll site: it has neither _config.yml nor _posts/\n"),
                plain.err());

        Path source = copySource("pretty");
        Path taken = tmp.resolve("taken");
        KilnRun.write(taken.resolve("notes.txt"), "mine");
        KilnRun full = KilnRun.of("import", "jekyll", source.toString(), taken.toString());
        assertEquals(1, full.exitCode());
        assertEquals("kiln: " + taken + " is not empty; nothing was written\nhint: choose a new or empty folder for the new site\n",
                full.err());
        assertEquals(List.of("notes.txt"), KilnRun.files(taken).keySet().stream().toList());
        assertFalse(Files.exists(tmp.resolve("new")), "nothing written for the refused imports");
    }

    @Test
    void aBrokenConfigIsReportedAtItsLineAndNothingIsWritten() throws IOException {
        Path source = tmp.resolve("jekyll");
        KilnRun.write(source.resolve("_config.yml"), "title: Mine\ntimezone: Mars/Olympus\n");
        KilnRun run = KilnRun.of("import", "jekyll", source.toString(), tmp.resolve("new").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("_config.yml:2:11: error: unknown time zone 'Mars/Olympus'"), run.err());
        assertTrue(run.err().contains("kiln: _config.yml has errors; nothing was written\n"), run.err());
        KilnRun.write(source.resolve("_config.yml"), "title: [Mine\n");
        KilnRun yaml = KilnRun.of("import", "jekyll", source.toString(), tmp.resolve("new").toString());
        assertEquals(1, yaml.exitCode());
        assertTrue(yaml.err().startsWith("_config.yml:1:8: error:"), yaml.err());
        assertFalse(Files.exists(tmp.resolve("new")));
    }

    @Test
    void usageErrorsNameTheRightForm() {
        KilnRun none = KilnRun.of("import");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("kiln: import needs what to import from, e.g. kiln import jekyll my-jekyll-blog my-kiln-blog\n"),
                none.err());
        KilnRun hugo = KilnRun.of("import", "jekyl", "a", "b");
        assertEquals(2, hugo.exitCode());
        assertTrue(hugo.err().startsWith("kiln: kiln imports Jekyll sites, not 'jekyl'; did you mean import jekyll?"), hugo.err());
        KilnRun one = KilnRun.of("import", "jekyll", "a");
        assertEquals(2, one.exitCode());
        KilnRun option = KilnRun.of("import", "jekyll", "a", "b", "--keep-url");
        assertEquals(2, option.exitCode());
        assertTrue(option.err().startsWith("kiln: unknown option '--keep-url'; did you mean --keep-urls?"), option.err());
        KilnRun help = KilnRun.of("import", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: kiln import jekyll SRC DIR [--keep-urls]"), help.out());
    }

    private static String body(String text) {
        int close = text.indexOf("\n---", 3);
        return text.substring(text.indexOf('\n', close + 1) + 1);
    }

    private static String frontMatter(String text) {
        return text.substring(4, text.indexOf("\n---", 3));
    }

    private Path copySource(String name) throws IOException {
        Path copy = KilnRun.copyResource("jekyll/" + name + "/source", Files.createTempDirectory(tmp, name + "-jekyll"));
        Path drafts = copy.resolve("_drafts");
        if (Files.isDirectory(drafts)) {
            try (Stream<Path> files = Files.list(drafts)) {
                for (Path draft : files.toList()) {
                    Files.setLastModifiedTime(draft, FileTime.from(DRAFT_TIME));
                }
            }
        }
        return copy;
    }

    private static List<String> fixtures() throws IOException {
        try (Stream<Path> list = Files.list(FIXTURES)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void rewrite(Path dir, Map<String, byte[]> files) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path to = dir.resolve(file.getKey());
            Files.createDirectories(to.getParent());
            Files.write(to, file.getValue());
        }
    }
}
