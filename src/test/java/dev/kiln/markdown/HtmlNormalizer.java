package dev.kiln.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTML reduced to what a reader sees, so that Kiln's output and kramdown's compare equal when they
 * differ only in form: whitespace between and around tags collapsed, attributes sorted and double
 * quoted, {@code <br />} as {@code <br>}, character references decoded. Also dropped, being what Kiln
 * adds or leaves out on purpose: heading anchor links, {@code tabindex="0"} on scrollable blocks,
 * {@code rel="noopener"} beside {@code target="_blank"}, the highlighting spans inside code blocks, and
 * kramdown's footnote roles {@code doc-endnote} (deprecated) and {@code doc-noteref} (Kiln's is on the link), and the
 * {@code aria-label} that names a task list's checkbox (kramdown's has no name, which accessibility checkers report).
 */
final class HtmlNormalizer {
    private HtmlNormalizer() {}

    /** One token a line: a tag or a text. */
    static String normalize(String html) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int inPre = 0;
        int skipAnchor = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            if (lt != i) {
                int end = lt < 0 ? html.length() : lt;
                String text = decode(html.substring(i, end));
                if (skipAnchor == 0) {
                    if (inPre > 0) {
                        appendText(tokens, text);
                    } else {
                        String collapsed = text.replaceAll("\\s+", " ").strip();
                        if (!collapsed.isEmpty()) {
                            appendText(tokens, collapsed);
                        }
                    }
                }
                i = end;
                continue;
            }
            int gt = tagEnd(html, lt);
            String raw = html.substring(lt, gt);
            i = gt;
            if (raw.startsWith("<!--")) {
                tokens.add(raw.replaceAll("\\s+", " "));
                continue;
            }
            Tag tag = Tag.parse(raw);
            if (tag == null) {
                appendText(tokens, raw);
                continue;
            }
            if (tag.name.equals("a") && !tag.closing && "anchor".equals(tag.attributes.get("class"))) {
                skipAnchor++;
                continue;
            }
            if (skipAnchor > 0) {
                if (tag.name.equals("a") && tag.closing) {
                    skipAnchor--;
                }
                continue;
            }
            if (tag.name.equals("pre")) {
                inPre += tag.closing ? -1 : 1;
            } else if (inPre > 0 && !tag.name.equals("code")) {
                continue; // highlighting
            }
            tokens.add(tag.toString());
        }
        return String.join("\n", tokens) + "\n";
    }

    /** Texts next to each other (split by a dropped tag) are one text. */
    private static void appendText(List<String> tokens, String text) {
        if (!tokens.isEmpty() && !tokens.get(tokens.size() - 1).startsWith("<")) {
            tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + text);
        } else {
            tokens.add(text);
        }
    }

    private static int tagEnd(String html, int lt) {
        if (html.startsWith("<!--", lt)) {
            int close = html.indexOf("-->", lt);
            return close < 0 ? html.length() : close + 3;
        }
        char quote = 0;
        for (int i = lt + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00A0", "hellip", "\u2026", "ndash", "\u2013", "mdash", "\u2014");

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semicolon = c == '&' ? text.indexOf(';', i) : -1;
            if (semicolon > i && semicolon - i < 12) {
                String name = text.substring(i + 1, semicolon);
                String decoded = null;
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        decoded = Character.toString(Integer.parseInt(name.substring(2), 16));
                    } else if (name.startsWith("#")) {
                        decoded = Character.toString(Integer.parseInt(name.substring(1)));
                    } else {
                        decoded = ENTITIES.get(name);
                    }
                } catch (IllegalArgumentException e) {
                    decoded = null;
                }
                if (decoded != null) {
                    out.append(decoded);
                    i = semicolon + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private record Tag(String name, boolean closing, Map<String, String> attributes) {
        static Tag parse(String raw) {
            int i = 1;
            boolean closing = raw.startsWith("</");
            if (closing) {
                i = 2;
            }
            int start = i;
            while (i < raw.length() && (Character.isLetterOrDigit(raw.charAt(i)) || raw.charAt(i) == '-' || raw.charAt(i) == ':')) {
                i++;
            }
            if (i == start) {
                return null;
            }
            String name = raw.substring(start, i).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = new TreeMap<>();
            while (i < raw.length()) {
                char c = raw.charAt(i);
                if (Character.isWhitespace(c) || c == '/' || c == '>') {
                    i++;
                    continue;
                }
                int nameStart = i;
                while (i < raw.length() && !Character.isWhitespace(raw.charAt(i)) && "=>/".indexOf(raw.charAt(i)) < 0) {
                    i++;
                }
                String attribute = raw.substring(nameStart, i).toLowerCase(Locale.ROOT);
                String value = "";
                if (i < raw.length() && raw.charAt(i) == '=') {
                    i++;
                    char quote = i < raw.length() ? raw.charAt(i) : 0;
                    if (quote == '"' || quote == '\'') {
                        int close = raw.indexOf(quote, i + 1);
                        close = close < 0 ? raw.length() : close;
                        value = raw.substring(i + 1, close);
                        i = close + 1;
                    } else {
                        int valueStart = i;
                        while (i < raw.length() && !Character.isWhitespace(raw.charAt(i)) && raw.charAt(i) != '>') {
                            i++;
                        }
                        value = raw.substring(valueStart, i);
                    }
                }
                attributes.put(attribute, decode(value));
            }
            if (name.equals("pre") || name.equals("table")) {
                attributes.remove("tabindex");
            }
            if (name.equals("input") && "task-list-item-checkbox".equals(attributes.get("class"))) {
                // Kiln names the box by its item's text for screen readers; all else of it must still be kramdown's
                attributes.remove("aria-label");
            }
            if ("doc-endnote".equals(attributes.get("role")) || "doc-noteref".equals(attributes.get("role"))) {
                // Kiln leaves out the deprecated doc-endnote and has doc-noteref on the link, not its <sup>
                attributes.remove("role");
            }
            String rel = attributes.get("rel");
            if (rel != null && "_blank".equals(attributes.get("target"))) {
                String kept = rel.replaceAll("\\bnoopener\\b", "").strip();
                if (kept.isEmpty()) {
                    attributes.remove("rel");
                } else {
                    attributes.put("rel", kept);
                }
            }
            return new Tag(name, closing, attributes);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(closing ? "</" : "<").append(name);
            attributes.forEach((key, value) -> out.append(' ').append(key).append("=\"").append(value.replace("\"", "&quot;")).append('"'));
            return out.append('>').toString();
        }
    }
}
