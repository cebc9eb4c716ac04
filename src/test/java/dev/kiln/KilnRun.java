package dev.kiln;

import dev.kiln.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the CLI in-process and captures what a user would see: exit code, stdout, stderr. */
public record KilnRun(int exitCode, String out, String err) {
    /** The clock of every test build: fixed, so "future" and "now" never depend on the day tests run. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    public static KilnRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(o, e, CLOCK).run(args);
        }
        return new KilnRun(code, out.toString(StandardCharsets.UTF_8), withoutTimes(err.toString(StandardCharsets.UTF_8)));
    }

    /** Error summaries end in the build's time, "(412 ms)", which varies from run to run: tests see "(N ms)". */
    public static String withoutTimes(String text) {
        return text.replaceAll("\\(\\d+ ms\\)", "(N ms)");
    }

    /** Every file under {@code dir} with its bytes, keyed by its /-separated relative path. */
    public static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Copies a test resource folder (e.g. {@code sites/basic}) into {@code target}. */
    public static Path copyResource(String name, Path target) {
        Path source = Path.of("src/test/resources").resolve(name);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
