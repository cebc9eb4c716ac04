package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.REGEX;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.RegexLexer.table;

import java.util.Map;

/**
 * JavaScript and TypeScript, after Rouge's lexers: a state machine that tells a regular expression
 * from a division by what came before it, and lexes a template string's {@code ${…}} as code.
 */
final class JavaScriptLexer {
    private JavaScriptLexer() {}

    static final String ID = "[\\p{L}\\p{Nl}$_][\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}\\p{Mn}\\p{Mc}$_]*";

    /** Holders, so that code in one language does not build the other's lexer. */
    static final class JavaScript {
        static final RegexLexer LEXER = build(false);
    }

    static final class TypeScript {
        static final RegexLexer LEXER = build(true);
    }

    private static final String KEYWORDS = """
            as async await break case catch continue debugger default delete do else export finally from for if
            import in instanceof new of return super switch this throw try typeof void while yield""";
    private static final String DECLARATIONS = "var let const with function class extends constructor get set static";
    private static final String RESERVED = "enum implements interface package private protected public";
    private static final String BUILTINS = """
            Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun decodeURI
            decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt document window
            navigator self global Promise Set Map WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array
            Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray
            Float32Array Float64Array DataView ArrayBuffer""";

    private static RegexLexer build(boolean typescript) {
        // Keywords and declarations start an expression, where a / begins a regular expression.
        String startsExpression = KEYWORDS + " " + DECLARATIONS
                + (typescript ? " is namespace static private protected public implements readonly type abstract" : "");
        Map<String, Kind> other = table(
                KEYWORD, RESERVED + (typescript ? " string any void number namespace module declare default interface keyof" : ""),
                LITERAL, "true false null NaN Infinity undefined",
                BUILTIN, BUILTINS + (typescript ? " Pick Partial Readonly Record" : ""));
        RegexLexer.Action word = (run, start, end) -> run.emit(other.getOrDefault(run.text.substring(start, end), PLAIN), start, end);
        var lexer = new RegexLexer.Builder()
                .state("root");
        if (typescript) {
            lexer.rule("[?][.]", PUNCTUATION).rule("[?]{2}", PUNCTUATION);
        }
        addRulesBeforeCommentsStates(lexer, typescript, startsExpression, word);
        addDoubleStates(lexer, typescript, startsExpression, word);
        if (typescript) {
            lexer.rule("(" + ID + ")(\\??)(\\s*)(:)", "expression", ATTRIBUTE, PUNCTUATION, PLAIN, PUNCTUATION);
        }
        return lexer.rule("case\\b", "#pop expression", KEYWORD)
                .rule("(" + ID + ")(\\s*)(:)", ATTRIBUTE, PLAIN, PUNCTUATION)
                .include("expression")
                .state("object")
                .include("comments")
                .rule("[{]", "object", PUNCTUATION)
                .rule("[}]", "#pop statement", PUNCTUATION)
                .rule("(" + ID + ")(\\s*)(:)", "expression", ATTRIBUTE, PLAIN, PUNCTUATION)
                .rule(":", PUNCTUATION)
                .include("root")
                .state("ternary")
                .rule(":", "#pop expression", PUNCTUATION)
                .include("root")
                .state("template")
                .rule("[$][{]", "templateExpression", PUNCTUATION)
                .rule("`", "#pop", STRING)
                .rule("\\\\[$`]|[^$`\\\\]+|[\\\\$]", STRING)
                .state("templateExpression")
                .rule("[}]", "#pop", PUNCTUATION)
                .include("root")
                .build();
    }

    private static void addRulesBeforeCommentsStates(RegexLexer.Builder lexer, boolean typescript, String startsExpression, RegexLexer.Action word) {
        lexer.rule("\\A\\s*#!.*\\n", "statement", META)
                .include("comments")
                .rule("\\+\\+|--|~|\\?\\?=?|&&|\\|\\||\\\\(?=\\n)|<<|>>>?|===|!==", "expression", PUNCTUATION)
                .rule("[-<>+*%&|\\^/!=]=?", "expression", PUNCTUATION)
                .rule("[(\\[,]", "expression", PUNCTUATION)
                .rule(";", "statement", PUNCTUATION)
                .rule("[)\\].]", PUNCTUATION)
                .rule("`", "template", STRING)
                .rule("[?][.]", PUNCTUATION)
                .rule("[?]", "ternary expression", PUNCTUATION)
                .rule("(@)(\\w+)?", "expression", PUNCTUATION, META)
                .rule("[{}]", "statement", PUNCTUATION)
                .ruleIn(RegexLexer.wordSet(startsExpression), "[\\p{L}\\p{Nd}$_]+(?![$_\\p{L}\\p{Nd}])", "expression", KEYWORD)
                .rule(ID, word)
                .rule("[0-9][0-9]*\\.[0-9]+(?:[eE][0-9]+)?[fd]?|(?i:0x[0-9a-f]+|0o[0-7][0-7_]*|0b[01][01_]*)|[0-9]+", NUMBER)
                .rule("\"", "double", STRING)
                .rule("'", "single", STRING)
                .rule(":", PUNCTUATION)
                .state("comments")
                .rule("\\s+", PLAIN)
                .rule("<!--", COMMENT)
                .rule("//.*", COMMENT)
                .rule("/[*]", "comment", COMMENT)
                .state("comment")
                .rule("[*]/", "#pop", COMMENT)
                .rule("[^*/]+|[*/]", COMMENT)
                .state("expression")
                .include("comments")
                .rule("/", "#pop regex", REGEX)
                .rule("[{]", "#pop object", PUNCTUATION)
                .rule("", "#pop")
                .state("regex")
                .rule("/", "#pop regexFlags", REGEX)
                .rule("[^/]\\n|\\n", "#pop", PLAIN)
                .rule("\\[\\^?", "regexGroup", REGEX)
                .rule("\\\\.|[(][?][:=<!]|[{][\\d,]+[}]|[()?]|.", REGEX)
                .state("regexFlags")
                .rule("[gimuy]+", "#pop", REGEX)
                .rule("", "#pop")
                .state("regexGroup")
                .rule("/", REGEX)
                .rule("[^/]\\n", "#pop #pop", PLAIN)
                .rule("\\]", "#pop", REGEX)
                .rule("\\\\.|.", REGEX);
    }

    private static void addDoubleStates(RegexLexer.Builder lexer, boolean typescript, String startsExpression, RegexLexer.Action word) {
        lexer.state("double")
                .rule("\\\\[\\\\nrt\"]?|[^\\\\\"]+", STRING)
                .rule("\"", "#pop", STRING)
                .state("single")
                .rule("\\\\[\\\\nrt']?|[^\\\\']+", STRING)
                .rule("'", "#pop", STRING)
                .state("statement");
    }
}
