package dev.kiln.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.markdown.RenderedMarkdown.Link;
import dev.kiln.model.SiteUrls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(false, "", SiteUrls::youtubeThumbnail);
    private final MarkdownRenderer safeRenderer = new MarkdownRenderer(true, "", SiteUrls::youtubeThumbnail);

    @Test
    void anImagesAltTextIsItsTextAsWrittenAsKramdownWritesIt() {
        // a blog's ![Running grep ... starting with "unintercalated"](…): real kramdown 2.4.0 (GFM) keeps the quotes, and the
        // rest as written, escapes removed; flexmark's text of the smart quotes dropped them
        assertEquals("<p><img src=\"a.png\" alt=\"starts with &quot;quoted&quot; word\" /></p>\n",
                renderer.render("![starts with \"quoted\" word](a.png)\n").html());
        assertEquals("<p><img src=\"a.png\" alt=\"*em* and `code` x [y] &quot;q&quot; -- ...\" /></p>\n",
                renderer.render("![*em* and `code` x \\[y\\] \"q\" -- ...](a.png)\n").html());
        assertEquals("<p><img src=\"b.png\" alt=\"ref alt &quot;q&quot;\" /></p>\n",
                renderer.render("![ref alt \"q\"][r]\n\n[r]: b.png\n").html());
    }

    @Test
    void textWithTheCharactersOfTextMarkersComesOutAsWritten() {
        // Text is set aside during rendering behind private-use marker characters (TextRenderer); a post
        // that holds them itself, literally or as entities, must still come out exactly as written.
        String markdown = "A long sentence with \uE0000\uE001 inside it.\n\nShort \uE0001\uE001.\n\n"
                + "Entities &#xE000;0&#xE001; in a long enough sentence.\n\n  Indented *lead* text, long enough.  \nNext line.\n";
        RenderedMarkdown rendered = renderer.render(markdown);

        assertEquals("<p>A long sentence with \uE0000\uE001 inside it.</p>\n<p>Short \uE0001\uE001.</p>\n"
                + "<p>Entities \uE0000\uE001 in a long enough sentence.</p>\n"
                + "<p>Indented <em>lead</em> text, long enough.<br />\nNext line.</p>\n", rendered.html());
    }

    @Test
    void eachTaskCheckboxIsNamedByItsItemsTextForScreenReaders() {
        String html = renderer.render("- [x] Move the **blog** to \"Jekyll\" -- at last...\n- [ ] Write the\n  [first](/first/) post & more\n"
                + "  - [ ] a subtask\n\n1. [ ] ![](/x.png)\n").html();

        assertEquals("<ul class=\"task-list\">\n"
                + "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\""
                + " aria-label=\"Move the blog to “Jekyll” – at last…\" />Move the <strong>blog</strong> to “Jekyll” – at last…</li>\n"
                + "<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\""
                + " aria-label=\"Write the first post &amp; more\" />Write the\n<a href=\"/first/\">first</a> post &amp; more\n"
                + "<ul class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\""
                + " disabled=\"disabled\" aria-label=\"a subtask\" />a subtask</li>\n</ul>\n</li>\n</ul>\n"
                + "<ol class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\""
                + " disabled=\"disabled\" /><img src=\"/x.png\" alt=\"\" /></li>\n</ol>\n", html,
                "the item's own text, on one line, without its sublist's; none when it shows no text");
    }

    @Test
    void anElementWithMarkdownOneInsideRawHtmlIsReadAsMarkdownAsKramdownReadsIt() {
        // kramdown reads the markdown attribute of every element of a raw HTML block, not only of the outer one's
        String html = renderer.render("<div class=\"note\">\n  <div markdown=\"1\">\n**bold** and [a link](/x/)\n</div>\n"
                + "<p markdown=\"0\">*kept*</p>\n</div>\n\nAfter.\n").html();

        assertEquals("<div class=\"note\">\n<div>\n<p><strong>bold</strong> and <a href=\"/x/\">a link</a></p>\n</div>\n"
                + "<p>*kept*</p>\n</div>\n<p>After.</p>\n", html);
    }

    @Test
    void excerptIsFirstParagraphWithoutMoreMarker() {
        RenderedMarkdown rendered = renderer.render("# Title\n\nFirst *paragraph*.\n\nSecond paragraph.\n");

        assertEquals("<p>First <em>paragraph</em>.</p>", rendered.excerptHtml());
    }

    @Test
    void excerptIsEverythingBeforeMoreMarker() {
        RenderedMarkdown rendered = renderer.render("Intro one.\n\nIntro \"two\".\n\n<!--more-->\n\nThe rest.\n");

        assertEquals("<p>Intro one.</p>\n<p>Intro “two”.</p>", rendered.excerptHtml());
        assertTrue(rendered.html().contains("The rest."));
    }

    @Test
    void excerptUsesMoreMarkerEvenInSafeMode() {
        RenderedMarkdown rendered = safeRenderer.render("Intro.\n\nStill intro.\n<!-- more -->\nThe rest.\n");

        assertEquals("<p>Intro.</p>\n<p>Still intro.</p>", rendered.excerptHtml());
        assertFalse(rendered.html().contains("<!--"));
    }

    @Test
    void excerptDropsIdsAnchorsAndFootnoteReferencesThatOnlyWorkOnItsOwnPage() {
        RenderedMarkdown rendered = renderer.render("## Same\n\nText with a note[^1].\n\n<!--more-->\n\n[^1]: The note.\n");

        assertEquals("<h2>Same</h2>\n<p>Text with a note.</p>", rendered.excerptHtml());
        assertTrue(rendered.html().contains("<h2 id=\"same\">"), rendered.html());
    }

    @Test
    void excerptIsEmptyForEmptyDocument() {
        RenderedMarkdown rendered = renderer.render("");

        assertEquals("", rendered.excerptHtml());
        assertEquals("", rendered.html());
        assertNull(rendered.toc());
        assertEquals(0, rendered.wordCount());
        assertEquals(List.of(), rendered.links());
    }

    @Test
    void aMediaSubpathGoesBeforeAnImageByReferenceButNotBeforeALinkToTheSameReference() {
        String markdown = """
                ![Run][run]{: .shadow} and [the file][run], ![Logo][logo], ![Missing][nowhere]

                [run]: smesh-8-run.png "The run"
                [logo]: https://cdn.example.com/logo.png
                """;

        RenderedMarkdown rendered = new MarkdownRenderer(false, "/blog", SiteUrls::youtubeThumbnail)
                .render(markdown, MarkdownRenderer.SourceLinks.NONE, "/assets/img/posts/2023/");

        assertEquals("<p><img src=\"/blog/assets/img/posts/2023/smesh-8-run.png\" alt=\"Run\" title=\"The run\" class=\"shadow\" />"
                + " and <a href=\"smesh-8-run.png\" title=\"The run\">the file</a>, <img src=\"https://cdn.example.com/logo.png\""
                + " alt=\"Logo\" />, ![Missing][nowhere]</p>\n", rendered.html());
        assertEquals(List.of(new Link("/assets/img/posts/2023/smesh-8-run.png", 1, 1), new Link("smesh-8-run.png", 1, 28),
                new Link("https://cdn.example.com/logo.png", 1, 45)), rendered.links());
    }

    @Test
    void aMediaSubpathGoesBeforeEveryImageAsChirpyWritesItButNotBeforeLinksOrFullAddresses() {
        String markdown = """
                ![Run](smesh-8-run.png){: .shadow w='399' h='206' }
                _Type it in the prompt._

                ![](/variable-groups-ui.png) and [a link](notes.pdf) and ![far](https://cdn.example.com/x.png)

                <p><img alt="inline" src="diagram.png"> <img src="data:image/gif;base64,R0lGOD=="></p>

                ```
                ![code](stays.png)
                ```
                """;

        RenderedMarkdown rendered = new MarkdownRenderer(false, "/blog", SiteUrls::youtubeThumbnail)
                .render(markdown, MarkdownRenderer.SourceLinks.NONE, "/assets/img/posts/2023/");

        assertEquals("""
                <p><img src="/blog/assets/img/posts/2023/smesh-8-run.png" alt="Run" class="shadow" w="399" h="206" />
                <em>Type it in the prompt.</em></p>
                <p><img src="/blog/assets/img/posts/2023/variable-groups-ui.png" alt="" /> and <a href="notes.pdf">a link</a> \
                and <img src="https://cdn.example.com/x.png" alt="far" /></p>
                <p><img alt="inline" src="/blog/assets/img/posts/2023/diagram.png"> <img src="data:image/gif;base64,R0lGOD=="></p>
                <pre tabindex="0"><code>![code](stays.png)
                </code></pre>
                """, rendered.html());
        assertEquals(List.of(new Link("/assets/img/posts/2023/smesh-8-run.png", 1, 1),
                new Link("/assets/img/posts/2023/variable-groups-ui.png", 4, 1), new Link("notes.pdf", 4, 34),
                new Link("https://cdn.example.com/x.png", 4, 58)), rendered.links());
    }

    @Test
    void aMediaSubpathOnAnotherHostOrWithoutItsLeadingSlashIsJoinedWithOneSlash() {
        assertEquals("https://cdn.example.com/img/a.png", MediaSubpath.joined("https://cdn.example.com/img/", "/a.png"));
        assertEquals("/assets/img/a.png", MediaSubpath.joined("assets/img", "a.png"));
        assertEquals(null, MediaSubpath.joined("/assets/img", "//other.example/a.png"));
    }

    @Test
    void reportsLinkAndImagePositionsAsWritten() {
        String markdown = """
                Intro [inline](https://example.com/a){:target="_blank"} text.

                  ![photo](/img/p.jpg) and [ref][r] and <https://example.com/angle>
                Été https://example.com/bare [undefined] [TOC-like]

                [r]: /relative/path/
                """;

        List<Link> links = renderer.render(markdown).links();

        assertEquals(List.of(
                new Link("https://example.com/a", 1, 7),
                new Link("/img/p.jpg", 3, 3),
                new Link("/relative/path/", 3, 28),
                new Link("https://example.com/angle", 3, 41),
                new Link("https://example.com/bare", 4, 5)), links);
    }

    @Test
    void linksBareUrlsInTextButNeverInCode() {
        String codeOnly = renderer.render("```\ncurl https://example.com/block\n```\n\nSee `https://example.com/inline`.\n").html();
        assertEquals("<pre tabindex=\"0\"><code>curl https://example.com/block\n</code></pre>\n"
                + "<p>See <code>https://example.com/inline</code>.</p>\n", codeOnly);

        String mixed = renderer.render("```\ncurl https://example.com/block\n```\n\nSee https://example.com/text.\n").html();
        assertEquals("<pre tabindex=\"0\"><code>curl https://example.com/block\n</code></pre>\n"
                + "<p>See <a href=\"https://example.com/text\">https://example.com/text</a>.</p>\n", mixed);
    }

    @Test
    void anEmbedsThumbnailIsWhereTheSitesRuleSaysAndEachVideoIsReportedOnce() {
        MarkdownRenderer placed = new MarkdownRenderer(false, "/blog", id -> "/thumbs/" + id + ".jpg");
        RenderedMarkdown rendered = placed.render("{% youtube dQw4w9WgXcQ thumbnail=true %}\n\n{% youtube dQw4w9WgXcQ thumbnail=true %}\n\n"
                + "{% youtube aaaaaaaaaaa %}\n");
        assertTrue(rendered.html().contains("<img class=\"embed-thumbnail\" src=\"/blog/thumbs/dQw4w9WgXcQ.jpg\""), rendered.html());
        assertEquals(List.of("dQw4w9WgXcQ"), rendered.thumbnails(), "a card without thumbnail=true asks for none");
    }

    /** A site of two files: content/guide/images.md at /guide/images/ and content/posts/2020-01-02-b.md. */
    private static final MarkdownRenderer.SourceLinks TWO_SOURCES = link -> switch (link.path()) {
        case "images.md", "./images.md" -> "/guide/images/";
        case "../posts/2020-01-02-b.md" -> "/2020/01/02/b/";
        default -> null;
    };

    @Test
    void relativeLinksToMarkdownSourcesBecomeTheirPagesUrlsWithTheBaseurlAndFragmentKept() {
        String markdown = """
                See [Images](images.md#sizes), [again](./images.md?x=1) and [the post][b].
                Raw <a href="images.md#copies">too</a>, <a href='../posts/2020-01-02-b.md'>single quotes</a>.

                <p><a class="more" href="images.md">A block</a></p>

                [b]: ../posts/2020-01-02-b.md
                """;

        RenderedMarkdown rendered = new MarkdownRenderer(false, "/blog", SiteUrls::youtubeThumbnail).render(markdown, TWO_SOURCES);

        assertEquals("""
                <p>See <a href="/blog/guide/images/#sizes">Images</a>, <a href="/blog/guide/images/?x=1">again</a> and \
                <a href="/blog/2020/01/02/b/">the post</a>.
                Raw <a href="/blog/guide/images/#copies">too</a>, <a href='/blog/2020/01/02/b/'>single quotes</a>.</p>
                <p><a class="more" href="/blog/guide/images/">A block</a></p>
                """, rendered.html());
        // The links the link check places its errors by are the URLs of the HTML.
        assertEquals(List.of(new Link("/blog/guide/images/#sizes", 1, 5), new Link("/blog/guide/images/?x=1", 1, 32),
                new Link("/blog/2020/01/02/b/", 1, 61)), rendered.links());
    }

    @Test
    void leavesLinksToOtherMarkdownFilesCodeAndOtherHostsAsWritten() {
        String markdown = """
                [Missing](missing.md), [a site path](/guide/images.md), [another host](https://example.com/images.md),
                [up and out](../../README.md), `[code](images.md)`, <!-- <a href="images.md"> -->

                ```
                [block](images.md) <a href="images.md">
                ```
                """;

        String html = renderer.render(markdown, TWO_SOURCES).html();

        assertEquals("""
                <p><a href="missing.md">Missing</a>, <a href="/guide/images.md">a site path</a>, \
                <a href="https://example.com/images.md">another host</a>,
                <a href="../../README.md">up and out</a>, <code>[code](images.md)</code>, <!-- <a href="images.md"> --></p>
                <pre tabindex="0"><code>[block](images.md) &lt;a href=&quot;images.md&quot;&gt;
                </code></pre>
                """, html);
    }

    @Test
    void reportsLinksOnWindowsLineEndings() {
        List<Link> links = renderer.render("one\r\ntwo [x](/x)\r\n").links();

        assertEquals(List.of(new Link("/x", 2, 5)), links);
    }

    @Test
    void safeModeStripsRawHtmlBlocksAndInline() {
        String html = safeRenderer.render("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>.\n").html();

        assertEquals("<p>Hi there.</p>\n", html);
    }

    @Test
    void safeModeDropsScriptAttributesFromAttributeLists() {
        String html = safeRenderer.render("[a](/a){:onclick=\"steal()\" target=\"_blank\"} [b](/b){:href=\"javascript:x()\"}\n").html();

        assertEquals("<p><a href=\"/a\" target=\"_blank\" rel=\"noopener\">a</a> <a>b</a></p>\n", html);
    }

    @Test
    void unsafeModeKeepsRawHtml() {
        String html = renderer.render("Hi <b>there</b>.\n").html();

        assertEquals("<p>Hi <b>there</b>.</p>\n", html);
    }

    @Test
    void codeBlocksAndTablesCanBeFocusedToScrollThemWithTheKeyboard() {
        String html = renderer.render("```\ncode\n```\n\n    indented\n\n| a |\n|---|\n| b |\n\nA `span`.\n").html();

        assertEquals(2, html.split("<pre tabindex=\"0\"><code>", -1).length - 1, html);
        assertTrue(html.contains("<table tabindex=\"0\">"), html);
        assertTrue(html.contains("<code>span</code>"), "inline code does not scroll: " + html);
    }

    @Test
    void aLinksUrlKeepsItsBackslashesAsKramdownKeepsThem() {
        // Typora on Windows writes ![img](..\..\images\x.png): kramdown reads no escapes in a URL (browsers then take
        // each \ for /), where CommonMark would make ..\..\ into ...\ and the link lead nowhere.
        String html = renderer.render("![img](..\\..\\images\\a_b.png) [c](..\\docs\\a\\_b.md?x=1&amp;y=\\2)\n\n"
                + "[ref]\n\n[ref]: ..\\..\\r\\.png\n").html();

        assertEquals("<p><img src=\"..\\..\\images\\a_b.png\" alt=\"img\" /> <a href=\"..\\docs\\a\\_b.md?x=1&amp;y=\\2\">c</a></p>\n"
                + "<p><a href=\"..\\..\\r\\.png\">ref</a></p>\n", html);
    }

    @Test
    void aPipeInsideMathSplitsNoCellsAsTheMathIsReadWhole() {
        // A real post: "given the data, $X$.\n\n$$ P(X|\theta) $$ is the likelihood" (kramdown made a table of halves of
        // the formula; Kiln reads the formula, as it does when the line starts with it), not an empty table before it.
        String html = renderer.render("See $$ P(X|\\theta) $$ is the likelihood.\n\n| $$a|b$$ | c |\n").html();

        assertEquals("<p>See \\(P(X|\\theta)\\) is the likelihood.</p>\n<table tabindex=\"0\">\n<tbody>\n"
                + "<tr><td>\\(a|b\\)</td><td>c</td></tr>\n</tbody>\n</table>\n", html);
    }

    @Test
    void leavesAttributeListInCodeSpanUntouched() {
        String html = renderer.render("Write `[x](y){:target=\"_blank\"}` like this.\n").html();

        assertEquals("<p>Write <code>[x](y){:target=&quot;_blank&quot;}</code> like this.</p>\n", html);
    }

    @Test
    void neverNestsLinks() {
        String html = renderer.render("[https://x.example](https://x.example){:target=\"_blank\"}\n").html();

        assertEquals("<p><a href=\"https://x.example\" target=\"_blank\" rel=\"noopener\">https://x.example</a></p>\n", html);
    }

    @Test
    void countsWordsOfPlainText() {
        RenderedMarkdown rendered = renderer.render("""
                # Two words

                One **bold**word, a [link text](/x) -- and <b>html</b>!

                ```
                code counts
                ```
                """);

        // Two words / One boldword a link text and html / code counts ("--" is not a word)
        assertEquals(11, rendered.wordCount());
    }

    @Test
    void seedPostHasFiveNewTabLinks() throws IOException {
        String markdown = Files.readString(Path.of("src/test/resources/markdown/seed-interview.md"), StandardCharsets.UTF_8);

        RenderedMarkdown rendered = renderer.render(markdown);

        assertEquals(5, count(rendered.html(), "target=\"_blank\" rel=\"noopener\""));
        assertEquals(0, count(rendered.html(), "{:"));
        assertEquals(5, rendered.links().size());
        assertEquals(new Link("https://www.amazon.jobs/en/principles", 8, 419), rendered.links().get(0));
        assertTrue(rendered.excerptHtml().startsWith("<p>I am often receiving"));
        assertNull(rendered.toc());
    }

    @Test
    void tocIsReturnedWithoutMarkerAndMatchesHeadingIds() {
        RenderedMarkdown rendered = renderer.render("## Intro\n\n### Details\n\n## Intro\n");

        assertEquals("""
                <nav class="toc">
                <ul>
                <li><a href="#intro">Intro</a>
                <ul>
                <li><a href="#details">Details</a></li>
                </ul>
                </li>
                <li><a href="#intro-1">Intro</a></li>
                </ul>
                </nav>
                """, rendered.toc());
        assertFalse(rendered.html().contains("<nav"));
    }

    @Test
    void tocMarkerRendersKramdownsListAndTheRecordHasTheThemesTableOfContents() {
        RenderedMarkdown rendered = renderer.render("* toc\n{:toc}\n\n## A \"quoted\" *heading*[^1]\n\n[^1]: Note.\n");

        // as kramdown 2.4.0 writes it, so a Jekyll theme's #markdown-toc styles apply; the footnote mark left out
        assertTrue(rendered.html().startsWith("<ul id=\"markdown-toc\">\n<li><a href=\"#a-quoted-heading\""
                + " id=\"markdown-toc-a-quoted-heading\">A “quoted” <em>heading</em></a></li>\n</ul>\n"), rendered.html());
        assertTrue(rendered.toc().contains("<a href=\"#a-quoted-heading\">A “quoted” heading</a>"), rendered.toc());
    }

    @Test
    void aCommentWithoutStopTagIsTextAndTheRestOfThePostStays() {
        // kramdown 2.4.0: "No stop tag for extension 'comment' found ... ignoring it"; Kiln used to drop all after it
        String html = renderer.render("Before {::comment} after.\n\nNext {::comment}x{:/comment}paragraph.\n\n{::comment}\nnote\n{:/}\n").html();

        assertEquals("<p>Before {::comment} after.</p>\n<p>Next <!-- x -->paragraph.</p>\n<!-- note -->\n", html);
    }

    @Test
    void headingIdsAreKramdownsFromTheConvertedText() {
        // As Jekyll's kramdown (checked with kramdown 2.4.0): the dash became "–", which an id drops.
        String html = renderer.render("## It's -- fine...\n").html();

        assertTrue(html.startsWith("<h2 id=\"its--fine\">It’s – fine…"), html);
        assertTrue(renderer.render("# Ordered -- Unordered\n").html().startsWith("<h1 id=\"ordered--unordered\">"));
    }

    @Test
    void rendersSameOutputFromManyThreads() throws Exception {
        String markdown = Files.readString(Path.of("src/test/resources/markdown/heading-ids.md"), StandardCharsets.UTF_8);
        RenderedMarkdown expected = renderer.render(markdown);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RenderedMarkdown>> results = pool.invokeAll(
                    java.util.Collections.nCopies(64, () -> renderer.render(markdown)));
            for (Future<RenderedMarkdown> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void textIsWrittenAsFlexmarkWritesItAndReferenceLinksStillResolve() {
        String markdown = "A & B \\<tag> \"q\" 'a' \\* &amp; &copy; &#65; x\r\ny < z > w\n\n"
                + "[ref][r] and [r]\n\n[r]: /relative/path/ \"T & t\"\n";
        var parser = com.vladsch.flexmark.parser.Parser.builder().build();
        String stock = com.vladsch.flexmark.html.HtmlRenderer.builder().build().render(parser.parse(markdown));
        var fast = com.vladsch.flexmark.html.HtmlRenderer.builder().nodeRendererFactory(options -> new TextRenderer()).build();
        var copyFree = CopyFreeInlineParser.install(com.vladsch.flexmark.parser.Parser.builder()).build();

        assertEquals(stock, fast.render(copyFree.parse(markdown)));
        assertTrue(stock.contains("A &amp; B &lt;tag&gt; &quot;q&quot; 'a' * &amp; \u00a9 A x\ny &lt; z &gt; w"), stock);
        assertTrue(stock.contains("<a href=\"/relative/path/\" title=\"T &amp; t\">ref</a>"), stock);
        for (String text : List.of("", "plain", "&<>\"'", "a&&b", "\u00e9t\u00e9 <\u65e5>")) {
            assertEquals(com.vladsch.flexmark.util.sequence.Escaping.escapeHtml(text, false), TextRenderer.escape(text));
        }
    }

    @Test
    void anAttributeListAfterAnHtmlBlockEditsOnlyItsFirstTag() {
        // kramdown re-serialises the element; Kiln keeps the author's HTML and writes the list into the first tag
        String html = renderer.render("<div id='old' data-x=1 class=\"box\">\n  <span class='a'>x</span>\n</div>\n"
                + "{: .wide #new title=\"Q & A\"}\n").html();

        assertEquals("<div id=\"new\" data-x=1 class=\"box wide\" title=\"Q &amp; A\">\n  <span class='a'>x</span>\n</div>\n", html);
    }
}
