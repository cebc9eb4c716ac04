package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;

/** JSON, after Rouge's lexer: keys as attributes; comments too, for JSON with comments and JSON5. */
final class JsonLexer {
    private JsonLexer() {}

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\s+", PLAIN)
            .rule("//.*|/\\*(?s:.*?)\\*/", COMMENT)
            .rule("(\"(?:\\\\.|[^\"\\\\\\n])*+\")(\\s*)(:)", ATTRIBUTE, PLAIN, PUNCTUATION)
            .rule("([A-Za-z_$][\\w$]*)(\\s*)(:)", ATTRIBUTE, PLAIN, PUNCTUATION)
            .rule("\\b(?:true|false|null)\\b", LITERAL)
            .rule("(?i)-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:e[+-]?\\d+)?", NUMBER)
            .rule("\"(?:\\\\.|[^\"\\\\])*+\"|'(?:\\\\.|[^'\\\\])*+'", STRING)
            .rule("[\\[\\]{},:]", PUNCTUATION)
            .build();
}
