package dev.kiln.compile;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Severity;
import dev.kiln.diag.SourcePosition;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.model.Document;
import dev.kiln.model.SourceSettings;
import dev.kiln.work.Parallel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.stream.Stream;

/**
 * The bodies the last build compiled (Liquid, then Markdown), kept on disk in the site's cache folder, so the
 * next process (each {@code kiln build}, each {@code mvn -q}) reuses them as the preview keeps them in memory: a
 * body is valid while its file's text, the settings, Kiln's own code and every answer its Liquid or links got
 * from the rest of the site are equal. Bodies whose answers are not plain text ({@code site.posts} in a loop)
 * are compiled every time. Anything wrong with the file (missing, another version, truncated) means compiling
 * again, never an error: it is only a cache.
 */
final class CompiledCache {
    static final String FILE = ".kiln-cache/compiled";
    private static final String FORMAT = "kiln-compiled-2";

    /** One body as compiled: the text's hash, what the body made, and the answers it got. */
    record Entry(boolean isPost, byte[] textHash, Document.Content content, List<Diagnostic> diagnostics,
                 List<SiteLookup.Lookup> lookups) {}

    static final CompiledCache NONE = new CompiledCache(Map.of());

    private final Map<Path, Entry> entries;

    private CompiledCache(Map<Path, Entry> entries) {
        this.entries = entries;
    }

    /** The entry for a source whose text hashes to {@code textHash}, or null. */
    Entry get(Path source, boolean isPost, byte[] textHash) {
        Entry entry = entries.get(source);
        return entry != null && entry.isPost() == isPost && Arrays.equals(entry.textHash(), textHash) ? entry : null;
    }

    int size() {
        return entries.size();
    }

    /** Whether a body's answers can be kept: text or nothing, not the site's lists. */
    static boolean keepable(List<SiteLookup.Lookup> lookups) {
        return lookups.stream().allMatch(l -> l.value() == null || l.value() instanceof String);
    }

    /**
     * The text's checksum: its length in bytes and two CRCs of them (CRC-32 and CRC-32C, 64 bits in all), which tell
     * an edited file from the kept one. Not SHA-256: the launcher's quick compiler runs it in plain Java, and it was a
     * twentieth of a cold build of 10,000 posts; the JDK's CRCs run as native code in every compiler.
     */
    static byte[] hash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        CRC32C crcC = new CRC32C();
        crcC.update(bytes);
        return java.nio.ByteBuffer.allocate(16).putLong(bytes.length).putInt((int) crc.getValue()).putInt((int) crcC.getValue()).array();
    }

    /** What was kept under {@code root} for these settings and this Kiln, or {@link #NONE}. */
    static CompiledCache read(Path root, SourceSettings settings) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(stamp(settings))) {
                return NONE;
            }
            int count = in.readInt();
            Map<Path, Entry> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                Path source = Path.of(in.readUTF());
                entries.put(source, readEntry(in));
            }
            return new CompiledCache(entries);
        } catch (IOException | RuntimeException e) {
            return NONE; // damaged or from elsewhere: compiled again, and written anew
        }
    }

    /** Keeps {@code entries} for the next build; written aside and renamed, so a build never reads half a file. */
    static void write(Path root, SourceSettings settings, Map<Path, Entry> entries) {
        Path file = root.resolve(FILE);
        Path temporary = file.resolveSibling("compiled." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                out.writeUTF(FORMAT);
                out.writeUTF(stamp(settings));
                out.writeInt(entries.size());
                List<Map.Entry<Path, Entry>> sorted = List.copyOf(new TreeMap<>(entries).entrySet());
                for (int from = 0; from < sorted.size(); from += CHUNK) {
                    for (byte[] entry : Parallel.map(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)), CompiledCache::entryBytes)) {
                        out.write(entry);
                    }
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary); // a cache that cannot be written costs the next build time, nothing else
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** Entries serialised at a time: on every core, yet never all of a big site's in memory at once. */
    private static final int CHUNK = 256;

    /** One entry as it is written, its source first: made on every core (10,000 bodies are tens of megabytes). */
    private static byte[] entryBytes(Map.Entry<Path, Entry> entry) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(entry.getKey().toString().replace('\\', '/'));
            writeEntry(out, entry.getValue());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // cannot happen: the stream is in memory
        }
        return bytes.toByteArray();
    }

    /** What a kept body is valid for besides its text: the settings, and the code and JDK that compiled it. */
    private static String stamp(SourceSettings settings) {
        return settings + "|" + CODE + "|" + Runtime.version();
    }

    /** Kiln's jar (its size and time) or, run from classes, the newest class file's time and their count. */
    private static final String CODE = code();

    private static String code() {
        try {
            Path location = Path.of(CompiledCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
            }
            try (Stream<Path> classes = Files.walk(location)) {
                long[] newest = {0, 0};
                classes.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                    newest[0] = Math.max(newest[0], p.toFile().lastModified());
                    newest[1]++;
                });
                return location + ":" + newest[0] + ":" + newest[1];
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown:" + System.nanoTime(); // never matches a kept file: nothing is reused
        }
    }

    private static Entry readEntry(DataInputStream in) throws IOException {
        boolean isPost = in.readBoolean();
        byte[] hash = in.readNBytes(in.readInt());
        Document.Content content = new Document.Content(string(in), string(in), string(in), string(in), string(in), in.readInt(),
                links(in), in.readBoolean(), in.readBoolean(), strings(in), map(in));
        int diagnosticCount = in.readInt();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = 0; i < diagnosticCount; i++) {
            Severity severity = Severity.valueOf(in.readUTF());
            SourcePosition position = position(in);
            String message = string(in);
            String hint = string(in);
            int usedBy = in.readInt();
            List<SourcePosition> users = new ArrayList<>();
            for (int k = 0; k < usedBy; k++) {
                users.add(position(in));
            }
            diagnostics.add(new Diagnostic(severity, position, message, hint, users));
        }
        int lookupCount = in.readInt();
        List<SiteLookup.Lookup> lookups = new ArrayList<>();
        for (int i = 0; i < lookupCount; i++) {
            lookups.add(new SiteLookup.Lookup(SiteLookup.Kind.valueOf(in.readUTF()), string(in), string(in)));
        }
        return new Entry(isPost, hash, content, List.copyOf(diagnostics), List.copyOf(lookups));
    }

    private static void writeEntry(DataOutputStream out, Entry entry) throws IOException {
        Document.Content c = entry.content();
        out.writeBoolean(entry.isPost());
        out.writeInt(entry.textHash().length);
        out.write(entry.textHash());
        for (String s : new String[] {c.html(), c.excerptHtml(), c.excerptText(), c.toc(), c.text()}) {
            string(out, s);
        }
        out.writeInt(c.wordCount());
        out.writeInt(c.links().size());
        for (Document.Link link : c.links()) {
            string(out, link.url());
            position(out, link.position());
        }
        out.writeBoolean(c.math());
        out.writeBoolean(c.embeds());
        out.writeInt(c.thumbnails().size());
        for (String id : c.thumbnails()) {
            string(out, id);
        }
        out.writeInt(c.files().size());
        for (Map.Entry<String, String> e : new TreeMap<>(c.files()).entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
        out.writeInt(entry.diagnostics().size());
        for (Diagnostic d : entry.diagnostics()) {
            out.writeUTF(d.severity().name());
            position(out, d.position());
            string(out, d.message());
            string(out, d.hint());
            out.writeInt(d.usedBy().size());
            for (SourcePosition p : d.usedBy()) {
                position(out, p);
            }
        }
        out.writeInt(entry.lookups().size());
        for (SiteLookup.Lookup l : entry.lookups()) {
            out.writeUTF(l.kind().name());
            string(out, l.key());
            string(out, (String) l.value());
        }
    }

    private static List<Document.Link> links(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Document.Link> links = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            links.add(new Document.Link(string(in), position(in)));
        }
        return List.copyOf(links);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strings.add(string(in));
        }
        return List.copyOf(strings);
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(string(in), string(in));
        }
        return Map.copyOf(map);
    }

    private static SourcePosition position(DataInputStream in) throws IOException {
        return new SourcePosition(Path.of(in.readUTF()), in.readInt(), in.readInt());
    }

    private static void position(DataOutputStream out, SourcePosition position) throws IOException {
        out.writeUTF(position.file().toString().replace('\\', '/'));
        out.writeInt(position.line());
        out.writeInt(position.column());
    }

    /** A string of any length (writeUTF stops at 64 KB), or null. */
    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
