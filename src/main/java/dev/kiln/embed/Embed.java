package dev.kiln.embed;

import dev.kiln.text.HtmlText;

/**
 * A third-party frame a post shows, and its placeholder: a plain card with the title and a link to
 * the original, which the theme's script swaps for the frame when the reader clicks it. Nothing is
 * loaded from the third party before that click; without JavaScript the card is a link.
 *
 * @param id what identifies the thing shown (a video id, user/gist, a post's address)
 * @param link where the card leads without JavaScript: the original page
 * @param frame what the script loads on click: the player's address, or for a gist its script
 * @param thumbnail the image the author asked to fetch at build time (YouTube only), or null
 * @param height the frame's height in pixels for Mastodon and iframes; 0 for videos (16:9) and gists (their own)
 */
public record Embed(Kind kind, String id, String title, String link, String frame, String thumbnail, int height) {

    public enum Kind {
        YOUTUBE("YouTube video", "youtube-nocookie.com"),
        VIMEO("Vimeo video", "player.vimeo.com"),
        GIST("GitHub gist", "gist.github.com"),
        MASTODON("Mastodon post", null),
        IFRAME("Embedded page", null);

        final String label;
        final String host;

        Kind(String label, String host) {
            this.label = label;
            this.host = host;
        }
    }

    /** Whether {@code html} shows an embed's card, and so needs the theme's script that loads it on click. */
    public static boolean shownIn(String html) {
        // searched from its rarest character: String.indexOf tries a match at each occurrence of the first one, and a space is everywhere
        for (int i = html.indexOf("-embed-src=\""); i >= 0; i = html.indexOf("-embed-src=\"", i + 1)) {
            if (html.startsWith(" data", i - 5)) {
                return true;
            }
        }
        return false;
    }

    /** The host the click loads from, named on the card so a reader knows where the click goes. */
    public String host() {
        if (kind.host != null) {
            return kind.host;
        }
        String rest = frame.substring("https://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /**
     * The placeholder's HTML, one block. {@code thumbnailSrc} is the local copy of the thumbnail
     * (site-relative: the Markdown stage adds the baseurl), or null for a plain card.
     */
    public String html(String thumbnailSrc) {
        String kindName = kind.name().toLowerCase(java.util.Locale.ROOT);
        StringBuilder html = new StringBuilder();
        html.append("<figure class=\"embed embed-").append(kindName).append("\">\n");
        html.append("<a class=\"embed-card\" href=\"").append(HtmlText.escape(link)).append("\" data-embed=\"").append(kindName)
                .append("\" data-embed-src=\"").append(HtmlText.escape(frame)).append("\" data-embed-title=\"")
                .append(HtmlText.escape(title)).append('"');
        if (height > 0) {
            html.append(" data-embed-height=\"").append(height).append('"');
        }
        html.append(">");
        if (thumbnailSrc != null) {
            html.append("<img class=\"embed-thumbnail\" src=\"").append(HtmlText.escape(thumbnailSrc))
                    .append("\" alt=\"\" width=\"480\" height=\"360\" loading=\"lazy\" decoding=\"async\">");
        }
        html.append("<span class=\"embed-kind\">").append(kind.label).append("</span>");
        html.append(" <span class=\"embed-title\">").append(HtmlText.escape(title)).append("</span>");
        html.append(" <span class=\"embed-note\">").append(kind == Kind.GIST || kind == Kind.MASTODON || kind == Kind.IFRAME ? "Show" : "Play")
                .append(" here: loads from ").append(HtmlText.escape(host())).append("</span>");
        html.append("</a>\n</figure>\n");
        return html.toString();
    }
}
