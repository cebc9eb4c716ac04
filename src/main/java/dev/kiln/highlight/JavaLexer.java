package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.RegexLexer.using;

/** Java, after Rouge's lexer: declared methods and called constructors are functions, members after a dot attributes. */
final class JavaLexer {
    private JavaLexer() {}

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("[^\\S\\n]+", PLAIN)
            .rule("//.*", COMMENT)
            .rule("/\\*(?s:.*?)\\*/", COMMENT)
            .words("assert break case catch continue default do else finally for if goto instanceof new return switch this throw try while", KEYWORD)
            // A declaration's return type, name and (: the lookahead fails fast where no ( can follow.
            .rule("(?=[\\w\\s.\\[\\]<>]*+\\()(\\s*+(?:[a-zA-Z_][a-zA-Z0-9_.\\[\\]<>]*+\\s++)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\\s*)(\\()", using("java"), FUNCTION, PLAIN, PUNCTUATION)
            .rule("@[\\p{IsAlphabetic}_]\\w*", META)
            .words("abstract const enum extends final implements native private protected public static strictfp super synchronized throws transient volatile", KEYWORD)
            .words("boolean byte char double float int long short var void", TYPE)
            .words("true false null", LITERAL)
            .rule("\\b(class|interface)\\b(\\s*)([\\p{IsAlphabetic}_]\\w*)?", KEYWORD, PLAIN, TYPE)
            .rule("\\b(import|package)\\b(\\s*)((?i:[a-z0-9_.]+\\*?))?", KEYWORD, PLAIN, TYPE)
            .rule("\"(?:\\\\\\\\|\\\\\"|[^\"])*+\"", STRING)
            .rule("'(?:\\\\.|[^\\\\]|\\\\u[0-9a-f]{4})'", STRING)
            .rule("(\\.)([\\p{IsAlphabetic}_]\\w*)", PUNCTUATION, ATTRIBUTE)
            .rule("[\\p{IsAlphabetic}_]\\w*:(?!:)", ATTRIBUTE)
            .rule("\\p{IsUppercase}[\\p{IsUppercase}\\p{IsDigit}_]*\\b", LITERAL)
            .rule("\\p{IsUppercase}[\\p{IsAlphabetic}\\p{IsDigit}]*\\b", TYPE)
            .rule("\\$?[\\p{IsAlphabetic}_]\\w*", PLAIN)
            .rule("[~^*!%&\\[\\](){}<>|+=:;,./?-]", PUNCTUATION)
            .rule("(?:[0-9]_+[0-9]|[0-9])++\\.(?:[0-9]_+[0-9]|[0-9])++(?:[eE](?:[0-9]_+[0-9]|[0-9])++)?[fd]?", NUMBER)
            .rule("(?i)0b(?:[01]_+[01]|[01])++|0x(?:[0-9a-f]_+[0-9a-f]|[0-9a-f])++|0(?:[0-7]_+[0-7]|[0-7])++", NUMBER)
            .rule("(?:[0-9]_+[0-9]|[0-9])++L?", NUMBER)
            .rule("\\n", PLAIN)
            .build();
}
