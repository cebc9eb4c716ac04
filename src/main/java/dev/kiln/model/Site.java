package dev.kiln.model;

import java.util.List;

/**
 * The whole site as it will be published: posts newest first, pages by URL, tags and categories
 * by name with their posts (newest first; a series' oldest first, part 1 first), the navigation menu and the year of the newest post (for the footer). Built once by
 * {@link RoutePlanner}; nothing in it changes afterwards.
 */
public record Site(SiteConfig config, List<Document> posts, List<Document> pages, List<TagPosts> tags,
                   List<TagPosts> categories, List<TagPosts> series, List<SiteConfig.MenuItem> menu, String year) {

    public record TagPosts(Tag tag, List<Document> posts) {}
}
