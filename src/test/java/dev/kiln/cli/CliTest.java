package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path site;

    private void post(String name, String text) {
        KilnRun.write(site.resolve("content/posts").resolve(name), text);
    }

    @Test
    void printsUsageAndExits2WithoutCommand() {
        KilnRun run = KilnRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Usage: kiln <command>"), run.err());
    }

    @Test
    void helpExits0OnStdout() {
        KilnRun run = KilnRun.of("build", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--output DIR"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void helpWithACommandPrintsThatCommandsHelp() {
        for (String command : java.util.List.of("build", "check", "serve", "new", "import")) {
            KilnRun help = KilnRun.of("help", command);
            assertEquals(0, help.exitCode(), command);
            assertEquals(KilnRun.of(command, "--help").out(), help.out(), command);
            assertTrue(help.out().startsWith("Usage: kiln " + command), help.out());
        }
        assertTrue(KilnRun.of("help", "help").out().startsWith("Usage: kiln <command>"));
        KilnRun unknown = KilnRun.of("help", "bild");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown command 'bild'; did you mean build?"), unknown.err());
    }

    @Test
    void unknownCommandAndOptionExit2() {
        assertEquals(2, KilnRun.of("bild").exitCode());
        KilnRun run = KilnRun.of("build", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("kiln: unknown option '--frobnicate'"), run.err());
    }

    @Test
    void missingContentFolderIsAUsageError() {
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("content does not exist"), run.err());
        String folder = site.normalize().toString().replace('\\', '/');
        assertTrue(run.err().contains("to start a new site there: kiln new site " + folder + "\n"), run.err());
        KilnRun missing = KilnRun.of("build", "--source", site.resolve("not-yet").toString());
        assertTrue(missing.err().contains("kiln new site " + folder + "/not-yet\n"), missing.err());
    }

    @Test
    void buildsAFolderWithoutTemplatesUsingTheBundledThemeAndPrintsASummary() {
        post("2020-05-01-hello.md", "---\ntitle: Hello\n---\nHi *there*.\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("Built \\d+ pages \\(\\d+ files\\) in \\d+ ms into site/\\n"), run.out());
        String page = KilnRun.read(site.resolve("site/2020/05/01/hello/index.html"));
        assertTrue(page.contains("<em>there</em>"), page);
        assertTrue(Files.exists(site.resolve("site/assets/css/kiln.css")));
    }

    @Test
    void brokenPostExits1NamesThePositionAndKeepsThePreviousSite() {
        post("2020-05-01-hello.md", "---\ntitle: Hello\n---\nHi.\n");
        assertEquals(0, KilnRun.of("build", "--source", site.toString()).exitCode());
        Map<String, byte[]> before = KilnRun.files(site.resolve("site"));

        post("2020-05-02-broken.md", "---\ntitle: Broken\ntags: [a, b\n---\nBody\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("content/posts/2020-05-02-broken.md:3:7: error: front matter: the [ list is never closed"), run.err());
        assertTrue(run.err().contains("site/ was left unchanged"), run.err());
        Map<String, byte[]> after = KilnRun.files(site.resolve("site"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(path)), path));
    }

    @Test
    void errorsAreGroupedByFileThenCountedAndTimedInOneLine() {
        post("2020-05-01-a.md", "---\ntitle: A\n---\nSee [one](/no/one/) and [two](/no/two/).\n");
        post("2020-05-02-b.md", "---\ntitle: B\n---\n[Three](/no/three/).\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString());

        assertEquals(1, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of(
                "content/posts/2020-05-01-a.md:4:5: error: link to /no/one/ does not exist",
                "content/posts/2020-05-01-a.md:4:25: error: link to /no/two/ does not exist",
                "",
                "content/posts/2020-05-02-b.md:4:1: error: link to /no/three/ does not exist",
                "3 errors in 2 files (N ms); site/ was left unchanged"),
                lines.stream().filter(l -> !l.startsWith("  ")).map(l -> l.replace(" (hint: link to a page the site generates, or put the file in content/)", "")).toList(),
                run.err());
    }

    @Test
    void writesIntoAFolderKilnDidNotWriteAndKeepsItsFiles() {
        post("2020-05-01-hello.md", "---\ntitle: Hello\n---\nHi.\n");
        KilnRun.write(site.resolve("site/precious.txt"), "mine");
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("mine", KilnRun.read(site.resolve("site/precious.txt")));
        assertTrue(Files.exists(site.resolve("site/index.html")));
    }

    @Test
    void refusesAnOutputFolderThatHoldsTheSources() {
        post("2020-05-01-hello.md", "---\ntitle: Hello\n---\nHi.\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString(), "--output", site.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("contains the site's sources"), run.err());
        assertTrue(Files.exists(site.resolve("content/posts/2020-05-01-hello.md")));
    }

    @Test
    void twoBuildsInARowAreByteIdentical() {
        post("2020-05-01-hello.md", "---\ntitle: Hello\ntags: [b, a]\n---\nHi.\n");
        post("2020-05-02-next.md", "---\ntitle: Next\ntags: [a]\n---\nHo.\n");
        Path first = site.resolve("one");
        Path second = site.resolve("two");
        assertEquals(0, KilnRun.of("build", "--source", site.toString(), "--output", first.toString()).exitCode());
        assertEquals(0, KilnRun.of("build", "--source", site.toString(), "--output", second.toString()).exitCode());
        Map<String, byte[]> a = KilnRun.files(first);
        Map<String, byte[]> b = KilnRun.files(second);
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, b.get(path)), path));
        assertFalse(a.isEmpty());
    }

    @Test
    void profileShowsEachStageAndTheSlowestTemplatesAndPages() throws Exception {
        post("2019-03-18-one.md", "---\ntitle: One\ntags: [a, b]\n---\nHello.\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString(), "--profile");
        assertEquals(0, run.exitCode(), run.err());
        for (String stage : new String[] {"scan", "read", "plan", "render", "check links", "write"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.matches("  " + stage + " +\\d+ ms")), stage + " in\n" + run.out());
        }
        // Which pages are slowest depends on what else the machine is doing; that the lists hold the five
        // slowest of this site's pages and templates, slowest first, does not.
        List<String> templates = section(run.out(), "Slowest templates (all their pages):");
        List<String> pages = section(run.out(), "Slowest pages:");
        assertEquals(5, templates.size(), run.out());
        assertEquals(5, pages.size(), run.out());
        for (String line : templates) {
            String name = line.substring(0, line.lastIndexOf("  ")).strip();
            assertTrue(name.startsWith("(built-in ") || Files.exists(Path.of("templates", name)), "a template of the theme: " + line);
        }
        for (String line : pages) {
            String page = line.substring(0, line.lastIndexOf("  ")).strip();
            assertTrue(Files.isRegularFile(site.resolve("site").resolve(page)), "a page the build wrote: " + line);
        }
        assertDescending(templates);
        assertDescending(pages);
    }

    /** The lines after {@code heading}, up to the next line that is not indented, without their indent. */
    private static List<String> section(String out, String heading) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, heading + " in\n" + out);
        List<String> section = new java.util.ArrayList<>();
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            assertTrue(lines.get(i).matches("  \\S.* +\\d+\\.\\d ms"), lines.get(i));
            section.add(lines.get(i).substring(2));
        }
        return section;
    }

    private static void assertDescending(List<String> lines) {
        List<Double> millis = lines.stream().map(l -> Double.parseDouble(l.replaceAll(".* (\\d+\\.\\d) ms$", "$1"))).toList();
        List<Double> sorted = new java.util.ArrayList<>(millis);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, millis, "slowest first: " + lines);
    }

    @Test
    void aBuildWithoutATerminalPrintsOnlyItsSummary() {
        KilnRun.write(site.resolve("content/site.yml"), "url: https://one.example.org\n");
        post("2019-03-18-one.md", "---\ntitle: One\n---\nHello.\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, run.exitCode());
        // 16 files: the post's social card among them.
        assertTrue(run.out().matches("Built 6 pages \\(16 files\\) in \\d+ ms into site/\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void onATerminalABuildLongerThanASecondShowsItsStageAndErasesItAtTheEnd() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        try (BuildProgress progress = BuildProgress.start(err, true)) {
            progress.stage("render");
            long deadline = System.nanoTime() + 60_000_000_000L; // shown after 1 s; generous for a loaded machine
            while (!bytes.toString(java.nio.charset.StandardCharsets.UTF_8).contains("building: render")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        String shown = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r\033[2Kbuilding: render ("), shown);
        assertTrue(shown.endsWith("\r\033[2K"), "the line is erased at the end: " + shown);
    }

    @Test
    void aQuickBuildOnATerminalShowsNoProgress() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        try (BuildProgress progress = BuildProgress.start(err, true)) {
            progress.stage("render");
        }
        assertEquals("", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aMistypedCommandOrOptionSuggestsTheClosestOne() {
        KilnRun command = KilnRun.of("biuld");
        assertEquals(2, command.exitCode());
        assertTrue(command.err().startsWith("kiln: unknown command 'biuld'; did you mean build?\n"), command.err());
        KilnRun option = KilnRun.of("serve", "--prot", "4001");
        assertEquals(2, option.exitCode());
        assertEquals("kiln: unknown option '--prot'; did you mean --port?\nRun 'kiln serve --help' for usage.\n", option.err());
        KilnRun far = KilnRun.of("build", "--frobnicate");
        assertTrue(far.err().startsWith("kiln: unknown option '--frobnicate'\n"), "no suggestion when nothing is close: " + far.err());
    }

    @Test
    void anOptionOfAnotherCommandIsAUsageError() {
        post("2019-03-18-one.md", "---\ntitle: One\n---\nHello.\n");
        KilnRun run = KilnRun.of("build", "--source", site.toString(), "--port", "4000");
        assertEquals(2, run.exitCode());
        assertEquals("kiln: --port means nothing for 'kiln build'\nRun 'kiln build --help' for usage.\n", run.err());
        assertFalse(Files.exists(site.resolve("site")), "nothing is built");
        assertEquals(2, KilnRun.of("serve", "--source", site.toString(), "--drafts").exitCode());
    }

    @Test
    void versionPrintsTheProjectVersion() {
        for (String flag : new String[] {"--version", "version", "-V"}) {
            KilnRun run = KilnRun.of(flag);
            assertEquals(0, run.exitCode());
            assertTrue(run.out().matches("kiln \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run.out());
        }
    }

    @Test
    void quietBuildsAndChecksPrintNothingWhenAllIsWell() {
        KilnRun.write(site.resolve("content/site.yml"), "url: https://one.example.org\n");
        post("2019-03-18-one.md", "---\ntitle: One\n---\nHello.\n");
        KilnRun build = KilnRun.of("build", "--source", site.toString(), "--quiet");
        assertEquals(0, build.exitCode());
        assertEquals("", build.out() + build.err());
        assertTrue(Files.exists(site.resolve("site/2019/03/18/one/index.html")));
        KilnRun check = KilnRun.of("check", "-q", "--source", site.toString());
        assertEquals("", check.out() + check.err());
        post("2019-03-19-two.md", "---\ntitle: [Two\n---\nHello.\n");
        KilnRun broken = KilnRun.of("build", "--source", site.toString(), "--quiet");
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("error: front matter"), "errors are always printed: " + broken.err());
    }

    @Test
    void aBuildOrCheckWithoutAnAddressWarnsOnceAtSiteYmlsLineAndStillPublishes() {
        post("2019-03-18-one.md", "---\ntitle: One\n---\nHello.\n");
        String hint = "hint: set url: to the address the site is published at, e.g. url: https://example.com (kiln serve needs none)\n";
        KilnRun none = KilnRun.of("build", "--source", site.toString(), "--quiet");
        assertEquals(0, none.exitCode());
        assertEquals("content/site.yml:1: warning: no url:, so the feed, sitemap, robots.txt and canonical links point at"
                + " http://localhost:4000\n" + hint, none.err());
        assertTrue(Files.exists(site.resolve("site/2019/03/18/one/index.html")));
        KilnRun.write(site.resolve("content/site.yml"), "title: One\n# the address:\n# url: https://one.example.org\n");
        KilnRun commented = KilnRun.of("check", "--source", site.toString());
        assertEquals(0, commented.exitCode());
        assertTrue(commented.err().startsWith("content/site.yml:3: warning: no url:,"), commented.err());
        assertEquals(1, commented.err().split("warning", -1).length - 1, "once: " + commented.err());
        KilnRun.write(site.resolve("content/site.yml"), "title: One\nurl: \"http://localhost:4000/\"  # for now\n");
        KilnRun local = KilnRun.of("build", "--source", site.toString());
        assertEquals("content/site.yml:2: warning: url: is http://localhost:4000/, so the feed, sitemap, robots.txt and canonical"
                + " links point at localhost\n" + hint, local.err());
        KilnRun.write(site.resolve("content/site.yml"), "title: One\nurl: https://one.example.org\n");
        assertEquals("", KilnRun.of("build", "--source", site.toString()).err());
    }

    @Test
    void errorsAreColouredOnlyForATerminalWithoutNoColor() {
        post("2019-03-19-two.md", "---\ntitle: [Two\n---\nHello.\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = new Cli(System.out, err, KilnRun.CLOCK, true, true).run("check", "--source", site.toString());
        assertEquals(1, code);
        String coloured = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(coloured.contains(": \033[1;31merror\033[0m: front matter"), coloured);
        assertFalse(KilnRun.of("check", "--source", site.toString()).err().contains("\033"), "no colour in a pipe");
        assertTrue(Cli.colourFor(true, Map.of()));
        assertFalse(Cli.colourFor(true, Map.of("NO_COLOR", "1")));
        assertTrue(Cli.colourFor(true, Map.of("NO_COLOR", "")), "an empty NO_COLOR does not count");
        assertFalse(Cli.colourFor(false, Map.of()));
    }
}
