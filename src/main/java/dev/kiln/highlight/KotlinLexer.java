package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.COMMENT;
import static dev.kiln.highlight.Kind.FUNCTION;
import static dev.kiln.highlight.Kind.KEYWORD;
import static dev.kiln.highlight.Kind.META;
import static dev.kiln.highlight.Kind.NUMBER;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.TYPE;

/** Kotlin, after Rouge's lexer: declared and called functions, types, declared properties. */
final class KotlinLexer {
    private KotlinLexer() {}

    private static final String NAME_CHARS = "[-_\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lm}\\p{Nl}\\p{Nd}\\p{Pc}\\p{Cf}\\p{Mn}\\p{Mc}]*";
    private static final String CLASS_NAME = "`?\\p{Lu}" + NAME_CHARS + "`?";
    private static final String NAME = "`?[_\\p{Lu}\\p{Ll}\\p{Lt}\\p{Lm}\\p{Nl}]" + NAME_CHARS + "`?";
    private static final String DEC = "(?:[0-9][0-9_]*[0-9]|[0-9])";

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\b(companion)(\\s+)(object)\\b", KEYWORD, PLAIN, KEYWORD)
            .rule("\\b(class|data\\s+class|interface|object)(\\s+)", "class", KEYWORD, PLAIN)
            .rule("\\b(fun)(\\s+)", "function", KEYWORD, PLAIN)
            .rule("\\b(package|import)(\\s+)", "package", KEYWORD, PLAIN)
            .rule("\\b(val|var)(\\s+)(\\()", "destructure", KEYWORD, PLAIN, PUNCTUATION)
            .rule("\\b(val|var)(\\s+)", "property", KEYWORD, PLAIN)
            .rule("(return|continue|break|this|super)(@" + NAME + ")?\\b", KEYWORD, META)
            .rule("\\bfun\\b", KEYWORD)
            .words("""
                    abstract annotation as break by catch class companion const constructor continue crossinline do
                    dynamic else enum external false final finally for fun get if import in infix inline inner interface
                    internal is lateinit noinline null object open operator out override package private protected
                    public reified return sealed set super suspend tailrec this throw true try typealias typeof val var
                    vararg when where while yield""", KEYWORD)
            .rule("^\\s*\\[.*?\\]", ATTRIBUTE)
            .rule("[^\\S\\n]+|\\\\\\n|\\n", PLAIN)
            .rule("//.*", COMMENT)
            .rule("/[*].*[*]/", COMMENT)
            .rule("/[*].*", "comment", COMMENT)
            .rule("(::)(class)", PUNCTUATION, KEYWORD)
            .rule("::|!!|\\?[:.]|\\.\\.", PUNCTUATION)
            .rule("(?:" + DEC + "?\\." + DEC + "(?:[eE][+-]?" + DEC + ")?|" + DEC + "[eE][+-]?" + DEC + ")[fF]?|" + DEC + "[fF]", NUMBER)
            .rule("0[bB](?:[01][01_]*[01]|[01])[uU]?L?|0[xX](?:[0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?", NUMBER)
            .rule(DEC + "[uU]?L?", NUMBER)
            .rule("[~!%^&*()+=|\\[\\]:;,.<>/?{}-]", PUNCTUATION)
            .rule("@\"(?:\"\"|[^\"])*+\"", STRING)
            .rule("\"\"\"(?s:.*?)\"\"\"", STRING)
            .rule("\"(?:\\\\\\\\|\\\\\"|[^\"\\n])*+[\"\\n]", STRING)
            .rule("'\\\\.'|'[^\\\\]'", STRING)
            .rule("@" + CLASS_NAME, META)
            .rule("(" + CLASS_NAME + ")(<)", "generics", TYPE, PUNCTUATION)
            .rule(CLASS_NAME, TYPE)
            .rule(NAME + "(?=\\s*[({])", FUNCTION)
            .rule(NAME + "@", META)
            .rule(NAME, PLAIN)
            .state("package")
            .rule("\\S+", "#pop", TYPE)
            .state("class")
            .rule(CLASS_NAME, "#pop", TYPE)
            .rule("", "#pop")
            .state("function")
            .rule("<", "generics", PUNCTUATION)
            .rule("\\s+", PLAIN)
            .rule("(" + CLASS_NAME + ")(\\.)", TYPE, PUNCTUATION)
            .rule(NAME, "#pop", FUNCTION)
            .rule("", "#pop")
            .state("generics")
            .rule(CLASS_NAME, TYPE)
            .rule("<", "generics", PUNCTUATION)
            .rule("reified|out|in", KEYWORD)
            .rule("[,:.?]", PUNCTUATION)
            .rule("\\s+", PLAIN)
            .rule(">", "#pop", PUNCTUATION)
            .rule("", "#pop")
            .state("property")
            .rule("<", "generics", PUNCTUATION)
            .rule("\\s+", PLAIN)
            .rule(NAME, "#pop", PLAIN)
            .rule("", "#pop")
            .state("destructure")
            .rule(",", PUNCTUATION)
            .rule("\\)", "#pop", PUNCTUATION)
            .rule("\\s+", PLAIN)
            .rule(NAME, PLAIN)
            .rule("", "#pop")
            .state("comment")
            .rule("/[*]", "comment", COMMENT)
            .rule("[*]/", "#pop", COMMENT)
            .rule("[^/*]+|[/*]", COMMENT)
            .build();
}
