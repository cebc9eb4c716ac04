package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * site.yml's kramdown: options, which Jekyll's _config.yml gives every document (kramdown: parse_block_html: true, auto_ids:
 * false…): each post reads as if it began with {::options …/}, as real jekyll 4.3 builds it.
 */
class SiteKramdownOptionsTest {
    @TempDir
    Path site;

    private static final String POST = "---\ntitle: A\ndate: 2020-01-01\n---\n## Heading one\n\nText[^n].\n\n"
            + "<div class=\"answer\">\n**Bold** text\n</div>\n\n[^n]: Note.\n";

    private KilnRun build(String siteYml, String post) {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\n" + siteYml);
        KilnRun.write(site.resolve("content/posts/a.md"), post);
        return KilnRun.of("build", "--source", site.toString());
    }

    private String post() {
        return KilnRun.read(site.resolve("site/2020/01/01/a/index.html"));
    }

    @Test
    void theSitesOptionsApplyToEveryPost() {
        KilnRun run = build("kramdown:\n  parse_block_html: true\n  auto_ids: false\n  footnote_nr: 3\n", POST);
        assertEquals(0, run.exitCode(), run.err());
        String html = post();
        // real jekyll 4.3.1 with this _config.yml: <div class="answer"><p><strong>Bold</strong> text</p></div>, <h2>, <ol start="3">
        assertTrue(html.contains("<div class=\"answer\">\n<p><strong>Bold</strong> text</p>\n</div>"), html);
        assertTrue(html.contains("<h2>Heading one</h2>"), "no id, so no anchor linking to the page's top: " + html);
        assertTrue(html.contains("<ol start=\"3\">"), html);
    }

    @Test
    void aPostsOwnOptionsWinOverTheSites() {
        KilnRun run = build("kramdown:\n  parse_block_html: true\n", "---\ntitle: A\ndate: 2020-01-01\n---\n"
                + "{::options parse_block_html=\"false\" /}\n<div class=\"answer\">\n**Bold** text\n</div>\n");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(post().contains("<div class=\"answer\">\n**Bold** text\n</div>"), post());
    }

    @Test
    void withoutThemHtmlStaysRawAsKramdownLeavesIt() {
        assertEquals(0, build("", POST).exitCode());
        assertTrue(post().contains("<div class=\"answer\">\n**Bold** text\n</div>"), post());
        assertTrue(post().contains("<h2 id=\"heading-one\">"), post());
    }

    @Test
    void anOptionKilnDoesNotReadIsAWarningAtItsPlace() {
        KilnRun run = build("kramdown:\n  input: GFM\n  syntax_highlighter: rouge\n  parse_block_html: true\n", POST);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/site.yml:4:3: warning: kramdown options input, syntax_highlighter are not read by"
                + " Kiln"), run.err());
        assertTrue(post().contains("<p><strong>Bold</strong> text</p>"), post());
    }

    @Test
    void kramdownThatIsNoMapIsAnError() {
        KilnRun run = build("kramdown: GFM\n", POST);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content/site.yml:3:11: error: kramdown should be a map of kramdown options, not 'GFM'"), run.err());
    }

    @Test
    void blockLineNumbersNumberEveryFencedBlockButAHighlightTagWithoutLinenos() {
        // Chirpy's and many blogs' _config.yml; real jekyll 4.3.1 numbers both fenced blocks (rouge-gutter), not the highlight tag's
        KilnRun run = build("kramdown:\n  syntax_highlighter_opts:\n    css_class: highlight\n    block:\n      line_numbers: true\n",
                "---\ntitle: A\ndate: 2020-01-01\n---\n```ruby\nx = 1\n```\n\n```\nplain\n```\n\n"
                        + "{% highlight ruby %}\ny = 2\n{% endhighlight %}\n\n{% highlight ruby linenos %}\nz = 3\n{% endhighlight %}\n");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        String html = post();
        assertTrue(html.contains("<pre tabindex=\"0\"><code class=\"language-ruby linenos\"><span class=\"line\">x"), html);
        assertTrue(html.contains("<code class=\"linenos\"><span class=\"line\">plain</span>"), html);
        assertTrue(html.contains("<code class=\"language-ruby\">y"), html);
        assertTrue(html.contains("<code class=\"language-ruby linenos\"><span class=\"line\">z"), html);
    }

    @Test
    void withoutThemNoFencedBlockIsNumbered() {
        assertEquals(0, build("", "---\ntitle: A\ndate: 2020-01-01\n---\n```ruby\nx = 1\n```\n\n{% highlight ruby %}\ny = 2\n"
                + "{% endhighlight %}\n").exitCode());
        assertTrue(post().contains("<code class=\"language-ruby\">x"), post());
        assertTrue(post().contains("<code class=\"language-ruby\">y"), post());
    }
}
