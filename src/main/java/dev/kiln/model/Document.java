package dev.kiln.model;

import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A post or a page: front matter already checked and typed, Markdown already rendered.
 * {@code url} is site-relative without the baseurl ({@code /2019/03/18/slug/}); {@code outputPath}
 * is the file it is written to, relative to the output folder. {@code scheduled} marks a post dated
 * after the build's "now", published only on request (a preview shows it, marked). {@code updated}
 * is the last change the author declared ({@code last_modified_at} or {@code updated}), or null.
 */
public record Document(
        Path source,
        boolean isPost,
        String title,
        String subtitle,
        String description,
        OffsetDateTime date,
        OffsetDateTime updated,
        String author,
        List<Tag> tags,
        String background,
        String layout,
        SourcePosition layoutPosition,
        String url,
        String outputPath,
        boolean draft,
        boolean scheduled,
        boolean inSitemap,
        List<String> aliases,
        Content content,
        Map<String, Object> params,
        SourcePosition urlPosition,
        List<Tag> categories,
        Tag series) {

    /**
     * Rendered Markdown of the body and what was learned while rendering it. {@code text} is the start
     * of the body as plain text on one line, at most {@link #TEXT_LENGTH} characters, for the search index.
     * {@code files} are the files beside a post that it links to: the site path each is published at
     * ({@code /2026/11/01/trip/cat.jpg}) → its path under content/ ({@code posts/2026-11-01-trip/cat.jpg}).
     */
    public record Content(String html, String excerptHtml, String excerptText, String toc, String text, int wordCount,
                          List<Link> links, boolean math, Map<String, String> files) {
        /**
         * Enough for the opening paragraphs a reader recognizes a post by, and small enough that the
         * search index of 10,000 posts stays a few MB (README, "Search").
         */
        public static final int TEXT_LENGTH = 500;
    }

    /** A link written in the body, with its position in the source file. */
    public record Link(String url, SourcePosition position) {}
}
