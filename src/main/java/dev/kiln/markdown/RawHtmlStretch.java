package dev.kiln.markdown;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stretch of raw HTML, read from an offset inside raw elements: up to where they all close, or up to an element inside
 * them that kramdown reads as Markdown all the same ({@code <div markdown="1">} in a {@code <div>} without the attribute:
 * kramdown's raw HTML parser reads the {@code markdown} attribute of every element it meets). Linear: every tag is looked
 * at once, comments and script or style content skipped whole.
 *
 * @param end where the stretch ends: just past the tag that closes the last open element, at the {@code <} of the
 *     element read as Markdown, or the text's end when they are never closed (kramdown reads to the end too)
 * @param markdownTag the element read as Markdown that starts at {@code end}, or null
 * @param markdownAttributes where the {@code markdown} attributes of the elements in the stretch are, with the space
 *     before each ({@code [start, end)}): kramdown's, not HTML, so left out of the output
 */
record RawHtmlStretch(int end, KramdownPreprocessor.Tag markdownTag, List<int[]> markdownAttributes) {

    /** The raw elements open at a point of the text, innermost first, and how many of each name. */
    static final class OpenElements {
        private final ArrayDeque<String> names = new ArrayDeque<>();
        private final Map<String, Integer> counts = new HashMap<>();

        static OpenElements of(String name) {
            OpenElements elements = new OpenElements();
            elements.open(name);
            return elements;
        }

        void open(String name) {
            names.push(name);
            counts.merge(name, 1, Integer::sum);
        }

        /** Closes the innermost {@code name} and the elements left open inside it, as browsers do; false when none is open. */
        boolean close(String name) {
            if (counts.getOrDefault(name, 0) == 0) {
                return false;
            }
            String popped;
            do {
                popped = names.pop();
                counts.merge(popped, -1, Integer::sum);
            } while (!popped.equals(name));
            return true;
        }

        boolean isEmpty() {
            return names.isEmpty();
        }

        /** The closing tags of the elements open, innermost first: what kramdown writes for those the text never closes. */
        String closingTags() {
            StringBuilder tags = new StringBuilder();
            names.forEach(name -> tags.append("</").append(name).append('>'));
            return tags.toString();
        }
    }

    /**
     * The stretch of {@code text} from {@code from}, inside {@code elements} (which it closes as it reads); it stops at an
     * element read as Markdown only when {@code markdownInside} is true.
     */
    static RawHtmlStretch from(String text, int from, OpenElements elements, boolean markdownInside) {
        List<int[]> attributes = new ArrayList<>();
        int i = from;
        while (true) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                return new RawHtmlStretch(text.length(), null, attributes);
            }
            if (text.startsWith("<!--", lt)) {
                int close = text.indexOf("-->", lt + 4);
                i = close < 0 ? text.length() : close + 3;
                continue;
            }
            KramdownPreprocessor.Tag inner = KramdownPreprocessor.Tag.at(text, lt);
            if (inner == null) {
                i = lt + 1;
                continue;
            }
            i = inner.end();
            String name = inner.lowerName();
            boolean hasContent = !inner.selfClosing() && !KramdownPreprocessor.VOID_ELEMENTS.contains(name);
            if (inner.closing()) {
                if (elements.close(name) && elements.isEmpty()) {
                    return new RawHtmlStretch(i, null, attributes);
                }
            } else if (markdownInside && hasContent && !KramdownPreprocessor.modeInsideRaw(inner).equals("raw")) {
                return new RawHtmlStretch(lt, inner, attributes);
            } else {
                if (inner.markdownStart() >= 0) {
                    attributes.add(new int[] {inner.markdownStart(), inner.markdownEnd()});
                }
                if (KramdownPreprocessor.RAW_TEXT_ELEMENTS.contains(name)) {
                    int close = KramdownPreprocessor.rawTextClose(text, i, name);
                    i = close < 0 ? text.length() : close;
                    if (close < 0) {
                        elements.open(name); // never closed: to the end, where kramdown closes it
                    }
                } else if (hasContent) {
                    elements.open(name);
                }
            }
        }
    }

    /** {@code text[from, end)} without the {@code markdown} attributes in it. */
    String html(String text, int from) {
        StringBuilder html = new StringBuilder();
        int position = from;
        for (int[] attribute : markdownAttributes) {
            if (attribute[0] >= from) {
                html.append(text, position, attribute[0]);
                position = attribute[1];
            }
        }
        return html.append(text, position, end).toString();
    }
}
