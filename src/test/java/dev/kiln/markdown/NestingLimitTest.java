package dev.kiln.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.model.SiteUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 4: Markdown nested 10,000 levels deep, in each form, is a positioned error found in
 * linear time, never a StackOverflowError; nesting up to the limit renders, even on a small stack.
 */
class NestingLimitTest {
    private static final int DEEP = 10_000;
    private static final int LIMIT = NestingLimit.LEVELS;

    private final MarkdownRenderer renderer = new MarkdownRenderer(false, "", SiteUrls::youtubeThumbnail);

    /** Each form at {@code levels}, with the line and column where level 101 starts. */
    private static Map<String, Form> forms(int levels) {
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("block quotes on one line", new Form("Intro.\n\n" + ">".repeat(levels) + " x\n", 3, LIMIT + 1));
        forms.put("block quotes, one a line", new Form(lines(Math.min(levels, 1_000), i -> "> ".repeat(i + 1) + "x"),
                LIMIT + 1, 2 * LIMIT + 1));
        forms.put("lists on one line", new Form("- ".repeat(levels) + "x\n", 1, 2 * LIMIT + 1));
        forms.put("ordered lists on one line", new Form("1. ".repeat(levels) + "x\n", 1, 3 * LIMIT + 1));
        forms.put("lists, one level a line", new Form(lines(Math.min(levels, 1_000), i -> "  ".repeat(i) + "- x"), LIMIT + 1, 2 * LIMIT + 1));
        forms.put("footnote holding quotes", new Form("x[^1]\n\n[^1]: " + "> ".repeat(levels) + "y\n", 3, 2 * LIMIT + 5));
        // Emphasis is matched from the inside out: the error points at the pair holding 100 levels.
        int outside = levels - LIMIT - 1;
        forms.put("emphasis", new Form("_a ".repeat(levels) + "x" + " b_".repeat(levels) + "\n", 1, 3 * outside + 1));
        forms.put("strong emphasis", new Form("**a ".repeat(levels) + "x" + " b**".repeat(levels) + "\n", 1, 4 * outside + 1));
        forms.put("strikethrough", new Form("~~a ".repeat(levels) + "x" + " b~~".repeat(levels) + "\n", 1, 4 * outside + 1));
        forms.put("images in images", new Form("![".repeat(levels) + "x" + "](a.png)".repeat(levels) + "\n", 1, 2 * LIMIT + 1));
        forms.put("<div markdown=\"1\">", new Form(lines(levels, i -> "<div markdown=\"1\">") + "x\n" + lines(levels, i -> "</div>"),
                LIMIT + 1, 1));
        return forms;
    }

    private record Form(String markdown, int line, int column) {}

    private static String lines(int count, java.util.function.IntFunction<String> line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(line.apply(i)).append('\n');
        }
        return text.toString();
    }

    @Test
    void tenThousandLevelsOfEachFormAreAPositionedErrorFoundQuickly() {
        for (Map.Entry<String, Form> form : forms(DEEP).entrySet()) {
            long start = System.nanoTime();
            RenderedMarkdown rendered = renderer.render(form.getValue().markdown());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(List.of(new RenderedMarkdown.Problem("Markdown nested more than 100 levels deep",
                    "block quotes, lists, emphasis, links and <div markdown=\"1\"> count together; flatten the nesting"
                            + " (a long run of '>' or '-' markers, or tags never closed, are the usual causes)",
                    form.getValue().line(), form.getValue().column())), rendered.problems(), form.getKey());
            assertEquals("", rendered.html(), form.getKey());
            System.out.printf("nesting: %s, %,d levels (%,d bytes) refused in %d ms%n", form.getKey(), DEEP,
                    form.getValue().markdown().length(), millis);
            // A generous bound: the point is linear time (a quadratic form took minutes), not a benchmark.
            assertTrue(millis < 5_000, form.getKey() + ": " + millis + " ms");
        }
    }

    /**
     * Issue 19 item 4: 10,000 nested {@code <div markdown="1">} took 193 s (each level parsed its whole
     * inside again); now well under a second, and 10,000 divs one after another, which are no error,
     * render in linear time too. Measured in this thread's CPU time after a warm-up, so a loaded machine
     * (the tests share 2 cores with other builds) cannot make it fail; the bounds are still generous.
     */
    @Test
    void tenThousandDivsNestedOrOneAfterAnotherTakeWellUnderASecondOfCpu() {
        String nested = lines(DEEP, i -> "<div markdown=\"1\">") + "x\n" + lines(DEEP, i -> "</div>");
        String sequential = lines(DEEP, i -> "<div markdown=\"1\">\n*item " + i + "*\n</div>");
        renderer.render(nested); // class loading and compiling are not what this measures
        renderer.render(sequential);

        long nestedMillis = cpuMillis(() -> assertEquals(1, renderer.render(nested).problems().size()));
        long sequentialMillis = cpuMillis(() -> {
            RenderedMarkdown rendered = renderer.render(sequential);
            assertEquals(List.of(), rendered.problems());
            assertEquals(DEEP, rendered.html().split("<em>item ", -1).length - 1);
        });
        System.out.printf("nesting: %,d nested divs refused in %d ms of CPU, %,d one after another rendered in %d ms%n",
                DEEP, nestedMillis, DEEP, sequentialMillis);
        assertTrue(nestedMillis < 1_000, nestedMillis + " ms");
        assertTrue(sequentialMillis < 2_000, sequentialMillis + " ms");
    }

    private static long cpuMillis(Runnable work) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
    }

    @Test
    void nestingUpToTheLimitRendersEvenOnASmallStack() throws InterruptedException {
        Map<String, String> failures = new LinkedHashMap<>();
        // Each form at the limit, and the kinds mixed: 33 quotes holding 33 lists holding 33 emphases.
        Map<String, Form> forms = forms(LIMIT);
        forms.remove("footnote holding quotes"); // the footnote is a level of its own
        forms.put("mixed", new Form("> ".repeat(33) + "- ".repeat(33) + "*a ".repeat(33) + "x" + " b*".repeat(33) + "\n", 0, 0));
        Thread small = new Thread(null, () -> forms.forEach((name, form) -> {
            try {
                RenderedMarkdown rendered = renderer.render(form.markdown());
                if (!rendered.problems().isEmpty() || !rendered.html().contains("x")) {
                    failures.put(name, rendered.problems().toString());
                }
            } catch (StackOverflowError e) {
                failures.put(name, "StackOverflowError");
            }
        }), "small-stack", 512 * 1024);
        small.start();
        small.join();

        assertEquals(Map.of(), failures);
    }

    @Test
    void thousandsOfNestedRawHtmlElementsAreCopiedAsTheyAre() {
        String nested = "<div>".repeat(DEEP) + "x" + "</div>".repeat(DEEP);
        RenderedMarkdown rendered = renderer.render(nested + "\n\nAfter.\n");

        assertEquals(nested + "\n<p>After.</p>\n", rendered.html());
    }

    @Test
    void aRuleWrittenWithThousandsOfCharactersIsStillARule() {
        // flexmark's pattern for rules recursed once per character and overflowed at about 2,000.
        assertEquals("<hr />\n", renderer.render("-".repeat(20_000) + "\n").html());
        assertEquals("<p>Title</p>\n<hr />\n", renderer.render("Title\n\n" + "* ".repeat(20_000) + "\n").html());
        assertEquals("<h2 id=\"title\">Title<a class=\"anchor\" href=\"#title\" aria-label=\"Link to this section\">#</a></h2>\n",
                renderer.render("Title\n" + "-".repeat(5_000) + "\n").html());

        RenderedMarkdown text = renderer.render("Fine.\n\n" + "_".repeat(5_000) + "x\n");
        assertEquals(List.of(new RenderedMarkdown.Problem("a line starting with more than 256 '_' characters",
                "a rule needs only three (___); to show the characters, escape the first (\\_)", 3, 1)), text.problems());
    }
}
