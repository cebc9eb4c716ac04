package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.List;
import java.util.Set;

/**
 * Plain text, as flexmark's core renderer writes it, without its three regular expressions per text
 * node (unescape, line ends, escape): most text holds no backslash, entity or carriage return, and
 * text is most of a blog. The output is the same bytes.
 * <p>
 * flexmark's output goes through a line tracker that looks at every character one call at a time (a
 * fifth of the Markdown stage's CPU on the benchmark blog). While a document carries a {@link #DEFERRED}
 * list, the inside of a text (between its leading and trailing spaces, which the tracker must see) is
 * set aside in it and a short marker written instead; {@link #restore} puts the texts back.
 */
final class TextRenderer implements NodeRenderer {
    /** Texts set aside during one rendering of the document that carries the list. */
    static final NullableDataKey<List<String>> DEFERRED = new NullableDataKey<>("KILN_DEFERRED_TEXTS");
    /** Private-use characters around a marker's number. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    /** Shorter texts cost the tracker less than their marker would. */
    private static final int MIN_DEFERRED = 12;

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        // an emoji is written as itself: no character of one needs escaping
        return Set.of(new NodeRenderingHandler<>(Text.class, this::render),
                new NodeRenderingHandler<>(EmojiNode.class, (emoji, context, html) -> html.raw(emoji.emoji())));
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
        String text = SourceSlice.text(node.getChars());
        if (text.indexOf('\\') >= 0) {
            text = Escaping.unescapeString(kramdownEscapes(text));
        } else if (text.indexOf('&') >= 0) {
            text = node.getChars().unescape();
        }
        if (text.indexOf('\r') >= 0) {
            text = Escaping.normalizeEOL(text);
        }
        String escaped = escape(text);
        List<String> deferred = DEFERRED.get(node.getDocument());
        int start = 0;
        int end = escaped.length();
        while (start < end && isBlank(escaped.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(escaped.charAt(end - 1))) {
            end--;
        }
        if (deferred == null || end - start < MIN_DEFERRED || escaped.indexOf('\n') >= 0) {
            html.raw(escaped);
            return;
        }
        if (start > 0) {
            html.raw(escaped.substring(0, start));
        }
        html.raw(OPEN + Integer.toString(deferred.size()) + CLOSE);
        deferred.add(escaped.substring(start, end));
        if (end < escaped.length()) {
            html.raw(escaped.substring(end));
        }
    }

    /** What a backslash escapes in kramdown's GFM parser (ESCAPED_CHARS_GFM); before other punctuation it stays. */
    private static final String KRAMDOWN_ESCAPABLE = "\\.*_+-`()[]{}#!:|\"'$=<>~";

    /** {@code text} with the backslashes kramdown keeps (as in {@code \&}, {@code \%}) doubled, so unescaping keeps them. */
    static String kramdownEscapes(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next < 128 && !Character.isLetterOrDigit(next) && !Character.isWhitespace(next)
                        && KRAMDOWN_ESCAPABLE.indexOf(next) < 0) {
                    out.append('\\');
                }
                out.append(next);
                i++;
            }
        }
        return out.toString();
    }

    /** The characters flexmark's line tracker treats as spaces (it trims them at a line's start). */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * {@code html} with each marker replaced by its text, or null unless it holds exactly the markers of
     * {@code texts}, in order, and no other marker character (then the caller renders again without).
     */
    static String restore(String html, List<String> texts) {
        StringBuilder out = new StringBuilder(html.length() + 64 * texts.size());
        int expected = 0;
        int from = 0;
        for (int open = html.indexOf(OPEN); open >= 0; open = html.indexOf(OPEN, from)) {
            int close = html.indexOf(CLOSE, open + 1);
            if (close < 0 || expected >= texts.size() || !html.substring(open + 1, close).equals(Integer.toString(expected))) {
                return null;
            }
            if (html.lastIndexOf(CLOSE, open) >= from) {
                return null; // a stray closing character
            }
            out.append(html, from, open).append(texts.get(expected++));
            from = close + 1;
        }
        if (expected != texts.size() || html.indexOf(CLOSE, from) >= 0) {
            return null;
        }
        return out.append(html, from, html.length()).toString();
    }

    /** Escapes exactly what flexmark's {@code Escaping.escapeHtml(text, false)} does: {@code & < > "}. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(entity);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
