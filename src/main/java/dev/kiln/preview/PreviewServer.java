package dev.kiln.preview;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.DiagnosticPrinter;
import dev.kiln.diag.SourcePosition;
import dev.kiln.model.Visibility;
import dev.kiln.output.OutputFile;
import dev.kiln.pipeline.BuildMemory;
import dev.kiln.pipeline.BuildResult;
import dev.kiln.pipeline.SiteBuilder;
import dev.kiln.work.FrozenMap;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code kiln serve}: builds the site into memory with drafts and future posts, serves it over
 * HTTP, rebuilds when content/ or templates/ change and tells open pages to reload. A failed
 * rebuild keeps the last good site and shows its errors in the terminal and over the page.
 * <p>
 * {@link #start} returns once the site is served; {@link #close} stops it (from a shutdown hook on
 * Ctrl-C, or from a test). Messages go to the {@link PreviewLog} the command line hands in.
 */
public final class PreviewServer implements AutoCloseable {
    private final Path root;
    private final boolean checkLinks;
    private final PreviewLog log;
    private final Clock clock;
    /** Part of every version, so pages served before a restart always reload after it. */
    private final String session = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicReference<SiteSnapshot> current = new AtomicReference<>();
    private final HttpServer http;
    private final ExecutorService requestThreads;
    private final ReloadChannel reloads;
    private final SourceWatcher watcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private long generation; // written on the rebuild thread only
    private final SiteBuilder builder;
    /** The warm-up's builder: it gives up at its next stage once a change is waiting, so that change's rebuild starts. */
    private final SiteBuilder warmUps;
    /**
     * What the last build made, so a change rebuilds only what it affects; used on the rebuild thread only.
     * Dropped after an {@link Error}, which may have left a stage's part of it (the image cache) half updated.
     */
    private BuildMemory memory = BuildMemory.EMPTY;
    private final Consumer<String> onStage;

    private PreviewServer(PreviewSettings settings, PreviewLog log, Clock clock, Consumer<String> onStage)
            throws IOException {
        this.onStage = onStage;
        this.builder = new SiteBuilder().onStage(onStage);
        this.root = settings.root();
        this.checkLinks = settings.checkLinks();
        this.log = log;
        this.clock = clock;
        InetAddress address = InetAddress.getByName(settings.host());
        ServerLimits.configureJdkServer();
        try {
            http = HttpServer.create(new InetSocketAddress(address, settings.port()), ServerLimits.ACCEPT_BACKLOG);
        } catch (BindException e) {
            throw new PortInUseException(settings.host(), settings.port(), e);
        }
        requestThreads = ServerLimits.requestThreads();
        reloads = new ReloadChannel(current::get);
        http.setExecutor(requestThreads);
        // Every context checks the Host first: nothing, not even a 414, answers a name that is not the preview's.
        HostCheck hostCheck = HostCheck.forServer(settings.host(), http.getAddress().getAddress());
        TargetLengthFilter targetLength = new TargetLengthFilter();
        http.createContext("/", new SiteHandler(current::get, root.toRealPath())).getFilters().addAll(List.of(hostCheck, targetLength));
        http.createContext(ReloadScript.EVENTS_PATH, reloads).getFilters().addAll(List.of(hostCheck, targetLength));
        SourceWatcher sourceWatcher = null;
        try {
            sourceWatcher = new SourceWatcher(root, this::rebuild);
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            requestThreads.shutdownNow();
            throw e;
        }
        watcher = sourceWatcher;
        warmUps = new SiteBuilder().onStage(stage -> {
            if (watcher.hasPendingChanges()) {
                throw new WarmUpStopped();
            }
        });
    }

    /** Thrown out of a warm-up build between two stages: nothing is half done there, and a warm-up's result is thrown away anyway. */
    private static final class WarmUpStopped extends RuntimeException {
        WarmUpStopped() {
            super(null, null, false, false);
        }
    }

    /** Builds the site, starts watching and serving; returns once requests are answered. */
    public static PreviewServer start(PreviewSettings settings, PreviewLog log, Clock clock) throws IOException {
        return start(settings, log, clock, stage -> { });
    }

    /** As above; {@code onStage} hears each stage of every build start (a test makes one fail there). */
    static PreviewServer start(PreviewSettings settings, PreviewLog log, Clock clock, Consumer<String> onStage) throws IOException {
        PreviewServer server = new PreviewServer(settings, log, clock, onStage);
        try {
            server.watcher.start();
            // The first build runs on the rebuild thread too, so a change made meanwhile waits for it.
            server.watcher.runInOrder(() -> server.rebuild(null)).get(10, TimeUnit.MINUTES);
            server.http.start();
            server.watcher.runInOrder(server::warmUp);
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new IOException("interrupted while building the site", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            server.close();
            throw new IOException("could not build the site: " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }

    /** The port the server listens on: the one asked for, or the one chosen for port 0. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The address of the site's home page, baseurl included, e.g. {@code http://127.0.0.1:4000/}. */
    public URI address() {
        InetAddress address = http.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "localhost"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + port() + current.get().baseurl() + "/");
    }

    /** Whether other computers can reach the preview: it listens on an address that is not loopback, e.g. 0.0.0.0. */
    public boolean reachableFromNetwork() {
        return !http.getAddress().getAddress().isLoopbackAddress();
    }

    /** Blocks until {@link #close} has stopped the server. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops watching, ends the open event streams and closes the port. Safe to call twice. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            watcher.close();
            reloads.close();
            http.stop(0);
            requestThreads.shutdownNow();
            requestThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Rebuilds a few times as if a post had been saved unchanged, and throws the results away: the JVM
     * then compiles the code of an incremental rebuild before the first edit needs it, so even that one is
     * quick (10,000 posts: the first edit took 465 ms, later ones 120–220). Runs on the rebuild thread and
     * stops as soon as a change is waiting, at the next stage of the build under way, so an edit waits for one
     * stage at most (it waited for a whole rebuild: the first edit of a 10,000-post site took 474 ms).
     */
    private void warmUp() {
        try {
            List<Path> post = firstPost();
            for (int i = 0; i < 5 && !watcher.hasPendingChanges(); i++) {
                memory = warmUps.build(root, new Visibility(true, true, clock.instant()), checkLinks, memory.without(post)).memory();
            }
        } catch (IOException | RuntimeException e) {
            // the next real rebuild reports whatever is wrong
        } catch (Error e) {
            memory = BuildMemory.EMPTY; // and the next rebuild reports it, if it happens again
        }
    }

    /** The first Markdown file under content/posts, relative to the root; none if there is none. */
    private List<Path> firstPost() throws IOException {
        Path posts = root.resolve(SourceWatcher.CONTENT).resolve("posts");
        if (!Files.isDirectory(posts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(posts)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f)).limit(1)
                    .map(root::relativize).toList();
        }
    }

    /** Builds the site and swaps it in; {@code changes} is null for the first build. Never throws: the server outlives any error. */
    private void rebuild(List<SourceChange> changes) {
        long start = System.nanoTime();
        SiteSnapshot previous = current.get();
        String cause = changes == null ? "" : describe(changes) + ": ";
        try {
            if (changes != null) {
                memory = memory.without(changes.stream().map(c -> Path.of(c.path())).toList());
            }
            BuildResult result = builder.build(root, new Visibility(true, true, clock.instant()), checkLinks, memory);
            memory = result.memory();
            log.diagnostics().accept(result.diagnostics());
            if (!result.succeeded()) {
                fail(previous, result.diagnostics());
                log.failed().accept(cause + DiagnosticPrinter.summary(result.diagnostics(), (System.nanoTime() - start) / 1_000_000)
                        + (previous == null || previous.files().isEmpty() ? "; nothing to serve until it is fixed"
                        : "; still serving the last good site"));
                return;
            }
            Served served = served(result.plan().files(), previous == null ? Map.of() : previous.files());
            Map<String, ServedFile> files = served.files();
            Set<String> changed = previous == null ? files.keySet() : served.changed();
            boolean outputChanged = previous == null || !changed.isEmpty();
            String version = outputChanged ? session + "-" + (++generation) : previous.version();
            SiteSnapshot next = new SiteSnapshot(version, result.baseurl(), result.siteUrl(), files, List.of());
            current.set(next);
            boolean cssOnly = previous != null && !changed.isEmpty() && changed.stream().allMatch(p -> p.endsWith(".css"));
            reloads.publish(next, previous == null ? version : previous.version(), cssOnly);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String pages = changes == null ? "built " + result.pages() + " pages"
                    : "rebuilt " + result.profile().rendered() + " of " + result.profile().routes() + " files";
            log.built().accept(String.format(Locale.ROOT, "%s%s in %d ms%s", cause, pages, millis, !outputChanged ? " (no output changed)"
                    : cssOnly ? " (CSS only: styles swapped without a reload)" : ""));
        } catch (IOException | RuntimeException e) {
            // An unreadable file or a bug in a stage: report it like a site error and keep serving.
            failed(previous, cause, "internal error while building: " + e, "run kiln build --verbose for details");
        } catch (StackOverflowError e) {
            memory = BuildMemory.EMPTY;
            failed(previous, cause, "the build ran out of stack (StackOverflowError): something in the sources nests too deep"
                    + " for Kiln", "run kiln build --verbose to see where; undo the last change to go on");
        } catch (OutOfMemoryError e) {
            memory = BuildMemory.EMPTY;
            failed(previous, cause, "the build ran out of memory (OutOfMemoryError)",
                    "give Java more memory (KILN_OPTS=-Xmx4g kiln serve) or undo the last change; kiln build --verbose shows where");
        } catch (Error e) {
            // Anything else a stage can throw (LinkageError, an assertion): the server outlives it too.
            memory = BuildMemory.EMPTY;
            failed(previous, cause, "internal error while building: " + e, "run kiln build --verbose for details");
        }
    }

    /** Reports a build that threw, in the terminal and the overlay, and keeps serving the last good site. */
    private void failed(SiteSnapshot previous, String cause, String message, String hint) {
        boolean serving = previous != null && !previous.files().isEmpty();
        log.failed().accept(cause + "kiln: " + message + " (hint: " + hint + ")" + (serving ? "; still serving the last good site"
                : "; nothing to serve until it is fixed"));
        fail(previous, List.of(Diagnostic.error(SourcePosition.startOf(Path.of(SourceWatcher.CONTENT)), message, hint)));
    }

    private void fail(SiteSnapshot previous, List<Diagnostic> diagnostics) {
        SiteSnapshot next = previous != null ? previous.withErrors(diagnostics)
                : new SiteSnapshot(session + "-0", "", "", Map.of(), List.copyOf(diagnostics));
        current.set(next);
        reloads.publish(next, next.version(), false);
    }

    /** The files to serve, and the paths whose file is new, changed or gone since {@code before}. */
    private record Served(Map<String, ServedFile> files, Set<String> changed) {}

    /**
     * A page whose bytes were kept from the last build keeps its entry too. The changes are found in the same loop,
     * and the files gone only when fewer of the old ones were found than there were (a pass over 12,000 files less).
     */
    private static Served served(List<OutputFile> files, Map<String, ServedFile> before) throws IOException {
        Map<String, ServedFile> served = new HashMap<>(files.size() * 4 / 3 + 1);
        Set<String> changed = new HashSet<>();
        int stayed = 0;
        for (OutputFile file : files) {
            ServedFile old = before.get(file.path());
            ServedFile now;
            if (file.bytes() != null) {
                now = old != null && old.bytes() == file.bytes() ? old : new ServedFile(file.bytes(), null, file.bytes().length, 0);
            } else {
                BasicFileAttributes attributes = Files.readAttributes(file.copyFrom(), BasicFileAttributes.class);
                now = new ServedFile(null, file.copyFrom().toAbsolutePath(), attributes.size(), attributes.lastModifiedTime().toMillis());
            }
            served.put(file.path(), now);
            if (old == null || old != now && !old.sameAs(now)) {
                changed.add(file.path());
            }
            stayed += old == null ? 0 : 1;
        }
        if (stayed < before.size()) {
            before.keySet().stream().filter(path -> !served.containsKey(path)).forEach(changed::add);
        }
        return new Served(FrozenMap.adopt(served), changed);
    }

    private static String describe(List<SourceChange> changes) {
        // A file name may hold a newline or a terminal escape: shown as \x0A, like in every message.
        List<String> shown = changes.stream().limit(3).map(c -> Diagnostic.visible(c.path()) + " " + c.kind()).toList();
        String text = String.join(", ", shown);
        return changes.size() > shown.size() ? text + " and " + (changes.size() - shown.size()) + " more" : text;
    }

    int openEventStreams() {
        return reloads.clientCount();
    }
}
