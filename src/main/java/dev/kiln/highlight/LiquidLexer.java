package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TAG;
import static dev.kiln.highlight.Kind.VARIABLE;

/** Liquid templates (Jekyll's, Shopify's), after Rouge's lexer: tags, control flow, variables, filters; the text around them plain. */
final class LiquidLexer {
    private LiquidLexer() {}

    /** A quoted string, else a variable. */
    private static final RegexLexer.Action VALUE = (run, start, end) -> {
        char first = run.text.charAt(start);
        run.emit(first == '\'' || first == '"' ? STRING : VARIABLE, start, end);
    };

    /** A quoted string, else an attribute (a cycle's group name). */
    private static final RegexLexer.Action GROUP_NAME = (run, start, end) -> {
        char first = run.text.charAt(start);
        run.emit(first == '\'' || first == '"' ? STRING : ATTRIBUTE, start, end);
    };

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("[^{]+", PLAIN)
            .rule("(\\{%-?)(\\s*)", "tag", PUNCTUATION, PLAIN)
            .rule("(\\{\\{-?)(\\s*)", "output", PUNCTUATION, PLAIN)
            .rule("\\{", PLAIN)
            .state("tag")
            .rule("(?:if|elsif|unless|case)\\b", "condition", KEYWORD)
            .rule("when\\b", "when", KEYWORD)
            .rule("(else)(\\s*)(-?%\\})", "#pop", KEYWORD, PLAIN, PUNCTUATION)
            .rule("(capture|(?:in|de)crement)(\\s+)([^\\s%]+)(\\s*)(-?%\\})", "#pop", TAG, PLAIN, VARIABLE, PLAIN, PUNCTUATION)
            .rule("(comment)(\\s*)(-?%\\})", "comment", TAG, PLAIN, PUNCTUATION)
            .rule("(raw)(\\s*)(-?%\\})", "raw", TAG, PLAIN, PUNCTUATION)
            .rule("(end(?:if|unless|case))(\\s*)(-?%\\})", "#pop", KEYWORD, PLAIN, PUNCTUATION)
            .rule("(end[^\\s%]+)(\\s*)(-?%\\})", "#pop", TAG, PLAIN, PUNCTUATION)
            .rule("(?:assign|echo)\\b", "assign", TAG)
            .rule("(?:include|render)\\b", "include", TAG)
            .rule("(cycle)(\\s+)(?:([^\\s:]*)(\\s*)(:))?(\\s*)", "variableTagMarkup", TAG, PLAIN, GROUP_NAME, PLAIN, PUNCTUATION, PLAIN)
            .rule("(for|tablerow)(\\s+)([\\w-]+)(\\s+)(in)(\\s+)((?:[^\\s%,|'\"]|\"[^\"]*\"|'[^']*')++)(\\s*)", "tagMarkup",
                    TAG, PLAIN, VARIABLE, PLAIN, TAG, PLAIN, VALUE, PLAIN)
            .rule("([^\\s%]+)(\\s*)", "tagMarkup", TAG, PLAIN)
            .rule("", "#pop")
            .state("output")
            .rule("(\\|)(\\s*)([a-zA-Z_][^\\s}|:]*)", "filters", PUNCTUATION, PLAIN, FUNCTION)
            .include("endOfOutput")
            .include("generic")
            .state("filters")
            .rule("(\\|)(\\s*)([a-zA-Z_][^\\s%}|:]*)", PUNCTUATION, PLAIN, FUNCTION)
            .include("endOfOutput")
            .include("endOfTag")
            .include("variableParameters")
            .state("condition")
            .rule("[=!]=|[<>]=?", PUNCTUATION)
            .rule("(?:and|or|contains)\\b", KEYWORD)
            .include("endOfTag")
            .include("generic")
            .state("when")
            .include("endOfTag")
            .include("generic")
            .state("endOfOutput")
            .rule("-?\\}\\}", "#reset", PUNCTUATION)
            .state("endOfTag")
            .rule("-?%\\}", "#reset", PUNCTUATION)
            .state("parameters")
            .include("whitespace")
            .include("keyword")
            .include("string")
            .include("number")
            .rule("([^\\s=:]+)(\\s*)(=|:)", ATTRIBUTE, PLAIN, PUNCTUATION)
            .rule("[,:]", PUNCTUATION)
            .state("defaultParameters")
            .include("parameters")
            .rule("\\S+", PLAIN)
            .state("variableParameters")
            .include("parameters")
            .include("variable")
            .rule("\\S+", PLAIN)
            .state("tagMarkup")
            .rule("reversed\\b", ATTRIBUTE)
            .include("endOfTag")
            .include("defaultParameters")
            .state("variableTagMarkup")
            .include("endOfTag")
            .include("variableParameters")
            .state("keyword")
            .rule("(?:false|true|nil)\\b", LITERAL)
            .state("variable")
            .rule("(?:empty|blank|forloop\\.[^\\s%}|:]+)\\b", BUILTIN)
            .rule("\\.(?=\\w)|\\[|\\]", PUNCTUATION)
            .rule("(?:first|last|size)\\b", FUNCTION)
            .rule("[a-zA-Z_][\\w-]*\\??", VARIABLE)
            .state("string")
            .rule("'[^']*'|\"[^\"]*\"", STRING)
            .state("number")
            .rule("-", PUNCTUATION)
            .rule("\\d+\\.\\d+|\\d+", NUMBER)
            .state("generic")
            .include("whitespace")
            .include("keyword")
            .include("string")
            .include("number")
            .include("variable")
            .state("whitespace")
            .rule("\\s+", PLAIN)
            .state("comment")
            .rule("[^{]+", COMMENT)
            .rule("(\\{%-?)(\\s*)(endcomment)(\\s*)(-?%\\})", "#reset", PUNCTUATION, PLAIN, TAG, PLAIN, PUNCTUATION)
            .rule("\\{", COMMENT)
            .state("raw")
            .rule("[^{]+", PLAIN)
            .rule("(\\{%-?)(\\s*)(endraw)(\\s*)(-?%\\})", "#reset", PUNCTUATION, PLAIN, TAG, PLAIN, PUNCTUATION)
            .rule("\\{", PLAIN)
            .state("assign")
            .rule("=", PUNCTUATION)
            .rule("(\\|)(\\s*)([a-zA-Z_][^\\s%|:]*)", "filters", PUNCTUATION, PLAIN, FUNCTION)
            .include("endOfTag")
            .include("generic")
            .state("include")
            .rule("(\\{\\{-?)(\\s*)", "outputEmbedded", PUNCTUATION, PLAIN)
            .rule("(?:with|for)\\b", TAG)
            .rule("[/\\w-]+(?:\\.[\\w-]+)+\\b", PLAIN)
            .include("variableTagMarkup")
            .state("outputEmbedded")
            .rule("(\\|)(\\s*)([a-zA-Z_][^\\s}|:]*)", PUNCTUATION, PLAIN, FUNCTION)
            .rule("-?\\}\\}", "#pop", PUNCTUATION)
            .include("variableParameters")
            .build();
}
