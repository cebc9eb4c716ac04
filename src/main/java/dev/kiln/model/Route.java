package dev.kiln.model;

import dev.kiln.diag.SourcePosition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One generated file of the site and everything that decides its content: the route table's row.
 * {@code url} is site-relative without the baseurl; {@code origin} is the source errors about it
 * point at. Renderers turn a route into bytes and decide nothing else; two equal routes (records
 * compare by value) render to the same bytes under the same templates and settings.
 */
public sealed interface Route {
    String url();

    SourcePosition origin();

    /** The file it is written to, relative to the output folder. */
    default String outputPath() {
        return UrlPaths.outputPath(url());
    }

    /**
     * A post with its neighbours in date order ({@code older} is the previous post, {@code newer} the next), the
     * posts most related to it, and its series (its posts oldest first) or null.
     */
    record Post(String url, SourcePosition origin, Document doc, Document older, Document newer, List<Document> related,
                Site.TagPosts series) implements Route {}

    record Page(String url, SourcePosition origin, Document doc) implements Route {}

    /** Page {@code number} of {@code total} of the home page; {@code newerUrl}/{@code olderUrl} are null at the ends. */
    record Home(String url, SourcePosition origin, Heading heading, int number, int total, List<Document> posts, String newerUrl,
                String olderUrl) implements Route {}

    record Archive(String url, SourcePosition origin, Heading heading, List<Year> years) implements Route {}

    record TagIndex(String url, SourcePosition origin, Heading heading, List<Site.TagPosts> tags) implements Route {}

    record TagPage(String url, SourcePosition origin, Heading heading, Site.TagPosts tag) implements Route {}

    record CategoryIndex(String url, SourcePosition origin, Heading heading, List<Site.TagPosts> categories) implements Route {}

    record CategoryPage(String url, SourcePosition origin, Heading heading, Site.TagPosts category) implements Route {}

    /** The posts of one series, part 1 first. */
    record SeriesPage(String url, SourcePosition origin, Heading heading, Site.TagPosts series) implements Route {}

    record NotFound(String url, SourcePosition origin, Heading heading) implements Route {}

    /** The search page; its script reads the {@link SearchIndex}. */
    record Search(String url, SourcePosition origin, Heading heading) implements Route {}

    /** The JSON the search page searches: {@code docs} are the posts, newest first, then the pages. */
    record SearchIndex(String url, SourcePosition origin, List<Document> docs) implements Route {}

    /** An Atom feed of {@code posts} (already cut to the feed size); {@code pageUrl} is the page it mirrors. */
    record Feed(String url, SourcePosition origin, String title, String pageUrl, List<Document> posts) implements Route {}

    /** The same posts as the site's Atom feed, as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
    record JsonFeed(String url, SourcePosition origin, String title, String pageUrl, List<Document> posts) implements Route {}

    record Sitemap(String url, SourcePosition origin, List<SitemapEntry> entries) implements Route {}

    /** robots.txt, which points crawlers at the sitemap. */
    record Robots(String url, SourcePosition origin, String sitemapUrl) implements Route {}

    /** An old URL ({@code aliases:}) that sends readers to {@code target}. */
    record Redirect(String url, SourcePosition origin, Document target) implements Route {}

    record Year(String year, List<Document> posts) {}

    /** The title and description of a page that is not a post or a page of the author's: a list, the 404 or search page. */
    record Heading(String title, String description) {}

    /**
     * {@code lastmod} is null when unknown. Compared by hand: a record's own equals goes through method handles that
     * the JVM's quick compiler does not inline, and a preview edit compares the sitemap's 10,000 entries.
     */
    record SitemapEntry(String url, OffsetDateTime lastmod) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SitemapEntry e && url.equals(e.url) && Objects.equals(lastmod, e.lastmod);
        }

        @Override
        public int hashCode() {
            return 31 * url.hashCode() + Objects.hashCode(lastmod);
        }
    }
}
