package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.RegexLexer.table;
import static dev.kiln.highlight.RegexLexer.words;

/** R, after Rouge's lexer: base R's primitive functions where called, keywords, constants, operators like {@code %>%}. */
final class RLexer {
    private RLexer() {}

    private static final java.util.Set<String> PRIMITIVES = RegexLexer.wordSet("""
            abs acos acosh all any anyNA Arg as\\.call as\\.character as\\.complex as\\.double as\\.environment as\\.integer
            as\\.logical as\\.null\\.default as\\.numeric as\\.raw asin asinh atan atanh attr attributes baseenv browser c
            call ceiling class Conj cos cosh cospi cummax cummin cumprod cumsum digamma dim dimnames emptyenv exp
            expression floor forceAndCall gamma gc\\.time globalenv Im interactive invisible is\\.array is\\.atomic
            is\\.call is\\.character is\\.complex is\\.double is\\.environment is\\.expression is\\.finite is\\.function
            is\\.infinite is\\.integer is\\.language is\\.list is\\.logical is\\.matrix is\\.na is\\.name is\\.nan
            is\\.null is\\.numeric is\\.object is\\.pairlist is\\.raw is\\.recursive is\\.single is\\.symbol
            lazyLoadDBfetch length lgamma list log max min missing Mod names nargs nzchar oldClass on\\.exit
            pos\\.to\\.env proc\\.time prod quote range Re rep retracemem return round seq_along seq_len seq\\.int sign
            signif sin sinh sinpi sqrt standardGeneric substitute sum switch tan tanh tanpi tracemem trigamma trunc
            unclass untracemem UseMethod xtfrm""".replace("\\.", "."));

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("#.*", COMMENT)
            .rule("\\s+", PLAIN)
            .rule("`[^`]+?`", PLAIN)
            .rule("'(?:\\\\(?s:.)|[^'\\\\])*+'|\"(?:\\\\(?s:.)|[^\"\\\\])*+\"", STRING)
            .rule("%[^%]*?%", PUNCTUATION)
            .rule("0[xX][a-fA-F0-9]+(?:[pP][0-9]+)?[Li]?|[+-]?(?:\\d+(?:[.]\\d+)?|[.]\\d+)(?:[eE][+-]?\\d+)?[Li]?", NUMBER)
            .ruleIn(PRIMITIVES, "\\b[\\w.]+(?=\\()", "", FUNCTION)
            .rule("(?:(?:\\p{IsAlphabetic}|[.][._\\p{IsAlphabetic}])[._\\p{IsAlphabetic}\\p{IsDigit}]*)|[.]", words(table(
                    KEYWORD, "if else for while repeat in next break function",
                    LITERAL, "NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_",
                    BUILTIN, "LETTERS letters month.abb month.name pi T F"), PLAIN))
            .rule("[\\[\\]{}();,]|[-<>?*+^/!=~$@:%&|]", PUNCTUATION)
            .build();
}
