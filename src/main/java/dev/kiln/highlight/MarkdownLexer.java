package dev.kiln.highlight;

import static dev.kiln.highlight.Kind.ATTRIBUTE;
import static dev.kiln.highlight.Kind.EMPHASIS;
import static dev.kiln.highlight.Kind.HEADING;
import static dev.kiln.highlight.Kind.LITERAL;
import static dev.kiln.highlight.Kind.PLAIN;
import static dev.kiln.highlight.Kind.PUNCTUATION;
import static dev.kiln.highlight.Kind.STRING;
import static dev.kiln.highlight.Kind.STRONG;
import static dev.kiln.highlight.Kind.TAG;
import static dev.kiln.highlight.Kind.TYPE;
import static dev.kiln.highlight.Kind.VARIABLE;
import static dev.kiln.highlight.RegexLexer.using;

import java.util.Locale;

/**
 * Markdown, after Rouge's lexer: headings, emphasis, lists, links, code; a fenced block's code is
 * lexed in its own language, the front matter as YAML.
 */
final class MarkdownLexer {
    private MarkdownLexer() {}

    /**
     * Text up to the first of the characters (not escaped, on one line), as Rouge's lazy
     * {@code (\\.|[^\\\n])*?} reads it, but without backtracking, which Java would do recursively.
     */
    private static String until(String stop) {
        return "(?:\\\\.|[^\\\\\\n" + stop + "])*+";
    }

    /** A fenced block's code, in the language its fence names (group 3), or as a string. */
    private static final RegexLexer.Action FENCED_CODE = (run, start, end) -> {
        String language = run.match().group(3).strip().split("[\\s{]", 2)[0].toLowerCase(Locale.ROOT);
        RegexLexer lexer = Languages.lexer(language);
        if (lexer == null) {
            run.emit(STRING, start, end);
        } else {
            run.delegate(lexer, start, end);
        }
    };

    static final RegexLexer LEXER = new RegexLexer.Builder().state("root")
            .rule("\\A(---\\s*\\n(?s:.*?)\\n?)^(---\\s*$\\n?)", using("yaml"), using("yaml"))
            .rule("\\\\.", STRING)
            .rule("^[\\S ]+\\n(?:---*)\\n|^[\\S ]+\\n(?:===*)\\n", HEADING)
            .rule("^#(?=[^#]).*|^##*.*", HEADING)
            .rule("^([ \\t]*)(`{3,}|~{3,})([^\\n]*\\n)(?:((?s:.*?))(\\n\\1)(\\2))", PLAIN, PUNCTUATION, ATTRIBUTE, FENCED_CODE, PLAIN, PUNCTUATION)
            .rule("^([ \\t]*)(`{3,}|~{3,})([^\\n]*\\n)((?s:.*))", PLAIN, PUNCTUATION, ATTRIBUTE, FENCED_CODE)
            .rule("\\n\\n(?:(?:    |\\t).*?\\n|\\n)++", STRING)
            .rule("(`+)(?:\\\\.|[^\\\\`]|(?!\\1)`+)++\\1", STRING)
            .rule("^(?:\\s*[*]){3,}\\s*$|^(?:\\s*[-]){3,}\\s*$", PUNCTUATION)
            .rule("^\\s*[*+-](?=\\s)|^\\s*\\d+\\.", PUNCTUATION)
            .rule("^\\s*>.*", PLAIN)
            .rule("^(\\s*)(\\[)((?:\\\\.|[^\\\\\\n\\]])++)(\\])(\\s*)(:)", "title url", PLAIN, PUNCTUATION, LITERAL, PUNCTUATION, PLAIN, PUNCTUATION)
            .rule("(!?\\[)((?:\\\\.|[^\\\\\\n\\]]|\\](?![\\[(]))*+|[^\\]]*?)(\\])(?=[\\[(])", "link", PUNCTUATION, VARIABLE, PUNCTUATION)
            .rule("[*][*](?:\\\\.|[^\\\\\\n*]|[*](?![*]))*+[*][*]|__(?:\\\\.|[^\\\\\\n_]|_(?!_))*+__", STRONG)
            .rule("[*]" + until("*") + "[*]|_" + until("_") + "_", EMPHASIS)
            .rule("<.*?@.+[.].+>|<(?:https?|mailto|ftp)://" + until(">") + ">", VARIABLE)
            .rule("[^\\\\`\\[*\\n&<]+", PLAIN)
            .rule("&\\S*;|<" + until(">") + ">", using("html"))
            .rule("[&<\\[\\n]", PLAIN)
            .state("link")
            .rule("(\\[)(" + until("\\]") + ")(\\])", "#pop", PUNCTUATION, LITERAL, PUNCTUATION)
            .rule("[(]", "inlineTitle inlineUrl", PUNCTUATION)
            .rule("[ \\t]+", PLAIN)
            .rule("", "#pop")
            .state("url")
            .rule("[ \\t]+", PLAIN)
            .rule("(<)(" + until(">") + ")(>)", "#pop", TAG, STRING, TAG)
            .rule("\\S+", "#pop", STRING)
            .rule("", "#pop")
            .state("title")
            .rule("\"" + until("\"") + "\"|'" + until("'") + "'|[(]" + until(")") + "[)]", TYPE)
            .rule("\\s*(?=[\"'()])", PLAIN)
            .rule("", "#pop")
            .state("inlineTitle")
            .rule("[)]", "#pop", PUNCTUATION)
            .include("title")
            .state("inlineUrl")
            .rule("[^<\\s)]+", "#pop", STRING)
            .rule("\\s+", PLAIN)
            .include("url")
            .build();
}
