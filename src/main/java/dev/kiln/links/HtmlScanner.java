package dev.kiln.links;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds link targets and ids in generated HTML in one pass each, without regular expressions
 * (this runs over every byte of a site). Matches exactly what these patterns would, case-insensitively:
 * tags {@code <(a|link|img|script|source|iframe|area|audio|video|track|embed)\b[^>]*>}, in them
 * {@code \s(href|src)\s*=\s*("[^"]*"|'[^']*')}, and anywhere {@code \s(id|name)\s*=\s*("[^"]*"|'[^']*')}; and in
 * {@code <img>} and {@code <source>} also {@code srcset}, each of whose candidates ({@code /a-480.webp 480w, /a.webp 2x})
 * names a file as a {@code src} does.
 */
final class HtmlScanner {
    private static final Set<String> LINKING_TAGS = Set.of(
            "a", "link", "img", "script", "source", "iframe", "area", "audio", "video", "track", "embed");
    private static final String[] LINK_ATTRIBUTES = {"href", "src"};
    private static final String[] IMAGE_ATTRIBUTES = {"href", "src", "srcset"};
    private static final Set<String> IMAGE_TAGS = Set.of("img", "source");
    private static final String[] ID_ATTRIBUTES = {"id", "name"};

    private HtmlScanner() {}

    /** Each href and src value of a linking tag (and srcset URL of an image's), in document order, as written (still HTML-escaped). */
    static void links(String html, Consumer<String> link) {
        int i = html.indexOf('<');
        while (i >= 0) {
            int nameEnd = i + 1;
            while (nameEnd < html.length() && isWordChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            int close = nameEnd > i + 1 ? html.indexOf('>', nameEnd) : -1;
            String name = close >= 0 ? html.substring(i + 1, nameEnd).toLowerCase(Locale.ROOT) : "";
            if (close >= 0 && LINKING_TAGS.contains(name)) {
                attributes(html, nameEnd, close, IMAGE_TAGS.contains(name) ? IMAGE_ATTRIBUTES : LINK_ATTRIBUTES, link);
                i = html.indexOf('<', close + 1);
            } else {
                i = html.indexOf('<', i + 1);
            }
        }
    }

    /**
     * Each id and name value anywhere in the text, as written. Driven by the '=' signs, far rarer than
     * the spaces an attribute starts after: each one is looked back from for {@code \s(id|name)\s*}.
     * Matches start in the order of their '=', so the result is the same as scanning every space.
     */
    static void ids(String html, Consumer<String> id) {
        int from = 0;
        for (int equals = html.indexOf('='); equals >= 0; equals = html.indexOf('=', Math.max(equals + 1, from))) {
            int nameEnd = equals;
            while (nameEnd > from && isSpace(html.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            for (String name : ID_ATTRIBUTES) {
                int start = nameEnd - name.length() - 1; // the space before the name
                if (start >= from && isSpace(html.charAt(start)) && html.regionMatches(true, start + 1, name, 0, name.length())) {
                    int end = attribute(html, start + 1, html.length(), ID_ATTRIBUTES, id);
                    if (end > 0) {
                        from = end;
                    }
                    break;
                }
            }
        }
    }

    /** Values of {@code \s(names)\s*=\s*(quoted)} found left to right in {@code [from, to)}. */
    private static void attributes(String html, int from, int to, String[] names, Consumer<String> value) {
        int i = from;
        while (i < to) {
            if (!isSpace(html.charAt(i))) {
                i++;
                continue;
            }
            int end = attribute(html, i + 1, to, names, value);
            i = end > 0 ? end : i + 1;
        }
    }

    /** Matches one attribute at {@code at}; returns where the match ends, or -1. */
    private static int attribute(String html, int at, int to, String[] names, Consumer<String> value) {
        for (String name : names) {
            if (at + name.length() <= to && html.regionMatches(true, at, name, 0, name.length())) {
                int i = at + name.length();
                while (i < to && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i >= to || html.charAt(i) != '=') {
                    continue;
                }
                i++;
                while (i < to && isSpace(html.charAt(i))) {
                    i++;
                }
                if (i >= to || (html.charAt(i) != '"' && html.charAt(i) != '\'')) {
                    continue;
                }
                int closing = html.indexOf(html.charAt(i), i + 1);
                if (closing < 0 || closing >= to) {
                    continue;
                }
                if (name.equals("srcset")) {
                    candidates(html.substring(i + 1, closing), value);
                } else {
                    value.accept(html.substring(i + 1, closing));
                }
                return closing + 1;
            }
        }
        return -1;
    }

    /**
     * The URL of each candidate of a srcset, as the HTML standard splits it: a run of non-spaces (commas at its end
     * end the candidate), then descriptors up to the next comma outside parentheses.
     */
    static void candidates(String srcset, Consumer<String> url) {
        int i = 0;
        int length = srcset.length();
        while (i < length) {
            while (i < length && (isSpace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < length && !isSpace(srcset.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && srcset.charAt(end - 1) == ',') {
                end--;
            }
            if (end == i) {
                int parentheses = 0;
                while (i < length && (srcset.charAt(i) != ',' || parentheses > 0)) {
                    parentheses += srcset.charAt(i) == '(' ? 1 : srcset.charAt(i) == ')' ? -1 : 0;
                    i++;
                }
            }
            if (end > start) {
                url.accept(srcset.substring(start, end));
            }
        }
    }

    /** The characters of regex {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** The characters of regex {@code \w}, whose absence ends a tag name for {@code \b}. */
    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
