package dev.kiln.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the {@code <img>} tags of an HTML fragment, with their attributes, in one pass and without regular expressions. */
public final class ImageTags {
    private ImageTags() {}

    /**
     * One tag: {@code [start, end)} spans it from {@code <} to {@code >}; {@code insertAt} is where
     * attributes can be added (before {@code >} or {@code />}); attribute names are lower case, values unescaped.
     */
    public record Tag(int start, int end, int insertAt, Map<String, String> attributes) {
        public Tag {
            attributes = Map.copyOf(attributes);
        }

        public String attribute(String name) {
            return attributes.get(name);
        }

        public boolean has(String name) {
            return attributes.containsKey(name);
        }
    }

    public static List<Tag> in(String html) {
        List<Tag> tags = new ArrayList<>();
        int i = indexOfImg(html, 0);
        while (i >= 0) {
            Tag tag = parse(html, i);
            if (tag == null) {
                break; // a tag never closed: the rest is not markup
            }
            tags.add(tag);
            i = indexOfImg(html, tag.end());
        }
        return tags;
    }

    private static int indexOfImg(String html, int from) {
        int i = html.indexOf('<', from);
        while (i >= 0) {
            if (i + 4 < html.length() && html.regionMatches(true, i + 1, "img", 0, 3)) {
                char after = html.charAt(i + 4);
                if (Character.isWhitespace(after) || after == '/' || after == '>') {
                    return i;
                }
            }
            i = html.indexOf('<', i + 1);
        }
        return -1;
    }

    private static Tag parse(String html, int start) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = start + 4;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                int insertAt = i;
                while (insertAt > start + 4 && (html.charAt(insertAt - 1) == '/' || Character.isWhitespace(html.charAt(insertAt - 1)))) {
                    insertAt--;
                }
                return new Tag(start, i + 1, insertAt, attributes);
            }
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && !Character.isWhitespace(html.charAt(i)) && "/>=".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            String name = html.substring(nameStart, i).toLowerCase(java.util.Locale.ROOT);
            int j = i;
            while (j < n && Character.isWhitespace(html.charAt(j))) {
                j++;
            }
            String value = "";
            if (j < n && html.charAt(j) == '=') {
                j++;
                while (j < n && Character.isWhitespace(html.charAt(j))) {
                    j++;
                }
                if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                    int close = html.indexOf(html.charAt(j), j + 1);
                    if (close < 0) {
                        return null;
                    }
                    value = html.substring(j + 1, close);
                    i = close + 1;
                } else {
                    int valueStart = j;
                    while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>') {
                        j++;
                    }
                    value = html.substring(valueStart, j);
                    i = j;
                }
            }
            attributes.putIfAbsent(name, HtmlText.unescape(value));
        }
        return null;
    }
}
