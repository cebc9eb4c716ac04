package dev.kiln.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table in kramdown's own syntax, which its GFM parser reads too: lines starting with {@code |} are rows, with or
 * without a {@code |---|} line; one after the first row makes it the header, and sets the columns' alignment.
 * flexmark reads only GFM's form (header, separator, rows), so such a table is given to it in that form: the rows
 * as written, a separator line with one column per cell of the widest row, and, for a table without header, an
 * empty header row that {@link KramdownTreeRewriter} removes again. Tables GFM reads as they are, and the forms
 * this does not cover (several header rows, a separator first, footer lines of {@code =}), are left alone.
 *
 * @param end            where the table's last line ends (past its line break)
 * @param separatorStart where the separator line as written starts, -1 when there is none
 * @param separatorEnd   where it ends (before its line break)
 * @param columns        cells of the widest row
 * @param alignments     the separator's alignment per column ({@code ---}, {@code :--}, {@code :-:}, {@code --:})
 */
record KramdownTable(int end, int separatorStart, int separatorEnd, int columns, List<String> alignments) {
    /** kramdown's TABLE_SEP_LINE, without the footer's {@code =}. */
    private static final Pattern SEPARATOR = Pattern.compile(" {0,3}[+|: \\t-]*?-[+|: \\t-]*?[ \\t]*");
    private static final Pattern FOOTER = Pattern.compile(" {0,3}[+|: \\t]*?=[+|: \\t=]*?[ \\t]*");

    /** The table whose first line starts at {@code lineStart}, or null when GFM reads it already or it is not one. */
    static KramdownTable at(String markdown, int lineStart) {
        List<int[]> lines = new ArrayList<>();
        int position = lineStart;
        while (position < markdown.length()) {
            int newline = markdown.indexOf('\n', position);
            int lineEnd = newline < 0 ? markdown.length() : newline;
            String line = markdown.substring(position, lineEnd);
            int indent = 0;
            while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent > 3 || !line.startsWith("|", indent)) {
                break;
            }
            lines.add(new int[] {position, lineEnd});
            position = newline < 0 ? markdown.length() : newline + 1;
        }
        return lines.isEmpty() ? null : of(markdown, lines, position);
    }

    private static KramdownTable of(String markdown, List<int[]> lines, int end) {
        int separator = -1;
        int columns = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = markdown.substring(lines.get(i)[0], lines.get(i)[1]);
            if (FOOTER.matcher(line).matches()) {
                return null;
            }
            if (SEPARATOR.matcher(line).matches()) {
                if (separator >= 0 || i != 1) {
                    return null; // several bodies, a separator first, or several header rows: not covered
                }
                separator = i;
            } else {
                columns = Math.max(columns, cells(line).size());
            }
        }
        if (columns == 0) {
            return null;
        }
        List<String> alignments = new ArrayList<>();
        if (separator >= 0) {
            List<String> written = cells(markdown.substring(lines.get(1)[0], lines.get(1)[1]));
            if (written.size() == columns) {
                return null; // GFM's own form: flexmark reads it
            }
            for (String cell : written) {
                String c = cell.strip();
                alignments.add(c.startsWith(":") && c.endsWith(":") && c.length() > 1 ? ":-:" : c.startsWith(":") ? ":--"
                        : c.endsWith(":") ? "--:" : "---");
            }
        }
        while (alignments.size() < columns) {
            alignments.add("---");
        }
        int[] line = separator >= 0 ? lines.get(separator) : new int[] {-1, -1};
        return new KramdownTable(end, line[0], line[1], columns, List.copyOf(alignments.subList(0, columns)));
    }

    /** A row's cells: split at each {@code |} that is neither escaped nor inside a code span, outer ones dropped. */
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
            if (c == '`') {
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

    /** The separator line flexmark needs, one column per cell of the widest row. */
    String separator() {
        return "|" + String.join("|", alignments) + "|\n";
    }

    /** An empty header row, for a table kramdown writes without one. */
    String emptyHeader() {
        return "|" + " |".repeat(columns) + "\n";
    }
}
