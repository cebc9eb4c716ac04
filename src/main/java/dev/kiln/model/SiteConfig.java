package dev.kiln.model;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Settings from content/site.yml, with defaults for everything left out. {@code menu} is null when
 * site.yml has none: the theme's default menu then depends on which pages exist. {@code search}
 * turns the search page, its index and its script on (the default) or off. {@code comments} and
 * {@code analytics} are null unless site.yml names a provider. {@code keep} lists the patterns of
 * files in the output folder that Kiln must leave alone. {@code relatedPosts} is how many related
 * posts a post shows ({@code related_posts:}, default 3; 0 or false turns them off). {@code emoji} turns
 * GitHub's shortcodes ({@code :tada:}) into emoji in Markdown text, as Jekyll's jemoji plugin does (off by default).
 * {@code kramdown} holds the kramdown options set for every document ({@code kramdown:}, as in Jekyll's _config.yml),
 * each as a document's own {@code {::options}} would write it.
 */
public record SiteConfig(
        String title,
        String description,
        String author,
        String url,
        String baseurl,
        String language,
        String permalink,
        int paginate,
        int feedSize,
        boolean safeMode,
        boolean search,
        boolean emoji,
        ZoneId timezone,
        List<MenuItem> menu,
        List<String> keep,
        Map<String, Object> params,
        Service comments,
        Service analytics,
        int relatedPosts,
        List<String> feedAliases,
        Map<String, String> kramdown) {

    /**
     * A third party the site uses for comments or analytics ({@code provider}: giscus, plausible, …) and its
     * settings, checked and with defaults filled in; null in {@link SiteConfig} when site.yml names none.
     */
    public record Service(String provider, Map<String, String> settings) {}

    /** A navigation entry; {@code url} is site-relative without the baseurl, e.g. {@code /about/}. */
    public record MenuItem(String title, String url) {}
}
