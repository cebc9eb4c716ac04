package dev.kiln.output;

import dev.kiln.diag.Diagnostics;
import dev.kiln.work.FrozenSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The complete list of files a build will write, checked so that nothing overwrites anything:
 * two sources for one path (even differing only in case, which clash on macOS and Windows), or a
 * file where another needs a folder, are errors naming both sources; so is a path Kiln keeps for itself.
 */
public final class OutputPlan {
    private final List<OutputFile> files;
    private final List<String> keep;
    private final Checked checked;

    private OutputPlan(List<OutputFile> files, List<String> keep, Checked checked) {
        this.files = files;
        this.keep = keep;
        this.checked = checked;
    }

    /**
     * What a plan without collisions checked: its files' paths in the order they came, where each went in path order,
     * and the set of them. A next plan whose files come with equal paths in the same order has nothing new to check.
     */
    public record Checked(List<String> paths, int[] sorted, Set<String> pathSet) {
        public static final Checked NONE = new Checked(List.of(), new int[0], Set.of());

        public Checked {
            paths = List.copyOf(paths);
            sorted = sorted.clone();
            pathSet = FrozenSet.copyOf(pathSet);
        }

        private boolean holds(List<OutputFile> candidates) {
            if (paths.isEmpty() || candidates.size() != paths.size()) {
                return false;
            }
            for (int i = 0; i < sorted.length; i++) {
                if (!candidates.get(i).path().equals(paths.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    public List<OutputFile> files() {
        return files;
    }

    /** Every file's path. */
    public Set<String> paths() {
        return checked.pathSet();
    }

    /** For the next build's plan. */
    public Checked checked() {
        return checked;
    }

    /** The {@code keep:} patterns of site.yml: files of the output folder Kiln must leave alone. */
    public List<String> keep() {
        return keep;
    }

    public static OutputPlan of(List<OutputFile> candidates, Diagnostics diagnostics) {
        return of(candidates, List.of(), diagnostics, Checked.NONE);
    }

    /** The plan of {@code candidates}; with {@code last}, the checks of an earlier plan of the same paths are not made again. */
    public static OutputPlan of(List<OutputFile> candidates, List<String> keep, Diagnostics diagnostics, Checked last) {
        if (last.holds(candidates)) {
            // A preview edit: the same 12,000 paths as last time, already sorted and checked.
            OutputFile[] sorted = new OutputFile[candidates.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[last.sorted()[i]] = candidates.get(i);
            }
            return new OutputPlan(List.of(sorted), List.copyOf(keep), last);
        }
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> candidates.get(i).path()));
        List<OutputFile> sorted = new ArrayList<>(order.length);
        for (Integer i : order) {
            sorted.add(candidates.get(i));
        }
        Diagnostics found = check(sorted);
        found.sorted().forEach(diagnostics::add);
        return new OutputPlan(List.copyOf(sorted), List.copyOf(keep), checked(candidates, order, !found.hasErrors()));
    }

    /** The reserved paths, the paths two files share (ignoring case) and the files where a folder must be. */
    private static Diagnostics check(List<OutputFile> sorted) {
        Diagnostics found = new Diagnostics();
        Map<String, OutputFile> byKey = new HashMap<>();
        String[] keys = new String[sorted.size()]; // once: 12,000 files on each preview edit
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(sorted.get(i).path());
        }
        for (int i = 0; i < keys.length; i++) {
            OutputFile file = sorted.get(i);
            if (isReservedKey(keys[i])) {
                found.error(file.origin(), "output " + file.path() + " is reserved for Kiln's own files"
                        + " (the list of files it wrote, its lock, its work folders)", "give it another permalink or file name");
            }
        }
        for (int i = 0; i < keys.length; i++) {
            OutputFile file = sorted.get(i);
            OutputFile other = byKey.putIfAbsent(keys[i], file);
            if (other != null) {
                // Both files are reported, each at the line that gave it the path, naming the other.
                String hint = "give one of them another slug, permalink or file name";
                found.error(file.origin(), "output " + file.path() + " is also written by " + where(other.origin()), hint);
                if (!other.origin().file().equals(file.origin().file())) {
                    found.error(other.origin(), "output " + other.path() + " is also written by " + where(file.origin()), hint);
                }
            }
        }
        reportFilesInTheWay(sorted, byKey, found);
        return found;
    }

    /** What the next plan may reuse: only the set of paths, if this one found a collision. */
    private static Checked checked(List<OutputFile> candidates, Integer[] order, boolean clean) {
        List<String> paths = new ArrayList<>(candidates.size());
        Set<String> set = new HashSet<>();
        for (OutputFile file : candidates) {
            paths.add(file.path());
            set.add(file.path());
        }
        int[] sortedAt = new int[order.length];
        for (int at = 0; at < order.length; at++) {
            sortedAt[order[at]] = at;
        }
        return clean ? new Checked(paths, sortedAt, set) : new Checked(List.of(), new int[0], set);
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
