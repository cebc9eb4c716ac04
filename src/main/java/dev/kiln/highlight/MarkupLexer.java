package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.BUILTIN;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TAG;
import static dev.kiln.highlight.Kind.VARIABLE;
import static dev.kiln.highlight.RegexLexer.using;

/**
 * XML and HTML, after Rouge's lexers: tags (with their angle brackets), attributes (with their
 * {@code =}), values, entities, comments, declarations; HTML's {@code <script>} and {@code <style>}
 * lexed as JavaScript and CSS. Templates around HTML (Handlebars and Mustache, JSP), DTDs, BBCode.
 */
final class MarkupLexer {
    private MarkupLexer() {}

    private static final String NAME = "[\\p{L}:_][\\p{L}\\p{Nd}\\p{Pc}\\p{Mn}\\p{Cf}:.·-]*";

    static final class Xml {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("[^<&]+", PLAIN)
                .rule("&\\S*?;", LITERAL)
                .rule("<!\\[CDATA\\[(?s:.*?)\\]\\]>", META)
                .rule("<!--", "comment", COMMENT)
                .rule("<\\?(?s:.*?)\\?>|<![^>]*>", META)
                .rule("<\\s*" + NAME, "tag", TAG)
                .rule("<\\s*/\\s*" + NAME + "\\s*>", TAG)
                .state("comment")
                .rule("-->", "#pop", COMMENT)
                .rule("[^-]+|-", COMMENT)
                .state("tag")
                .rule("\\s+", PLAIN)
                .rule(NAME + "\\s*=", "attribute", ATTRIBUTE)
                .rule("/?\\s*>", "#pop", TAG)
                .rule("", "#pop")
                .state("attribute")
                .rule("\\s+", PLAIN)
                .rule("(?s)\".*?\"|'.*?'|[^\\s>]+", "#pop", STRING)
                .rule("", "#pop")
                .build();
    }

    static final class Html {
        private static final String TAG_NAME = "[\\p{L}:_-][\\p{L}\\p{Nd}\\p{Pc}\\p{Mn}\\p{Cf}:.·-]*";

        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("[^<&]+", PLAIN)
                .rule("&\\S*?;", LITERAL)
                .rule("(?i)<!DOCTYPE (?s:.*?)>", META)
                .rule("<!\\[CDATA\\[(?s:.*?)\\]\\]>", META)
                .rule("<!--", "comment", COMMENT)
                .rule("<\\?(?s:.*?)\\?>", META)
                .rule("<\\s*script\\s*", "script tag", TAG)
                .rule("<\\s*style\\s*", "style tag", TAG)
                .rule("</", "tagEnd", TAG)
                .rule("<", "tagStart", TAG)
                .state("tagEnd")
                .rule("\\s+", PLAIN)
                .rule(">", "#pop", TAG)
                .rule(TAG_NAME, TAG)
                .rule("", "#pop")
                .state("tagStart")
                .rule("\\s+", PLAIN)
                .rule(TAG_NAME, "#pop tag", TAG)
                .rule("", "#pop tag")
                .state("comment")
                .rule("-->", "#pop", COMMENT)
                .rule("[^-]+|-", COMMENT)
                .state("tag")
                .rule("\\s+", PLAIN)
                .rule("[\\p{L}:_\\[\\]()*.-][\\p{L}\\p{Nd}\\p{Pc}\\p{Mn}\\p{Cf}:.·\\[\\]()*-]*\\s*=\\s*", "attribute", ATTRIBUTE)
                .rule("[\\p{L}:_*#-][\\p{L}\\p{Nd}\\p{Pc}\\p{Mn}\\p{Cf}:.·*#-]*", ATTRIBUTE)
                .rule("/?\\s*>", "#pop", TAG)
                .rule("", "#pop")
                .state("attribute")
                .rule("\"", "#pop doubleQuoted", STRING)
                .rule("'", "#pop singleQuoted", STRING)
                .rule("[^\\s>]+", "#pop", STRING)
                .rule("", "#pop")
                .state("doubleQuoted")
                .rule("\"", "#pop", STRING)
                .rule("[^\"]+", STRING)
                .state("singleQuoted")
                .rule("'", "#pop", STRING)
                .rule("[^']+", STRING)
                .state("script")
                .rule("(?i)<\\s*/\\s*script\\s*>", "#pop", TAG)
                .rule("(?si).+?(?=<\\s*/\\s*script\\s*>)|(?s).+", using("javascript"))
                .state("style")
                .rule("(?i)<\\s*/\\s*style\\s*>", "#pop", TAG)
                .rule("(?si).+?(?=<\\s*/\\s*style\\s*>)|(?s).+", using("css"))
                .build();
    }

    /** Handlebars and Mustache: the template tags; the text between them as HTML. */
    static final class Handlebars {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("\\{\\{!--(?s:.*?)--\\}\\}|\\{\\{!(?s:.*?)\\}\\}", COMMENT)
                .rule("(\\{\\{\\{?~?)([#/^>&]|else\\b)?", "tag", PUNCTUATION, KEYWORD)
                .rule("(?s).+?(?=\\{\\{)|(?s).+", using("html"))
                .state("tag")
                .rule("~?\\}?\\}\\}", "#pop", PUNCTUATION)
                .rule("\\s+", PLAIN)
                .rule("\"(?:\\\\.|[^\"\\\\])*+\"|'(?:\\\\.|[^'\\\\])*+'", STRING)
                .rule("-?\\d+(?:\\.\\d+)?", NUMBER)
                .rule("(?:true|false|null|undefined)\\b", LITERAL)
                .rule("(?:else|as)\\b", KEYWORD)
                .rule("this\\b|@[\\w-]+|\\.\\.?/", BUILTIN)
                .rule("([\\w-]+)(=)", ATTRIBUTE, PUNCTUATION)
                .rule("(?<=\\{\\{[#/^>]?|\\{\\{\\{)[\\w.-]+(?=\\s+[^}\\s])", FUNCTION)
                .rule("[\\w.\\[\\]-]+", VARIABLE)
                .rule("[()|=.]", PUNCTUATION)
                .build();
    }

    /** JavaServer Pages: directives, scriptlets and expressions as Java; the page around them as HTML. */
    static final class Jsp {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("<%--(?s:.*?)--%>", COMMENT)
                .rule("(<%[@!=]?)((?s:.*?))(%>)", META, using("java"), META)
                .rule("(</?)(jsp:\\w+|c:\\w+|fmt:\\w+)", "tag", TAG, TAG)
                .rule("\\$\\{[^}]*\\}|#\\{[^}]*\\}", VARIABLE)
                .rule("(?s).+?(?=<%|</?(?:jsp|c|fmt):|[$#]\\{)|(?s).+", using("html"))
                .state("tag")
                .rule("\\s+", PLAIN)
                .rule(NAME + "\\s*=", "attribute", ATTRIBUTE)
                .rule("/?\\s*>", "#pop", TAG)
                .rule("", "#pop")
                .state("attribute")
                .rule("\\s+", PLAIN)
                .rule("(?s)\".*?\"|'.*?'|[^\\s>]+", "#pop", STRING)
                .rule("", "#pop")
                .build();
    }

    /** Document type definitions: declarations, element and attribute names, keywords like {@code #PCDATA}. */
    static final class Dtd {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("<!--(?s:.*?)-->", COMMENT)
                .rule("(<!)(ELEMENT|ATTLIST|ENTITY|NOTATION)(\\s+)(%?\\s*" + NAME + ")?", "declaration", TAG, KEYWORD, PLAIN, TAG)
                .rule("<\\?(?s:.*?)\\?>", META)
                .rule("%" + NAME + ";", VARIABLE)
                .rule("[^<%]+|[<%]", PLAIN)
                .state("declaration")
                .rule(">", "#pop", TAG)
                .rule("\\s+", PLAIN)
                .rule("\"[^\"]*\"|'[^']*'", STRING)
                .rule("#(?:PCDATA|REQUIRED|IMPLIED|FIXED)|\\b(?:CDATA|ID|IDREFS?|NMTOKENS?|ENTITY|ENTITIES|NOTATION|EMPTY|ANY|SYSTEM|PUBLIC|NDATA)\\b", KEYWORD)
                .rule("%" + NAME + ";", VARIABLE)
                .rule(NAME, ATTRIBUTE)
                .rule("[()|,?*+]", PUNCTUATION)
                .build();
    }

    /** Forum markup: {@code [b]}, {@code [url=…]} tags and their values. */
    static final class BbCode {
        static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
                .rule("(\\[/?)(\\*|[A-Za-z]\\w*)(?:(=)([^\\]\\n]*))?(\\])", TAG, TAG, PUNCTUATION, STRING, TAG)
                .rule("[^\\[]+|\\[", PLAIN)
                .build();
    }
}
