package dev.kiln.template;

import java.util.List;
import java.util.Map;

/**
 * What templates see. One {@link Context} record for every layout: names that do not apply to a
 * page are null, so a typo is still an unknown variable while {@code {{#paginator}}} is simply off.
 * Every {@code url} already includes the baseurl.
 */
public final class Views {
    private Views() {}

    public record Context(SiteView site, PageView page, PaginatorView paginator, List<YearView> years,
                          TagPageView tag, List<TagView> tags, TagPageView category, List<TagView> categories,
                          TagPageView series) {
        /** A post, a page, the 404 and search pages: the site and the page alone. */
        static Context of(SiteView site, PageView page) {
            return new Context(site, page, null, null, null, null, null, null, null);
        }

        static Context home(SiteView site, PageView page, PaginatorView paginator) {
            return new Context(site, page, paginator, null, null, null, null, null, null);
        }

        static Context archive(SiteView site, PageView page, List<YearView> years) {
            return new Context(site, page, null, years, null, null, null, null, null);
        }

        static Context tagIndex(SiteView site, PageView page, List<TagView> tags) {
            return new Context(site, page, null, null, null, tags, null, null, null);
        }

        static Context tagPage(SiteView site, PageView page, TagPageView tag) {
            return new Context(site, page, null, null, tag, null, null, null, null);
        }

        static Context categoryIndex(SiteView site, PageView page, List<TagView> categories) {
            return new Context(site, page, null, null, null, null, null, categories, null);
        }

        static Context categoryPage(SiteView site, PageView page, TagPageView category) {
            return new Context(site, page, null, null, null, null, category, null, null);
        }

        static Context seriesPage(SiteView site, PageView page, TagPageView series) {
            return new Context(site, page, null, null, null, null, null, null, series);
        }
    }

    public record SiteView(String title, String description, String author, String url, String baseurl, String home,
                           String assets, String language, String feed, String jsonFeed, List<MenuView> menu, String year,
                           List<AttributeView> analytics) {}

    public record MenuView(String title, String url, boolean current) {}

    public record PageView(String title, String subtitle, String description, String url, String absoluteUrl,
                           String kind, boolean isPost, String author, String date, String dateIso, String background,
                           String image, MastheadView masthead, List<TagView> tags, String content, String toc, String excerpt, int readingTime,
                           PostSummary previous, PostSummary next, boolean draft, boolean scheduled,
                           Map<String, Object> params, boolean math, boolean embeds, CommentsView comments,
                           boolean thirdPartyStyles, boolean thirdPartyScript,
                           List<CategoryLink> categories, Related related, SeriesView series) {
        /** A page built by name: what is not set is what a list page shows (no body, date, tags or neighbours). */
        static Builder named(String title, String url, String absoluteUrl, String kind) {
            return new Builder(title, url, absoluteUrl, kind);
        }
    }

    /** Builds a {@link PageView} by name, so no page passes a row of placeholders. Not thread-safe; one per page. */
    static final class Builder {
        private final String title;
        private final String url;
        private final String absoluteUrl;
        private final String kind;
        private String subtitle;
        private String description;
        private boolean isPost;
        private String author;
        private String date;
        private String dateIso;
        private String background;
        private String image;
        private MastheadView masthead;
        private List<TagView> tags = List.of();
        private String content = "";
        private String toc;
        private String excerpt = "";
        private int readingTime;
        private PostSummary previous;
        private PostSummary next;
        private boolean draft;
        private boolean scheduled;
        private Map<String, Object> params = Map.of();
        private boolean math;
        private boolean embeds;
        private CommentsView comments;
        private boolean thirdPartyStyles;
        private boolean thirdPartyScript;
        private List<CategoryLink> categories;
        private Related related;
        private SeriesView series;

        private Builder(String title, String url, String absoluteUrl, String kind) {
            this.title = title;
            this.url = url;
            this.absoluteUrl = absoluteUrl;
            this.kind = kind;
        }

        Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        Builder description(String description) {
            this.description = description;
            return this;
        }

        Builder post(boolean isPost) {
            this.isPost = isPost;
            return this;
        }

        Builder author(String author) {
            this.author = author;
            return this;
        }

        /** The date as the theme shows it and as ISO 8601, for {@code <time datetime>}. */
        Builder date(String shown, String iso) {
            this.date = shown;
            this.dateIso = iso;
            return this;
        }

        /** The background as the page links it, the image it shares as, and the masthead's responsive image. */
        Builder images(String background, String image, MastheadView masthead) {
            this.background = background;
            this.image = image;
            this.masthead = masthead;
            return this;
        }

        Builder tags(List<TagView> tags) {
            this.tags = tags;
            return this;
        }

        Builder body(String content, String toc, String excerpt, int readingTime) {
            this.content = content;
            this.toc = toc;
            this.excerpt = excerpt;
            this.readingTime = readingTime;
            return this;
        }

        Builder neighbours(PostSummary previous, PostSummary next) {
            this.previous = previous;
            this.next = next;
            return this;
        }

        Builder state(boolean draft, boolean scheduled) {
            this.draft = draft;
            this.scheduled = scheduled;
            return this;
        }

        Builder params(Map<String, Object> params) {
            this.params = params;
            return this;
        }

        Builder math(boolean math) {
            this.math = math;
            return this;
        }

        Builder embeds(boolean embeds) {
            this.embeds = embeds;
            return this;
        }

        Builder comments(CommentsView comments) {
            this.comments = comments;
            return this;
        }

        /** Whether the page loads the theme's third-party styles and script (embeds, comments, analytics). */
        Builder thirdParty(boolean styles, boolean script) {
            this.thirdPartyStyles = styles;
            this.thirdPartyScript = script;
            return this;
        }

        Builder categories(List<CategoryLink> categories) {
            this.categories = categories;
            return this;
        }

        Builder related(Related related) {
            this.related = related;
            return this;
        }

        Builder series(SeriesView series) {
            this.series = series;
            return this;
        }

        PageView build() {
            return new PageView(title, subtitle, description, url, absoluteUrl, kind, isPost, author, date, dateIso, background,
                    image, masthead, tags, content, toc, excerpt, readingTime, previous, next, draft, scheduled, params, math,
                    embeds, comments, thirdPartyStyles, thirdPartyScript, categories, related, series);
        }
    }

    /** The posts most related to a post (null when none: the theme then shows no heading). */
    public record Related(List<RelatedPost> posts) {}

    /** A post shown under another as related: no excerpt, so editing its body changes no other page. */
    public record RelatedPost(String title, String url, String date, String dateIso) {}

    /** The series a post is part {@code part} of, of {@code total}, with every part in order. */
    public record SeriesView(String name, String url, int part, int total, List<SeriesPart> parts) {}

    public record SeriesPart(int number, String title, String url, boolean current) {}

    /** An attribute of an element the theme writes, such as {@code data-repo="owner/name"}. */
    public record AttributeView(String name, String value) {}

    /**
     * A post's comments: {@code attributes} are the provider's settings for the theme's script ({@code script}
     * true), {@code link} where they can be read without it (for Mastodon, the thread), {@code note} what
     * loads from where.
     */
    public record CommentsView(String provider, List<AttributeView> attributes, String link, String linkText, String note,
                               boolean script) {}

    /**
     * The {@code background} as an image element, when it is a local image the build could read:
     * {@code srcset} is null when it has no smaller copies; {@code webpSource} opens a {@code <picture>}
     * with its WebP copies (the template closes it after the image), null when it has none.
     */
    public record MastheadView(String src, String srcset, String sizes, int width, int height, String webpSource) {}

    /** A post's category, linked to its page; {@code first} and {@code last} place the words and commas around them. */
    public record CategoryLink(String name, String url, boolean first, boolean last) {}

    public record TagView(String name, String slug, String url, int count) {}

    public record PostSummary(String title, String subtitle, String url, String date, String dateIso, String author,
                              String excerpt, int readingTime, List<TagView> tags, boolean draft,
                              boolean scheduled) {}

    public record PaginatorView(List<PostSummary> posts, int pageNumber, int totalPages, String newer, String older) {}

    public record YearView(String year, List<PostSummary> posts) {}

    public record TagPageView(String name, String slug, String url, int count, List<PostSummary> posts) {}
}
