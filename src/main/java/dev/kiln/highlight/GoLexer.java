package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;

/** Go, after Rouge's lexer. */
final class GoLexer {
    private GoLexer() {}

    private static final String DECIMALS = "[0-9]+";
    private static final String EXPONENT = "[eE][+\\-]?" + DECIMALS;
    private static final String FLOAT = DECIMALS + "\\.(?:" + DECIMALS + ")?(?:" + EXPONENT + ")?|" + DECIMALS + EXPONENT
            + "|\\." + DECIMALS + "(?:" + EXPONENT + ")?";
    private static final String ESCAPE = "\\\\[abfnrtv\\\\'\"]|\\\\u[0-9A-Fa-f]{4}|\\\\U[0-9A-Fa-f]{8}|\\\\x[0-9A-Fa-f]{2}";

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("//.*|/\\*(?s:.*?)\\*/", COMMENT)
            .words("""
                    break default func interface select case defer go map struct chan else goto package switch const
                    fallthrough if range type continue for import return var""", KEYWORD)
            .words("""
                    bool byte complex64 complex128 error float32 float64 int8 int16 int32 int64 int rune string uint8
                    uint16 uint32 uint64 uintptr uint""", TYPE)
            .words("append cap close complex copy delete imag len make new panic print println real recover", BUILTIN)
            .words("true false iota nil", LITERAL)
            .rule("(?:" + DECIMALS + "|" + FLOAT + ")i|" + FLOAT + "|0[xX][0-9A-Fa-f]+|[0-9]+", NUMBER)
            .rule("'(?:[^\\n]|" + ESCAPE + "|\\\\[0-7]{3})'", STRING)
            .rule("\\+=|\\+\\+|\\+|&\\^=|&\\^|&=|&&|&|==|=|!=|!|-=|--|-|\\|=|\\|\\||\\||<=|<-|<<=|<<|<|\\*=|\\*|\\^=|\\^"
                    + "|>>=|>>|>=|>|/=|/|:=|%=|%|\\.\\.\\.|\\.|:|[()\\[\\]{},;]", PUNCTUATION)
            .rule("\\s+", PLAIN)
            .rule("[\\p{IsAlphabetic}_][\\p{IsAlphabetic}\\p{IsDigit}_]*", PLAIN)
            .rule("`", "raw", STRING)
            .rule("\"", "string", STRING)
            .state("string")
            .rule(ESCAPE, STRING)
            .rule("\\\\.", PLAIN)
            .rule("\"", "#pop", STRING)
            .rule("[^\"\\\\]+", STRING)
            .state("raw")
            .rule("`", "#pop", STRING)
            .rule("[^`]+", STRING)
            .build();
}
