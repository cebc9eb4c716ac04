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
                          TagPageView series) {}

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
                           List<CategoryLink> categories, Related related, SeriesView series) {}

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
