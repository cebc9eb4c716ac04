package dev.kiln;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs some tests drive (Chromium, chromedriver, xmllint), found on {@code PATH} as a shell
 * finds them, wherever they are installed. A test whose program is missing is skipped, never
 * silently: it says on stderr what to install, and {@code .ci/run} fails when any test was skipped.
 */
public final class Tools {
    private Tools() {}

    /** The first name, in order, that is an executable file in a folder of {@code PATH}, searched in order. */
    public static Optional<Path> onPath(String... names) {
        return onSearchPath(System.getenv("PATH"), names);
    }

    static Optional<Path> onSearchPath(String searchPath, String... names) {
        List<String> folders = searchPath == null ? List.of() : List.of(searchPath.split(File.pathSeparator));
        for (String name : names) {
            for (String folder : folders) {
                if (folder.isEmpty()) {
                    continue; // an empty entry means the current folder: not where a test should pick a program up
                }
                for (String candidate : new String[] {name, name + ".exe"}) {
                    try {
                        Path file = Path.of(folder, candidate);
                        if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                            return Optional.of(file);
                        }
                    } catch (InvalidPathException e) {
                        // a PATH entry that is not a path on this system
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The program, or the calling test is skipped (aborted) with a message naming what to install,
     * printed on stderr too so that a local {@code mvn test} shows it among the results.
     */
    public static Path require(String install, String... names) {
        Optional<Path> found = onPath(names);
        if (found.isPresent()) {
            return found.get();
        }
        String caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName();
        String message = String.join(" or ", names) + " is not on PATH (" + System.getenv("PATH") + "); install it: "
                + install + " (.ci/run installs it; CI fails on any skipped test)";
        System.err.println();
        System.err.println("!!! SKIPPED " + caller + ": " + message);
        System.err.println();
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
