package dev.kiln.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table in kramdown's own syntax, which its GFM parser reads too: after a blank line, lines that each hold a
 * {@code |} (outside code spans, not escaped; at their start or not) up to a blank line are rows; a {@code |---|}
 * line after the first rows makes them the header and sets the columns' alignment, a later one starts another body,
 * one before any row is ignored; a {@code |===|} line starts the footer. Lines that end otherwise than at a blank line
 * (the end, an attribute list or {@code ^}) are no table, as in kramdown.
 * flexmark reads only GFM's form (header, separator, rows), so such a table is given to it in that form: the rows
 * as written, one separator line with a column per cell of the widest row after the header, and, for a table without
 * header, an empty header row; {@link Mark}s tell {@link KramdownTreeRewriter} which header to remove and where bodies
 * and the footer start. Tables GFM reads as they are are left to flexmark as written.
 *
 * @param end        where the table's last line ends (past its line break)
 * @param lines      its lines, each with what it is
 * @param columns    cells of the widest row
 * @param alignments the header separator's alignment per column ({@code ---}, {@code :--}, {@code :-:}, {@code --:})
 */
record KramdownTable(int end, List<Line> lines, int columns, List<String> alignments) {
    /** kramdown's TABLE_SEP_LINE and TABLE_FSEP_LINE. */
    private static final Pattern SEPARATOR = Pattern.compile(" {0,3}[+|: \\t-]*?-[+|: \\t-]*?[ \\t]*");
    private static final Pattern FOOTER = Pattern.compile(" {0,3}[+|: \\t=]*?=[+|: \\t=]*?[ \\t]*");
    /** A first line that starts another block, which kramdown reads before a table (or Kiln elsewhere). */
    private static final Pattern OTHER_BLOCK = Pattern.compile(" {0,3}(?:[-*+>#:<$]|\\d+[.)]|\\{:).*");
    /** A setext heading's underline: with it, kramdown reads the line before as a heading. */
    private static final Pattern UNDERLINE = Pattern.compile(" {0,3}(?:-+|=+)[ \\t]*");

    /** What the rewriter does at a place of the parsed text. */
    enum Mark {
        /** The start of a table whose header row is the empty one given to it: removed. */
        HEADLESS,
        /** A row that starts another body. */
        BODY,
        /** The first row of the footer. */
        FOOT
    }

    /** What a line of the table is, as kramdown reads it. */
    enum Kind {
        ROW,
        /** The separator after the header rows: left out, the separator flexmark needs is written in its place. */
        HEADER_SEPARATOR,
        /** A separator that starts another body (the row after it gets {@link Mark#BODY}): left out. */
        BODY_SEPARATOR,
        /** The footer's line (the row after it gets {@link Mark#FOOT}): left out. */
        FOOTER,
        /** A separator before any row, or right after another: left out, as kramdown ignores it. */
        IGNORED
    }

    /** A line of the table: {@code [start, end)} without its line break. */
    record Line(int start, int end, Kind kind) {}

    /** The table whose first line starts at {@code lineStart}, or null when GFM reads it already or it is not one. */
    static KramdownTable at(String markdown, int lineStart) {
        List<int[]> lines = new ArrayList<>();
        int position = lineStart;
        while (position < markdown.length()) {
            int newline = markdown.indexOf('\n', position);
            int lineEnd = newline < 0 ? markdown.length() : newline;
            String line = markdown.substring(position, lineEnd);
            if (line.isBlank() || indentOf(line) > 3 || !hasPipe(line)
                    || lines.isEmpty() && !line.startsWith("|", indentOf(line)) && OTHER_BLOCK.matcher(line).matches()) {
                break;
            }
            lines.add(new int[] {position, lineEnd});
            position = newline < 0 ? markdown.length() : newline + 1;
        }
        if (lines.isEmpty() || lines.size() == 1 && UNDERLINE.matcher(lineAt(markdown, position)).matches()) {
            return null;
        }
        KramdownTable table = of(markdown, lines, position);
        return table == null || table.gfm(markdown) || !endsAtBoundary(markdown, position) ? null : table;
    }

    private static KramdownTable of(String markdown, List<int[]> written, int end) {
        List<Line> lines = new ArrayList<>();
        int columns = 0;
        int rowsInPart = 0;
        boolean header = false;
        boolean footer = false;
        boolean body = false;
        List<String> alignments = new ArrayList<>();
        for (int[] span : written) {
            String line = markdown.substring(span[0], span[1]);
            Kind kind;
            if (SEPARATOR.matcher(line).matches()) {
                kind = rowsInPart == 0 ? Kind.IGNORED : !header && !footer ? Kind.HEADER_SEPARATOR
                        : footer ? Kind.IGNORED : Kind.BODY_SEPARATOR;
                if (kind == Kind.HEADER_SEPARATOR) {
                    header = true;
                    alignments = alignments(line);
                }
            } else if (FOOTER.matcher(line).matches()) {
                kind = footer ? Kind.IGNORED : Kind.FOOTER;
                body |= !footer && rowsInPart > 0;
                footer = true;
            } else {
                kind = Kind.ROW;
                columns = Math.max(columns, cells(line).size());
            }
            rowsInPart = kind == Kind.ROW ? rowsInPart + 1 : kind == Kind.IGNORED ? rowsInPart : 0;
            body |= kind == Kind.BODY_SEPARATOR || kind == Kind.ROW && header && !footer;
            lines.add(new Line(span[0], span[1], kind));
        }
        body |= !header && !footer && columns > 0;
        if (columns == 0 || !body) {
            return null; // kramdown: no table without a body
        }
        while (alignments.size() < columns) {
            alignments.add("---");
        }
        return new KramdownTable(end, List.copyOf(lines), columns, List.copyOf(alignments.subList(0, columns)));
    }

    /** Whether flexmark reads the table as written: one header row, its separator with a cell per column, then rows. */
    private boolean gfm(String markdown) {
        if (lines.size() < 2 || lines.get(1).kind() != Kind.HEADER_SEPARATOR
                || lines.stream().skip(2).anyMatch(line -> line.kind() != Kind.ROW)) {
            return false;
        }
        return cells(markdown.substring(lines.get(1).start(), lines.get(1).end())).size() == columns;
    }

    private static List<String> alignments(String separator) {
        List<String> alignments = new ArrayList<>();
        for (String cell : cells(separator.replace('+', '|'))) {
            String c = cell.strip();
            alignments.add(c.startsWith(":") && c.endsWith(":") && c.length() > 1 ? ":-:" : c.startsWith(":") ? ":--"
                    : c.endsWith(":") ? "--:" : "---");
        }
        return alignments;
    }

    /** kramdown's table ends where a block may start: a blank line, the end, an attribute list, its end-of-block marker. */
    private static boolean endsAtBoundary(String markdown, int position) {
        String line = lineAt(markdown, position).strip();
        return line.isEmpty() || line.equals("^") || line.startsWith("{:") && !line.startsWith("{::") && line.endsWith("}");
    }

    private static String lineAt(String markdown, int position) {
        int newline = markdown.indexOf('\n', position);
        return markdown.substring(position, newline < 0 ? markdown.length() : newline);
    }

    private static int indentOf(String line) {
        int indent = 0;
        while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
            indent++;
        }
        return indent;
    }

    /**
     * Whether a line holds a {@code |} that splits cells: neither escaped nor inside a code span, nor inside
     * {@code $$…$$} math, which Kiln reads whole ({@link MathParser}) where kramdown cut it in two.
     */
    static boolean hasPipe(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int math = c == '$' ? mathEnd(line, i) : -1;
            if (c == '\\') {
                i++;
            } else if (math > 0) {
                i = math - 1;
            } else if (c == '`') {
                int run = 1;
                while (i + run < line.length() && line.charAt(i + run) == '`') {
                    run++;
                }
                int close = closingRun(line, i + run, run);
                i = (close < 0 ? i + run : close + run) - 1; // a code span, or backticks that open none
            } else if (c == '|') {
                return true;
            }
        }
        return false;
    }

    /** Where the {@code $$…$$} math that starts at {@code at} ends (past its closing {@code $$}), or -1 when none starts there. */
    private static int mathEnd(String line, int at) {
        if (!line.startsWith("$$", at)) {
            return -1;
        }
        int close = line.indexOf("$$", at + 2);
        return close < 0 ? -1 : close + 2;
    }

    /** Where the next run of exactly {@code run} backticks from {@code from} starts, or -1. */
    private static int closingRun(String line, int from, int run) {
        for (int i = line.indexOf('`', from); i >= 0; i = line.indexOf('`', i)) {
            int length = 1;
            while (i + length < line.length() && line.charAt(i + length) == '`') {
                length++;
            }
            if (length == run) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** A row's cells: split at each {@code |} that is neither escaped nor inside a code span or math, outer ones dropped. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        String row = line.strip();
        StringBuilder cell = new StringBuilder();
        int ticks = 0;
        for (int i = row.startsWith("|") ? 1 : 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length()) {
                cell.append(c).append(row.charAt(++i));
                continue;
            }
            int math = ticks == 0 ? mathEnd(row, i) : -1;
            if (math > 0) {
                cell.append(row, i, math);
                i = math - 1;
            } else if (c == '`') {
                int run = 0;
                while (i < row.length() && row.charAt(i) == '`') {
                    run++;
                    i++;
                }
                i--;
                ticks = ticks == 0 ? run : ticks == run ? 0 : ticks;
                cell.append("`".repeat(run));
            } else if (c == '|' && ticks == 0) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank() || !row.endsWith("|")) {
            cells.add(cell.toString());
        }
        return cells;
    }

    /** Whether the table has a header of its own: rows before its header separator. */
    boolean hasHeader() {
        return lines.stream().anyMatch(line -> line.kind() == Kind.HEADER_SEPARATOR);
    }

    /** The separator line flexmark needs, one column per cell of the widest row. */
    String separator() {
        return "|" + String.join("|", alignments) + "|\n";
    }

    /** What to write after a header row (its text, without its line break) to give it a cell per column: empty cells. */
    String padding(String row) {
        int missing = columns - cells(row).size();
        if (missing <= 0) {
            return "";
        }
        return " |".repeat(row.endsWith("|") ? missing : missing + 1); // without a closing pipe, the first closes the row
    }

    /** An empty header row, for a table kramdown writes without one. */
    String emptyHeader() {
        return "|" + " |".repeat(columns) + "\n";
    }
}
