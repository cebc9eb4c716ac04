package dev.kiln.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, point 4: broken and hostile input is reported with path:line:col and never crashes.
 * Text cases are error fixtures (errors/yaml-*, front-matter-*, unparseable-date, all-errors-together,
 * template-*); these are the ones made of bytes, or too big to commit.
 */
class HardeningHostileInputTest {
    private static final String POST = "content/posts/2020-05-02-hostile.md";

    @TempDir
    Path site;

    /** Builds once so that there is a previous site, then adds the hostile post and builds again. */
    private KilnRun buildWith(byte[] post) throws IOException {
        KilnRun.write(site.resolve("content/posts/2020-05-01-fine.md"), "---\ntitle: Fine\n---\nFine.\n");
        if (!Files.exists(site.resolve("site"))) {
            assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
        }
        Files.write(site.resolve(POST), post);
        return KilnRun.of("build", "--source", site.toString());
    }

    private KilnRun failsKeepingThePreviousSite(byte[] post) throws IOException {
        Files.deleteIfExists(site.resolve(POST));
        KilnRun.write(site.resolve("content/posts/2020-05-01-fine.md"), "---\ntitle: Fine\n---\nFine.\n");
        assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
        Map<String, byte[]> before = KilnRun.files(site.resolve("site"));
        KilnRun run = buildWith(post);
        assertEquals(1, run.exitCode(), run.err());
        Map<String, byte[]> after = KilnRun.files(site.resolve("site"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(path)), path));
        return run;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkIsSkippedAndPositionsStayRight() throws IOException {
        assertEquals(0, buildWith(utf8("\uFEFF---\ntitle: With BOM\n---\nBody.\n")).exitCode());
        assertTrue(KilnRun.read(site.resolve("site/2020/05/02/hostile/index.html")).contains("With BOM"));

        KilnRun run = failsKeepingThePreviousSite(utf8("\uFEFF---\ntitle: BOM\ntags: [a, b\n---\nBody.\n"));
        assertTrue(run.err().startsWith(POST + ":3:7: error: front matter: the [ list is never closed"), run.err());
    }

    @Test
    void crlfAndLoneCrLineEndsReadAsLinesWithRightPositions() throws IOException {
        assertEquals(0, buildWith(utf8("---\r\ntitle: Windows\r\n---\r\nOne\r\ntwo.\r\n")).exitCode());
        String page = KilnRun.read(site.resolve("site/2020/05/02/hostile/index.html"));
        assertTrue(page.contains("<p>One\ntwo.</p>"), page);
        assertFalse(page.contains("\r"));

        KilnRun crlf = failsKeepingThePreviousSite(utf8("---\r\ntitle: Windows\r\ndate: 2019-02-30\r\n---\r\nBody\r\n"));
        assertEquals(POST + ":3:7: error: date '2019-02-30' does not exist on the calendar"
                + " (hint: write dates like 2019-03-18 or 2019-03-18 09:30:00 +0100)\n"
                + "  date: 2019-02-30\n"
                + "        ^\n"
                + "1 error in 1 file (N ms); site/ was left unchanged\n", crlf.err());

        KilnRun oldMac = failsKeepingThePreviousSite(utf8("---\rtitle: Mac\rdate: yesterday\r---\rBody\r"));
        assertTrue(oldMac.err().startsWith(POST + ":3:7: error: cannot read date 'yesterday'"), oldMac.err());
    }

    @Test
    void unicodeLineSeparatorsInFrontMatterDoNotMovePositionsPastTheLine() throws IOException {
        // SnakeYAML ends lines at U+2028, U+2029 and U+0085 too; Kiln's editor-style lines do not.
        KilnRun run = failsKeepingThePreviousSite(utf8("---\nsubtitle: \"a\u2028b\u2029c\u0085d\"\ndate: yesterday\n---\nBody.\n"));
        assertTrue(run.err().startsWith(POST + ":3:7: error: "), run.err());
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() throws IOException {
        byte[] bytes = utf8("---\ntitle: Latin-1\n---\nCaf\u00e9 au lait, na\u00efve.\n");
        byte[] latin1 = "---\ntitle: Latin-1\n---\nCaf\u00e9 au lait.\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, buildWith(bytes).exitCode());

        KilnRun run = failsKeepingThePreviousSite(latin1);

        assertEquals(POST + ":4:4: error: invalid UTF-8 (byte 0xE9 at offset 26) (hint: save the file as UTF-8)\n"
                + "1 error in 1 file (N ms); site/ was left unchanged\n", run.err());
    }

    @Test
    void aReplacementCharacterWrittenInTheTextIsNotInvalidUtf8() throws IOException {
        // U+FFFD is what a lenient decoder makes of invalid bytes; written on purpose, it is just text.
        assertEquals(0, buildWith(utf8("---\ntitle: Mojibake\n---\nCaf\uFFFD au lait.\n")).exitCode());

        byte[] head = utf8("---\ntitle: Both\n---\n\uFFFD then Caf");
        byte[] broken = java.util.Arrays.copyOf(head, head.length + 1);
        broken[head.length] = (byte) 0xE9; // a Latin-1 é, after the U+FFFD written on purpose
        KilnRun run = failsKeepingThePreviousSite(broken);
        assertTrue(run.err().startsWith(POST + ":4:11: error: invalid UTF-8 (byte 0xE9 at offset 32)"), run.err());
    }

    @Test
    void aBinaryFileNamedMdIsReportedNotRendered() throws IOException {
        byte[] binary = new byte[4096];
        new java.util.Random(42).nextBytes(binary);
        KilnRun random = failsKeepingThePreviousSite(binary);
        assertTrue(random.err().matches("(?s)" + java.util.regex.Pattern.quote(POST) + ":1:\\d+: error: invalid UTF-8 .*"), random.err());

        KilnRun withNul = failsKeepingThePreviousSite(utf8("---\ntitle: PNG\n---\n\u0089PNG\r\n\u001a\r\u0000\u0000\u0000\rIHDR"));
        assertTrue(withNul.err().startsWith(POST + ":6:1: error: file contains NUL bytes: it looks binary, not text"), withNul.err());
    }

    /**
     * 50 MB of Markdown is refused before it is read (parsing and rendering it would need gigabytes),
     * with the size in the message: fast, and well inside the default heap of surefire's JVM.
     */
    @Test
    void a50MegabytePostIsRefusedQuicklyWithoutRunningOutOfMemory() throws IOException {
        KilnRun.write(site.resolve("content/posts/2020-05-01-fine.md"), "---\ntitle: Fine\n---\nFine.\n");
        assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
        Path big = site.resolve(POST);
        byte[] paragraph = utf8("Lorem ipsum *dolor* sit amet, [consectetur](/x/) adipiscing elit, `sed` do eiusmod.\n\n");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(utf8("---\ntitle: Big\n---\n"));
            for (long written = 0; written < 50L * 1024 * 1024; written += paragraph.length) {
                out.write(paragraph);
            }
        }
        long start = System.nanoTime();
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(POST + ":1:1: error: file is 50.0 MB; Markdown and YAML files are limited to 4 MB"
                + " (hint: split it into several posts or pages)\n"
                + "  ---\n"
                + "  ^\n"
                + "1 error in 1 file (N ms); site/ was left unchanged\n", run.err());
        System.out.printf("hostile: 50 MB post refused in %d ms (max heap %d MB)%n", millis, Runtime.getRuntime().maxMemory() >> 20);
        assertTrue(millis < 10_000, millis + " ms");
    }

    @Test
    void tenThousandTagsOnOnePostAreReportedNotTurnedIntoTenThousandPages() throws IOException {
        StringJoiner tags = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < 10_000; i++) {
            tags.add("tag" + i);
        }
        long start = System.nanoTime();
        KilnRun run = failsKeepingThePreviousSite(utf8("---\ntitle: Tags\ntags: " + tags + "\n---\nBody.\n"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(POST + ":3:7: error: 10000 tags on one page; at most 100 are allowed"
                + " (hint: keep the tags readers would browse by)\n"
                + "1 error in 1 file (N ms); site/ was left unchanged\n", run.err());
        System.out.printf("hostile: 10,000 tags reported in %d ms%n", millis);
    }

    @Test
    void aHundredTagsStillBuild() throws IOException {
        StringJoiner tags = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < 100; i++) {
            tags.add("tag" + i);
        }
        KilnRun run = buildWith(utf8("---\ntitle: Tags\ntags: " + tags + "\n---\nBody.\n"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(site.resolve("site/tags/tag99/index.html")));
    }

    /**
     * Issue 19, item 4: deep nesting is a positioned error, never a StackOverflowError, in every form
     * (801 bytes of '>' crashed the build; nested div markdown="1" took minutes); the previous site stays.
     */
    @Test
    void deeplyNestedMarkdownIsAPositionedErrorInEveryForm() throws IOException {
        String hint = " (hint: block quotes, lists, emphasis, links and <div markdown=\"1\"> count together;"
                + " flatten the nesting (a long run of '>' or '-' markers, or tags never closed, are the usual causes))";
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            lists.append("  ".repeat(i)).append("- level ").append(i + 1).append('\n');
        }
        String divs = "<div markdown=\"1\">\n".repeat(10_000) + "x\n" + "</div>\n".repeat(10_000);
        Map<String, String> forms = new java.util.LinkedHashMap<>();
        forms.put(">".repeat(800) + "\n", ":4:101");
        forms.put(lists.toString(), ":104:201");
        forms.put(divs, ":104:1");
        forms.put("Intro.\n\n" + "*a ".repeat(10_000) + "x" + " b*".repeat(10_000) + "\n", ":6:" + (3 * (10_000 - 101) + 1));
        forms.put("[" + "![".repeat(10_000) + "x" + "](a.png)".repeat(10_000) + "](/)\n", ":4:200");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            long start = System.nanoTime();
            KilnRun run = failsKeepingThePreviousSite(utf8("---\ntitle: Deep\n---\n" + form.getKey()));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(run.err().startsWith(POST + form.getValue() + ": error: Markdown nested more than 100 levels deep" + hint + "\n"),
                    run.err());
            assertTrue(run.err().endsWith("1 error in 1 file (N ms); site/ was left unchanged\n"), run.err());
            System.out.printf("hostile: %,d bytes nested too deep, reported in %d ms (two builds)%n", form.getKey().length(), millis);
        }
    }

    @Test
    void nestingToTheLimitBuilds() throws IOException {
        KilnRun run = buildWith(utf8("---\ntitle: Deep\n---\n" + "> ".repeat(50) + "- ".repeat(50) + "quoted\n"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(KilnRun.read(site.resolve("site/2020/05/02/hostile/index.html")).contains("quoted"));
    }

    // Issue 19 item 7, the smaller ones: one case each.

    @Test
    void scriptLinksAreNeverLiveInAnyCaseSpacingOrEntitySpelling() throws IOException {
        String links = String.join(" ", "[a](javascript:void)", "[b](JaVaScRiPt:void)", "[c](&#106;avascript:x)",
                "[d](&#x4A;avascript&#58;x)", "[e](JAVASCRIPT&colon;x)", "[f](<JavaScript:x>)", "<JAVASCRIPT:alert(1)>",
                "![g](JavaScript:x)", "[h][ref]", "[i](VBScript:x)", "[j](java&#x0A;script:x)", "[k](&#x20;javascript:x)",
                "[l](javascript:x){: .x}", "[fine](https://example.com/javascript:x)");
        KilnRun run = buildWith(utf8("---\ntitle: Links\n---\n" + links + "\n\n[ref]: Javascript:x\n"));
        assertEquals(0, run.exitCode(), run.err());
        String html = KilnRun.read(site.resolve("site/2020/05/02/hostile/index.html"));
        java.util.regex.Matcher urls = java.util.regex.Pattern.compile("(?i)(?:href|src)=\"([^\"]*)\"").matcher(html);
        while (urls.find()) {
            String url = urls.group(1).replace("&amp;", "&").replaceAll("[\\x00-\\x20]", "").toLowerCase(java.util.Locale.ROOT);
            assertFalse(url.startsWith("javascript:") || url.startsWith("vbscript:"), "live script link: " + urls.group());
        }
        assertTrue(html.contains("<a href=\"https://example.com/javascript:x\">fine</a>"), html);
    }

    @Test
    void tagsAndSlugsWindowsReservesGetFoldersEverySystemCanCreate() throws IOException {
        KilnRun.write(site.resolve("content/posts/2020-05-03-aux.md"), "---\ntitle: Con\nslug: aux\n---\nx\n");
        KilnRun.write(site.resolve("content/posts/2020-05-04-nul.md"), "---\ntitle: NUL\n---\nx\n");
        KilnRun run = buildWith(utf8("---\ntitle: Devices\ntags: [CON, aux, NUL, com1, LPT9, prn, con.txt, Com1.md, com10, console]\n---\nx\n"));
        assertEquals(0, run.exitCode(), run.err());
        Map<String, byte[]> files = KilnRun.files(site.resolve("site"));
        java.util.regex.Pattern reserved = java.util.regex.Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
        for (String path : files.keySet()) {
            for (String segment : path.split("/")) {
                assertFalse(reserved.matcher(segment).matches(), "Windows cannot create " + path);
            }
        }
        for (String tag : new String[] {"con_", "aux_", "nul_", "com1_", "lpt9_", "prn_", "con-txt", "com1-md", "com10", "console"}) {
            assertTrue(files.containsKey("tags/" + tag + "/index.html"), tag + " in " + files.keySet());
        }
        assertTrue(files.containsKey("2020/05/03/aux_/index.html"), "slug: aux");
        assertTrue(files.containsKey("2020/05/04/nul_/index.html"), "a title that slugs to nul");
        assertTrue(KilnRun.read(site.resolve("site/2020/05/02/hostile/index.html")).contains("href=\"/tags/con_/\""));
    }

    @Test
    void fileNamesThatAreNotUtf8AreReportedEachWithItsOwnBytes() throws Exception {
        assertEquals(0, buildWith(utf8("---\ntitle: Fine too\n---\nx\n")).exitCode());
        Map<String, byte[]> before = KilnRun.files(site.resolve("site"));
        Files.createDirectories(site.resolve("content/files"));
        // Only a shell can make such names: Java writes every name it is given as UTF-8.
        Process make = new ProcessBuilder("sh", "-c", "cd content/files && printf 1 > \"$(printf 'x\\377.txt')\""
                + " && printf 2 > \"$(printf 'x\\376.txt')\"").directory(site.toFile()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(make.waitFor() == 0, "this file system refuses names that are not UTF-8");
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(1, run.exitCode(), run.err());
        String hint = ": error: the file name is not valid UTF-8 (hint: rename it with UTF-8 characters: URLs, feeds and web servers need them)";
        assertTrue(run.err().contains("content/files/x\\xFE.txt:1:1" + hint + "\n"), run.err());
        assertTrue(run.err().contains("content/files/x\\xFF.txt:1:1" + hint + "\n"), run.err());
        assertFalse(run.err().contains("\uFFFD"), run.err());
        assertTrue(run.err().endsWith("2 errors in 2 files (N ms); site/ was left unchanged\n"), run.err());
        assertEquals(before.keySet(), KilnRun.files(site.resolve("site")).keySet());
    }

    @Test
    void aNewlineInAFileNameIsShownEscapedInEveryMessage() throws IOException {
        Path odd = site.resolve("content/a\nb.md");
        KilnRun run = buildWith(utf8("---\ntitle: Fine\n---\nx\n"));
        assertEquals(0, run.exitCode(), run.err());
        KilnRun.write(odd, "---\ntitle: [\n---\nx\n");
        run = KilnRun.of("build", "--source", site.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/a\\x0Ab.md:2:1: error: "), run.err());
        for (String line : run.err().split("\n")) {
            assertFalse(line.startsWith("b.md"), "a raw newline split a message: " + run.err());
        }
    }

    @Test
    void aProtocolRelativeBackgroundIsRefusedAtItsPosition() throws IOException {
        KilnRun run = failsKeepingThePreviousSite(utf8("---\ntitle: Elsewhere\nbackground: //evil.example/x.jpg\n---\nx\n"));
        assertTrue(run.err().startsWith(POST + ":3:13: error: background '//evil.example/x.jpg' is not an image address"
                + " (hint: write the scheme: https://evil.example/x.jpg, or a site path like /img/header.jpg)\n"), run.err());
        for (String ok : new String[] {"/img/x.jpg", "img/x.jpg", "https://cdn.example/x.jpg", "http://cdn.example/x.jpg"}) {
            assertEquals(0, buildWith(utf8("---\ntitle: Fine\nbackground: " + ok + "\n---\nx\n")).exitCode(), ok);
        }
    }
}
