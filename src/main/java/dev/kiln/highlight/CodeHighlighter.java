package dev.kiln.highlight;

import dev.kiln.text.HtmlText;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.TokenTypes;
import org.fife.ui.rsyntaxtextarea.modes.ActionScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.Assembler6502TokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.AssemblerX86TokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.BBCodeTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CPlusPlusTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CSSTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CSharpTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ClojureTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CsvTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DartTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DelphiTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DockerTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DtdTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.FortranTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.GoTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.GroovyTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HTMLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HandlebarsTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HostsTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HtaccessTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.IniTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JSPTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JavaScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JavaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JshintrcTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JsonTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.KotlinTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LatexTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LessTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LispTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LuaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.MakefileTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.MarkdownTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.MxmlTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.NSISTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PHPTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PerlTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PropertiesFileTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ProtoTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PythonTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.RubyTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.RustTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.SASTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.SQLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ScalaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.TclTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.TypeScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.UnixShellTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.VhdlTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.VisualBasicTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.WindowsBatchTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.XMLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.YamlTokenMaker;

/**
 * Highlights source code at build time: each token becomes a {@code <span class="hl-…">} the theme
 * colours, everything else is escaped text. The lexers are RSyntaxTextArea's (the only user of that
 * library; Swift's is its Java lexer with Swift's keywords, {@link SwiftTokenMaker}); each call makes its own, as they keep state and cost about a microsecond to create, so
 * one highlighter serves every thread of a build.
 */
public final class CodeHighlighter {

    /** Language names and aliases, as authors write them after a fence, in lower case. */
    private static final Map<String, Supplier<TokenMaker>> LEXERS = Map.ofEntries(
            Map.entry("actionscript", ActionScriptTokenMaker::new),
            Map.entry("as", ActionScriptTokenMaker::new),
            Map.entry("asm", AssemblerX86TokenMaker::new),
            Map.entry("nasm", AssemblerX86TokenMaker::new),
            Map.entry("x86asm", AssemblerX86TokenMaker::new),
            Map.entry("6502", Assembler6502TokenMaker::new),
            Map.entry("bash", UnixShellTokenMaker::new),
            Map.entry("sh", UnixShellTokenMaker::new),
            Map.entry("shell", UnixShellTokenMaker::new),
            Map.entry("zsh", UnixShellTokenMaker::new),
            Map.entry("ksh", UnixShellTokenMaker::new),
            Map.entry("console", UnixShellTokenMaker::new),
            Map.entry("shell-session", UnixShellTokenMaker::new),
            Map.entry("terminal", UnixShellTokenMaker::new),
            Map.entry("bat", WindowsBatchTokenMaker::new),
            Map.entry("batch", WindowsBatchTokenMaker::new),
            Map.entry("cmd", WindowsBatchTokenMaker::new),
            Map.entry("bbcode", BBCodeTokenMaker::new),
            Map.entry("c", CTokenMaker::new),
            Map.entry("h", CTokenMaker::new),
            Map.entry("cpp", CPlusPlusTokenMaker::new),
            Map.entry("c++", CPlusPlusTokenMaker::new),
            Map.entry("cc", CPlusPlusTokenMaker::new),
            Map.entry("cxx", CPlusPlusTokenMaker::new),
            Map.entry("hpp", CPlusPlusTokenMaker::new),
            Map.entry("csharp", CSharpTokenMaker::new),
            Map.entry("cs", CSharpTokenMaker::new),
            Map.entry("c#", CSharpTokenMaker::new),
            Map.entry("clojure", ClojureTokenMaker::new),
            Map.entry("clj", ClojureTokenMaker::new),
            Map.entry("css", CSSTokenMaker::new),
            Map.entry("csv", CsvTokenMaker::new),
            Map.entry("d", DTokenMaker::new),
            Map.entry("dart", DartTokenMaker::new),
            Map.entry("delphi", DelphiTokenMaker::new),
            Map.entry("pascal", DelphiTokenMaker::new),
            Map.entry("dockerfile", DockerTokenMaker::new),
            Map.entry("docker", DockerTokenMaker::new),
            Map.entry("dtd", DtdTokenMaker::new),
            Map.entry("fortran", FortranTokenMaker::new),
            Map.entry("go", GoTokenMaker::new),
            Map.entry("golang", GoTokenMaker::new),
            Map.entry("groovy", GroovyTokenMaker::new),
            Map.entry("gradle", GroovyTokenMaker::new),
            Map.entry("handlebars", HandlebarsTokenMaker::new),
            Map.entry("hbs", HandlebarsTokenMaker::new),
            Map.entry("hosts", HostsTokenMaker::new),
            Map.entry("htaccess", HtaccessTokenMaker::new),
            Map.entry("apacheconf", HtaccessTokenMaker::new),
            Map.entry("html", HTMLTokenMaker::new),
            Map.entry("htm", HTMLTokenMaker::new),
            Map.entry("xhtml", HTMLTokenMaker::new),
            Map.entry("ini", IniTokenMaker::new),
            Map.entry("cfg", IniTokenMaker::new),
            Map.entry("java", JavaTokenMaker::new),
            Map.entry("javascript", JavaScriptTokenMaker::new),
            Map.entry("js", JavaScriptTokenMaker::new),
            Map.entry("jsx", JavaScriptTokenMaker::new),
            Map.entry("mjs", JavaScriptTokenMaker::new),
            Map.entry("cjs", JavaScriptTokenMaker::new),
            Map.entry("node", JavaScriptTokenMaker::new),
            Map.entry("json", JsonTokenMaker::new),
            Map.entry("jsonc", JshintrcTokenMaker::new),
            Map.entry("json5", JshintrcTokenMaker::new),
            Map.entry("jsp", JSPTokenMaker::new),
            Map.entry("kotlin", KotlinTokenMaker::new),
            Map.entry("kt", KotlinTokenMaker::new),
            Map.entry("kts", KotlinTokenMaker::new),
            Map.entry("latex", LatexTokenMaker::new),
            Map.entry("tex", LatexTokenMaker::new),
            Map.entry("less", LessTokenMaker::new),
            Map.entry("lisp", LispTokenMaker::new),
            Map.entry("elisp", LispTokenMaker::new),
            Map.entry("lua", LuaTokenMaker::new),
            Map.entry("makefile", MakefileTokenMaker::new),
            Map.entry("make", MakefileTokenMaker::new),
            Map.entry("mk", MakefileTokenMaker::new),
            Map.entry("markdown", MarkdownTokenMaker::new),
            Map.entry("md", MarkdownTokenMaker::new),
            Map.entry("mkd", MarkdownTokenMaker::new),
            Map.entry("mxml", MxmlTokenMaker::new),
            Map.entry("nsis", NSISTokenMaker::new),
            Map.entry("perl", PerlTokenMaker::new),
            Map.entry("pl", PerlTokenMaker::new),
            Map.entry("php", PHPTokenMaker::new),
            Map.entry("properties", PropertiesFileTokenMaker::new),
            Map.entry("proto", ProtoTokenMaker::new),
            Map.entry("protobuf", ProtoTokenMaker::new),
            Map.entry("python", PythonTokenMaker::new),
            Map.entry("py", PythonTokenMaker::new),
            Map.entry("python3", PythonTokenMaker::new),
            Map.entry("py3", PythonTokenMaker::new),
            Map.entry("ruby", RubyTokenMaker::new),
            Map.entry("rb", RubyTokenMaker::new),
            Map.entry("rust", RustTokenMaker::new),
            Map.entry("rs", RustTokenMaker::new),
            Map.entry("sas", SASTokenMaker::new),
            Map.entry("scala", ScalaTokenMaker::new),
            Map.entry("sql", SQLTokenMaker::new),
            Map.entry("mysql", SQLTokenMaker::new),
            Map.entry("postgresql", SQLTokenMaker::new),
            Map.entry("postgres", SQLTokenMaker::new),
            Map.entry("psql", SQLTokenMaker::new),
            Map.entry("plsql", SQLTokenMaker::new),
            Map.entry("sqlite", SQLTokenMaker::new),
            Map.entry("swift", SwiftTokenMaker::new),
            Map.entry("tcl", TclTokenMaker::new),
            Map.entry("typescript", TypeScriptTokenMaker::new),
            Map.entry("ts", TypeScriptTokenMaker::new),
            Map.entry("tsx", TypeScriptTokenMaker::new),
            Map.entry("vb", VisualBasicTokenMaker::new),
            Map.entry("vbnet", VisualBasicTokenMaker::new),
            Map.entry("vhdl", VhdlTokenMaker::new),
            Map.entry("xml", XMLTokenMaker::new),
            Map.entry("xsd", XMLTokenMaker::new),
            Map.entry("xsl", XMLTokenMaker::new),
            Map.entry("xslt", XMLTokenMaker::new),
            Map.entry("svg", XMLTokenMaker::new),
            Map.entry("rss", XMLTokenMaker::new),
            Map.entry("atom", XMLTokenMaker::new),
            Map.entry("plist", XMLTokenMaker::new),
            Map.entry("pom", XMLTokenMaker::new),
            Map.entry("yaml", YamlTokenMaker::new),
            Map.entry("yml", YamlTokenMaker::new));

    /** Whether code in this language (a name or alias, any case) is highlighted. */
    public boolean knows(String language) {
        return LEXERS.containsKey(language.toLowerCase(Locale.ROOT));
    }

    /** Every name and alias it knows, sorted. */
    public Set<String> languages() {
        return new TreeSet<>(LEXERS.keySet());
    }

    /**
     * The inside of a {@code <code>} element for this code: escaped, with tokens in spans when the
     * language is known, and each line in a {@code <span class="line">} when {@code numberedLines}
     * (the theme numbers them). A token never spans lines, so every line's spans close on it.
     *
     * @param code lines ending in {@code \n}, as a fenced code block holds them
     */
    public String html(String language, String code, boolean numberedLines) {
        Supplier<TokenMaker> lexer = LEXERS.get(language.toLowerCase(Locale.ROOT));
        TokenMaker tokens = lexer == null ? null : lexer.get();
        StringBuilder html = new StringBuilder(code.length() * 2);
        int state = TokenTypes.NULL;
        int start = 0;
        while (start < code.length()) {
            int end = code.indexOf('\n', start);
            if (end < 0) {
                end = code.length();
            }
            if (numberedLines) {
                html.append("<span class=\"line\">");
            }
            String line = code.substring(start, end);
            if (tokens == null) {
                html.append(HtmlText.escape(line));
            } else {
                state = appendLine(tokens, line, state, html);
            }
            if (numberedLines) {
                html.append("</span>");
            }
            if (end < code.length()) {
                html.append('\n');
            }
            start = end + 1;
        }
        return html.toString();
    }

    /**
     * Appends one line's tokens; returns the state the next line starts in (inside a comment, a string, …).
     * The text comes from the line itself, by the tokens' offsets: a lexer's tokens may overlap or leave
     * gaps (RSyntaxTextArea's Markdown lexer repeats the space after {@code #}), never the code shown.
     */
    private static int appendLine(TokenMaker tokens, String line, int state, StringBuilder html) {
        char[] chars = line.toCharArray();
        Token token = tokens.getTokenList(new Segment(chars, 0, chars.length), state, 0);
        SpanWriter spans = new SpanWriter(html);
        int shown = 0;
        int nextState = TokenTypes.NULL;
        for (; token != null; token = token.getNextToken()) {
            nextState = token.getType();
            if (!token.isPaintable()) {
                continue;
            }
            int start = Math.min(line.length(), token.getOffset());
            int end = Math.min(line.length(), token.getOffset() + token.length());
            if (start > shown) {
                spans.write(line.substring(shown, start), null, false);
                shown = start;
            }
            if (end > shown) {
                spans.write(line.substring(shown, end), cssClass(token.getType()), token.isWhitespace());
                shown = end;
            }
        }
        spans.write(line.substring(shown), null, false);
        spans.close();
        return nextState;
    }

    /** Writes one line's pieces of text, merging neighbours of one class (and the spaces between them) into one span. */
    private static final class SpanWriter {
        private final StringBuilder html;
        private String open;
        /** Spaces after a span wait for the next piece: inside the span if it has the same class, else outside. */
        private String pendingSpaces = "";

        SpanWriter(StringBuilder html) {
            this.html = html;
        }

        void write(String text, String cssClass, boolean blank) {
            if (text.isEmpty()) {
                return;
            }
            if (blank && open != null) {
                pendingSpaces += text;
                return;
            }
            if (!Objects.equals(cssClass, open)) {
                if (open != null) {
                    html.append("</span>");
                }
                html.append(pendingSpaces);
                if (cssClass != null) {
                    html.append("<span class=\"").append(cssClass).append("\">");
                }
                open = cssClass;
            } else {
                html.append(pendingSpaces);
            }
            pendingSpaces = "";
            html.append(HtmlText.escape(text));
        }

        void close() {
            if (open != null) {
                html.append("</span>");
            }
            html.append(pendingSpaces);
        }
    }

    /** The theme's class for a token type, or null for text shown as it is (names, operators, spaces). */
    private static String cssClass(int tokenType) {
        return switch (tokenType) {
            case TokenTypes.COMMENT_EOL, TokenTypes.COMMENT_MULTILINE, TokenTypes.COMMENT_DOCUMENTATION,
                    TokenTypes.COMMENT_KEYWORD, TokenTypes.COMMENT_MARKUP, TokenTypes.MARKUP_COMMENT -> "hl-comment";
            case TokenTypes.RESERVED_WORD, TokenTypes.RESERVED_WORD_2 -> "hl-keyword";
            case TokenTypes.FUNCTION -> "hl-builtin";
            case TokenTypes.DATA_TYPE -> "hl-type";
            case TokenTypes.LITERAL_BOOLEAN, TokenTypes.MARKUP_ENTITY_REFERENCE -> "hl-literal";
            case TokenTypes.LITERAL_NUMBER_DECIMAL_INT, TokenTypes.LITERAL_NUMBER_FLOAT,
                    TokenTypes.LITERAL_NUMBER_HEXADECIMAL, TokenTypes.ERROR_NUMBER_FORMAT -> "hl-number";
            case TokenTypes.LITERAL_STRING_DOUBLE_QUOTE, TokenTypes.LITERAL_CHAR, TokenTypes.LITERAL_BACKQUOTE,
                    TokenTypes.ERROR_STRING_DOUBLE, TokenTypes.ERROR_CHAR, TokenTypes.MARKUP_TAG_ATTRIBUTE_VALUE,
                    TokenTypes.MARKUP_CDATA -> "hl-string";
            case TokenTypes.REGEX -> "hl-regex";
            case TokenTypes.VARIABLE -> "hl-variable";
            case TokenTypes.ANNOTATION, TokenTypes.PREPROCESSOR, TokenTypes.MARKUP_DTD,
                    TokenTypes.MARKUP_PROCESSING_INSTRUCTION, TokenTypes.MARKUP_CDATA_DELIMITER -> "hl-meta";
            case TokenTypes.MARKUP_TAG_NAME -> "hl-tag";
            case TokenTypes.MARKUP_TAG_ATTRIBUTE -> "hl-attribute";
            default -> null;
        };
    }
}
