package dev.kiln.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.text.HtmlText;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    void coloursSwiftByItsOwnKeywordsNotJavasOrKotlins() {
        String html = highlighter.html("swift", """
                func greet() { guard let name = user else { return } }
                fun f() { val x = Foo(); goto done }
                """, false);

        assertEquals("<span class=\"hl-keyword\">func</span> <span class=\"hl-function\">greet</span><span class=\"hl-punctuation\">() {</span> "
                + "<span class=\"hl-keyword\">guard let</span> <span class=\"hl-variable\">name</span> <span class=\"hl-punctuation\">=</span> user "
                + "<span class=\"hl-keyword\">else</span> <span class=\"hl-punctuation\">{</span> <span class=\"hl-keyword\">return</span> "
                + "<span class=\"hl-punctuation\">} }</span>\n"
                + "fun <span class=\"hl-function\">f</span><span class=\"hl-punctuation\">() {</span> val x <span class=\"hl-punctuation\">=</span> "
                + "<span class=\"hl-type\">Foo</span><span class=\"hl-punctuation\">();</span> goto done <span class=\"hl-punctuation\">}</span>\n", html);
    }

    @Test
    void knowsSwiftsContextKeywordsOnlyWhereTheyAreKeywords() {
        String html = highlighter.html("swift", """
                private(set) var count: Int = 0
                defaults.set(count, forKey: "k"); Post.self
                mutating func open() {}
                """, false);

        assertEquals("<span class=\"hl-keyword\">private(set) var</span> <span class=\"hl-variable\">count</span><span class=\"hl-punctuation\">:</span> "
                + "<span class=\"hl-type\">Int</span> <span class=\"hl-punctuation\">=</span> <span class=\"hl-number\">0</span>\n"
                + "defaults<span class=\"hl-punctuation\">.</span><span class=\"hl-function\">set</span><span class=\"hl-punctuation\">(</span>count"
                + "<span class=\"hl-punctuation\">,</span> <span class=\"hl-variable\">forKey</span><span class=\"hl-punctuation\">:</span> "
                + "<span class=\"hl-string\">&quot;k&quot;</span><span class=\"hl-punctuation\">);</span> <span class=\"hl-type\">Post</span>"
                + "<span class=\"hl-punctuation\">.</span><span class=\"hl-keyword\">self</span>\n"
                + "<span class=\"hl-keyword\">mutating func</span> <span class=\"hl-function\">open</span><span class=\"hl-punctuation\">() {}</span>\n", html);
    }

    @Test
    void lexesSwiftsInterpolationAsCodeAndKeepsMultiLineStringsAndDirectivesWhole() {
        String html = highlighter.html("swift", """
                let s = \"""
                    Hi \\(name), "you"
                    \"""
                #if DEBUG
                @available(iOS 17, *) let t = "a \\(b) c" // done
                #endif
                """, false);

        assertEquals("<span class=\"hl-keyword\">let</span> <span class=\"hl-variable\">s</span> <span class=\"hl-punctuation\">=</span> "
                + "<span class=\"hl-string\">&quot;&quot;&quot;</span>\n"
                + "    <span class=\"hl-string\">Hi \\(</span>name<span class=\"hl-string\">), &quot;you&quot;</span>\n"
                + "    <span class=\"hl-string\">&quot;&quot;&quot;</span>\n"
                + "<span class=\"hl-meta\">#if DEBUG</span>\n"
                + "<span class=\"hl-keyword\">@available</span><span class=\"hl-punctuation\">(</span>iOS <span class=\"hl-number\">17</span>"
                + "<span class=\"hl-punctuation\">, *)</span> <span class=\"hl-keyword\">let</span> <span class=\"hl-variable\">t</span> "
                + "<span class=\"hl-punctuation\">=</span> <span class=\"hl-string\">&quot;a \\(</span>b<span class=\"hl-string\">) c&quot;</span> "
                + "<span class=\"hl-comment\">// done</span>\n"
                + "<span class=\"hl-meta\">#endif</span>\n", html);
    }

    @Test
    void marksTokensWithTheThemesClasses() {
        String html = highlighter.html("java", "public int x = 42; // note\nString s = \"text\";\n", false);

        assertEquals("<span class=\"hl-keyword\">public</span> <span class=\"hl-type\">int</span> x <span class=\"hl-punctuation\">=</span> "
                + "<span class=\"hl-number\">42</span><span class=\"hl-punctuation\">;</span> <span class=\"hl-comment\">// note</span>\n"
                + "<span class=\"hl-type\">String</span> s <span class=\"hl-punctuation\">=</span> <span class=\"hl-string\">&quot;text&quot;</span>"
                + "<span class=\"hl-punctuation\">;</span>\n", html);
    }

    /** Issue 22: a Kotlin block of six lines got two spans; Rouge marks names, calls, types and punctuation. */
    @Test
    void marksKotlinsCallsTypesAndPunctuationAsRougeDoes() {
        String html = highlighter.html("kotlin", """
                // Greets everyone
                fun main(args: Array<String>) {
                    val names = listOf("Ann", "Bob")
                    names.forEach { println("Hi, $it!") }
                    val count: Int = names.size + 1
                }
                """, false);

        assertEquals("""
                <span class="hl-comment">// Greets everyone</span>
                <span class="hl-keyword">fun</span> <span class="hl-function">main</span><span class="hl-punctuation">(</span>args\
                <span class="hl-punctuation">:</span> <span class="hl-type">Array</span><span class="hl-punctuation">&lt;</span>\
                <span class="hl-type">String</span><span class="hl-punctuation">&gt;) {</span>
                    <span class="hl-keyword">val</span> names <span class="hl-punctuation">=</span> <span class="hl-function">listOf</span>\
                <span class="hl-punctuation">(</span><span class="hl-string">&quot;Ann&quot;</span><span class="hl-punctuation">,</span> \
                <span class="hl-string">&quot;Bob&quot;</span><span class="hl-punctuation">)</span>
                    names<span class="hl-punctuation">.</span><span class="hl-function">forEach</span> <span class="hl-punctuation">{</span> \
                <span class="hl-function">println</span><span class="hl-punctuation">(</span><span class="hl-string">&quot;Hi, $it!&quot;</span>\
                <span class="hl-punctuation">) }</span>
                    <span class="hl-keyword">val</span> count<span class="hl-punctuation">:</span> <span class="hl-type">Int</span> \
                <span class="hl-punctuation">=</span> names<span class="hl-punctuation">.</span>size <span class="hl-punctuation">+</span> \
                <span class="hl-number">1</span>
                <span class="hl-punctuation">}</span>
                """, html);
    }

    /** Issue 22: Python's with, async, await and nonlocal were never coloured. */
    @Test
    void coloursPythonsNewerKeywords() {
        String html = highlighter.html("python", """
                async def main():
                    nonlocal counter
                    with open("f") as f:
                        await asyncio.sleep(1)
                """, false);

        for (String keyword : List.of("async def", "nonlocal", "with", "as", "await")) {
            assertTrue(html.contains("<span class=\"hl-keyword\">" + keyword + "</span>"), keyword + " in " + html);
        }
        assertTrue(html.contains("<span class=\"hl-function\">main</span>"), html);
        assertTrue(html.contains("<span class=\"hl-builtin\">open</span>"), html);
    }

    @Test
    void lexesCodeInsideOtherLanguagesInItsOwnLanguage() {
        String page = highlighter.html("html", "<style>p { color: red; }</style>\n<script>const x = 1;</script>\n", false);
        assertTrue(page.contains("<span class=\"hl-attribute\">color</span>"), page);
        assertTrue(page.contains("<span class=\"hl-keyword\">const</span>"), page);

        String markdown = highlighter.html("markdown", "# Title\n\n```python\ndef f(): pass\n```\n", false);
        assertTrue(markdown.startsWith("<span class=\"hl-heading\"># Title</span>"), markdown);
        assertTrue(markdown.contains("<span class=\"hl-keyword\">def</span> <span class=\"hl-function\">f</span>"), markdown);

        String php = highlighter.html("php", "<p><?php echo $name; ?></p>\n", false);
        assertTrue(php.startsWith("<span class=\"hl-tag\">&lt;p&gt;</span><span class=\"hl-meta\">&lt;?php</span>"), php);
        assertTrue(php.contains("<span class=\"hl-variable\">$name</span>"), php);
    }

    /** A string of a hundred thousand characters (minified JSON, a data URL) stays one string, whole and quick. */
    @Test
    void keepsAVeryLongStringWhole() {
        String data = "a\\\"b".repeat(25_000);
        String html = highlighter.html("json", "{\"image\": \"" + data + "\"}\n", false);

        assertTrue(html.contains("<span class=\"hl-string\">&quot;" + HtmlText.escape(data) + "&quot;</span>"), html.substring(0, 200));
    }

    /**
     * Long strings, comments and whole files of the wrong language give the same bytes on a thread with
     * a small stack as on one with a large stack: no rule's expression recurses as deep as its input is
     * long (Java's engine recurses on repeated groups of alternatives), so output never depends on
     * where a stack would have run out.
     */
    @Test
    void givesTheSameBytesWhateverTheThreadsStackSize() throws Exception {
        List<String> texts = new ArrayList<>();
        texts.add("\"" + "a\\\"b ".repeat(4000) + "\"\n");
        texts.add("'" + "x".repeat(20_000) + "'\n/*" + "y ".repeat(10_000) + "*/\n<!--" + "z".repeat(20_000) + "-->\n");
        texts.add("`" + "w".repeat(20_000) + "`\n# " + "v".repeat(20_000) + "\n");
        StringBuilder samples = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/highlight/samples"))) {
            for (Path file : files.sorted().toList()) {
                Files.readAllLines(file).stream().limit(20).forEach(line -> samples.append(line).append('\n'));
            }
        }
        texts.add(samples.toString());
        List<String> languages = List.of("bash", "console", "java", "kotlin", "javascript", "typescript", "python", "go",
                "rust", "c", "cpp", "csharp", "ruby", "php", "sql", "yaml", "json", "xml", "html", "css", "less", "markdown",
                "dockerfile", "scala", "groovy", "dart", "lua", "perl", "makefile", "ini", "properties", "scss", "diff",
                "toml", "graphql", "scheme", "liquid", "r", "haskell", "swift", "clojure", "lisp", "latex", "proto", "d",
                "pascal", "fortran", "tcl", "vb", "bat", "asm", "6502", "handlebars", "jsp", "actionscript", "nsis", "sas",
                "vhdl", "csv", "htaccess", "hosts", "dtd", "bbcode", "mxml");
        assertEquals(languages.size(), languages.stream().filter(highlighter::knows).count());
        assertEquals(highlightOnStack(256 * 1024, languages, texts), highlightOnStack(64 * 1024 * 1024, languages, texts));
    }

    private List<String> highlightOnStack(long stackSize, List<String> languages, List<String> texts) throws Exception {
        List<String> results = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                for (String language : languages) {
                    for (String text : texts) {
                        results.add(language + "\n" + highlighter.html(language, text, false));
                    }
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "highlight", stackSize);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        return results;
    }

    /**
     * Issue 21: a build loads the lexer of a language only when code in that language appears. The
     * highlighter runs in a class loader of its own, so what this test's JVM loaded before does not count.
     */
    @Test
    void loadsALanguagesLexerOnlyWhenCodeInItIsHighlighted() throws Exception {
        Path classes = Path.of(CodeHighlighter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> lexers;
        try (Stream<Path> files = Files.list(classes.resolve("dev/kiln/highlight"))) {
            lexers = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && name.contains("Lexer") && !name.startsWith("RegexLexer"))
                    .map(name -> "dev.kiln.highlight." + name.substring(0, name.length() - ".class".length()))
                    .sorted().toList();
        }
        try (IsolatedLoader loader = new IsolatedLoader(classes)) {
            Object isolated = loader.loadClass(CodeHighlighter.class.getName()).getConstructor().newInstance();
            Method html = isolated.getClass().getMethod("html", String.class, String.class, boolean.class);
            assertEquals(List.of(), lexers.stream().filter(loader::loaded).toList(), "before any code");

            html.invoke(isolated, "Java", "class A { int f() { return 1; } }\n", false);
            html.invoke(isolated, "brainfuck", "+++\n", false);
            assertEquals(List.of("dev.kiln.highlight.JavaLexer"), lexers.stream().filter(loader::loaded).toList());

            html.invoke(isolated, "html", "<script>let x;</script>\n", false);
            assertEquals(List.of("dev.kiln.highlight.JavaLexer", "dev.kiln.highlight.JavaScriptLexer",
                    "dev.kiln.highlight.JavaScriptLexer$JavaScript",
                    "dev.kiln.highlight.MarkupLexer$Html"), lexers.stream().filter(loader::loaded).toList());
        }
    }

    /** Loads the highlighter's classes itself, and tells which it has loaded. */
    private static final class IsolatedLoader extends URLClassLoader {
        IsolatedLoader(Path classes) throws Exception {
            super(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
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
        assertEquals("<span class=\"line\"><span class=\"hl-type\">int</span> a<span class=\"hl-punctuation\">;</span></span>\n"
                        + "<span class=\"line\"></span>\n<span class=\"line\">b</span>\n",
                highlighter.html("java", "int a;\n\nb\n", true));
        assertEquals("<span class=\"line\"><span class=\"hl-comment\">/* a</span></span>\n<span class=\"line\"><span class=\"hl-comment\">b */</span></span>",
                highlighter.html("java", "/* a\nb */", true));
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
