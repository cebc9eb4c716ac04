package dev.kiln.output;

import dev.kiln.text.LineText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The output folder's {@code .kiln-site}: the files Kiln wrote there, one path a line, sorted (so two
 * builds of one site write the same bytes). Only these are ever replaced or removed by a later build.
 */
final class Manifest {
    static final String HEADER = "# Kiln wrote these files; the next build replaces or removes only them and keeps every other file here.";

    private Manifest() {}

    static byte[] write(Collection<String> paths) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String path : new TreeSet<>(paths)) {
            text.append(escape(path)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The files Kiln wrote into {@code output}, or none when it has no manifest. A folder written by Kiln
     * before manifests (its {@code .kiln-site} holds one sentence) was replaced whole by each build, so its
     * files are those not changed since the marker was written, the last file of that build; {@code .git}
     * and a top-level {@code CNAME}, which Kiln never wrote then, are the author's whatever their times.
     */
    static Set<String> read(Path output) throws IOException {
        Path file = output.resolve(SiteWriter.MARKER);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith(HEADER.substring(0, 12))) {
            return parse(text);
        }
        Set<String> paths = new TreeSet<>();
        FileTime marker = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        Files.walkFileTree(output, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.equals(output) ? "" : output.relativize(dir).toString();
                return name.equals(".git") || OutputPlan.isReserved(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                String name = output.relativize(path).toString().replace('\\', '/');
                if (attributes.isRegularFile() && attributes.lastModifiedTime().compareTo(marker) <= 0
                        && !name.equals("CNAME") && !OutputPlan.isReserved(name)) {
                    paths.add(name);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return paths;
    }

    /** The paths of a text made by {@link #write}. */
    static Set<String> parse(String text) {
        Set<String> paths = new TreeSet<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && !line.startsWith("# ")) {
                paths.add(LineText.unescape(line));
            }
        }
        return paths;
    }

    /** A file name may hold a newline or a backslash, or start with {@code #}: all are escaped, so each line is one path. */
    private static String escape(String path) {
        String escaped = LineText.escape(path);
        return escaped.startsWith("#") ? "\\" + escaped : escaped;
    }
}
