package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;

import java.util.Set;

/** Haskell, after Rouge's lexer: types and constructors, imports and exports, pragmas, nested comments, operators. */
final class HaskellLexer {
    private HaskellLexer() {}

    private static final Set<String> RESERVED = RegexLexer.wordSet(
            "_ case class data default deriving do else if in infix infixl infixr instance let newtype of then type where");
    private static final String SYMBOL = "[:!#$%&*+.\\\\/<=>?@^|~-]";
    private static final String ASCII = "NUL|SOH|[SE]TX|EOT|ENQ|ACK|BEL|BS|HT|LF|VT|FF|CR|S[OI]|DLE|DC[1-4]|NAK|SYN|ETB|CAN|EM|SUB|ESC|[FGRU]S|SP|DEL";

    private static final RegexLexer.Action WORD = (run, start, end) -> {
        String word = run.text.substring(start, end);
        run.emit(RESERVED.contains(word) ? KEYWORD : word.matches("'?[A-Z].*") ? TYPE : PLAIN, start, end);
    };

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .include("basic")
            .rule("'(?=(?:.|\\\\\\S+)')", "character", STRING)
            .rule("\"", "string", STRING)
            .rule("(?i)\\d+e[+-]?\\d+|\\d+\\.\\d+(?:e[+-]?\\d+)?|0o[0-7]+|0x[\\da-f]+|\\d+", NUMBER)
            .rule("import(?![\\w'])", "import", KEYWORD)
            .rule("module(?![\\w'])", "module", KEYWORD)
            .rule("[\\w']+", WORD)
            .rule("\\\\(?!" + SYMBOL + "+)", FUNCTION)
            .rule("(?:<-|::|->|=>|=)(?!" + SYMBOL + "+)|:" + SYMBOL + "*|" + SYMBOL + "+", PUNCTUATION)
            .rule("\\[\\s*\\]", TYPE)
            .rule("\\(\\s*\\)", BUILTIN)
            .rule("(\\[)([_a-z][\\w']*)(\\|)", "quasiQuotation", PUNCTUATION, PLAIN, PUNCTUATION)
            .rule("[\\[\\](),;`{}]", PUNCTUATION)
            .state("basic")
            .rule("\\s+", PLAIN)
            .rule("\\{-#", "pragma", META)
            .rule("\\{-", "comment", COMMENT)
            .rule("^--\\s+\\|.*", COMMENT)
            .rule("--(?![!#$%&*+./<=>?@^|_~]).*", COMMENT)
            .state("comment")
            .rule("-\\}", "#pop", COMMENT)
            .rule("\\{-", "comment", COMMENT)
            .rule("[^-{}]+|[-{}]", COMMENT)
            .state("pragma")
            .rule("-\\}", "#pop", META)
            .rule("\\{-", "comment", META)
            .rule("[^-{}]+|[-{}]", META)
            .state("import")
            .rule("\\s+", PLAIN)
            .rule("\"", "string", STRING)
            .rule("\\bqualified\\b", KEYWORD)
            .rule("([A-Z][\\w.]*)(\\s+)(as)(\\s+)([A-Z][a-zA-Z0-9_.]*)", "#pop", TYPE, PLAIN, KEYWORD, PLAIN, PLAIN)
            .rule("([A-Z][\\w.]*)(\\s+)(hiding)(\\s+)(\\()", "#pop functionList", TYPE, PLAIN, KEYWORD, PLAIN, PUNCTUATION)
            .rule("([A-Z][\\w.]*)(\\s+)(\\()", "#pop functionList", TYPE, PLAIN, PUNCTUATION)
            .rule("[\\w.]+", "#pop", TYPE)
            .rule("", "#pop")
            .state("module")
            .rule("\\s+", PLAIN)
            .rule("([A-Z][\\w.]*)(\\s+)(\\()", "functionList", TYPE, PLAIN, PUNCTUATION)
            .rule("\\bwhere\\b", "#pop", KEYWORD)
            .rule("[A-Z][a-zA-Z0-9_.]*", "#pop", TYPE)
            .rule("", "#pop")
            .state("functionList")
            .include("basic")
            .rule("[A-Z]\\w*", TYPE)
            .rule("_[\\w']+|[a-z][\\w']*", FUNCTION)
            .rule(",", PUNCTUATION)
            .rule(SYMBOL + "+", PUNCTUATION)
            .rule("\\(", "functionList", PUNCTUATION)
            .rule("\\)", "#pop", PUNCTUATION)
            .rule("", "#pop")
            .state("character")
            .rule("\\\\", "#pop characterEnd escape", STRING)
            .rule(".", "#pop characterEnd", STRING)
            .state("characterEnd")
            .rule("'", "#pop", STRING)
            .rule(".", "#pop", PLAIN)
            .state("quasiQuotation")
            .rule("\\|\\]", "#pop", PUNCTUATION)
            .rule("[^|]+|\\|", PLAIN)
            .state("string")
            .rule("\"", "#pop", STRING)
            .rule("\\\\", "escape", STRING)
            .rule("[^\\\\\"]+", STRING)
            .state("escape")
            .rule("[abfnrtv\"'&\\\\]|\\^[\\]\\[A-Z@^_]|" + ASCII + "|(?i:o[0-7]+|x[\\da-f]+)|\\d+|\\s+\\\\", "#pop", STRING)
            .rule("", "#pop")
            .build();
}
