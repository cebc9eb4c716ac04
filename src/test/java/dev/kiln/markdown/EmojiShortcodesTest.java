package dev.kiln.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.model.SiteUrls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emoji: true}: GitHub's shortcodes become emoji where Jekyll's jemoji converts them, and nowhere else. */
class EmojiShortcodesTest {
    private static final String TADA = "\uD83C\uDF89";
    private final MarkdownRenderer renderer = new MarkdownRenderer(false, "", SiteUrls::youtubeThumbnail, true);

    @TempDir
    Path site;

    private String html(String markdown) {
        return renderer.render(markdown).html();
    }

    @Test
    void aKnownShortcodeInTextBecomesTheEmojiFullyQualified() {
        assertEquals("<p>Shipped " + TADA + " and \uD83D\uDC4D \uD83D\uDC4D \uD83D\uDC4E</p>\n", html("Shipped :tada: and :+1: :thumbsup: :-1:\n"));
        assertEquals("<p>\u2764\uFE0F \u26A0\uFE0F 1\uFE0F\u20E3 \uD83D\uDE35\u200D\uD83D\uDCAB \uD83E\uDD14 \uD83D\uDCAF</p>\n",
                html(":heart: :warning: :one: :face_with_spiral_eyes: :thinking: :100:\n"),
                "U+FE0F makes browsers draw an emoji, not a text symbol; a ZWJ sequence keeps its joiner");
        assertEquals("<p><em>" + TADA + "</em> <a href=\"/x/\">" + TADA + " news</a></p>\n", html("*:tada:* [:tada: news](/x/)\n"));
    }

    @Test
    void anUnknownNameOrATimeStaysAsWritten() {
        assertEquals("<p>:nope: at 10:30:45, :skin-tone-2: and :shipit:</p>\n", html(":nope: at 10:30:45, :skin-tone-2: and :shipit:\n"));
        assertEquals("<p>:nope" + TADA + "</p>\n", html(":nope:tada:\n"), "an unknown name gives its colon to the next, as jemoji's");
    }

    @Test
    void codeUrlsAttributesAndMathKeepTheShortcode() {
        assertEquals("<p><code>:tada:</code></p>\n", html("`:tada:`\n"));
        assertTrue(html("```\n:tada:\n```\n").contains(">:tada:\n</code></pre>"), html("```\n:tada:\n```\n"));
        assertTrue(html("    :tada:\n").contains(">:tada:\n</code></pre>"));
        assertEquals("<p><a href=\"https://example.com/:tada:/x\">https://example.com/:tada:/x</a> and "
                + "<a href=\"https://example.com/:tada:\">https://example.com/:tada:</a></p>\n",
                html("https://example.com/:tada:/x and <https://example.com/:tada:>\n"));
        assertEquals("<p><a title=\":tada:\">x</a></p>\n", html("<a title=\":tada:\">x</a>\n"));
        assertEquals("<p><img src=\"/i.png\" alt=\":tada:\" /></p>\n", html("![:tada:](/i.png)\n"));
        assertTrue(html("Sum $$a:tada:b$$ here\n").contains("\\(a:tada:b\\)"), html("Sum $$a:tada:b$$ here\n"));
    }

    @Test
    void aHeadingKeepsTheIdKramdownMakesFromTheShortcode() {
        assertTrue(html("## :tada: Release\n").startsWith("<h2 id=\"tada-release\">" + TADA + " Release"), html("## :tada: Release\n"));
    }

    @Test
    void offUnlessSiteYmlTurnsItOn() {
        assertEquals("<p>Shipped :tada:</p>\n", new MarkdownRenderer(false, "", SiteUrls::youtubeThumbnail).render("Shipped :tada:\n").html());
    }

    @Test
    void aSiteWithEmojiOnWritesThemInThePostTheFeedTheSummaryAndTheSearchIndex() {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://example.com\nemoji: true\n");
        KilnRun.write(site.resolve("content/posts/2019-03-18-one.md"), "---\ntitle: One\n---\nShipped :tada: today, `:tada:` in code.\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        String page = KilnRun.read(site.resolve("site/2019/03/18/one/index.html"));
        assertTrue(page.contains("<p>Shipped " + TADA + " today, <code>:tada:</code> in code.</p>"), page);
        assertTrue(KilnRun.read(site.resolve("site/feed.xml")).contains("Shipped " + TADA + " today"));
        assertTrue(KilnRun.read(site.resolve("site/index.html")).contains("Shipped " + TADA + " today"), "the summary on the home page");
        assertTrue(KilnRun.read(site.resolve("site/search/index.json")).contains("\"text\":\"Shipped " + TADA + " today, :tada: in code.\""));
    }

    @Test
    void aNonBooleanEmojiSettingIsAPositionedError() {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nemoji: yes please\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content/site.yml:2:"), run.err());
        assertTrue(run.err().contains("emoji"), run.err());
    }
}
