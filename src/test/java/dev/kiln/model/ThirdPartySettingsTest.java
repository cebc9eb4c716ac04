package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments and analytics from site.yml, built through the CLI: off by default, the provider's settings
 * as data- attributes for the theme's script, and every mistake an error at its key.
 */
class ThirdPartySettingsTest {
    @TempDir
    Path site;

    private KilnRun build(String siteYml, String frontMatter) {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\n" + siteYml);
        KilnRun.write(site.resolve("content/posts/2026-01-02-p.md"), "---\ntitle: P\n" + frontMatter + "---\nText.\n");
        return KilnRun.of("build", "--source", site.toString());
    }

    private String post() {
        return KilnRun.read(site.resolve("site/2026/01/02/p/index.html"));
    }

    @Test
    void neitherCommentsNorAnalyticsUnlessSiteYmlNamesThem() {
        assertEquals(0, build("", "").exitCode());
        assertFalse(post().contains("comments"), post());
        assertFalse(post().contains("third-party"), post());
        assertFalse(KilnRun.files(site.resolve("site")).containsKey("assets/js/third-party.js"));
    }

    @Test
    void googleAnalyticsIsTheScriptTagsDataAttributesAndNothingInline() {
        assertEquals(0, build("analytics:\n  provider: google\n  measurement_id: G-ABC123XYZ\n", "").exitCode());
        assertTrue(post().contains("<script src=\"/assets/js/third-party.js\" defer data-analytics=\"google\" "
                + "data-analytics-src=\"https://www.googletagmanager.com/gtag/js?id&#61;G-ABC123XYZ\"></script>"), post());
        assertFalse(post().contains("<link rel=\"stylesheet\" href=\"/assets/css/third-party.css\">"), "analytics need no styles");
        assertTrue(KilnRun.read(site.resolve("site/index.html")).contains("data-analytics=\"google\""), "on every page");
    }

    @Test
    void aPostTurnsItsCommentsOffAndPagesHaveNone() {
        String giscus = "comments:\n  provider: utterances\n  repo: ada/comments\n";
        assertEquals(0, build(giscus, "comments: false\n").exitCode());
        assertFalse(post().contains("class=\"container comments\""));
        assertEquals(0, build(giscus, "").exitCode());
        assertTrue(post().contains("data-comments=\"utterances\" data-comments-src=\"https://utteranc.es/client.js\" data-repo=\"ada/comments\""));
    }

    @Test
    void mastodonCommentsAreALinkToTheThreadAndNeedNoScript() {
        assertEquals(0, build("comments:\n  provider: mastodon\n", "mastodon: https://fosstodon.org/@ada/1234567\n").exitCode());
        assertTrue(post().contains("<a href=\"https://fosstodon.org/@ada/1234567\">Reply on Mastodon</a>"), post());
        assertFalse(post().contains("third-party"), post());
    }

    @Test
    void reportsAnUnknownProviderAtItsKey() {
        KilnRun run = build("comments:\n  provider: disqus\n", "");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content/site.yml:4:3: error: unknown comments provider 'disqus' (hint: Kiln knows giscus, utterances, mastodon"),
                run.err());
    }

    @Test
    void reportsMissingAndBadSettings() {
        KilnRun run = build("comments:\n  provider: giscus\n  repo: not a repo\n  category: General\n  category_id: DIC_1\n  mapping: path\n"
                + "analytics:\n  provider: umami\n  website_id: 42\n  colour: red\n", "");
        assertEquals(1, run.exitCode());
        String err = run.err();
        assertTrue(err.contains("comments.repo 'not a repo' is not valid (hint: repo is owner/name of a public GitHub repository)"), err);
        assertTrue(err.contains("comments needs repo_id for this provider"), err);
        assertTrue(err.contains("comments.mapping should be one of pathname, url, title, og:title, not 'path'"), err);
        assertTrue(err.contains("analytics.website_id '42' is not valid"), err);
        assertTrue(err.contains("analytics with provider umami has no setting 'colour'"), err);
    }

    @Test
    void reportsAMastodonThreadThatIsNoPost() {
        KilnRun run = build("comments:\n  provider: mastodon\n", "mastodon: https://fosstodon.org/about\n");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("content/posts/2026-01-02-p.md:3:11: error: mastodon should be the address of the post that starts this post's thread"),
                run.err());
    }
}
