package dev.kiln.jekyll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jekyll 4.3.1's URLs for the permalink styles and placeholders the fixtures do not build; each expected
 * value is what Jekyll's own UrlDrop and Utils.slugify give (jekyll/lib/jekyll/drops/url_drop.rb, utils.rb).
 */
class JekyllUrlsTest {
    private static final ZonedDateTime DATE = ZonedDateTime.of(2026, 1, 1, 9, 5, 7, 0, ZoneOffset.UTC);

    @Test
    void namedStylesFillEveryPlaceholder() {
        List<String> categories = List.of("Java", "Tools");
        assertEquals("/java/tools/2026/001/Hello-World.html", url("ordinal", categories));
        assertEquals("/java/tools/2026/W01/Thu/Hello-World.html", url("weekdate", categories));
        assertEquals("/java/tools/Hello-World.html", url("none", categories));
        assertEquals("/2026/01/01/Hello-World/", url("pretty", List.of()));
        assertEquals("/2026/1/1/09/05/07/26/Jan/January/hello-world.html",
                url("/:year/:i_month/:i_day/:hour/:minute/:second/:short_year/:short_month/:long_month/:slug:output_ext", List.of()));
        assertEquals("/2026/hello-world.html", url("/:year/:slug", List.of()), "no extension: Jekyll writes NAME.html");
    }

    @Test
    void titleKeepsCaseAndPrettyPunctuationWhileSlugDoesNot() {
        assertEquals("Why_C++-Matters", JekyllUrls.slugify("Why_C++-Matters", true, true));
        assertEquals("why-c-matters", JekyllUrls.slugify("Why_C++-Matters", false, false));
        assertEquals("my-slug", JekyllUrls.slugify("  My Slug! ", false, false));
        assertEquals("café-au-lait", JekyllUrls.slugify("Café au lait", false, false));
    }

    @Test
    void datesAreReadAsJekyllReadsThem() {
        JekyllUrls tokyo = new JekyllUrls("date", ZoneId.of("Asia/Tokyo"));
        assertEquals("2026-05-02T08:30+09:00[Asia/Tokyo]", tokyo.postDate("2026-05-01 23:30:00", false, null).toString(),
                "an unquoted YAML timestamp without offset is UTC");
        assertEquals("2026-05-01T23:30+09:00[Asia/Tokyo]", tokyo.postDate("2026-05-01 23:30:00", true, null).toString(),
                "quoted, it is text, read in the site's zone");
        assertEquals("2026-05-01T23:30+09:00[Asia/Tokyo]", tokyo.postDate("2026-05-01 23:30", false, null).toString(),
                "without seconds it is no YAML timestamp either");
        assertEquals("2026-05-03T10:00+09:00[Asia/Tokyo]", tokyo.postDate("2026-05-02 20:00:00 -0500", false, null).toString());
        assertEquals("2026-05-01T00:00+09:00[Asia/Tokyo]", tokyo.postDate(null, false, "2026-05-01").toString());
    }

    @Test
    void categoriesComeFromFoldersThenCategoriesThenCategoryAsJekyll4JoinsThem() {
        assertEquals(List.of("Java", "Tools"), JekyllUrls.categories(List.of(), null, "Java Tools"));
        // Jekyll 4.3.1: category: Solo Cat with categories: [one, two] is at /one/two/solo%20cat/…
        assertEquals(List.of("one", "two", "Solo Cat"), JekyllUrls.categories(List.of(), "Solo Cat", List.of("one", "two")));
        assertEquals(List.of("a", "b"), JekyllUrls.categories(List.of(), null, List.of("a", "b", "a")));
        assertEquals(List.of("Travel", "Europe", "extra"), JekyllUrls.categories(List.of("Travel", "Europe"), null, List.of("extra")));
    }

    @Test
    void pagesFollowTheSiteStyle() {
        assertEquals("/about.html", new JekyllUrls("date", ZoneOffset.UTC).pageUrl(null, "about.md", true));
        assertEquals("/docs/guide/", new JekyllUrls("pretty", ZoneOffset.UTC).pageUrl(null, "docs/guide.markdown", true));
        assertEquals("/docs/", new JekyllUrls("pretty", ZoneOffset.UTC).pageUrl(null, "docs/index.md", true));
        assertEquals("/about.html", new JekyllUrls("/:year/:title", ZoneOffset.UTC).pageUrl(null, "about.md", true));
        assertEquals("/me/", new JekyllUrls("date", ZoneOffset.UTC).pageUrl("/me/", "about.md", true));
    }

    private static String url(String permalink, List<String> categories) {
        return new JekyllUrls(permalink, ZoneOffset.UTC).postUrl(null, DATE, categories, null, "Hello-World");
    }
}
