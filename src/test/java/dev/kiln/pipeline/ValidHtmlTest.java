package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.HtmlChecker;
import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page Kiln generates is valid HTML: the Nu Html Checker (validator.w3.org/nu), in-process,
 * finds zero errors in every page of every golden site (their {@code expected/} folders, which
 * GoldenSiteTest proves are what Kiln builds; {@code markdown-features} holds every Markdown
 * feature), of this repository's own site and of the manual (docs/). A failure lists each error as
 * {@code file:line:col: message}.
 */
class ValidHtmlTest {
    private static final Path SITES = Path.of("src/test/resources/sites");

    static HtmlChecker checker;

    @BeforeAll
    static void loadChecker() {
        checker = new HtmlChecker();
    }

    @TestFactory
    Stream<DynamicTest> everyPageOfEveryGoldenSiteIsValidHtml() throws IOException {
        List<Path> sites;
        try (Stream<Path> list = Files.list(SITES)) {
            sites = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(sites.contains(SITES.resolve("markdown-features")), "the site with every Markdown feature");
        return sites.stream().map(site -> DynamicTest.dynamicTest(site.getFileName().toString(),
                () -> assertValid(checker.checkAll(site.resolve("expected"), site.resolve("expected").toString()))));
    }

    @Test
    void everyPageOfThisRepositorysSiteIsValidHtml(@TempDir Path tmp) {
        Path out = tmp.resolve("site");
        KilnRun run = KilnRun.of("build", "--source", ".", "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        HtmlChecker.Report report = checker.checkAll(out, "site");
        assertTrue(report.pages() >= 10, "home, seed post, about, archive, tags, tag pages, 404: " + report.pages());
        assertValid(report);
    }

    @Test
    void everyPageOfTheManualIsValidHtml(@TempDir Path tmp) {
        Path out = tmp.resolve("site");
        KilnRun run = KilnRun.of("build", "--source", ManualTest.MANUAL.toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertValid(checker.checkAll(out, "docs/site"));
    }

    /** No golden site holds a task list: a post with one, each box named by its item's text for screen readers, is valid too. */
    @Test
    void aPostWithATaskListIsValidHtml(@TempDir Path tmp) {
        KilnRun.write(tmp.resolve("content/posts/2026-01-05-to-do.md"), "---\ntitle: To do\n---\n- [x] Move the **blog**\n"
                + "- [ ] Write \"it\" & <em>more</em>\n  - [ ] a subtask\n\n  Its second paragraph.\n");
        KilnRun run = KilnRun.of("build", "--source", tmp.toString());
        assertEquals(0, run.exitCode(), run.err());
        String post = KilnRun.read(tmp.resolve("site/2026/01/05/to-do/index.html"));
        assertTrue(post.contains("<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\""
                + " aria-label=\"Move the blog\" />Move the <strong>blog</strong>"), post);
        assertTrue(post.contains(" aria-label=\"Write “it” &amp; more\" />"), post);
        assertValid(checker.checkAll(tmp.resolve("site"), "site"));
    }

    /** The proof that a green run means something: the checker does report a broken page, where it is. */
    @Test
    void theCheckerReportsAnInvalidPageWithItsLineAndColumn() {
        String page = "<!doctype html>\n<html lang=\"en\">\n<head><title>t</title></head>\n<body>\n"
                + "<p>A <div>block</div> in a paragraph, and a <span foo=\"bar\">made-up attribute</span>.</p>\n"
                + "<img src=\"x.png\">\n</body>\n</html>\n";
        List<HtmlChecker.Problem> problems = checker.check("broken.html", page.getBytes(StandardCharsets.UTF_8));
        String all = problems.toString();
        assertTrue(problems.stream().anyMatch(p -> p.line() == 5 && p.message().contains("“foo”")), all);
        assertTrue(problems.stream().anyMatch(p -> p.line() == 6 && p.message().contains("alt")), all);
        assertTrue(problems.stream().allMatch(p -> p.file().equals("broken.html") && p.column() > 0), all);
    }

    private static void assertValid(HtmlChecker.Report report) {
        assertTrue(report.pages() > 0, "no HTML page found");
        String description = report.describe();
        if (!report.problems().isEmpty()) {
            System.out.println(description);
        }
        assertEquals(0, report.problems().size(), description);
    }
}
