package dev.kiln.cli;

import java.nio.file.Path;

/** Refuses output folders whose replacement would destroy the sources. */
final class OutputLocation {
    private OutputLocation() {}

    static String problem(Path root, Path output) {
        String problem = problemOf(root.toAbsolutePath().normalize(), output.toAbsolutePath().normalize());
        if (problem == null && java.nio.file.Files.exists(output)) {
            try {
                // A symbolic link as output is written through: where it leads must be safe too.
                problem = problemOf(root.toRealPath(), output.toRealPath());
            } catch (java.io.IOException e) {
                // unreadable: the writer reports it with its path
            }
        }
        return problem;
    }

    private static String problemOf(Path source, Path target) {
        if (source.startsWith(target)) {
            return "the output folder " + target + " contains the site's sources; choose another --output";
        }
        for (String folder : new String[] {"content", "templates", "src", ".git"}) {
            if (target.startsWith(source.resolve(folder))) {
                return "the output folder " + target + " is inside " + folder + "/; choose another --output";
            }
        }
        return null;
    }
}
