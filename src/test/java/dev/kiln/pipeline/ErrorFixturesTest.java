package dev.kiln.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.KilnRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small broken site per error under src/test/resources/errors/NAME: the build must exit 1,
 * print exactly NAME/expected-errors.txt on stderr, and leave the previous site untouched.
 */
class ErrorFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/errors");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> eachBrokenSiteReportsItsExactErrors() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(FIXTURES)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path fixture) throws IOException {
        Path site = KilnRun.copyResource("errors/" + fixture.getFileName(), tmp.resolve(fixture.getFileName().toString()));
        Files.deleteIfExists(site.resolve("expected-errors.txt"));
        Path output = site.resolve("site");
        KilnRun.write(output.resolve(".kiln-site"), "");
        KilnRun.write(output.resolve("index.html"), "previous site");
        Map<String, byte[]> before = KilnRun.files(output);

        KilnRun run = KilnRun.of("build", "--source", site.toString());

        Path expectedFile = fixture.resolve("expected-errors.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, run.err());
        }
        assertEquals(KilnRun.read(expectedFile), run.err());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        Map<String, byte[]> after = KilnRun.files(output);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertEquals(new String(bytes), new String(after.get(path)), path));
    }
}
