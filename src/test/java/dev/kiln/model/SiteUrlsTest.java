package dev.kiln.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules every URL of a site is made by, one at a time: what a reader finds at which address. */
class SiteUrlsTest {
    private static final String POSTS = "/:year/:month/:day/:slug/";

    @Test
    void aPostIsAtItsDateAndSlugAPageAtItsPathAndAPermalinkWins() {
        OffsetDateTime date = OffsetDateTime.parse("2019-03-18T00:00+01:00");
        assertEquals("/2019/03/18/be-prepared/",
                SiteUrls.document(Path.of("content/posts/x.md"), true, null, POSTS, date, "be-prepared", "T", List.of()).value());
        assertEquals("/docs/install/",
                SiteUrls.document(Path.of("content/docs/install.md"), false, null, POSTS, null, "install", "T", List.of()).value());
        assertEquals("/docs/", SiteUrls.document(Path.of("content/docs/index.md"), false, null, POSTS, null, "x", "T", List.of()).value());
        assertEquals("/java/web/x.html", SiteUrls.document(Path.of("content/posts/x.md"), true, "/:categories/:slug.html", POSTS, date,
                "x", "T", List.of("Java", "Web")).value());
    }

    @Test
    void aURLThatCannotBeMadeNamesTheKeyAtFault() {
        SiteUrls.Decision undated = SiteUrls.document(Path.of("content/a.md"), false, "/:year/:slug/", POSTS, null, "a", "A", List.of());
        assertNull(undated.value());
        assertEquals("permalink", undated.key());
        assertEquals("permalink '/:year/:slug/' uses :year, but this page has no date", undated.problem());
        SiteUrls.Decision slug = SiteUrls.slug("no spaces allowed", true, "x", "X");
        assertEquals("slug", slug.key());
        assertEquals("title", SiteUrls.slug(null, true, "!!!", "!!!").key(), "a title without letters gives no slug");
        assertEquals("été-à-paris", SiteUrls.slug(null, true, "Été à Paris", "Été à Paris").value());
    }

    @Test
    void listPagesFeedsAndFilesHaveFixedAddresses() {
        assertEquals("/", SiteUrls.home(1));
        assertEquals("/page/3/", SiteUrls.home(3));
        assertTrue(SiteUrls.isHomePage("/page/3/"));
        assertFalse(SiteUrls.isHomePage("/page/0/"));
        assertEquals("/tags/go/", SiteUrls.tag("go"));
        assertEquals("/tags/go/feed.xml", SiteUrls.feedOf(SiteUrls.tag("go")));
        assertEquals("/categories/web/", SiteUrls.category("web"));
        assertEquals("/series/rust/", SiteUrls.series("rust"));
        assertEquals("/img/cat.jpg", SiteUrls.staticFile("img/cat.jpg"));
        assertEquals("/assets/css/main.css", SiteUrls.themeAsset("assets/css/main.css"));
        assertEquals("/2026/11/01/trip/cat.jpg", SiteUrls.besidePost("/2026/11/01/trip/", "cat.jpg"));
        assertEquals("/assets/cards/0a1b2c.png", SiteUrls.socialCard("0a1b2c"));
        assertEquals("/embeds/youtube-dQw4w9WgXcQ.jpg", SiteUrls.youtubeThumbnail("dQw4w9WgXcQ"));
    }

    @Test
    void anImageCopyIsNamedByItsWidthBesideTheImage() {
        assertEquals("/img/photo-640w.webp", SiteUrls.imageCopy("/img/photo.jpg", 640, "webp", false));
        assertEquals("/img.d/photo-320w.jpg", SiteUrls.imageCopy("/img.d/photo", 320, "jpg", false), "a dot in a folder is not an extension");
        assertEquals("/img/Photo-jpeg-640w.jpg", SiteUrls.imageCopy("/img/Photo.JPEG", 640, "jpg", true), "beside another photo.*");
        assertEquals("/img/photo", SiteUrls.imageCopyStem("/img/Photo.JPEG"));
        assertEquals("/img/photo", SiteUrls.imageCopyStemOf("/img/Photo-1280W.JPG"), "the name of a copy of /img/photo.*");
        assertEquals(null, SiteUrls.imageCopyStemOf("/img/photo-640.jpg"));
    }
}
