package dev.kiln.image;

import dev.kiln.text.LineText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What Kiln keeps between builds about the images pages show, in {@value #FOLDER} of the site (or only
 * in memory, when that folder cannot be written or the build must not write): for each image file its
 * size, time stamp, SHA-256 and header, or why its header or pixels cannot be read, so an unchanged file is
 * neither read, hashed nor decoded again (an unreadable one is warned about from what is kept); and for
 * each copy (by the image's SHA-256 and what the copy is), the file in the folder that holds it, or
 * that none is worth making. Copies are written as they are made, so a build that fails keeps them.
 * Only files the index names are ever deleted.
 */
final class ImageCache {
    /** Relative to the site root; the scaffold's .gitignore names it. */
    static final String FOLDER = ".kiln-cache/images";
    private static final String INDEX = "index.tsv";
    private static final String HEADER = "# Kiln's image cache, safe to delete: ";
    /**
     * The second line: how image lines are laid out. An index without it (or with another) keeps its copies (those
     * depend on the settings only) but not its images, which are read and hashed once more. Not in the first line:
     * an older Kiln reading this index would take other settings there and delete every copy.
     */
    private static final String FORMAT = "format\t2";
    /**
     * A file whose time stamp is this close to when it was last hashed may have changed again within
     * the file system's time stamp resolution (2 s on FAT): it is hashed again rather than trusted.
     */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * What one image file was when it was last read: {@code unreadable} says why its header (then {@code header} is
     * null) or its pixels cannot be read, null when they can (or were never decoded); it holds while the bytes do.
     */
    record Facts(long size, long modified, long checked, String sha256, ImageScaler.Header header, String unreadable) {
        boolean unchanged(long size, long modified) {
            return this.size == size && this.modified == modified && modified < checked - RACY_NANOS;
        }

        /** These facts, the pixels found undecodable for that reason. */
        Facts undecodable(String reason) {
            return new Facts(size, modified, checked, sha256, header, reason);
        }
    }

    /**
     * One copy of an image: its file in the folder ({@code bytes} null), or its bytes in memory
     * ({@code file} null); both null when no copy is worth making (it would not be smaller).
     */
    record Copy(String file, long size, byte[] bytes, String extension) {
        static final Copy NONE = new Copy(null, 0, null, null);

        boolean none() {
            return file == null && bytes == null;
        }
    }

    private final Path folder;
    private final boolean write;
    private final Map<Path, Facts> facts = new ConcurrentHashMap<>();
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private ImageCache(Path folder, boolean write) {
        this.folder = folder;
        this.write = write;
    }

    /** The cache of the site at {@code root}; with {@code write} false nothing on disk changes. */
    static ImageCache open(Path root, boolean write) {
        ImageCache cache = new ImageCache(root.toAbsolutePath().normalize().resolve(FOLDER), write);
        cache.read();
        return cache;
    }

    Path folder() {
        return folder;
    }

    boolean writes() {
        return write;
    }

    Facts facts(Path source) {
        return facts.get(source);
    }

    void remember(Path source, Facts known) {
        if (!known.equals(facts.put(source, known))) {
            changed = true;
        }
    }

    void forget(Path source) {
        if (facts.remove(source) != null) {
            changed = true;
        }
    }

    /** A copy that is still there (its file with the size it was written with), or null. */
    Copy copy(String key) {
        Copy copy = copies.get(key);
        if (copy == null || copy.none() || copy.bytes() != null) {
            return copy;
        }
        Path file = folder.resolve(copy.file());
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == copy.size()) {
                return copy;
            }
        } catch (IOException e) {
            // unreadable: made again
        }
        return null;
    }

    Path file(Copy copy) {
        return folder.resolve(copy.file());
    }

    /** Keeps a copy just made (null bytes: none worth making), on disk when this cache writes and can. */
    Copy put(String key, String name, byte[] bytes, String extension) {
        Copy copy = bytes == null ? Copy.NONE : new Copy(null, bytes.length, bytes, extension);
        if (bytes != null && write) {
            try {
                Files.createDirectories(folder);
                Path temp = temp(name);
                Files.write(temp, bytes);
                move(temp, folder.resolve(name));
                copy = new Copy(name, bytes.length, null, extension);
            } catch (IOException | UncheckedIOException e) {
                // A folder that cannot be written keeps copies in memory for this build only.
            }
        }
        copies.put(key, copy);
        changed = true;
        return copy;
    }

    /**
     * Forgets the images not in {@code used} and the copies of no remembered image, deleting their
     * files; for a build without errors only, so a failing build never drops what the next one needs.
     */
    void prune(Set<Path> used) {
        if (facts.keySet().retainAll(used)) {
            changed = true;
        }
        Set<String> hashes = ConcurrentHashMap.newKeySet();
        facts.values().forEach(f -> hashes.add(f.sha256()));
        copies.entrySet().removeIf(e -> {
            if (hashes.contains(e.getKey().substring(0, e.getKey().indexOf(' ')))) {
                return false;
            }
            changed = true;
            if (write && e.getValue().file() != null) {
                try {
                    Files.deleteIfExists(folder.resolve(e.getValue().file()));
                } catch (IOException ignored) {
                    // left for the next build
                }
            }
            return true;
        });
    }

    /** Writes the index when something changed and this cache writes; quietly not when it cannot. */
    void save() {
        if (!write || !changed) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append(ImageProcessor.SETTINGS).append('\n').append(FORMAT).append('\n');
        new TreeMap<>(facts).forEach((path, f) -> text.append(imageLine(path, f)).append('\n'));
        new TreeMap<>(copies).forEach((key, c) -> {
            if (c.bytes() == null) { // copies only in memory are not kept
                text.append(String.join("\t", "copy", key, c.none() ? "-" : c.file(), Long.toString(c.size()),
                        c.none() ? "-" : c.extension())).append('\n');
            }
        });
        try {
            Files.createDirectories(folder);
            Path temp = temp(INDEX);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            move(temp, folder.resolve(INDEX));
            changed = false;
        } catch (IOException | UncheckedIOException e) {
            // The next build reads and hashes again.
        }
    }

    /** An image's line: its facts, "-" for no header and for no reason it is unreadable. */
    private static String imageLine(Path path, Facts f) {
        ImageScaler.Header h = f.header();
        return String.join("\t", "image", path.toString().replace('\\', '/'), Long.toString(f.size()), Long.toString(f.modified()),
                Long.toString(f.checked()), f.sha256(), h == null ? "-" : h.format(), h == null ? "-" : Integer.toString(h.width()),
                h == null ? "-" : Integer.toString(h.height()), h == null ? "-" : Integer.toString(h.orientation()),
                f.unreadable() == null ? "-" : escaped(f.unreadable()));
    }

    /** The facts of an image line; a line with neither a header nor a reason is damaged. */
    private static Facts parsed(String[] f) {
        ImageScaler.Header header = f[6].equals("-") ? null
                : new ImageScaler.Header(f[6], Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]));
        String unreadable = f[10].equals("-") ? null : LineText.unescape(f[10]);
        if (header == null && unreadable == null) {
            throw new IllegalArgumentException("neither a header nor why there is none");
        }
        return new Facts(Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), f[5], header, unreadable);
    }

    /**
     * A reason is a decoder's message, which may hold a tab or a line end: kept as {@code \t}, {@code \n}, {@code \r}
     * (and a reason "-" as {@code \-}, "-" standing for none).
     */
    private static String escaped(String text) {
        return text.equals("-") ? "\\-" : LineText.escape(text).replace("\t", "\\t");
    }

    /**
     * A name no other build or thread writes to at the same time. Not {@code createTempFile}: its
     * files are readable by their owner only, and the copies must be readable by a web server.
     */
    private Path temp(String name) {
        return folder.resolve("." + name + "." + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads the index; a missing, damaged or older one (other settings: no copies; another format: no images) is taken
     * as far as it is valid.
     */
    private void read() {
        Path index = folder.resolve(INDEX);
        if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            var lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            boolean sameSettings = !lines.isEmpty() && lines.get(0).equals(HEADER + ImageProcessor.SETTINGS);
            boolean sameFormat = lines.size() > 1 && lines.get(1).equals(FORMAT);
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                try {
                    if (f[0].equals("image") && sameFormat && f.length == 11) {
                        facts.put(Path.of(f[1]), parsed(f));
                    } else if (f[0].equals("copy") && f.length == 5 && f[1].indexOf(' ') > 0) {
                        boolean none = f[2].equals("-");
                        boolean plainName = f[2].indexOf('/') < 0 && f[2].indexOf('\\') < 0 && !f[2].startsWith(".");
                        if (!sameSettings) {
                            if (!none && plainName && write) {
                                Files.deleteIfExists(folder.resolve(f[2])); // made with other settings: never used again
                            }
                        } else if (none || plainName) {
                            copies.put(f[1], none ? Copy.NONE : new Copy(f[2], Long.parseLong(f[3]), null, f[4]));
                        }
                    }
                } catch (RuntimeException e) {
                    changed = true; // a damaged line: dropped, and the index written again
                }
            }
            if (!sameSettings || !sameFormat) {
                changed = true;
            }
        } catch (IOException | UncheckedIOException e) {
            facts.clear();
            copies.clear();
        }
    }
}
