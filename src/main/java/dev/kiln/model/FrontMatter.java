package dev.kiln.model;

import dev.kiln.diag.SourcePosition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A Markdown file's front matter, checked and typed, with what follows from it and the settings
 * alone: its date in the author's offset and its URL (by the rules of {@link SiteUrls}). Tags are still the names the author wrote;
 * their slugs depend on every other post and are decided by {@link RoutePlanner}. {@code liquid} is
 * false when the author turned Liquid off ({@code render_with_liquid: false}, Jekyll's key).
 * {@code categoryNames} are a post's categories as written (none on a page), grouped like tags by {@link RoutePlanner}.
 * {@code seriesName} is a post's {@code series:}, or null.
 * {@code aliases} are the old URLs that redirect here ({@code aliases:} and {@code redirect_from:});
 * {@code redirectTo} is the address the page's URL sends readers to instead of showing it ({@code redirect_to:}), or null.
 * {@code authors} are who wrote it ({@code author:} or {@code authors:}: a name, a map with name:, or a list of them), else
 * the site's author; none when neither names one.
 * {@code urlPosition} is where the URL was decided: the {@code permalink:} or {@code slug:} value, else the file's start.
 */
public record FrontMatter(
        String title,
        String subtitle,
        String description,
        OffsetDateTime date,
        OffsetDateTime updated,
        List<Author> authors,
        List<String> tagNames,
        String background,
        String layout,
        SourcePosition layoutPosition,
        String url,
        boolean draft,
        boolean inSitemap,
        List<String> aliases,
        String redirectTo,
        Map<String, Object> params,
        List<String> categoryNames,
        String seriesName,
        boolean liquid,
        SourcePosition urlPosition) {

    /** The authors' names as one line of text ({@link Author#names}), what templates print as {@code author}. */
    public String author() {
        return Author.names(authors);
    }
}
