package dev.kiln.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kiln.model.SiteUrls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kramdown's own test cases ({@code src/test/resources/kramdown/testcases}, from kramdown's
 * {@code test/testcases}), rendered by Kiln and compared with what the real kramdown 2.4.0 writes for
 * them, after {@link HtmlNormalizer}: {@code .gfm.html} as Jekyll renders them (input GFM, Jekyll's
 * defaults), {@code .kramdown.html} as kramdown's own suite does. Not every case matches (kramdown's
 * re-serialised HTML, options Kiln does not have); {@code passing.txt} lists the ones that do, and
 * each must keep matching. Run with {@code -Dkramdown.update=true} to rewrite the list after a change
 * that makes more match (the counts per folder are printed either way).
 */
class KramdownTestcasesTest {
    private static final Path ROOT = Paths.get("src", "test", "resources", "kramdown");
    private static final Path CASES = ROOT.resolve("testcases");
    /** Kiln's own cases, of what real Jekyll posts write, with the real kramdown's output the same way. */
    private static final Path BLOG = ROOT.resolve("blog");
    private static final Path PASSING = ROOT.resolve("passing.txt");
    private static final List<String> EXPECTATIONS = List.of("gfm", "kramdown");

    private final MarkdownRenderer renderer = new MarkdownRenderer(false, "", SiteUrls::youtubeThumbnail);

    @Test
    void everyCaseThatMatchedKramdownStillMatches() throws IOException {
        List<Path> texts;
        try (Stream<Path> files = Stream.concat(Files.walk(CASES), Files.walk(BLOG))) {
            texts = files.filter(f -> f.toString().endsWith(".text")).sorted().toList();
        }
        assertFalse(texts.isEmpty(), "no kramdown test cases in " + CASES.toAbsolutePath());
        TreeSet<String> passing = new TreeSet<>();
        Map<String, int[]> perFolder = new TreeMap<>();
        Map<String, String> differences = new TreeMap<>();
        for (Path text : texts) {
            String name = (text.startsWith(BLOG) ? ROOT : CASES).relativize(text).toString().replace('\\', '/')
                    .replaceFirst("\\.text$", "");
            String folder = name.substring(0, name.lastIndexOf('/'));
            String actual = HtmlNormalizer.normalize(renderer.render(Files.readString(text, StandardCharsets.UTF_8)).html());
            for (String expectation : EXPECTATIONS) {
                Path expectedFile = text.resolveSibling(text.getFileName().toString().replaceFirst("\\.text$", "." + expectation + ".html"));
                String expected = HtmlNormalizer.normalize(Files.readString(expectedFile, StandardCharsets.UTF_8));
                int[] counts = perFolder.computeIfAbsent(expectation + " " + folder, k -> new int[2]);
                counts[1]++;
                if (expected.equals(actual)) {
                    counts[0]++;
                    passing.add(expectation + " " + name);
                } else {
                    differences.put(expectation + " " + name, "--- kramdown ---\n" + expected + "--- Kiln ---\n" + actual);
                }
            }
        }
        report(perFolder);
        // every difference, to read after a run: target/kramdown-differences.txt
        StringBuilder all = new StringBuilder();
        differences.forEach((name, difference) -> all.append("=== ").append(name).append('\n').append(difference).append('\n'));
        Files.createDirectories(Paths.get("target"));
        Files.writeString(Paths.get("target", "kramdown-differences.txt"), all, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("kramdown.update")) {
            Files.writeString(PASSING, String.join("\n", passing) + "\n", StandardCharsets.UTF_8);
            return;
        }
        List<String> broken = new ArrayList<>();
        for (String line : Files.readAllLines(PASSING, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !passing.contains(line)) {
                broken.add(line + "\n" + differences.getOrDefault(line, "(no such case)"));
            }
        }
        assertEquals(List.of(), broken, "kramdown test cases that matched and no longer do");
    }

    private static void report(Map<String, int[]> perFolder) {
        Map<String, int[]> totals = new TreeMap<>();
        perFolder.forEach((key, counts) -> {
            System.out.printf("kramdown cases: %-44s %3d of %3d%n", key, counts[0], counts[1]);
            int[] total = totals.computeIfAbsent(key.substring(0, key.indexOf(' ')), k -> new int[2]);
            total[0] += counts[0];
            total[1] += counts[1];
        });
        totals.forEach((expectation, total) ->
                System.out.printf("kramdown cases: %-44s %3d of %3d%n", expectation + " (all)", total[0], total[1]));
    }
}
