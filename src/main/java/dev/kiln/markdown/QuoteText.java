package dev.kiln.markdown;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block quote's text as kramdown reads it: its lines up to the end of its lazy lines (a blank line, an attribute list,
 * {@code ^}, a line that starts with a block element's tag), each without its quote mark ({@code > }, after up to three
 * spaces), which kramdown then parses as a document of its own.
 *
 * @param text the lines without their quote marks
 * @param starts where each line starts in {@code text}
 * @param origins where each line of {@code text} starts in the text as written
 * @param end where the quote ends in the text as written: at the line after its last, or the text's end
 */
record QuoteText(String text, int[] starts, int[] origins, int end) {
    /** kramdown's BLOCKQUOTE_START, taken off each line. */
    private static final Pattern MARK = Pattern.compile(" {0,3}> ?");

    /** The quote whose first line starts at {@code from} in {@code markdown}. */
    static QuoteText at(String markdown, int from) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[8];
        int[] origins = new int[8];
        int lines = 0;
        int position = from;
        while (position < markdown.length()) {
            int newline = markdown.indexOf('\n', position);
            int next = newline < 0 ? markdown.length() : newline + 1;
            String line = markdown.substring(position, newline < 0 ? next : newline);
            if (lines > 0 && (line.isBlank() || KramdownPreprocessor.endsLazyLines(line, KramdownPreprocessor.indentOf(line)))) {
                break;
            }
            Matcher mark = MARK.matcher(line);
            int content = position + (mark.lookingAt() ? mark.end() : 0);
            if (lines == starts.length) {
                starts = Arrays.copyOf(starts, lines * 2);
                origins = Arrays.copyOf(origins, lines * 2);
            }
            starts[lines] = text.length();
            origins[lines] = content;
            lines++;
            text.append(markdown, content, next);
            position = next;
        }
        return new QuoteText(text.toString(), Arrays.copyOf(starts, lines), Arrays.copyOf(origins, lines), position);
    }

    /** Whether a line of the quote (of a quote inside it too) starts with a block element's tag: an HTML block, which kramdown reads its own way. */
    boolean holdsHtmlBlock() {
        for (int i = 0; i < starts.length; i++) {
            int lineEnd = i + 1 < starts.length ? starts[i + 1] : text.length();
            String line = text.substring(starts[i], lineEnd);
            int marks = 0; // the marks of the quotes inside it too
            for (Matcher mark = MARK.matcher(line); mark.region(marks, line.length()).lookingAt(); ) {
                marks = mark.end();
            }
            line = line.substring(marks);
            int indent = KramdownPreprocessor.indentOf(line);
            if (indent <= 3 && line.startsWith("<", indent) && KramdownPreprocessor.endsLazyLines(line, indent)) {
                return true;
            }
        }
        return false;
    }

    /** Where the character at {@code offset} of {@code text} is in the text as written. */
    int origin(int offset) {
        int line = Arrays.binarySearch(starts, offset);
        line = line < 0 ? -line - 2 : line;
        return line < 0 ? origins[0] : origins[line] + offset - starts[line];
    }
}
