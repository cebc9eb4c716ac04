package dev.kiln.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kiln.model.SiteUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every {@code src/test/resources/markdown/<case>.md} and compares it byte for byte with
 * {@code <case>.html}. Run with {@code -Dgolden.update=true} to rewrite the .html files, then review
 * the diff by eye.
 */
class MarkdownGoldenTest {

    private static final Path CASES = Paths.get("src", "test", "resources", "markdown");

    private final MarkdownRenderer renderer = new MarkdownRenderer(false, "", SiteUrls::youtubeThumbnail);

    @TestFactory
    Stream<DynamicTest> rendersEveryGoldenCaseExactly() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.list(CASES)) {
            cases = files.filter(file -> file.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no golden cases in " + CASES.toAbsolutePath());
        boolean update = Boolean.getBoolean("golden.update");
        return cases.stream().map(markdownFile -> DynamicTest.dynamicTest(name(markdownFile), () -> {
            String markdown = Files.readString(markdownFile, StandardCharsets.UTF_8);
            String actual = renderer.render(markdown).html();
            Path htmlFile = markdownFile.resolveSibling(name(markdownFile) + ".html");
            if (update) {
                Files.writeString(htmlFile, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Files.exists(htmlFile) ? read(htmlFile) : "<missing " + htmlFile + ">";
            assertEquals(expected, actual, () -> "golden mismatch for " + markdownFile
                    + "\n--- expected ---\n" + expected + "\n--- actual ---\n" + actual
                    + "\n(rerun with -Dgolden.update=true to accept, then review the diff)");
        }));
    }

    private static String name(Path markdownFile) {
        String file = markdownFile.getFileName().toString();
        return file.substring(0, file.length() - ".md".length());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
