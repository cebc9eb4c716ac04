package dev.kiln.output;

import dev.kiln.diag.FileErrorText;
import dev.kiln.work.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Stage 5: writes a checked {@link OutputPlan} into an output folder that belongs to the author.
 * <p>
 * Kiln replaces or removes only the files its manifest ({@value #MARKER}) says it wrote; every other
 * file stays ({@code .git}, {@code CNAME}, anything under {@code keep:}), and a foreign file where the
 * plan puts one is an error before anything is written. The new site is written into a work folder
 * inside the output ({@code .kiln-new-ID}), so all renames stay on one file system and the output folder
 * itself is never renamed: it may be a mount point or a symbolic link, which is written through.
 * <p>
 * Only files that differ from Kiln's file on disk are staged (a copy: by size and time stamp), so a
 * rebuild touches what changed. The commit is journaled by the work folder's name. Renamed to
 * {@code .kiln-commit-ID}, it lists the staged paths and the folders the commit creates; each file of
 * the earlier build that is replaced or removed is first moved into {@code .kiln-old-ID}, then the new
 * file is moved in (a new folder moves in whole). Writing the new
 * manifest is the commit point. A failure before it undoes every move, and so does the next build
 * after a kill ({@link #recover}), so a failed or killed build leaves the previous site byte-identical.
 * A file of the earlier build that cannot be removed stays, is named in a warning and stays in the
 * manifest, so a later build tries again; one that cannot be replaced fails the build, undone.
 */
public final class SiteWriter {
    /** The manifest: the files Kiln wrote here. */
    public static final String MARKER = ".kiln-site";
    /** Names of a build's work folders, followed by its id. */
    static final List<String> WORK_FOLDERS = List.of(".kiln-new-", ".kiln-commit-", ".kiln-old-");
    private static final String NEW = ".kiln-new-";
    private static final String COMMIT = ".kiln-commit-";
    private static final String OLD = ".kiln-old-";
    /** Inside a work folder: the new files, the list of them and the folders the commit creates. */
    private static final String FILES = "files";
    private static final String PLAN = "plan";
    private static final String FOLDERS = "folders";
    private static final String HINT_FOREIGN = "Kiln replaces only the files it wrote, listed in " + MARKER
            + "; move or delete this one if Kiln should write there, or give what writes there another path";

    private final FileOperations disk;

    public SiteWriter() {
        this(FileOperations.DISK);
    }

    SiteWriter(FileOperations disk) {
        this.disk = disk;
    }

    /**
     * Writes the site. On success every file of the plan is in place; the report's warnings name files
     * of an earlier build that could not be removed.
     *
     * @throws OutputException when nothing was changed (foreign files in the way, a write failed) or,
     *     said by {@link OutputException#siteUnchanged()}, when a failure could not be undone
     */
    public WriteReport write(OutputPlan plan, Path outputFolder) throws OutputException {
        Path output = outputFolder.toAbsolutePath().normalize();
        prepare(output);
        List<OutputProblem> warnings = new ArrayList<>(recover(output));
        KeepList keep = new KeepList(plan.keep());
        Set<String> owned = owned(plan, output, keep);
        Set<String> missingFolders = new TreeSet<>();
        List<OutputProblem> foreign = foreignFiles(plan, output, owned, keep, missingFolders);
        if (!foreign.isEmpty()) {
            throw new OutputException(foreign, true);
        }

        // Unique among builds at the same time: the process and a moment in it. Not a random UUID: its
        // SecureRandom costs a small build a noticeable share of its start-up.
        String id = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        Path work = output.resolve(NEW + id);
        List<String> paths = stage(plan, output, work, owned, missingFolders);
        Path commit = output.resolve(COMMIT + id);
        try {
            disk.move(work, commit);
        } catch (IOException e) {
            deleteTree(work, output, warnings);
            throw failure(e, output, work, "cannot be renamed to start the commit", true);
        }

        Path old = output.resolve(OLD + id);
        Set<String> planned = new HashSet<>();
        plan.files().forEach(file -> planned.add(file.path()));
        Set<String> kept = new TreeSet<>();
        List<String> removed = new ArrayList<>();
        Step step = new Step();
        try {
            removeStale(output, old, owned, planned, kept, removed, warnings);
            moveIn(output, commit, old, paths, owned, missingFolders, step);
            Set<String> manifest = new TreeSet<>(planned);
            manifest.addAll(kept);
            step.at = output.resolve(MARKER);
            step.doing = "cannot be written";
            disk.write(commit.resolve(MARKER), Manifest.write(manifest));
            disk.move(commit.resolve(MARKER), output.resolve(MARKER)); // the commit point
        } catch (IOException e) {
            boolean undone = rollback(output, commit, old, paths, missingFolders, warnings);
            throw failure(e, output, step.at, step.doing, undone);
        }
        deleteTree(old, output, warnings);
        deleteTree(commit, output, warnings);
        for (String path : removed) {
            removeEmptyFolders(output, path);
        }
        return new WriteReport(warnings);
    }

    /** Where the commit is and what it does there, for the message if it fails. */
    private static final class Step {
        Path at;
        String doing = "cannot be written";
    }

    /** The files of the manifest Kiln may replace or remove: those {@code keep:} names are the author's. */
    private static Set<String> owned(OutputPlan plan, Path output, KeepList keep) throws OutputException {
        for (OutputFile file : plan.files()) {
            Path target = output.resolve(file.path()).normalize();
            if (!target.startsWith(output) || target.equals(output)) {
                throw new OutputException(OutputProblem.inOutput(file.path(), "is outside the output folder; nothing was written",
                        null), true);
            }
        }
        try {
            Set<String> owned = new TreeSet<>(Manifest.read(output));
            owned.removeIf(keep::keeps);
            return owned;
        } catch (IOException e) {
            throw failure(e, output, output.resolve(MARKER), "cannot be read", true);
        }
    }

    /** Moves the files of the earlier build that this one does not write aside; one that will not go is a warning. */
    private void removeStale(Path output, Path old, Set<String> owned, Set<String> planned, Set<String> kept, List<String> removed,
                             List<OutputProblem> warnings) {
        for (String path : owned) {
            if (planned.contains(path) || !Files.isRegularFile(output.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                continue; // replaced by moveIn, or already gone
            }
            try {
                moveAside(output, old, path);
                removed.add(path);
            } catch (IOException e) {
                kept.add(path);
                warnings.add(OutputProblem.inOutput(path, "could not be removed: " + FileErrorText.reason(e)
                        + "; it is left from an earlier build, and the next build tries again",
                        "remove it by hand if it should go (lsattr shows an immutable file, lsof one in use)"));
            }
        }
    }

    /**
     * Moves the staged files into the output, each file of the earlier build moved aside first. A missing
     * folder whose parent is there moves in whole: one rename for a new post's folder, a few dozen for a first build.
     */
    private void moveIn(Path output, Path commit, Path old, List<String> paths, Set<String> owned, Set<String> missingFolders,
                        Step step) throws IOException {
        Set<String> wholeFolders = new TreeSet<>();
        for (String folder : missingFolders) {
            if (folder.indexOf('/') < 0 || !missingFolders.contains(folder.substring(0, folder.lastIndexOf('/')))) {
                wholeFolders.add(folder);
            }
        }
        for (String folder : wholeFolders) {
            step.at = output.resolve(folder);
            step.doing = "cannot be written";
            disk.move(commit.resolve(FILES).resolve(folder), step.at);
        }
        for (String path : paths) {
            if (insideAny(path, wholeFolders)) {
                continue; // moved in with its folder
            }
            step.at = output.resolve(path);
            if (owned.contains(path) && FileOperations.exists(step.at)) {
                step.doing = "cannot be replaced";
                moveAside(output, old, path);
            }
            step.doing = "cannot be written";
            disk.move(commit.resolve(FILES).resolve(path), step.at);
        }
    }

    /**
     * Makes sure {@code output} is a folder, creating it if need be: a file there, or a symbolic link to
     * nothing, is refused. A symbolic link to a folder is fine: the site is written into its target.
     */
    public static void prepare(Path output) throws OutputException {
        try {
            if (Files.isSymbolicLink(output) && !Files.exists(output)) {
                throw new OutputException(OutputProblem.inOutput("", "is a symbolic link to " + Files.readSymbolicLink(output)
                        + ", which does not exist", "create the folder it points to, or remove the link"), true);
            }
            if (Files.exists(output) && !Files.isDirectory(output)) {
                throw new OutputException(OutputProblem.inOutput("", "is a file, not a folder; Kiln writes a site into a folder",
                        "choose a folder with --output"), true);
            }
            Files.createDirectories(output);
        } catch (IOException e) {
            throw failure(e, output, output, "cannot be created", true);
        }
    }

    /**
     * Finishes what a killed build left in {@code outputFolder}: an unfinished work folder is deleted,
     * an interrupted commit is undone (or completed, when every new file was already in place). Called
     * before every build, so even a build that then fails shows the previous site. Work folders that
     * cannot be deleted are warnings, never errors: they must not stop later builds.
     */
    public List<OutputProblem> recover(Path outputFolder) throws OutputException {
        Path output = outputFolder.toAbsolutePath().normalize();
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        Map<String, Path> work = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(output, ".kiln-{new,commit,old}-*")) {
            entries.forEach(entry -> work.put(entry.getFileName().toString(), entry));
        } catch (IOException e) {
            throw failure(e, output, output, "cannot be listed", true);
        }
        List<OutputProblem> warnings = new ArrayList<>();
        for (Map.Entry<String, Path> entry : work.entrySet()) {
            String name = entry.getKey();
            Path folder = entry.getValue();
            if (!FileOperations.exists(folder)) {
                continue; // an old folder handled with its commit
            }
            if (!name.startsWith(COMMIT)) {
                deleteTree(folder, output, warnings);
                continue;
            }
            Path old = output.resolve(OLD + name.substring(COMMIT.length()));
            try {
                List<String> paths = List.copyOf(Manifest.parse(Files.readString(folder.resolve(PLAN), StandardCharsets.UTF_8)));
                Set<String> folders = Manifest.parse(Files.readString(folder.resolve(FOLDERS), StandardCharsets.UTF_8));
                boolean complete = paths.stream().noneMatch(p -> FileOperations.exists(folder.resolve(FILES).resolve(p)));
                if (complete) {
                    // Killed after the last new file was moved in: the new site is whole, only its manifest is missing.
                    Set<String> manifest = new TreeSet<>(paths);
                    for (String path : Manifest.read(output)) {
                        if (Files.isRegularFile(output.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                            manifest.add(path);
                        }
                    }
                    disk.write(folder.resolve(MARKER), Manifest.write(manifest));
                    disk.move(folder.resolve(MARKER), output.resolve(MARKER));
                    deleteTree(old, output, warnings);
                    deleteTree(folder, output, warnings);
                } else if (!rollback(output, folder, old, paths, folders, warnings)) {
                    throw new OutputException(OutputProblem.inOutput("", "a build killed while replacing the site left it"
                            + " partly replaced, and it could not be put back: " + warnings.get(warnings.size() - 1).message(),
                            "build again once the file named is writable; the files moved aside are in " + OLD + "*"), false);
                }
            } catch (IOException e) {
                throw failure(e, output, folder, "holds an interrupted build that cannot be finished", false);
            }
        }
        return warnings;
    }

    /** The source that makes {@code file}, for a message (made only then: a plan has 12,000 files). */
    private static String originOf(OutputFile file) {
        return file.origin().file().toString().replace('\\', '/');
    }

    /**
     * Files of the plan where the output folder has something Kiln did not write, and folders of the plan
     * that are missing (into {@code missingFolders}, parents first).
     */
    private static List<OutputProblem> foreignFiles(OutputPlan plan, Path output, Set<String> owned, KeepList keep,
                                                    Set<String> missingFolders) throws OutputException {
        List<OutputProblem> problems = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (OutputFile file : plan.files()) {
            String path = file.path();
            if (keep.keeps(path)) {
                String origin = originOf(file);
                problems.add(OutputProblem.inOutput(path, "is listed under keep: in content/site.yml, but " + origin + " writes it",
                        "take it out of keep:, or give " + origin + " another path"));
                continue;
            }
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String folder = path.substring(0, slash);
                if (!checked.add(folder)) {
                    continue;
                }
                // Under a missing folder nothing exists: no need to look (a first build looks at a few dozen paths).
                BasicFileAttributes attributes = inMissingFolder(folder, missingFolders) ? null : attributes(output.resolve(folder));
                if (attributes == null || attributes.isRegularFile() && owned.contains(folder)) {
                    missingFolders.add(folder); // absent, or a file of the earlier build that is removed first
                } else if (attributes.isSymbolicLink()) {
                    problems.add(OutputProblem.inOutput(folder, "is a symbolic link, where " + originOf(file)
                            + " needs a folder; Kiln writes only into real folders inside the output folder", HINT_FOREIGN));
                } else if (!attributes.isDirectory()) {
                    problems.add(OutputProblem.inOutput(folder, "was not written by Kiln, and " + originOf(file) + " needs a folder there",
                            HINT_FOREIGN));
                }
            }
            if (owned.contains(path) || inMissingFolder(path, missingFolders)) {
                continue;
            }
            BasicFileAttributes attributes = attributes(output.resolve(path));
            if (attributes != null) {
                problems.add(OutputProblem.inOutput(path, (attributes.isDirectory() ? "is a folder Kiln did not write" : "was not written by Kiln")
                        + ", and " + originOf(file) + " would replace it", HINT_FOREIGN));
            }
        }
        return problems;
    }

    private static boolean inMissingFolder(String path, Set<String> missingFolders) {
        int slash = path.lastIndexOf('/');
        return slash > 0 && missingFolders.contains(path.substring(0, slash));
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // absent, or under something that is not a folder
        }
    }

    private static boolean insideAny(String path, Set<String> folders) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (folders.contains(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes each file of the plan that differs from Kiln's file in the output into {@code work}, with the
     * lists that make it a journal, and returns their paths. A file with the same bytes (a copy: the same
     * size and time stamp) stays as it is, so a rebuild moves only what changed, and rsync and git see
     * the rest untouched.
     */
    private List<String> stage(OutputPlan plan, Path output, Path work, Set<String> owned, Set<String> missingFolders)
            throws OutputException {
        Path files = work.resolve(FILES);
        try {
            disk.createDirectory(work);
            disk.createDirectory(files);
            List<OutputFile> changed = changed(plan, output, owned);
            List<Path> targets = new ArrayList<>(changed.size());
            Set<Path> folders = new HashSet<>();
            for (OutputFile file : changed) {
                Path target = files.resolve(file.path());
                folders.add(target.getParent());
                targets.add(target);
            }
            // Files are independent once their folders exist. Both are made on all cores: a blog has a folder per post.
            List<Path> folderList = List.copyOf(folders);
            Parallel.forEach(folderList.size(), i -> {
                try {
                    createDirectories(files, folderList.get(i));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Parallel.forEach(targets.size(), i -> {
                OutputFile file = changed.get(i);
                try {
                    if (file.bytes() != null) {
                        disk.write(targets.get(i), file.bytes());
                    } else {
                        disk.copy(file.copyFrom(), targets.get(i));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(file.path(), e);
                }
            });
            List<String> paths = changed.stream().map(OutputFile::path).toList();
            disk.write(work.resolve(PLAN), Manifest.write(paths));
            disk.write(work.resolve(FOLDERS), Manifest.write(missingFolders));
            return paths;
        } catch (UncheckedIOException e) {
            List<OutputProblem> ignored = new ArrayList<>();
            deleteTree(work, output, ignored);
            IOException cause = e.getCause();
            OutputFile file = plan.files().stream().filter(f -> f.path().equals(e.getMessage())).findFirst().orElse(null);
            if (file != null && file.copyFrom() != null && cause instanceof FileSystemException fs
                    && file.copyFrom().toString().equals(fs.getFile())) {
                String source = file.origin().file().toString().replace('\\', '/');
                throw new OutputException(OutputProblem.inSources(source, "cannot be copied: " + FileErrorText.reason(cause)
                        + "; nothing was written", FileErrorText.hint(cause)), true);
            }
            throw failure(cause, output, file != null ? output.resolve(file.path()) : work, "cannot be written", true);
        } catch (IOException e) {
            deleteTree(work, output, new ArrayList<>());
            throw failure(e, output, work, "cannot be written", true);
        }
    }

    /** The files of the plan that are not already on disk as Kiln wrote them, read on all cores. */
    private static List<OutputFile> changed(OutputPlan plan, Path output, Set<String> owned) {
        boolean[] unchanged = new boolean[plan.files().size()];
        Parallel.forEach(unchanged.length, i -> {
            OutputFile file = plan.files().get(i);
            unchanged[i] = owned.contains(file.path()) && sameAsOnDisk(file, output.resolve(file.path()));
        });
        List<OutputFile> changed = new ArrayList<>();
        for (int i = 0; i < unchanged.length; i++) {
            if (!unchanged[i]) {
                changed.add(plan.files().get(i));
            }
        }
        return changed;
    }

    private static boolean sameAsOnDisk(OutputFile file, Path target) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return false;
            }
            if (file.bytes() != null) {
                return attributes.size() == file.bytes().length && Arrays.equals(Files.readAllBytes(target), file.bytes());
            }
            BasicFileAttributes source = Files.readAttributes(file.copyFrom(), BasicFileAttributes.class);
            // To the microsecond: JDK 17 copies a time stamp as that (futimes), so a copy on a file system
            // with nanoseconds (ext4, tmpfs) never equals its source, and every build copied every file again.
            return attributes.size() == source.size() && attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS)
                    == source.lastModifiedTime().to(TimeUnit.MICROSECONDS);
        } catch (IOException e) {
            return false; // written again
        }
    }

    /** Creates {@code dir} and its missing parents up to {@code top}, coping with other threads doing the same. */
    private void createDirectories(Path top, Path dir) throws IOException {
        if (dir.equals(top) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        createDirectories(top, dir.getParent());
        try {
            disk.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // made by another thread
        }
    }

    private void moveAside(Path output, Path old, String path) throws IOException {
        Path aside = old.resolve(path);
        if (!FileOperations.exists(old)) {
            disk.createDirectory(old);
        }
        createDirectories(old, aside.getParent());
        disk.move(output.resolve(path), aside);
    }

    /**
     * Undoes a commit: the new files go back into the work folder, the folders it made are removed and the
     * files moved aside come back. True when the output folder is as it was before the build.
     */
    private boolean rollback(Path output, Path commit, Path old, List<String> paths, Set<String> createdFolders,
                             List<OutputProblem> warnings) {
        try {
            Path files = commit.resolve(FILES);
            for (String path : paths) {
                Path back = files.resolve(path);
                Path in = output.resolve(path);
                if (!FileOperations.exists(back) && FileOperations.exists(in)) {
                    createDirectories(files, back.getParent());
                    disk.move(in, back);
                }
            }
            List<String> folders = new ArrayList<>(createdFolders);
            for (int i = folders.size() - 1; i >= 0; i--) {
                Path folder = output.resolve(folders.get(i));
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    disk.delete(folder);
                }
            }
            if (FileOperations.exists(old)) {
                List<Path> aside = new ArrayList<>();
                Files.walkFileTree(old, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        aside.add(file);
                        return FileVisitResult.CONTINUE;
                    }
                });
                for (Path file : aside) {
                    disk.move(file, output.resolve(old.relativize(file).toString()));
                }
            }
        } catch (IOException e) {
            warnings.add(OutputProblem.inOutput(relative(output, e), FileErrorText.reason(e), null));
            return false;
        }
        deleteTree(old, output, warnings);
        deleteTree(commit, output, warnings);
        return true;
    }

    /** After a file of an earlier build is removed, its folders go too, up to the first that is not empty. */
    private void removeEmptyFolders(Path output, String removed) {
        for (int slash = removed.lastIndexOf('/'); slash > 0; slash = removed.lastIndexOf('/', slash - 1)) {
            try {
                disk.delete(output.resolve(removed.substring(0, slash)));
            } catch (IOException e) {
                return; // not empty (a file of the author's, or of this build), or not removable: it stays
            }
        }
    }

    /** Deletes a work folder; what cannot be deleted is a warning naming it, and a later build tries again. */
    private void deleteTree(Path root, Path output, List<OutputProblem> warnings) {
        if (!FileOperations.exists(root)) {
            return;
        }
        List<Path> failed = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    tryDelete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    tryDelete(dir);
                    return FileVisitResult.CONTINUE;
                }

                private void tryDelete(Path path) {
                    try {
                        disk.delete(path);
                    } catch (DirectoryNotEmptyException e) {
                        // holds a file that could not be deleted, named already
                    } catch (IOException e) {
                        if (failed.isEmpty()) {
                            warnings.add(OutputProblem.inOutput(output.relativize(path).toString().replace('\\', '/'),
                                    "could not be deleted: " + FileErrorText.reason(e) + "; it is left from a build's work folder,"
                                            + " which the next build deletes", "delete " + output.relativize(root) + " by hand if it stays"));
                        }
                        failed.add(path);
                    }
                }
            });
        } catch (IOException e) {
            warnings.add(OutputProblem.inOutput(output.relativize(root).toString(), "could not be deleted: " + FileErrorText.reason(e),
                    null));
        }
    }

    private static String relative(Path output, IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            Path file = Path.of(fs.getFile());
            return file.startsWith(output) ? output.relativize(file).toString().replace('\\', '/') : file.toString();
        }
        return "";
    }

    private static OutputException failure(IOException e, Path output, Path at, String doing, boolean siteUnchanged) {
        String path = at.startsWith(output) ? output.relativize(at).toString().replace('\\', '/') : at.toString();
        return new OutputException(OutputProblem.inOutput(path, doing + ": " + FileErrorText.reason(e)
                + (siteUnchanged ? "" : "; the site is partly replaced"), FileErrorText.hint(e)), siteUnchanged);
    }
}
