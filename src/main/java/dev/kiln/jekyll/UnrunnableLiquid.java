package dev.kiln.jekyll;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Liquid tag or output that Kiln cannot run (a {@code {% tablerow %}} block, a filter Kiln
 * lacks) into a Liquid comment that keeps it word for word, so that the imported site builds and
 * the author finds what Jekyll ran where it was. Readers see nothing there, as they would of a tag
 * that printed nothing.
 */
final class UnrunnableLiquid {
    static final String MARK = "kiln import: Kiln cannot run this Liquid: ";
    private static final Pattern TAG_NAME = Pattern.compile("\\{%-?\\s*([A-Za-z_]\\w*)");

    private UnrunnableLiquid() {}

    /**
     * {@code text} with the construct at {@code line}:{@code column} (1-based, counted in code points as
     * Kiln's positions are) commented out, or null when no tag or output is there, or it is already one.
     */
    /** The text after the edit, and where it inserted what (offsets in that text): the comment's opening, then its close. */
    record Edit(String text, int openAt, int openLength, int closeAt, int closeLength) {
        /** The offset in the text before this edit of {@code offset} in the text after it. */
        int before(int offset) {
            return offset >= closeAt + closeLength ? offset - openLength - closeLength : offset >= openAt + openLength ? offset - openLength : offset;
        }
    }

    static Edit commentOut(String text, int line, int column) {
        int offset = offset(text, line, column);
        if (offset < 0) {
            return null;
        }
        int start = start(text, offset);
        if (start < 0) {
            return null;
        }
        boolean tag = text.startsWith("{%", start);
        int close = text.indexOf(tag ? "%}" : "}}", start + 2);
        if (close < 0) {
            return null;
        }
        int end = close + 2;
        if (tag) {
            Matcher name = TAG_NAME.matcher(text).region(start, close);
            if (name.lookingAt()) {
                // a block tag runs to its end tag, nested ones of the same name included
                Pattern ends = Pattern.compile("\\{%-?\\s*(end)?" + Pattern.quote(name.group(1)) + "\\b[^%]*%\\}");
                Matcher m = ends.matcher(text).region(end, text.length());
                int depth = 1;
                while (m.find()) {
                    depth += m.group(1) == null ? 1 : -1;
                    if (depth == 0) {
                        end = m.end();
                        break;
                    }
                }
            }
        }
        String original = text.substring(start, end);
        if (original.contains("endcomment") || text.startsWith(MARK, Math.max(0, start - MARK.length()))) {
            return null;
        }
        String opening = "{% comment %}" + MARK;
        String closing = "{% endcomment %}";
        return new Edit(text.substring(0, start) + opening + original + closing + text.substring(end), start, opening.length(),
                start + opening.length() + original.length(), closing.length());
    }

    /** The innermost {@code {{} or {@code {%} at or before {@code offset} whose construct is still open there. */
    private static int start(String text, int offset) {
        if (text.startsWith("{{", offset) || text.startsWith("{%", offset)) {
            return offset;
        }
        int output = text.lastIndexOf("{{", offset);
        int tag = text.lastIndexOf("{%", offset);
        int start = Math.max(output, tag);
        if (start < 0) {
            return -1;
        }
        int close = text.indexOf(start == output ? "}}" : "%}", start + 2);
        return close >= offset ? start : -1;
    }

    static int offset(String text, int line, int column) {
        int index = 0;
        for (int l = 1; l < line; l++) {
            index = text.indexOf('\n', index);
            if (index < 0) {
                return -1;
            }
            index++;
        }
        try {
            return text.offsetByCodePoints(index, column - 1);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
