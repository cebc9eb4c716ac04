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
 * file where another needs a folder, are errors naming both sources; so is a path Kiln keeps for itself.
 */
public final class OutputPlan {
    private final List<OutputFile> files;
    private final List<String> keep;

    private OutputPlan(List<OutputFile> files, List<String> keep) {
        this.files = files;
        this.keep = keep;
    }

    public List<OutputFile> files() {
        return files;
    }

    /** The {@code keep:} patterns of site.yml: files of the output folder Kiln must leave alone. */
    public List<String> keep() {
        return keep;
    }

    public static OutputPlan of(List<OutputFile> candidates, Diagnostics diagnostics) {
        return of(candidates, List.of(), diagnostics);
    }

    public static OutputPlan of(List<OutputFile> candidates, List<String> keep, Diagnostics diagnostics) {
        List<OutputFile> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(OutputFile::path));
        Map<String, OutputFile> byKey = new HashMap<>();
        String[] keys = new String[sorted.size()]; // once: 12,000 files on each preview edit
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(sorted.get(i).path());
        }
        for (int i = 0; i < keys.length; i++) {
            OutputFile file = sorted.get(i);
            if (isReservedKey(keys[i])) {
                diagnostics.error(file.origin(), "output " + file.path() + " is reserved for Kiln's own files"
                        + " (the list of files it wrote, its lock, its work folders)", "give it another permalink or file name");
            }
        }
        for (int i = 0; i < keys.length; i++) {
            OutputFile file = sorted.get(i);
            OutputFile other = byKey.putIfAbsent(keys[i], file);
            if (other != null) {
                // Both files are reported, each at the line that gave it the path, naming the other.
                String hint = "give one of them another slug, permalink or file name";
                diagnostics.error(file.origin(), "output " + file.path() + " is also written by " + where(other.origin()), hint);
                if (!other.origin().file().equals(file.origin().file())) {
                    diagnostics.error(other.origin(), "output " + other.path() + " is also written by " + where(file.origin()), hint);
                }
            }
        }
        reportFilesInTheWay(sorted, byKey, diagnostics);
        return new OutputPlan(List.copyOf(sorted), List.copyOf(keep));
    }

    /**
     * A file whose path is a folder another file needs. In path order most files share their folders with the file
     * before, which were looked up then: only the folders that differ, or that a file was found in, are looked up again.
     */
    private static void reportFilesInTheWay(List<OutputFile> sorted, Map<String, OutputFile> byKey, Diagnostics diagnostics) {
        String previous = "";
        int previousBlocked = Integer.MAX_VALUE; // where the previous path's first folder that is a file ends
        for (OutputFile file : sorted) {
            String path = file.path();
            int blocked = Integer.MAX_VALUE;
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (slash < previousBlocked && slash < previous.length() && previous.charAt(slash) == '/'
                        && path.regionMatches(0, previous, 0, slash)) {
                    continue; // the same folder as the previous path's, and no file there
                }
                OutputFile blocking = byKey.get(key(path.substring(0, slash)));
                if (blocking != null) {
                    blocked = Math.min(blocked, slash);
                    diagnostics.error(blocking.origin(), "output " + blocking.path() + " is a file but "
                            + file.origin().file().toString().replace('\\', '/') + " needs a folder there",
                            "rename one of them");
                }
            }
            previous = path;
            previousBlocked = blocked;
        }
    }

    /** The output folder's own files: the manifest, the lock and the work folders of a build. */
    static boolean isReserved(String path) {
        return isReservedKey(key(path));
    }

    private static boolean isReservedKey(String key) {
        if (!key.startsWith(".kiln")) {
            return false; // what every reserved name starts with: most paths are told apart at their first character
        }
        int slash = key.indexOf('/');
        int first = slash < 0 ? key.length() : slash; // the length of the first name
        if (first == SiteWriter.MARKER.length() && key.startsWith(SiteWriter.MARKER)
                || first == OutputLock.NAME.length() && key.startsWith(OutputLock.NAME)) {
            return true;
        }
        for (String work : SiteWriter.WORK_FOLDERS) {
            if (work.length() <= first && key.startsWith(work)) {
                return true;
            }
        }
        return false;
    }

    private static String where(dev.kiln.diag.SourcePosition origin) {
        String file = origin.file().toString().replace('\\', '/');
        return origin.line() <= 1 && origin.column() <= 1 ? file : file + ":" + origin.line() + ":" + origin.column();
    }

    private static String key(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
