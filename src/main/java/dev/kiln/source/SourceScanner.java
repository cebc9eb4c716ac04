package dev.kiln.source;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.work.FrozenMap;
import dev.kiln.work.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Stage 1: finds the site's files and reads the text ones. No parsing happens here. */
public final class SourceScanner {
    static final String CONTENT = "content";
    static final String TEMPLATES = "templates";
    private static final String INCLUDES = "includes/";
    static final String CONFIG = "site.yml";
    /** content/_data/: YAML, JSON and CSV files that Liquid reads as site.data, never published. */
    static final String DATA = "_data";
    private static final String THEME_RESOURCE = "/theme";
    private static final String BUNDLED = "(bundled theme)";
    /**
     * Markdown and YAML beyond this size are refused unread: parsing and rendering need several
     * times the file's size in memory, and no post comes close (a whole novel is about 1 MB).
     */
    static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

    private record ReadText(long size, long modified, Optional<TextFile> text, List<Diagnostic> diagnostics) {}

    private enum Kind { CONFIG, POST, PAGE, STATIC, DATA }

    /** A file under content/: its path relative to the site root, and what it is to the site. */
    private record Entry(Path relative, Found found, Kind kind, SourceFile staticFile) {}

    /** A walk of content/, and the files in it that changed since and must have their size and time read again. */
    private record Listing(Path root, List<Entry> entries, Map<Path, Integer> byRelative, Set<Path> changed) {}

    /**
     * What the last scan read, for the next scan of the same site, which is told of every change under content/ and
     * templates/ through {@link #without} (the preview's file watcher). A file whose size and modification time are
     * unchanged is not read again, and content/ is walked again only after a file appeared or went away, not on every
     * scan (10,000 posts: 60–80 ms of each preview rebuild). A listing with symbolic links or problems is never kept:
     * a link's target can change without an event for the link.
     */
    public record Memory(Map<Path, ReadText> texts, Listing listing, Map<String, ThemeFile> bundledTheme) {
        public static final Memory EMPTY = new Memory(Map.of(), null, null);

        public Memory {
            texts = FrozenMap.copyOf(texts);
        }

        /**
         * This memory without the files at {@code relativePaths}: the next scan reads them again. A path the listing
         * does not hold as a file (a new or deleted file, a folder, or "everything", when the watcher lost count)
         * makes the next scan walk content/ again.
         */
        public Memory without(Collection<Path> relativePaths) {
            Map<Path, ReadText> kept = new HashMap<>(texts);
            kept.keySet().removeAll(relativePaths);
            Listing known = listing;
            if (known != null) {
                Set<Path> changed = new HashSet<>(known.changed());
                for (Path path : relativePaths) {
                    if (path.startsWith(TEMPLATES)) {
                        continue; // walked on every scan
                    }
                    if (!known.byRelative().containsKey(path)) {
                        known = null;
                        break;
                    }
                    changed.add(path);
                }
                known = known == null ? null : new Listing(known.root(), known.entries(), known.byRelative(), Set.copyOf(changed));
            }
            return new Memory(FrozenMap.adopt(kept), known, bundledTheme);
        }
    }

    /** A scan's result, and what the next scan may reuse. */
    public record Scan(SourceTree tree, Memory memory) {}

    /** Scans once, remembering nothing. */
    public SourceTree scan(Path root, Diagnostics diagnostics) throws IOException {
        return scan(root, diagnostics, Memory.EMPTY).tree();
    }

    /** The listing of {@code known} with the size and time of its changed files read again; null when one is no longer a file. */
    private static List<Entry> restat(Listing known) {
        List<Entry> entries = new ArrayList<>(known.entries());
        for (Path path : known.changed()) {
            BasicFileAttributes now;
            try {
                now = Files.readAttributes(known.root().resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return null; // gone again: walk
            }
            if (!now.isRegularFile()) {
                return null;
            }
            int at = known.byRelative().get(path);
            Entry entry = entries.get(at);
            entries.set(at, new Entry(entry.relative(), new Found(entry.found().path(), now, false), entry.kind(), entry.staticFile()));
        }
        return entries;
    }

    public Scan scan(Path root, Diagnostics diagnostics, Memory memory) throws IOException {
        Path realRoot = root.toRealPath();
        Listing known = memory.listing() != null && memory.listing().root().equals(root) ? memory.listing() : null;
        List<Entry> entries = known == null ? null : restat(known);
        Listing listing = known == null || entries == null ? null : new Listing(root, entries, known.byRelative(), Set.of());
        if (listing == null) {
            ListedContent listed = listContent(root, realRoot, diagnostics);
            entries = listed.entries();
            listing = listed.keep() ? new Listing(root, entries, listed.byRelative(), Set.of()) : null;
        }
        Map<Path, ReadText> read = new ConcurrentHashMap<>(entries.size() * 4 / 3 + 16); // sized: no resizing on every preview edit
        Optional<TextFile> config = Optional.empty();
        List<TextFile> posts = new ArrayList<>();
        List<TextFile> pages = new ArrayList<>();
        List<SourceFile> statics = new ArrayList<>();
        List<Entry> markdown = new ArrayList<>();
        List<TextFile> data = new ArrayList<>();
        for (Entry entry : entries) {
            switch (entry.kind()) {
                case CONFIG -> config = read(entry.relative(), entry.found(), diagnostics, memory.texts(), read);
                case STATIC -> statics.add(entry.staticFile());
                case DATA -> read(entry.relative(), entry.found(), diagnostics, memory.texts(), read).ifPresent(data::add);
                default -> markdown.add(entry);
            }
        }
        List<Optional<TextFile>> texts;
        try {
            texts = Parallel.map(markdown, entry -> {
                try {
                    return read(entry.relative(), entry.found(), diagnostics, memory.texts(), read);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < markdown.size(); i++) {
            Optional<TextFile> text = texts.get(i);
            if (text.isPresent()) {
                (markdown.get(i).kind() == Kind.POST ? posts : pages).add(text.get());
            }
        }
        Map<String, ThemeFile> bundledTheme = memory.bundledTheme() != null ? memory.bundledTheme() : bundledTheme();
        ThemeParts theme = theme(root, realRoot, bundledTheme, diagnostics);
        return new Scan(new SourceTree(root, config, posts, pages, statics, theme.layouts(), theme.assets(), theme.includes(), data),
                new Memory(FrozenMap.adopt(read), listing, bundledTheme));
    }

    /** The theme's layouts, assets and includes: the bundled theme's files, and templates/ over them. */
    private record ThemeParts(List<ThemeFile> layouts, List<ThemeFile> assets, List<TextFile> includes) {}

    private static Map<String, ThemeFile> bundledTheme() throws IOException {
        Map<String, ThemeFile> bundled = new TreeMap<>();
        readBundledTheme(bundled);
        return java.util.Collections.unmodifiableMap(bundled);
    }

    private static ThemeParts theme(Path root, Path realRoot, Map<String, ThemeFile> bundledTheme, Diagnostics diagnostics)
            throws IOException {
        Map<String, ThemeFile> theme = new TreeMap<>(bundledTheme);
        Path templates = root.resolve(TEMPLATES);
        for (Found file : listFiles(templates, realRoot, root, diagnostics)) {
            String name = templates.relativize(file.path()).toString().replace('\\', '/');
            theme.put(name, new ThemeFile(name, TEMPLATES, Files.readAllBytes(file.path())));
        }
        List<ThemeFile> layouts = new ArrayList<>();
        List<ThemeFile> assets = new ArrayList<>();
        List<TextFile> includes = new ArrayList<>();
        for (ThemeFile file : theme.values()) {
            if (file.name().startsWith(INCLUDES) && file.origin().equals(TEMPLATES)) {
                // Named as {% include %} names them; line ends as in Markdown, so positions agree.
                String text = new String(file.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\r\n", "\n").replace('\r', '\n');
                includes.add(new TextFile(Path.of(TEMPLATES, file.name()), text));
            } else if (file.name().startsWith("assets/")) {
                assets.add(file);
            } else if (file.name().endsWith(".mustache")) {
                layouts.add(file);
            }
        }
        return new ThemeParts(layouts, assets, includes);
    }

    /** A walk of content/; {@code keep}: it may be kept for the next scan (it has no links and no problems). */
    private record ListedContent(List<Entry> entries, Map<Path, Integer> byRelative, boolean keep) {}

    private static ListedContent listContent(Path root, Path realRoot, Diagnostics diagnostics) throws IOException {
        Path content = root.resolve(CONTENT);
        Diagnostics found = new Diagnostics();
        List<Found> files = listFiles(content, realRoot, root, found);
        List<Diagnostic> problems = found.sorted();
        problems.forEach(diagnostics::add);
        List<Entry> entries = new ArrayList<>(files.size());
        Map<Path, Integer> byRelative = new HashMap<>();
        int prefix = content.toString().length() + 1;
        boolean links = false;
        for (Found file : files) {
            // Paths under content/ by text: Path.relativize is slow enough to show on 10,000 files.
            Path inContent = Path.of(file.path().toString().substring(prefix));
            Path relative = Path.of(CONTENT).resolve(inContent);
            Kind kind = inContent.toString().equals(CONFIG) ? Kind.CONFIG
                    : inContent.getNameCount() > 1 && inContent.getName(0).toString().equals(DATA) ? Kind.DATA
                    : !isMarkdown(file.path()) ? Kind.STATIC
                    : relative.getNameCount() > 2 && relative.getName(1).toString().equals("posts") ? Kind.POST : Kind.PAGE;
            byRelative.put(relative, entries.size());
            entries.add(new Entry(relative, file, kind, kind == Kind.STATIC ? new SourceFile(relative, file.path()) : null));
            links |= file.link();
        }
        return new ListedContent(entries, Map.copyOf(byRelative), !links && problems.isEmpty());
    }

    static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** A file found by a scan, with its size and time stamps (of the target, for a symbolic link). */
    private record Found(Path path, BasicFileAttributes attributes, boolean link) {}

    /**
     * Regular files under {@code dir}, sorted, skipping hidden ones. A symlink that leads outside
     * {@code dir} is reported and not followed, so content can never pull in files from elsewhere, nor
     * the site folder's own {@code .env}, {@code .git} or output.
     * One walk with the attributes it reads anyway: a preview scans 10,000 files on every save.
     */
    private static List<Found> listFiles(Path dir, Path realRoot, Path root, Diagnostics diagnostics) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Found> files = new ArrayList<>();
        Path realDir = dir.toRealPath();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                return !folder.equals(dir) && isHidden(folder) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                if (isHidden(path)) {
                    return FileVisitResult.CONTINUE;
                }
                if (SourcePosition.hasUndecodableName(root.relativize(path))) {
                    // Java reads such a name lossily (U+FFFD): two of them would be one output, printed alike.
                    diagnostics.error(SourcePosition.startOf(root.relativize(path)), "the file name is not valid UTF-8",
                            "rename it with UTF-8 characters: URLs, feeds and web servers need them");
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isSymbolicLink()) {
                    Found linked = linked(path, dir, realDir, realRoot, root, diagnostics);
                    if (linked != null) {
                        files.add(linked);
                    }
                } else if (attributes.isRegularFile()) {
                    files.add(new Found(path, attributes, false));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
                throw e;
            }
        });
        return sorted(files);
    }

    /**
     * The file a symbolic link leads to, when it is a file inside {@code dir}; else null, reported when broken or
     * leading out of the site or out of {@code dir}.
     */
    private static Found linked(Path path, Path dir, Path realDir, Path realRoot, Path root, Diagnostics diagnostics)
            throws IOException {
        Path target;
        try {
            target = path.toRealPath();
        } catch (IOException e) {
            diagnostics.error(SourcePosition.startOf(root.relativize(path)), "broken symbolic link",
                    "remove it or point it at a file inside the site");
            return null;
        }
        if (!target.startsWith(realRoot)) {
            diagnostics.error(SourcePosition.startOf(root.relativize(path)),
                    "symbolic link points outside the site: " + target,
                    "copy the file into the site instead of linking to it");
            return null;
        }
        if (!target.startsWith(realDir)) {
            // Inside the site but outside content/ (or templates/): .env, site/, .git are not for publishing.
            String folder = root.relativize(dir).toString().replace('\\', '/');
            diagnostics.error(SourcePosition.startOf(root.relativize(path)), "symbolic link points outside "
                    + folder + "/: " + realRoot.relativize(target).toString().replace('\\', '/'),
                    "copy the file into " + folder + "/ instead of linking to it");
            return null;
        }
        BasicFileAttributes targetAttributes = Files.readAttributes(path, BasicFileAttributes.class);
        return targetAttributes.isRegularFile() ? new Found(path, targetAttributes, true) : null;
    }

    /** By path, with '/' between names on every system; each key worked out once. */
    private static List<Found> sorted(List<Found> files) {
        List<String> keys = new ArrayList<>(files.size());
        files.forEach(f -> keys.add(f.path().toString().replace('\\', '/')));
        Integer[] order = new Integer[files.size()];
        for (int n = 0; n < order.length; n++) {
            order[n] = n;
        }
        java.util.Arrays.sort(order, Comparator.comparing(keys::get));
        List<Found> sorted = new ArrayList<>(files.size());
        for (Integer n : order) {
            sorted.add(files.get(n));
        }
        return sorted;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /** The file's text: {@code known}'s while its size and time are unchanged; what was read is put in {@code read}. */
    private static Optional<TextFile> read(Path relative, Found file, Diagnostics diagnostics, Map<Path, ReadText> known,
                                           Map<Path, ReadText> read) throws IOException {
        long size = file.attributes().size();
        long modified = file.attributes().lastModifiedTime().to(TimeUnit.NANOSECONDS);
        ReadText text = known.get(relative);
        if (text == null || text.size() != size || text.modified() != modified) {
            Diagnostics found = new Diagnostics();
            text = new ReadText(size, modified, readText(relative, file.path(), found), found.sorted());
        }
        read.put(relative, text);
        text.diagnostics().forEach(diagnostics::add);
        return text.text();
    }

    private static Optional<TextFile> readText(Path relative, Path file, Diagnostics diagnostics) throws IOException {
        long size = Files.size(file);
        if (size > MAX_TEXT_BYTES) {
            diagnostics.error(SourcePosition.startOf(relative), String.format(java.util.Locale.ROOT,
                    "file is %.1f MB; Markdown and YAML files are limited to %d MB", size / (1024.0 * 1024),
                    MAX_TEXT_BYTES / (1024 * 1024)), "split it into several posts or pages");
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        // The JDK's own decoding is several times faster than a strict decoder; it turns invalid bytes
        // into U+FFFD, so only a text holding U+FFFD is checked strictly, to tell them apart.
        String text = new String(bytes, StandardCharsets.UTF_8);
        int bad = text.indexOf('\uFFFD') >= 0 ? firstInvalidUtf8(bytes) : -1;
        if (bad >= 0) {
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            reportAt(relative, before, before.length(), "invalid UTF-8 (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xff) + " at offset " + bad + ")",
                    "save the file as UTF-8", diagnostics);
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            reportAt(relative, text, text.indexOf('\0'), "file contains NUL bytes: it looks binary, not text",
                    "save it as UTF-8 text, or give it another extension to copy it as is", diagnostics);
            return Optional.empty();
        }
        return Optional.of(new TextFile(relative, text.replace("\r\n", "\n").replace('\r', '\n')));
    }

    private static void reportAt(Path relative, String text, int index, String message, String hint, Diagnostics diagnostics) {
        diagnostics.error(SourcePosition.at(relative, text, index), message, hint);
    }

    /** The offset of the first byte that is not valid UTF-8, or -1 when all are. */
    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    /** Loads the theme bundled in the jar (or in target/classes during tests) by walking its folder. */
    private static void readBundledTheme(Map<String, ThemeFile> theme) throws IOException {
        URL url = SourceScanner.class.getResource(THEME_RESOURCE);
        if (url == null) {
            return;
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad theme location " + url, e);
        }
        if (uri.getScheme().equals("jar")) {
            // The jar's own entries, not a zip file system: that costs a provider lookup and 30 classes at start-up.
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            String prefix = connection.getEntryName() + "/";
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : (Iterable<JarEntry>) jar.stream().sorted(Comparator.comparing(JarEntry::getName))::iterator) {
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        String name = entry.getName().substring(prefix.length());
                        try (InputStream in = jar.getInputStream(entry)) {
                            theme.put(name, new ThemeFile(name, BUNDLED, in.readAllBytes()));
                        }
                    }
                }
            }
        } else {
            readTree(Path.of(uri), theme);
        }
    }

    private static void readTree(Path dir, Map<String, ThemeFile> theme) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    String name = dir.relativize(path).toString().replace('\\', '/');
                    try (InputStream in = Files.newInputStream(path)) {
                        theme.put(name, new ThemeFile(name, BUNDLED, in.readAllBytes()));
                    }
                }
            }
        }
    }
}
