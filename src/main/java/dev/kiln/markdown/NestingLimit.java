package dev.kiln.markdown;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.function.Function;

/**
 * How deep Markdown may nest: block quotes, list items, emphasis, links, footnotes and HTML blocks with
 * {@code markdown="1"}, counted together. flexmark renders (and partly parses) a tree recursively, so a
 * runaway input (an 801-byte line of {@code >}) overflowed the stack, and nested lists on one line
 * parse in time quadratic in their depth; real posts stay far below the limit.
 *
 * <p>Two linear checks: one on the text before parsing, for the forms that are cheap to write and slow
 * to parse (container markers at the start of a line, nested images), and one on the parsed tree, for
 * everything else, before anything recursive walks it.
 */
final class NestingLimit {
    /** The deepest nesting rendered. Far deeper than any real post, far shallower than the stack allows. */
    static final int LEVELS = 100;

    static final String MESSAGE = "Markdown nested more than " + LEVELS + " levels deep";
    static final String HINT = "block quotes, lists, emphasis, links and <div markdown=\"1\"> count together;"
            + " flatten the nesting (a long run of '>' or '-' markers, or tags never closed, are the usual causes)";

    private NestingLimit() {}

    /**
     * The offset of the first container marker at a line's start ({@code >}, {@code -}, {@code 1.},
     * {@code [^note]:}) that opens level {@code LEVELS + 1}, or of the image that does, or -1.
     */
    static int tooDeepInText(String text) {
        int at = tooDeepLinePrefix(text);
        if (at < 0) {
            at = tooDeepImages(text);
        }
        return at >= 0 ? at : tooDeepEmphasis(text);
    }

    /**
     * Container markers at the start of each line ({@code > > - 1. x}), added to the list items still
     * open from earlier lines by their indentation: nested lists written one level a line, each indented
     * under the last, take a stack of content columns; a line indented less closes the deeper items.
     */
    private static int tooDeepLinePrefix(String text) {
        int length = text.length();
        int[] columns = new int[LEVELS + 2];
        int open = 0;
        boolean afterBlank = false;
        int lineStart = 0;
        while (lineStart < length) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? length : newline;
            int i = lineStart;
            int column = 0;
            while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                column = text.charAt(i) == '\t' ? (column / 4 + 1) * 4 : column + 1;
                i++;
            }
            if (i == lineEnd || (i == lineEnd - 1 && text.charAt(i) == '\r')) {
                afterBlank = true;
                lineStart = lineEnd + 1;
                continue;
            }
            boolean code = open > 0 && column >= columns[open - 1] + 4;
            int first = code ? -1 : markerEnd(text, i);
            boolean listLine = first >= 0 && text.charAt(i) != '>' && !isThematicBreak(text, i);
            if (listLine || (afterBlank && !code)) {
                while (open > 0 && columns[open - 1] > column) {
                    open--;
                }
            }
            int depth = open;
            while (!code) {
                int marker = i;
                int next = markerEnd(text, i);
                if (next < 0 || (text.charAt(marker) != '>' && isThematicBreak(text, marker))) {
                    break;
                }
                if (++depth > LEVELS) {
                    return marker;
                }
                int spaces = 0;
                int contentStart = next;
                while (contentStart < lineEnd && text.charAt(contentStart) == ' ' && spaces < 5) {
                    contentStart++;
                    spaces++;
                }
                column += (next - marker) + (spaces >= 1 && spaces <= 4 ? spaces : 1);
                if (listLine && text.charAt(marker) != '>' && open < columns.length) {
                    columns[open++] = column;
                }
                i = spaces >= 1 && spaces <= 4 ? contentStart : next;
            }
            afterBlank = false;
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    /** The offset just past a container marker starting at {@code i}, or -1 when there is none. */
    private static int markerEnd(String text, int i) {
        int length = text.length();
        if (i >= length) {
            return -1;
        }
        char c = text.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        int end = -1;
        if (c == '-' || c == '+' || c == '*' || c == ':') {
            end = i + 1;
        } else if (c >= '0' && c <= '9') {
            int j = i;
            while (j < length && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            if (j < length && (text.charAt(j) == '.' || text.charAt(j) == ')')) {
                end = j + 1;
            }
        } else if (c == '[' && i + 1 < length && text.charAt(i + 1) == '^') {
            int close = text.indexOf("]:", i);
            int newline = text.indexOf('\n', i);
            if (close > 0 && (newline < 0 || close < newline)) {
                end = close + 2;
            }
        }
        if (end < 0 || (end < length && text.charAt(end) != ' ' && text.charAt(end) != '\t' && text.charAt(end) != '\n')) {
            return -1;
        }
        return end;
    }

    private static boolean isThematicBreak(String text, int from) {
        char kind = text.charAt(from);
        if (kind != '-' && kind != '*') {
            return false;
        }
        for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) {
            char c = text.charAt(i);
            if (c != kind && c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Images inside images ({@code ![![![x](a)](b)](c)}) parse in quadratic time: the offset of the
     * {@code ![} that opens inside more than {@code LEVELS} brackets of one paragraph, or -1. Skipped
     * unless the text holds more than {@code LEVELS} image openings at all.
     */
    private static int tooDeepImages(String text) {
        int images = 0;
        for (int i = text.indexOf("!["); i >= 0 && images <= LEVELS; i = text.indexOf("![", i + 2)) {
            images++;
        }
        if (images <= LEVELS) {
            return -1;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                if (++depth > LEVELS && i > 0 && text.charAt(i - 1) == '!') {
                    return i - 1;
                }
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '\n' && text.startsWith("\n", i + 1)) {
                depth = 0; // a blank line ends the paragraph
            }
        }
        return -1;
    }

    /**
     * Parses {@code text}, on a thread with a large stack when the parser's own recursion (flexmark's
     * post-processing walks the tree recursively) overflows the ordinary one, so that the tree can be
     * checked; null when even that stack is too small.
     */
    static Document parse(Function<String, Document> parser, String text) {
        try {
            return parser.apply(text);
        } catch (StackOverflowError e) {
            Document[] parsed = new Document[1];
            Thread deep = new Thread(null, () -> {
                try {
                    parsed[0] = parser.apply(text);
                } catch (StackOverflowError again) {
                    parsed[0] = null;
                }
            }, "kiln-deep-markdown", LARGE_STACK);
            deep.start();
            try {
                deep.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
            return parsed[0];
        }
    }

    /** 512 MiB, reserved rather than used: a thread touches only the pages it reaches. */
    private static final long LARGE_STACK = 512L << 20;

    /**
     * Where a text too deep to parse at all most likely nests: the first delimiter ({@code * _ ~ [}) past
     * the {@code LEVELS}-th in one paragraph, else the start.
     */
    static int likelyDeepest(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '~' || c == '[') {
                if (++count > LEVELS) {
                    return i;
                }
            } else if (c == '\n' && text.startsWith("\n", i + 1)) {
                count = 0;
            }
        }
        return 0;
    }

    /**
     * Emphasis inside emphasis ({@code _a _b … x … b_ a_}), which flexmark parses in time quadratic in
     * the depth: the offset of the delimiter run opening level {@code LEVELS + 1}, or -1. The runs of each
     * paragraph are matched as CommonMark does, near enough (a closer takes the nearest opener of its
     * character, and the openers left inside are dropped); only paragraphs with more than {@code LEVELS}
     * runs are looked at, and fenced code is skipped.
     */
    private static int tooDeepEmphasis(String text) {
        // 101 levels need at least 202 delimiter characters: most texts are skipped by a count.
        int delimiters = 0;
        for (char delimiter : new char[] {'*', '_', '~'}) {
            for (int i = text.indexOf(delimiter); i >= 0 && delimiters <= 2 * LEVELS; i = text.indexOf(delimiter, i + 1)) {
                delimiters++;
            }
        }
        if (delimiters <= 2 * LEVELS) {
            return -1;
        }
        int length = text.length();
        int paragraphStart = 0;
        int runs = 0;
        boolean inFence = false;
        for (int i = 0; i <= length; i++) {
            boolean end = i == length;
            char c = end ? '\n' : text.charAt(i);
            if (c == '\n') {
                int next = i + 1;
                boolean blankNext = next >= length || isBlankLine(text, next);
                boolean fenceNext = next < length && isFence(text, next);
                if (end || blankNext || fenceNext) {
                    if (!inFence && runs > LEVELS) {
                        int at = deepestEmphasis(text, paragraphStart, i);
                        if (at >= 0) {
                            return at;
                        }
                    }
                    if (fenceNext) {
                        inFence = !inFence;
                    }
                    runs = 0;
                    paragraphStart = next;
                }
            } else if ((c == '*' || c == '_' || c == '~') && (i == 0 || text.charAt(i - 1) != c)) {
                runs++;
            }
        }
        return -1;
    }

    private static boolean isBlankLine(String text, int from) {
        for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFence(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 3 && text.charAt(i) == ' ') {
            i++;
        }
        return text.startsWith("```", i) || text.startsWith("~~~", i);
    }

    /** See {@link #tooDeepEmphasis}: one paragraph, {@code text[from, to)}. */
    private static int deepestEmphasis(String text, int from, int to) {
        // Openers not matched yet: offset, character, and the depth they would open at when matched.
        int[] openers = new int[64];
        char[] kinds = new char[64];
        int open = 0;
        // Depth of matched pairs enclosing each opener is known only when it closes: the matched pairs of
        // one paragraph nest (stack discipline), so an opener's depth is the number of openers below it
        // on the stack that are matched later; counted on the way out instead, per closer.
        int[] matchedInside = new int[64];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c != '*' && c != '_' && c != '~') {
                continue;
            }
            int runEnd = i;
            while (runEnd < to && text.charAt(runEnd) == c) {
                runEnd++;
            }
            char before = i > from ? text.charAt(i - 1) : ' ';
            char after = runEnd < to ? text.charAt(runEnd) : ' ';
            boolean leftFlanking = flanking(before, after);
            boolean rightFlanking = flanking(after, before);
            boolean matched = false;
            if (rightFlanking) {
                for (int o = open - 1; o >= 0; o--) {
                    if (kinds[o] == c) {
                        // Levels inside this pair, plus the pair itself.
                        int depth = matchedInside[o] + 1;
                        open = o;
                        if (depth > LEVELS) {
                            return openers[o];
                        }
                        if (open > 0) {
                            matchedInside[open - 1] = Math.max(matchedInside[open - 1], depth);
                        }
                        matched = true;
                        break;
                    }
                }
            }
            if (!matched && leftFlanking) {
                if (open == openers.length) {
                    openers = java.util.Arrays.copyOf(openers, open * 2);
                    kinds = java.util.Arrays.copyOf(kinds, open * 2);
                    matchedInside = java.util.Arrays.copyOf(matchedInside, open * 2);
                }
                openers[open] = i;
                kinds[open] = c;
                matchedInside[open] = 0;
                open++;
            }
            i = runEnd - 1;
        }
        return -1;
    }

    /** CommonMark's left-flanking run between {@code before} and {@code after}; swapped, right-flanking. */
    private static boolean flanking(char before, char after) {
        return !Character.isWhitespace(after) && (!isPunctuation(after) || Character.isWhitespace(before) || isPunctuation(before));
    }

    private static boolean isPunctuation(char c) {
        return c < 128 ? "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0
                : Character.getType(c) >= Character.DASH_PUNCTUATION && Character.getType(c) <= Character.OTHER_PUNCTUATION;
    }

    /** The first node of {@code root}'s tree nested more than {@code LEVELS} deep, or null; no recursion. */
    static Node tooDeepInTree(Node root) {
        int depth = 0;
        Node node = root;
        while (true) {
            Node child = node.getFirstChild();
            if (child != null) {
                node = child;
            } else {
                while (true) {
                    if (node == root) {
                        return null;
                    }
                    if (nests(node)) {
                        depth--;
                    }
                    if (node.getNext() != null) {
                        node = node.getNext();
                        break;
                    }
                    node = node.getParent();
                }
            }
            if (nests(node) && ++depth > LEVELS) {
                return node;
            }
        }
    }

    /** Whether a node is a level of its own: a container, but not a paragraph, a list or a table's structure. */
    private static boolean nests(Node node) {
        return node.getFirstChild() != null && !(node instanceof Paragraph || node instanceof ListBlock
                || node instanceof TableBlock || node instanceof TableHead || node instanceof TableBody || node instanceof TableRow);
    }
}
