package dev.kiln.preview;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.helpers.NOPLogger;

/**
 * Watches content/ and templates/ (site.yml is in content/) and reports changes in batches: a
 * burst of events, such as an editor's save-rename-delete or a git checkout, becomes one call
 * once the folder has been quiet for {@value #QUIET_MILLIS} ms (or at most {@value #MAX_WAIT_MILLIS}
 * ms after the first event). Calls happen one at a time, on one thread.
 * <p>
 * The site root itself is watched, but only content/ and templates/ are walked, so a templates/
 * folder created while serving is picked up and site/, target/ or .git/ cost nothing.
 */
final class SourceWatcher implements AutoCloseable {
    /**
     * An editor's save (write a temporary file, rename it over the post, remove the backup) takes a few ms at most; each
     * ms waited beyond that is added to every save's way to the browser.
     */
    static final long QUIET_MILLIS = 20;
    static final long MAX_WAIT_MILLIS = 1000;
    static final String CONTENT = "content";
    static final String TEMPLATES = "templates";

    private final Path root;
    private final Consumer<List<SourceChange>> onChanges;
    private final ScheduledExecutorService scheduler;
    private final DirectoryWatcher watcher;
    private final ExecutorService watchThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kiln-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, SourceChange.Kind> pending = new LinkedHashMap<>();
    /** Files seen so far: an editor's save that renames a temporary file over one of them is an edit, not a creation. */
    private final Set<Path> known = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> next;
    private long firstPendingAt;

    /** {@code onChanges} gets each changed path (relative to the root, with /) and what happened to it, in the order seen. */
    SourceWatcher(Path root, Consumer<List<SourceChange>> onChanges) throws IOException {
        this.root = root.toRealPath();
        this.onChanges = onChanges;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiln-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        this.watcher = DirectoryWatcher.builder()
                .path(this.root)
                .fileHashing(false) // a rebuild is cheap; hashing every file at start is not
                .fileTreeVisitor(new SourceTreeVisitor(this.root))
                .logger(NOPLogger.NOP_LOGGER)
                .listener(this::onEvent)
                .build();
        for (String folder : new String[] {CONTENT, TEMPLATES}) {
            Path dir = this.root.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile).forEach(known::add);
                }
            }
        }
    }

    void start() {
        watcher.watchAsync(watchThread);
    }

    private void onEvent(DirectoryChangeEvent event) {
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            changed("(many files)", SourceChange.Kind.EDITED); // the OS dropped events: rebuild everything anyway
            return;
        }
        Path path = event.path();
        if (path == null || !path.startsWith(root) || path.equals(root)) {
            return;
        }
        Path relative = root.relativize(path);
        String first = relative.getName(0).toString();
        if (!first.equals(CONTENT) && !first.equals(TEMPLATES) || isEditorLeftover(relative)) {
            return;
        }
        SourceChange.Kind what = switch (event.eventType()) {
            case CREATE -> known.add(path) || event.isDirectory() ? SourceChange.Kind.CREATED : SourceChange.Kind.EDITED;
            case DELETE -> {
                known.remove(path);
                yield SourceChange.Kind.DELETED;
            }
            default -> SourceChange.Kind.EDITED;
        };
        changed(relative.toString().replace('\\', '/'), what);
    }

    /** Hidden files (.swp, .#x) and backups (x~) are skipped by the build too: they need no rebuild. */
    private static boolean isEditorLeftover(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return relative.getFileName().toString().endsWith("~");
    }

    /** Whether changes are waiting for their rebuild. */
    synchronized boolean hasPendingChanges() {
        return !pending.isEmpty();
    }

    private synchronized void changed(String path, SourceChange.Kind what) {
        if (pending.isEmpty()) {
            firstPendingAt = System.nanoTime();
        }
        SourceChange.Kind before = pending.get(path);
        if (before == SourceChange.Kind.CREATED && what == SourceChange.Kind.DELETED) {
            pending.remove(path); // an editor's temporary file, gone before the rebuild
        } else {
            // created then edited is still new; deleted then created (an editor's atomic save) is an edit
            pending.put(path, before == SourceChange.Kind.CREATED && what == SourceChange.Kind.EDITED ? SourceChange.Kind.CREATED
                    : before == SourceChange.Kind.DELETED && what == SourceChange.Kind.CREATED ? SourceChange.Kind.EDITED : what);
        }
        if (next != null) {
            next.cancel(false);
        }
        if (pending.isEmpty()) {
            return;
        }
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstPendingAt);
        long delay = Math.max(0, Math.min(QUIET_MILLIS, MAX_WAIT_MILLIS - waited));
        if (!scheduler.isShutdown()) {
            next = scheduler.schedule(this::flush, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        List<SourceChange> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending.entrySet().stream().map(e -> new SourceChange(e.getKey(), e.getValue())).toList();
            pending.clear();
        }
        onChanges.accept(batch);
    }

    /** Runs a task on the thread that reports changes, so it never overlaps a rebuild. */
    Future<?> runInOrder(Runnable task) {
        return scheduler.submit(task);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // stopping anyway
        }
        watchThread.shutdownNow();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Walks the root's content/ and templates/ only; hidden folders are skipped. */
    private record SourceTreeVisitor(Path root) implements FileTreeVisitor {
        @Override
        public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
            if (!Files.isDirectory(start)) {
                if (Files.exists(start)) {
                    onFile.call(start);
                }
                return;
            }
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && !isWatched(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    onDirectory.call(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (isWatched(file)) {
                        onFile.call(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // vanished while walking: its delete event follows
                }
            });
        }

        private boolean isWatched(Path path) {
            if (!path.startsWith(root) || path.equals(root)) {
                return false;
            }
            Path relative = root.relativize(path);
            String first = relative.getName(0).toString();
            return (first.equals(CONTENT) || first.equals(TEMPLATES)) && !isEditorLeftover(relative);
        }
    }
}
