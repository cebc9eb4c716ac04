package dev.kiln.highlight;

/**
 * Writes a lexer's tokens as escaped HTML: each token in a span of its kind's class, neighbours of
 * one class (and the spaces between them) in one span, spaces between different classes outside
 * any, and every span closed at its line's end, so numbered lines ({@code <span class="line">})
 * nest properly.
 */
final class TokenHtmlWriter implements RegexLexer.TokenSink {
    private final char[] code;
    private final StringBuilder html;
    private final boolean numberedLines;
    /** The class of the span open on this line, or null. */
    private String open;
    /** Where spaces after the open span start, waiting for the next token to tell inside or outside; -1 for none. */
    private int spacesFrom = -1;
    private int spacesTo;
    private boolean lineStarted;

    TokenHtmlWriter(String code, StringBuilder html, boolean numberedLines) {
        this.code = code.toCharArray();
        this.html = html;
        this.numberedLines = numberedLines;
    }

    @Override
    public void token(Kind kind, int start, int end) {
        int from = start;
        for (int i = start; i < end; i++) {
            if (code[i] == '\n') {
                if (i > from) {
                    piece(kind.cssClass, from, i);
                }
                endLine();
                from = i + 1;
            }
        }
        if (end > from) {
            piece(kind.cssClass, from, end);
        }
    }

    /** Closes what the last line left open. */
    void finish() {
        if (lineStarted) {
            closeSpan();
            if (numberedLines) {
                html.append("</span>");
            }
        }
    }

    /** A piece of one line: its leading and trailing spaces go outside a span, as spaces between tokens do. */
    private void piece(String cssClass, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isBlank(start, start + 1)) {
            start++;
        }
        while (end > start && isBlank(end - 1, end)) {
            end--;
        }
        if (start > from) {
            write(null, from, start);
        }
        if (end > start) {
            write(cssClass, start, end);
        }
        if (to > end) {
            write(null, end, to);
        }
    }

    private void write(String cssClass, int from, int to) {
        if (!lineStarted) {
            if (numberedLines) {
                html.append("<span class=\"line\">");
            }
            lineStarted = true;
        }
        if (isBlank(from, to)) {
            if (open != null) {
                if (spacesFrom < 0) {
                    spacesFrom = from;
                }
                spacesTo = to;
            } else {
                escape(from, to);
            }
            return;
        }
        if (cssClass == null ? open != null : !cssClass.equals(open)) {
            closeSpan();
            if (cssClass != null) {
                html.append("<span class=\"").append(cssClass).append("\">");
                open = cssClass;
            }
        } else {
            writeSpaces();
        }
        escape(from, to);
    }

    private void endLine() {
        if (!lineStarted && numberedLines) {
            html.append("<span class=\"line\">");
        }
        closeSpan();
        if (numberedLines) {
            html.append("</span>");
        }
        html.append('\n');
        lineStarted = false;
    }

    /** Closes the open span, then writes the spaces that followed it. */
    private void closeSpan() {
        if (open != null) {
            html.append("</span>");
            open = null;
            writeSpaces();
        }
    }

    private void writeSpaces() {
        if (spacesFrom >= 0) {
            escape(spacesFrom, spacesTo);
            spacesFrom = -1;
        }
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = code[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /** Appends the text, escaped: runs without special characters at once. */
    private void escape(int from, int to) {
        int run = from;
        for (int i = from; i < to; i++) {
            String entity = switch (code[i]) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                html.append(code, run, i - run).append(entity);
                run = i + 1;
            }
        }
        html.append(code, run, to - run);
    }
}
