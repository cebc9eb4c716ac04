package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;

/** TeX and LaTeX, as Rouge reads them: commands as keywords, environments' names, math as strings, comments. */
final class LatexLexer {
    private LatexLexer() {}

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("%.*", COMMENT)
            .rule("(\\\\(?:begin|end))(\\{)([^}]*)(\\})", KEYWORD, PUNCTUATION, TYPE, PUNCTUATION)
            .rule("\\$\\$(?s:.*?)\\$\\$|\\$(?:\\\\.|[^$\\\\])*+\\$|\\\\\\[(?s:.*?)\\\\\\]|\\\\\\((?s:.*?)\\\\\\)", STRING)
            .rule("\\\\[a-zA-Z@]+\\*?|\\\\.", KEYWORD)
            .rule("[{}\\[\\]&~^_]", PUNCTUATION)
            .rule("-?\\d+(?:\\.\\d+)?(?:pt|em|ex|cm|mm|in|bp|pc|sp)?", NUMBER)
            .rule("[^\\\\%$&{}\\[\\]~^_\\d-]+|[-\\d]", PLAIN)
            .build();
}
