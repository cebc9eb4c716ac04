package dev.kiln.output;

import dev.kiln.diag.Diagnostics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The complete list of files a build will write, checked so that nothing overwrites anything:
 * two sources for one path (even differing only in case, which clash on macOS and Windows), or a
 * file where another needs a folder, are errors naming both sources.
 */
public final class OutputPlan {
    private final List<OutputFile> files;

    private OutputPlan(List<OutputFile> files) {
        this.files = files;
    }

    public List<OutputFile> files() {
        return files;
    }

    public static OutputPlan of(List<OutputFile> candidates, Diagnostics diagnostics) {
        List<OutputFile> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(OutputFile::path));
        Map<String, OutputFile> byKey = new HashMap<>();
        for (OutputFile file : sorted) {
            OutputFile other = byKey.putIfAbsent(key(file.path()), file);
            if (other != null) {
                // Both files are reported, each at the line that gave it the path, naming the other.
                String hint = "give one of them another slug, permalink or file name";
                diagnostics.error(file.origin(), "output " + file.path() + " is also written by " + where(other.origin()), hint);
                if (!other.origin().file().equals(file.origin().file())) {
                    diagnostics.error(other.origin(), "output " + other.path() + " is also written by " + where(file.origin()), hint);
                }
            }
        }
        for (OutputFile file : sorted) {
            String path = file.path();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                OutputFile blocking = byKey.get(key(path.substring(0, slash)));
                if (blocking != null) {
                    diagnostics.error(blocking.origin(), "output " + blocking.path() + " is a file but "
                            + file.origin().file().toString().replace('\\', '/') + " needs a folder there",
                            "rename one of them");
                }
            }
        }
        return new OutputPlan(List.copyOf(sorted));
    }

    private static String where(dev.kiln.diag.SourcePosition origin) {
        String file = origin.file().toString().replace('\\', '/');
        return origin.line() <= 1 && origin.column() <= 1 ? file : file + ":" + origin.line() + ":" + origin.column();
    }

    private static String key(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
