package dev.kiln.model;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Settings from content/site.yml, with defaults for everything left out. {@code menu} is null when
 * site.yml has none: the theme's default menu then depends on which pages exist. {@code search}
 * turns the search page, its index and its script on (the default) or off.
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
        ZoneId timezone,
        List<MenuItem> menu,
        Map<String, Object> params) {

    /** A navigation entry; {@code url} is site-relative without the baseurl, e.g. {@code /about/}. */
    public record MenuItem(String title, String url) {}
}
