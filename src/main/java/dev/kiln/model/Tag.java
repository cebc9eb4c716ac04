package dev.kiln.model;

/**
 * A tag, a category or a series, as shown ({@code name}), its URL segment ({@code slug}), unique among the
 * site's tags (or its categories, or series), and the URL of its page ({@link SiteUrls}). Categories and series
 * are grouped and slugged exactly as tags, apart from them.
 */
public record Tag(String name, String slug, String url) {}
