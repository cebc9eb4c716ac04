package dev.kiln.model;

/**
 * A tag, or a category, as shown ({@code name}) and its URL segment ({@code slug}), unique among the
 * site's tags (or its categories). Categories are grouped and slugged exactly as tags, apart from them.
 */
public record Tag(String name, String slug) {}
