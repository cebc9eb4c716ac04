package dev.kiln.model;

import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A post or a page as planned: its typed {@link FrontMatter}, what the planner decided from every post
 * (its tags', categories' and series' names and slugs; {@code scheduled}: dated after the build's "now",
 * published only on request, a preview shows it marked) and its rendered Markdown. The accessors below
 * name the front matter's values a document is used by; {@code url} is site-relative without the baseurl
 * ({@code /2019/03/18/slug/}).
 */
public record Document(Path source, boolean isPost, FrontMatter front, List<Tag> tags, List<Tag> categories, Tag series,
                       boolean scheduled, Content content) {

    public String title() {
        return front.title();
    }

    public String subtitle() {
        return front.subtitle();
    }

    public String description() {
        return front.description();
    }

    public OffsetDateTime date() {
        return front.date();
    }

    /** The last change the author declared ({@code last_modified_at} or {@code updated}), or null. */
    public OffsetDateTime updated() {
        return front.updated();
    }

    /** The authors' names as one line of text: "Jane", "Jane and Joe"; "" when none. */
    public String author() {
        return front.author();
    }

    public List<Author> authors() {
        return front.authors();
    }

    public String background() {
        return front.background();
    }

    public String layout() {
        return front.layout();
    }

    public SourcePosition layoutPosition() {
        return front.layoutPosition();
    }

    public String url() {
        return front.url();
    }

    /** Where the URL was decided: the {@code permalink:} or {@code slug:} value, else the file's start. */
    public SourcePosition urlPosition() {
        return front.urlPosition();
    }

    public boolean draft() {
        return front.draft();
    }

    public boolean inSitemap() {
        return front.inSitemap();
    }

    public List<String> aliases() {
        return front.aliases();
    }

    /** Where this page sends its readers instead of showing itself ({@code redirect_to:}), or null. */
    public String redirectTo() {
        return front.redirectTo();
    }

    public Map<String, Object> params() {
        return front.params();
    }

    /**
     * Rendered Markdown of the body and what was learned while rendering it. {@code text} is the start
     * of the body as plain text on one line, at most {@link #TEXT_LENGTH} characters, for the search index.
     * {@code files} are the files beside a post that it links to: the site path each is published at
     * ({@code /2026/11/01/trip/cat.jpg}) → its path under content/ ({@code posts/2026-11-01-trip/cat.jpg}).
     * {@code embeds} says the HTML shows an embed's card (learned once here, since searching the HTML of 10,000 posts
     * on every build took 0.2 s each time), {@code thumbnails} are the YouTube videos whose thumbnails it shows, by id.
     */
    public record Content(String html, String excerptHtml, String excerptText, String toc, String text, int wordCount,
                          List<Link> links, boolean math, boolean embeds, List<String> thumbnails, Map<String, String> files) {
        /**
         * Enough for the opening paragraphs a reader recognizes a post by, and small enough that the
         * search index of 10,000 posts stays a few MB (README, "Search").
         */
        public static final int TEXT_LENGTH = 500;
    }

    /** A link written in the body, with its position in the source file. */
    public record Link(String url, SourcePosition position) {}
}
