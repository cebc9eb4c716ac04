package dev.kiln.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.text.HtmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CodeHighlighterTest {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Code with what trips lexers and escaping: quotes, comments of every style, markup, an unclosed comment. */
    private static final String TRICKY = """
            #!/bin/sh
            <p class="x">Tom &amp; Jerry</p> <script>alert('<b>')</script>
            const s = "a \\" b"; // line comment <b>
            -- sql comment; # hash comment; ; semicolon comment
            /* an unclosed
               block comment
            x = 1 + 2.5e3 * 0x1F `back` 'single' \t tab
            """;

    private final CodeHighlighter highlighter = new CodeHighlighter();

    @Test
    void knowsTheLanguagesBlogsUseMostAndTheirUsualAliases() {
        List<String> names = List.of("sh", "bash", "zsh", "shell", "console", "java", "kotlin", "kt", "javascript", "js",
                "swift", "Swift", "typescript", "ts", "python", "py", "go", "rust", "rs", "c", "cpp", "c++", "csharp", "cs", "ruby", "rb",
                "php", "sql", "yaml", "yml", "json", "xml", "html", "css", "markdown", "md", "dockerfile", "scala",
                "groovy", "gradle", "dart", "lua", "perl", "makefile", "ini", "properties", "latex", "bat", "Java", "YAML");
        List<String> unknown = names.stream().filter(name -> !highlighter.knows(name)).toList();
        assertEquals(List.of(), unknown);
        assertTrue(highlighter.languages().size() >= 100, "names and aliases: " + highlighter.languages().size());
    }

    @Test
    void everyLanguageKeepsTheCodeExactlyAndClosesEverySpanOnItsLine() {
        for (String language : highlighter.languages()) {
            String html = highlighter.html(language, TRICKY, false);
            assertEquals(TRICKY, HtmlText.unescape(TAG.matcher(html).replaceAll("")), language + " changed the text:\n" + html);
            for (String line : html.split("\n", -1)) {
                assertEquals(count(line, "<span "), count(line, "</span>"), language + ": a span crosses a line end: " + line);
            }
            assertFalse(TAG.matcher(html).replaceAll("").contains("<"), language + " left a < unescaped:\n" + html);
        }
    }

    /** Random code, from a fixed seed: no lexer throws, loses or adds text, or leaves a span open. */
    @Test
    void survivesRandomCodeInEveryLanguage() {
        String alphabet = "abcXYZ019 _-+*/\\\"'`#<>&;:=!?@$%{}[]()|~.,\t\n\r\u00e9\u65e5";
        java.util.Random random = new java.util.Random(20261201);
        for (int i = 0; i < 300; i++) {
            StringBuilder code = new StringBuilder();
            for (int n = random.nextInt(200); n > 0; n--) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (String language : highlighter.languages()) {
                String html = highlighter.html(language, code.toString(), i % 2 == 0);
                assertEquals(code.toString(), HtmlText.unescape(TAG.matcher(html).replaceAll("")),
                        language + " changed the text of case " + i);
                assertEquals(count(html, "<span "), count(html, "</span>"), language + ": case " + i);
            }
        }
    }

    /** Random Swift from a fixed seed, made of what the Swift classifier acts on: no text lost, no span left open. */
    @Test
    void survivesRandomSwift() {
        List<String> pieces = List.of("let", "guard", "func", "fun", "val", "new", "set", "open", "self", "init",
                "true", "nil", "Int", "x", ".", " ", "\n", "#if", "#endif", "#", "@MainActor", "\"", "\"\"\"", "\\(",
                ")", "//", "/*", "*/", "0x1F", "3.14", "`default`", "$0", "?", "{", "}");
        java.util.Random random = new java.util.Random(20261201);
        for (int i = 0; i < 2000; i++) {
            StringBuilder code = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) {
                code.append(pieces.get(random.nextInt(pieces.size())));
            }
            String html = highlighter.html("swift", code.toString(), i % 2 == 0);
            assertEquals(code.toString(), HtmlText.unescape(TAG.matcher(html).replaceAll("")), "case " + i + ":\n" + code);
            for (String line : html.split("\n", -1)) {
                assertEquals(count(line, "<span "), count(line, "</span>"), "case " + i + ": " + line);
            }
        }
    }

    @Test
    void colorsSwiftByItsOwnKeywordsNotJavasOrKotlins() {
        String html = highlighter.html("swift", """
                func greet() { guard let name = user else { return } }
                fun f() { val x = new Foo(); goto done }
                """, false);

        assertEquals("<span class=\"hl-keyword\">func</span> greet() { <span class=\"hl-keyword\">guard let</span> name = user "
                + "<span class=\"hl-keyword\">else</span> { <span class=\"hl-keyword\">return</span> } }\n"
                + "fun f() { val x = new Foo(); goto done }\n", html);
    }

    @Test
    void knowsSwiftsContextKeywordsOnlyWhereTheyAreKeywords() {
        String html = highlighter.html("swift", """
                private(set) var count: Int = 0
                defaults.set(count, forKey: "k"); Post.self
                mutating func open() {}
                """, false);

        assertEquals("<span class=\"hl-keyword\">private</span>(<span class=\"hl-keyword\">set</span>) "
                + "<span class=\"hl-keyword\">var</span> count: <span class=\"hl-type\">Int</span> = <span class=\"hl-number\">0</span>\n"
                + "defaults.set(count, forKey: <span class=\"hl-string\">&quot;k&quot;</span>); Post.<span class=\"hl-keyword\">self</span>\n"
                + "<span class=\"hl-keyword\">mutating func</span> open() {}\n", html);
    }

    @Test
    void keepsSwiftsMultiLineStringsInterpolationAndDirectivesWhole() {
        String html = highlighter.html("swift", """
                let s = \"""
                    Hi \\(name), "you"
                    \"""
                #if DEBUG
                @available(iOS 17, *) let t = "a \\(b) c" // done
                #endif
                """, false);

        assertEquals("<span class=\"hl-keyword\">let</span> s = <span class=\"hl-string\">&quot;&quot;&quot;</span>\n"
                + "<span class=\"hl-string\">    Hi \\(name), &quot;you&quot;</span>\n"
                + "<span class=\"hl-string\">    &quot;&quot;&quot;</span>\n"
                + "<span class=\"hl-meta\">#if</span> DEBUG\n"
                + "<span class=\"hl-meta\">@available</span>(iOS <span class=\"hl-number\">17</span>, *) "
                + "<span class=\"hl-keyword\">let</span> t = <span class=\"hl-string\">&quot;a \\(b) c&quot;</span> "
                + "<span class=\"hl-comment\">// done</span>\n"
                + "<span class=\"hl-meta\">#endif</span>\n", html);
    }

    @Test
    void marksTokensWithTheThemesClasses() {
        String html = highlighter.html("java", "public int x = 42; // note\nString s = \"text\";\n", false);

        assertEquals("<span class=\"hl-keyword\">public</span> <span class=\"hl-type\">int</span> x = "
                + "<span class=\"hl-number\">42</span>; <span class=\"hl-comment\">// note</span>\n"
                + "<span class=\"hl-builtin\">String</span> s = <span class=\"hl-string\">&quot;text&quot;</span>;\n", html);
    }

    @Test
    void carriesACommentOpenAtALineEndIntoTheNextLine() {
        String html = highlighter.html("java", "int a; /* open\nstill comment */ int b;\n", false);

        assertTrue(html.contains("\n<span class=\"hl-comment\">still comment */</span> <span class=\"hl-type\">int</span>"), html);
    }

    @Test
    void leavesAnUnknownLanguagePlainAndEscaped() {
        assertFalse(highlighter.knows("brainfuck"));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;\n", highlighter.html("brainfuck", "a <b> & \"c\"\n", false));
    }

    @Test
    void numbersLinesByWrappingEachInItsOwnSpan() {
        assertEquals("<span class=\"line\"><span class=\"hl-type\">int</span> a;</span>\n<span class=\"line\"></span>\n"
                        + "<span class=\"line\">b</span>\n",
                highlighter.html("java", "int a;\n\nb\n", true));
        assertEquals("<span class=\"line\">x &lt; y</span>\n", highlighter.html("text", "x < y\n", true));
    }

    @Test
    void givesTheSameBytesOnEveryThread() throws Exception {
        List<String> languages = new ArrayList<>(highlighter.languages());
        StringBuilder expected = new StringBuilder();
        for (String language : languages) {
            expected.append(highlighter.html(language, TRICKY, true));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    StringBuilder html = new StringBuilder();
                    for (String language : languages) {
                        html.append(highlighter.html(language, TRICKY, true));
                    }
                    return html.toString();
                }));
            }
            for (Future<String> result : results) {
                assertEquals(expected.toString(), result.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text); m.find(); ) {
            count++;
        }
        return count;
    }
}
