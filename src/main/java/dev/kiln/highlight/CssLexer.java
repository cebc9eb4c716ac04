package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TAG;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;

/**
 * CSS, SCSS and Less, after Rouge's CSS and SCSS lexers (Rouge has no Less lexer; Less is read as
 * SCSS with {@code @variables}): selectors, properties, values, at-rules, variables, mixins.
 */
final class CssLexer {
    private CssLexer() {}

    private static final String IDENTIFIER = "[\\p{L}_-][\\p{L}\\p{Nd}\\p{Pc}\\p{Mn}\\p{Cf}-]*";
    private static final String NUMBER_VALUE = "-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)";
    private static final String UNITS = "(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz)\\b)?";

    private static final RegexLexer.Action PROPERTY = (run, start, end) ->
            run.emit(CssWords.isProperty(run.text.substring(start, end)) ? ATTRIBUTE : PLAIN, start, end);
    private static final RegexLexer.Action VALUE_WORD = (run, start, end) ->
            run.emit(CssWords.valueKind(run.text.substring(start, end)), start, end);

    static final class Css {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .include("basics")
                .rule("\\{", "stanza", PUNCTUATION)
                .rule(":[:]?" + IDENTIFIER, META)
                .rule("\\." + IDENTIFIER, TYPE)
                .rule("#" + IDENTIFIER, FUNCTION)
                .rule("@" + IDENTIFIER, "atRule", KEYWORD)
                .rule(IDENTIFIER, TAG)
                .rule("[~^*!%&\\[\\]()<>|+=@:;,./?-]", PUNCTUATION)
                .rule("\"(?:\\\\\\\\|\\\\\"|[^\"])*+\"|'(?:\\\\\\\\|\\\\'|[^'])*+'", STRING)
                .state("value")
                .include("basics")
                .rule("url\\((?s:.*?)\\)", STRING)
                .rule("(?i)#[0-9a-f]{1,6}", NUMBER)
                .rule(NUMBER_VALUE + UNITS, NUMBER)
                .rule("[\\[\\]():/.,]", PUNCTUATION)
                .rule("\"(?:\\\\\\\\|\\\\\"|[^\"])*+\"|'(?:\\\\\\\\|\\\\'|[^'])*+'", STRING)
                .rule(IDENTIFIER, VALUE_WORD)
                .state("atRule")
                .rule("\\{(?=\\s*" + IDENTIFIER + "\\s*:)", "atStanza", PUNCTUATION)
                .rule("\\{", "atBody", PUNCTUATION)
                .rule(";", "#pop", PUNCTUATION)
                .include("value")
                .state("atBody")
                .rule("\\}", "#pop #pop", PUNCTUATION)
                .include("root")
                .state("atStanza")
                .rule("\\}", "#pop #pop", PUNCTUATION)
                .include("stanza")
                .state("basics")
                .rule("\\s+", PLAIN)
                .rule("/\\*(?s:.*?)\\*/", COMMENT)
                .state("stanza")
                .include("basics")
                .rule("\\}", "#pop", PUNCTUATION)
                .rule("(" + IDENTIFIER + ")(\\s*)(:)", "stanzaValue", PROPERTY, PLAIN, PUNCTUATION)
                .state("stanzaValue")
                .rule(";", "#pop", PUNCTUATION)
                .rule("(?=\\})", "#pop")
                .rule("!\\s*important\\b", META)
                .rule("^@.*", META)
                .include("value")
                .build();
    }

    static final class Scss {
        static final RegexLexer LEXER = sass('$');
    }

    static final class Less {
        static final RegexLexer LEXER = sass('@');
    }

    /** SCSS, or Less when variables start with {@code @}: Rouge's SCSS lexer. */
    private static RegexLexer sass(char sigil) {
        String id = "[\\w-]+";
        String variable = (sigil == '$' ? "[$]" : "@") + id;
        var lexer = new RegexLexer.Builder();
        addRootStates(lexer, sigil, id, variable);
        if (sigil == '@') {
            // Less: @name: value is a variable, not an at-rule; .mixin(); a call.
            lexer.rule("(" + variable + ")([ \\t]*)(:)", "value", VARIABLE, PLAIN, PUNCTUATION)
                    .rule("(\\.[\\w-]+)(\\()", "value", FUNCTION, PUNCTUATION)
                    .rule("@\\{", "selector", STRING);
        }
        lexer.rule("@" + id, "selector", KEYWORD)
                .rule("&", "selector", KEYWORD);
        if (sigil == '$') {
            lexer.rule("(" + variable + ")([ \\t]*)(:)", "value", VARIABLE, PLAIN, PUNCTUATION);
        }
        addValueStates(lexer, sigil, id, variable);
        addSingleStates(lexer, sigil, id, variable);
        return lexer.build();
    }

    private static void addValueStates(RegexLexer.Builder lexer, char sigil, String id, String variable) {
        lexer.state("value")
                .include("endSection")
                .rule("[ \\t]+", PLAIN)
                .rule(variable, VARIABLE)
                .rule("url[(]", "url", STRING)
                .rule(id + "(?=\\s*[(])", FUNCTION)
                .rule("%" + id, META)
                .rule("(?:true|false)\\b", BUILTIN)
                .rule("(?:and|or|not)\\b", KEYWORD)
                .rule("(?i)#[a-z0-9]{1,6}", NUMBER)
                .rule("-?\\d+(?:%|[a-z]+)?|-?\\d*\\.\\d+(?:%|[a-z]+)?", NUMBER)
                .include("strings")
                .include("interpolation")
                .rule("[~^*!&%<>|+=@:,./?-]+", PUNCTUATION)
                .rule("[\\[\\]()]+", PUNCTUATION)
                .rule("/[*]", "inlineComment", COMMENT)
                .rule("//[^\\n]*", COMMENT)
                .rule(id, VALUE_WORD)
                .state("interpolation")
                .rule(sigil == '$' ? "[#][{]" : "@[{]", "interpolated", STRING)
                .state("strings")
                .rule("\"", "double", STRING)
                .rule("'", "single", STRING)
                .state("interpolated")
                .rule("\\}", "#pop", STRING)
                .include("value")
                .state("selector")
                .include("endSection")
                .include("strings")
                .include("interpolation")
                .rule("[ \\t]+", PLAIN)
                .rule(":", "pseudoClass", META)
                .rule("[.]", "className", TYPE)
                .rule("#", "id", TYPE)
                .rule("%", "placeholder", VARIABLE)
                .rule(id, TAG)
                .rule("&", KEYWORD)
                .rule("[~^*!&\\[\\]()<>|+=@:;,./?-]", PUNCTUATION)
                .state("double")
                .rule("\"", "#pop", STRING)
                .include("interpolation")
                .rule("(?:\\\\.|#(?![{])|[^\\n\"#@])++|@", STRING);
    }

    private static void addSingleStates(RegexLexer.Builder lexer, char sigil, String id, String variable) {
        lexer.state("single")
                .rule("'", "#pop", STRING)
                .include("interpolation")
                .rule("(?:\\\\.|#(?![{])|[^\\n'#@])++|@", STRING)
                .state("url")
                .rule("[)]", "#pop", STRING)
                .rule("(?:\\\\.|#(?![{])|[^\\n)#])++", STRING)
                .include("interpolation")
                .state("selectorPiece")
                .include("interpolation")
                .rule("", "#pop")
                .state("pseudoClass")
                .rule(id, META)
                .include("selectorPiece")
                .state("className")
                .rule(id, TYPE)
                .include("selectorPiece")
                .state("id")
                .rule(id, TYPE)
                .include("selectorPiece")
                .state("placeholder")
                .rule(id, VARIABLE)
                .include("selectorPiece")
                .state("for")
                .rule("from|to|through", KEYWORD)
                .include("value")
                .state("attribute")
                .include("interpolation")
                .rule(id, (run, start, end) -> run.emit(ATTRIBUTE, start, end))
                .rule("([ \\t]*)(:)", "value", PLAIN, PUNCTUATION)
                .state("inlineComment")
                .rule("(?:\\\\#|#(?=[^\\n{])|\\*(?=[^\\n/])|[^\\n#*])++", COMMENT)
                .include("interpolation")
                .rule("[*]/", "#pop", COMMENT);
    }

    private static void addRootStates(RegexLexer.Builder lexer, char sigil, String id, String variable) {
        lexer.state("root")
                .rule("\\s+", PLAIN)
                .rule("//.*|/[*](?s:.*?)[*]/", COMMENT)
                .rule("@import\\b", "value", KEYWORD)
                .include("common")
                .rule("(?=[^;{}][;}])", "attribute")
                .rule("(?=[^;{}:\\[]+:[^a-z])", "attribute")
                .rule("", "selector")
                .state("endSection")
                .rule("\\n", PLAIN)
                .rule("[;{}]", "#reset", PUNCTUATION)
                .state("common")
                .rule("@for\\b", "for", KEYWORD)
                .rule("@(?:debug|warn|if|each|while|else|return|media)", "value", KEYWORD)
                .rule("(@mixin|@function)(\\s+)(" + id + ")", "value", KEYWORD, PLAIN, FUNCTION)
                .rule("@extend\\b", "selector", KEYWORD)
                .rule("(@include)(\\s+)(" + id + ")", "value", KEYWORD, PLAIN, META);
    }
}
