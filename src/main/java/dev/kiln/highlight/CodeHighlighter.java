package dev.kiln.highlight;

import java.util.Locale;
import java.util.Set;

/**
 * Highlights source code at build time: each token becomes a {@code <span class="hl-…">} the theme
 * colours ({@link Kind} lists them), everything else is escaped text. The lexers are Kiln's own,
 * regular-expression state machines after Rouge's ({@link RegexLexer}); a language's lexer is loaded
 * and compiled only when code in that language is first highlighted. Lexers are immutable, so one
 * highlighter serves every thread of a build.
 */
public final class CodeHighlighter {

    /** Whether code in this language (a name or alias, any case) is highlighted. */
    public boolean knows(String language) {
        return Languages.knows(language.toLowerCase(Locale.ROOT));
    }

    /** Every name and alias it knows, sorted. */
    public Set<String> languages() {
        return Languages.names();
    }

    /**
     * The inside of a {@code <code>} element for this code: escaped, with tokens in spans when the
     * language is known, and each line in a {@code <span class="line">} when {@code numberedLines}
     * (the theme numbers them). No span crosses a line end.
     *
     * @param code lines ending in {@code \n}, as a fenced code block holds them
     */
    public String html(String language, String code, boolean numberedLines) {
        // Spans make highlighted code about five times as long as the code.
        StringBuilder html = new StringBuilder(code.length() * 6 + 16);
        TokenHtmlWriter writer = new TokenHtmlWriter(code, html, numberedLines);
        RegexLexer lexer = Languages.lexer(language.toLowerCase(Locale.ROOT));
        if (lexer == null) {
            writer.token(Kind.PLAIN, 0, code.length());
        } else {
            lexer.lex(code, writer);
        }
        writer.finish();
        return html.toString();
    }
}
