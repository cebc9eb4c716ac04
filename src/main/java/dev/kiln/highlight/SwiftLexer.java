package dev.kiln.highlight;

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
import static dev.kiln.highlight.Kind.VARIABLE;
import static dev.kiln.highlight.RegexLexer.table;

import java.util.Map;

/**
 * Swift, after Rouge's lexer: declarations, attributes, called functions and initialisers, labels,
 * {@code \(…)} interpolation lexed as code, multi-line strings, nested comments, directives.
 */
final class SwiftLexer {
    private SwiftLexer() {}

    private static final String ID = "(?:_|(?!\\p{Mc})\\p{IsAlphabetic}|[\\x{10000}-\\x{10FFFF}])[\\p{IsAlphabetic}\\p{IsDigit}_\\x{10000}-\\x{10FFFF}]*+";

    private static final Map<String, Kind> WORDS = table(
            KEYWORD, """
                    await break case continue default do else fallthrough if in for return switch where while try catch
                    throw guard defer repeat as dynamicType is new super self Self Type __COLUMN__ __FILE__ __FUNCTION__
                    __LINE__ associativity async didSet get infix inout isolated mutating none nonmutating operator
                    override postfix precedence prefix set unowned weak willSet throws rethrows precedencegroup
                    actor class deinit enum convenience extension final func import init internal lazy let nonisolated
                    optional private protocol public required static struct subscript typealias var dynamic indirect
                    associatedtype open fileprivate some""",
            LITERAL, "true false nil");

    /** Inside {@code private(…)}: {@code set} is a keyword, anything else an error Rouge leaves plain. */
    private static RegexLexer.Action modifierArgument(String... valid) {
        return (run, start, end) -> run.emit(java.util.Arrays.asList(valid).contains(run.text.substring(start, end)) ? KEYWORD : PLAIN, start, end);
    }

    static final RegexLexer LEXER = new RegexLexer.Builder().startIn("lineStart")
            .state("root")
            .include("whitespace")
            .rule("\\$(?:(?:[1-9]\\d*)?\\d)", VARIABLE)
            .rule("[()\\[\\]{}:;,?\\\\]", PUNCTUATION)
            .rule("[-/=+*%<>!&|^.~]+", PUNCTUATION)
            .rule("#?\"\"\"", "multiline", STRING)
            .rule("@?\"", "string", STRING)
            .rule("'(?:\\\\.|.)'", STRING)
            .rule("(?i)(?:\\d+(?:_\\d+)*\\*|(?:\\d+(?:_\\d+)*)*\\.\\d+(?:_\\d)*)(?:e[+-]?\\d+(?:_\\d)*)?|\\d+e[+-]?[0-9]+", NUMBER)
            .rule("0o?[0-7]+(?:_[0-7]+)*|0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*(?:(?:\\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\\d+)?|0b[01]+(?:_[01]+)*|\\d+(?:_\\d+)*", NUMBER)
            .rule("@" + ID, KEYWORD)
            .rule("(private|internal)(\\([ ]*)(\\w+)([ ]*\\))", KEYWORD, KEYWORD, modifierArgument("set"), KEYWORD)
            .rule("(unowned\\([ ]*)(\\w+)([ ]*\\))", KEYWORD, modifierArgument("safe", "unsafe"), KEYWORD)
            .rule("#available\\([^)]+\\)", KEYWORD)
            .rule("(#(?:selector|keyPath)\\()([^)]+?(?:[(].*?[)])?)(\\))", KEYWORD, FUNCTION, KEYWORD)
            .rule("#(?:line|file|column|function|dsohandle)", KEYWORD)
            .rule("(let|var)\\b(\\s*)(" + ID + ")", KEYWORD, PLAIN, VARIABLE)
            .rule("(let|var)\\b(\\s*)([(])", "tuple", KEYWORD, PLAIN, PUNCTUATION)
            .rule("(?!\\b(?:if|while|for|private|internal|unowned|switch|case)\\b)\\b" + ID + "(?=[?!]?\\s*[(])",
                    (run, start, end) -> run.emit(Character.isUpperCase(run.text.codePointAt(start)) ? TYPE : FUNCTION, start, end))
            .rule("as[?!]?(?=\\s)|try[!]?(?=\\s)", KEYWORD)
            .rule("(#?(?!default)(?!\\p{IsUppercase})" + ID + ")(\\s*)(:)", VARIABLE, PLAIN, PUNCTUATION)
            .rule(ID, (run, start, end) -> {
                Kind kind = WORDS.get(run.text.substring(start, end));
                run.emit(kind != null ? kind : Character.isUpperCase(run.text.codePointAt(start)) ? TYPE : PLAIN, start, end);
            })
            .rule("(`)(" + ID + ")(`)", PUNCTUATION, VARIABLE, PUNCTUATION)
            .state("lineStart")
            .rule("#.*", META)
            .include("inlineWhitespace")
            .rule("", "#pop")
            .state("inlineWhitespace")
            .rule("\\s+", PLAIN)
            .include("comments")
            .state("whitespace")
            .rule("\\n+", "lineStart", PLAIN)
            .rule("//.*", "lineStart", COMMENT)
            .include("inlineWhitespace")
            .state("comments")
            .rule("/[*]", "comment", COMMENT)
            .state("comment")
            .include("comments")
            .rule("[*]/", "#pop", COMMENT)
            .rule("[^*/]+|(?s).", COMMENT)
            .state("tuple")
            .rule(ID, VARIABLE)
            .rule("(`)(" + ID + ")(`)", PUNCTUATION, VARIABLE, PUNCTUATION)
            .rule(",", PUNCTUATION)
            .rule("[(]", "tuple", PUNCTUATION)
            .rule("[)]", "#pop", PUNCTUATION)
            .include("inlineWhitespace")
            .rule("", "#pop")
            .state("string")
            .include("escapes")
            .rule("[^\\\\\"]+", STRING)
            .rule("\"", "#pop", STRING)
            .state("multiline")
            .include("escapes")
            .rule("\"\"\"#?", "#pop", STRING)
            .rule("[^\\\\\"]+|\"", STRING)
            .state("escapes")
            .rule("\\\\[\\\\0tnr'\"]", STRING)
            .rule("\\\\[(]", "interpolation", STRING)
            .rule("\\\\u\\{[0-9a-fA-F]{1,8}\\}", STRING)
            .state("interpolation")
            .rule("[(]", "interpolationInner", PUNCTUATION)
            .rule("[)]", "#pop", STRING)
            .include("root")
            .state("interpolationInner")
            .rule("[(]", "interpolationInner", PUNCTUATION)
            .rule("[)]", "#pop", PUNCTUATION)
            .include("root")
            .build();
}
