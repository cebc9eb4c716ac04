package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds each site under src/test/resources/sites/NAME and compares every output file, byte for
 * byte, with NAME/expected/. {@code mvn test -Dgolden.update=true} rewrites the expected files.
 */
class GoldenSiteTest {
    private static final Path SITES = Path.of("src/test/resources/sites");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachSiteMatchesItsExpectedOutput() throws IOException {
        List<Path> sites;
        try (Stream<Path> list = Files.list(SITES)) {
            sites = list.filter(Files::isDirectory).sorted().toList();
        }
        return sites.stream().map(site -> DynamicTest.dynamicTest(site.getFileName().toString(), () -> check(site)));
    }

    private void check(Path site) throws IOException {
        Path out = tmp.resolve(site.getFileName().toString());
        KilnRun run = KilnRun.of("build", "--source", site.toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, byte[]> actual = KilnRun.files(out);
        Path expectedDir = site.resolve("expected");
        if (Boolean.getBoolean("golden.update")) {
            if (Files.exists(expectedDir)) {
                try (Stream<Path> walk = Files.walk(expectedDir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (var e : actual.entrySet()) {
                Path target = expectedDir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
            return;
        }
        Map<String, byte[]> expected = KilnRun.files(expectedDir);
        assertEquals(String.join("\n", expected.keySet()), String.join("\n", actual.keySet()),
                "the files written differ from " + expectedDir);
        for (String path : expected.keySet()) {
            if (!Arrays.equals(expected.get(path), actual.get(path))) {
                fail(firstDifference(path, new String(expected.get(path), StandardCharsets.UTF_8),
                        new String(actual.get(path), StandardCharsets.UTF_8)));
            }
        }
    }

    private static String firstDifference(String path, String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return path + " differs at line " + (i + 1) + ":\n- expected: " + el + "\n+ actual:   " + al
                        + "\n(run mvn test -Dgolden.update=true to accept, then review the diff)";
            }
        }
        return path + " differs";
    }
}
