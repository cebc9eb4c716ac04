package dev.kiln.markdown;

import java.util.List;

/**
 * One Markdown body rendered to HTML, with what the later stages derive from it.
 *
 * @param html the whole body as HTML
 * @param excerptHtml the HTML before a {@code <!--more-->} line, else the first paragraph; "" if none
 * @param excerptText the excerpt as plain text on one line, for descriptions
 * @param toc a nested {@code <nav class="toc">} of the headings, or null if there are none
 * @param text the whole body as plain text (blocks end with a line break), for search
 * @param wordCount words in the plain text, for reading time
 * @param links every link and image written in the Markdown, in document order
 * @param problems what keeps the Markdown from being rendered; when there is any, the rest is empty
 * @param math whether the HTML holds math ({@code \(…\)} or {@code \[…\]}), which a theme then typesets
 * @param thumbnails the YouTube videos whose thumbnails the HTML shows ({@code thumbnail=true}), by id, each once:
 *                   the site must publish each copy where {@link MarkdownRenderer.ThumbnailUrls} said
 */
public record RenderedMarkdown(String html, String excerptHtml, String excerptText, String toc, String text, int wordCount,
                               List<Link> links, List<Problem> problems, boolean math, List<String> thumbnails) {

    public RenderedMarkdown {
        links = List.copyOf(links);
        problems = List.copyOf(problems);
        thumbnails = List.copyOf(thumbnails);
    }

    static RenderedMarkdown refused(Problem problem) {
        return new RenderedMarkdown("", "", "", null, "", 0, List.of(), List.of(problem), false, List.of());
    }

    /**
     * An error in the Markdown, positioned like a {@link Link}.
     *
     * @param message what is wrong
     * @param hint how to fix it
     */
    public record Problem(String message, String hint, int line, int column) {}

    /**
     * A link or image as the author wrote it.
     *
     * @param url the url as written (for reference links, the url of the definition); for a relative link to a
     *            Markdown source, the URL of its page, as in the HTML
     * @param line 1-based line of the link's first character in the Markdown given to the renderer
     * @param column 1-based column of that character, counted in Unicode code points
     */
    public record Link(String url, int line, int column) {}
}
