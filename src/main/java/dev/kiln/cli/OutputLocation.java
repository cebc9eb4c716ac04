package dev.kiln.cli;

import java.nio.file.Path;

/** Refuses output folders whose replacement would destroy the sources. */
final class OutputLocation {
    private OutputLocation() {}

    static String problem(Path root, Path output) {
        Path source = root.toAbsolutePath().normalize();
        Path target = output.toAbsolutePath().normalize();
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
