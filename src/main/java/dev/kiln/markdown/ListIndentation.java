package dev.kiln.markdown;

import java.util.ArrayDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The items of a list as kramdown reads them: a line that starts with a marker after up to three spaces (counted from
 * the text of the item it is in, for a sublist), and is not indented as the current item's text, is the list's next
 * item, whatever its indentation and the first item's ({@code   - a} then {@code - b}). flexmark's kramdown profile
 * takes only items indented at least as far as the first one, and read {@code - b} as text of {@code a} (or, after a
 * blank line, as a paragraph inside the list, and all that followed into it). So each item's marker is moved to where
 * its list's text starts (the line's start at the top), and the lines of its content lose as many spaces as its marker
 * did: what is indented under the item stays so. Lines right after an item's text that are not indented as it is are
 * that item's too, as kramdown reads them.
 *
 * <p>Fed every line of the text in order by {@link KramdownPreprocessor}, which drops the spaces it is told to.
 */
final class ListIndentation {
    /** kramdown's LIST_START after the indentation: a bullet or a number with {@code .}, then a blank ({@code -} alone is none). */
    private static final Pattern ITEM = Pattern.compile(" *(?:[*+-]|\\d{1,9}\\.)(?=[ \\t])");
    /** A definition's line, {@code : text}: a list indented under it belongs to the definition. */
    private static final Pattern DEFINITION = Pattern.compile(" {0,3}:[ \\t].*");

    /**
     * A list open at a line: the column its items' markers may start from ({@code base}, where the text of the item
     * it is in starts), where the text of its current item starts, and the spaces that item's lines lose beyond those
     * the lists around it take, all as written; whether its items are numbered; and the spaces the lines after the
     * current item's marker line lose besides ({@code extra}): an item without text on that line has its text four
     * columns in for kramdown, two after {@code *} for flexmark.
     */
    private record Level(int base, int content, int shift, boolean ordered, int extra) {}

    /** The lists open, the innermost first. */
    private final ArrayDeque<Level> open = new ArrayDeque<>();
    private boolean afterBlank = true;
    /** Whether a blank line came since the last line that is not, fenced code's included: lazy lines end there. */
    private boolean afterBlankAtAll = true;
    /** The spaces to write before the line last given. */
    private int insert;
    /** Whether the line last given was a lazy line. */
    private boolean lazy;
    /** The indentation of the line last given, as written. */
    private int lastIndent;
    private boolean definition;

    /**
     * Whether the text may hold a list item or a fence indented by spaces, which the preprocessor moves (cheap, and more
     * often true).
     */
    static boolean mayBeNeeded(String markdown) {
        for (int i = markdown.indexOf("\n "); i >= 0; i = markdown.indexOf("\n ", i + 1)) {
            int j = i + 1;
            while (j < markdown.length() && markdown.charAt(j) == ' ') {
                j++;
            }
            if (j < markdown.length() && ("*+-`~".indexOf(markdown.charAt(j)) >= 0 || Character.isDigit(markdown.charAt(j)))) {
                return true;
            }
        }
        return markdown.startsWith(" ");
    }

    /**
     * How many of the spaces that start {@code line} to leave out; {@code code} when the line is inside fenced code, which
     * is moved as the item's other lines are but holds no items. A lazy line gets {@link #insert()} spaces too.
     */
    int drop(String line, boolean code) {
        int indent = KramdownPreprocessor.indentOf(line);
        lastIndent = indent;
        insert = 0;
        if (line.isBlank()) {
            afterBlank |= !code;
            afterBlankAtAll = true;
            lazy = false;
            return Math.min(shift(), indent);
        }
        Matcher item = code || !mayBeItem(line) ? null : ITEM.matcher(line);
        boolean isItem = item != null && item.lookingAt() && !isRule(line);
        Level list = open.peek();
        boolean ordered = isItem && Character.isDigit(line.charAt(indent));
        // an item of the other kind where this list's next item would be: not this list's, for kramdown
        boolean otherKind = isItem && list != null && indent >= list.base() && indent < list.content() && ordered != list.ordered();
        // fenced code goes on a lazy line only when its fence was one (the preprocessor sees no fence after a marker)
        if ((!isItem || otherKind) && !afterBlankAtAll && list != null && indent < list.content() && (!code || lazy)
                && !KramdownPreprocessor.endsLazyLines(line, indent)) {
            insert = list.content() - shift(); // kramdown's lazy line: the item's, as if indented as its text
            lazy = true;
            return indent;
        }
        lazy = false;
        afterBlankAtAll = false;
        if (otherKind) {
            open.pop(); // after a blank line, it ends the list and starts another
        }
        if (isItem && item(indent, item.end(), textOffset(line, item.end()), ordered)) {
            afterBlank = false;
            return Math.min(shift() - open.peek().extra(), indent); // the marker's line keeps what its text will lose
        } else if (code) {
            return Math.min(shift(), indent);
        } else if (line.strip().equals("^")) {
            open.clear();
        } else {
            boolean ends = afterBlank || KramdownPreprocessor.endsLazyLines(line, indent);
            while (ends && !open.isEmpty() && indent < open.peek().content()) {
                open.pop(); // a line not indented as the item's text, after a blank line or a block's tag: that list ended
            }
        }
        if (open.isEmpty()) {
            definition = DEFINITION.matcher(line).matches() || definition && indent > 0;
        }
        afterBlank = false;
        return Math.min(shift(), indent);
    }

    /**
     * The spaces to write before the line last given, once {@link #drop} took its own off: for a line right after an
     * item's text, not indented as that text (kramdown's lazy line: a heading, a fence, a quote there are the item's,
     * where flexmark ended the list), those that put it where the item's text starts; 0 for any other line.
     */
    int insert() {
        return insert;
    }

    /**
     * An item's marker at column {@code indent}, ending at {@code markerEnd}, its text {@code offset} after it (-1 when
     * there is none on the line): which list's item it is. Returns whether it is one of a list kept track of.
     */
    private boolean item(int indent, int markerEnd, int offset, boolean ordered) {
        while (!open.isEmpty() && indent < open.peek().base()) {
            open.pop();
        }
        Level list = open.peek();
        int base = list == null ? 0 : indent < list.content() ? list.base() : list.content();
        if (list == null ? indent > 3 || definition && indent > 0 : indent - base > 3) {
            return false;
        }
        // kramdown: the text of an item without any on its first line starts four columns in from the list's
        int content = offset < 0 ? Math.max(markerEnd + 1, base + 4) : markerEnd + offset;
        int extra = offset < 0 ? content - (markerEnd + 1) : 0;
        if (list != null && indent < list.content()) {
            open.pop(); // the list's next item
        }
        open.push(new Level(base, content, indent - base, ordered, extra));
        return true;
    }

    /** Whether {@code line} is a rule ({@code * * *}, {@code - - -}), which is no item; linear, for rules of any length. */
    private static boolean isRule(String line) {
        String text = line.strip();
        char kind = text.charAt(0);
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == kind) {
                count++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    /**
     * Where the text of the innermost item that holds the line last given starts, once that line lost its spaces (0
     * outside lists): a fence indented past it by one to three spaces is indented in kramdown's eyes.
     */
    int textColumn() {
        int column = 0;
        int shift = 0;
        for (var lists = open.descendingIterator(); lists.hasNext(); ) {
            Level list = lists.next();
            shift += list.shift() + list.extra();
            if (list.content() > lastIndent) {
                break;
            }
            column = list.content() - shift;
        }
        return column;
    }

    /** Whether {@link #ITEM} can match: a marker's character after the spaces (most lines are text; the pattern costs). */
    private static boolean mayBeItem(String line) {
        int at = 0;
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        if (at == line.length()) {
            return false;
        }
        char c = line.charAt(at);
        return c == '*' || c == '+' || c == '-' || c >= '0' && c <= '9';
    }

    /** Whether {@code line} starts with a list item's marker, rules aside. */
    static boolean isItem(String line) {
        return mayBeItem(line) && ITEM.matcher(line).lookingAt() && !line.isBlank() && !isRule(line);
    }

    /** Whether the line last given is outside any list. */
    boolean outside() {
        return open.isEmpty();
    }

    /** The spaces the current line loses: what each list open there takes. */
    private int shift() {
        int shift = 0;
        for (Level list : open) {
            shift += list.shift() + list.extra();
        }
        return shift;
    }

    /**
     * How far after the marker the item's text starts: its spaces, or one when there are none or more than four; -1 when
     * the line holds no text.
     */
    private static int textOffset(String line, int markerEnd) {
        int spaces = 0;
        while (markerEnd + spaces < line.length() && line.charAt(markerEnd + spaces) == ' ') {
            spaces++;
        }
        if (line.substring(markerEnd).isBlank()) {
            return -1;
        }
        return spaces == 0 || spaces > 4 ? 1 : spaces;
    }
}
