package dev.kiln.model;

import java.util.List;

/**
 * The whole site as it will be published: posts newest first, pages by path, tags by name with
 * their posts. Built once by {@link SiteAssembler}; nothing in it changes afterwards.
 */
public record Site(SiteConfig config, List<Document> posts, List<Document> pages, List<TagPosts> tags) {

    public record TagPosts(Tag tag, List<Document> posts) {}

}
