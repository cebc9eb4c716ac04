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
import static dev.kiln.highlight.Kind.VARIABLE;
import static dev.kiln.highlight.RegexLexer.table;
import static dev.kiln.highlight.RegexLexer.words;

/**
 * GraphQL schemas and queries, classed as Rouge classes them (keywords, directives, the built-in
 * scalar types, variables, values), and type names as types, which Rouge leaves plain.
 */
final class GraphqlLexer {
    private GraphqlLexer() {}

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\s+", PLAIN)
            .rule("#.*", COMMENT)
            .rule("\"\"\"(?s:.*?)\"\"\"", STRING)
            .rule("\"(?:\\\\[\\\\\"]|[^\"\\n])*+\"", STRING)
            .rule("@[_A-Za-z][_0-9A-Za-z]*", KEYWORD)
            .rule("\\$[_A-Za-z][_0-9A-Za-z]*", VARIABLE)
            .rule("[+-]?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", NUMBER)
            // A capitalised name with a lower-case letter names a type (NEWEST is an enum value).
            .rule("(?!(?:Int|Float|String|Boolean)\\b)[A-Z](?=[_0-9A-Za-z]*[a-z])[_0-9A-Za-z]*", TYPE)
            .rule("[_A-Za-z][_0-9A-Za-z]*", words(table(
                    KEYWORD, """
                            query mutation subscription fragment on type interface enum input schema scalar union extend
                            implements directive repeatable""",
                    BUILTIN, "Int Float String Boolean ID",
                    LITERAL, "true false null"), PLAIN))
            .rule("\\.\\.\\.|[!$():=@\\[\\]{|}&,]", PUNCTUATION)
            .build();
}
