package dev.kiln.image;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.work.Parallel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The image stage: for each local image a page shows, its size as a browser shows it and, for a
 * JPEG or PNG wider than the content column, copies 640, 960, 1280 and 1920 pixels wide (those
 * narrower than the image). A copy is made once and reused while the image's bytes are unchanged:
 * from memory by a remembering processor (the preview), and from the previous output folder, whose
 * {@value #MANIFEST} file says which image bytes and settings each copy there was made from.
 */
public final class ImageProcessor {
    /** The theme's content column (45rem) in CSS pixels: images no wider than it need no copies. */
    public static final int CONTENT_WIDTH = 720;
    static final List<Integer> WIDTHS = List.of(640, 960, 1280, 1920);
    /** Part of every copy's key: changing how copies are made must make them again. */
    static final String SETTINGS = "kiln-images-1 halving+bicubic jpeg-q0.82 opaque-png-as-jpeg-when-half";
    /** In the output folder: one line per copy, {@code key TAB path TAB sha-256 of the copy}. */
    public static final String MANIFEST = ".kiln-images";

    private final boolean remember;
    /** Remembering only: a copy's bytes by its key. */
    private final Map<String, Made> made = new ConcurrentHashMap<>();
    /** Remembering only: what was learned from a file while its size and time stamp stay the same. */
    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    private record Made(String path, byte[] bytes) {}

    private record Known(long size, FileTime modified, String hash, ImageScaler.Header header) {}

    private ImageProcessor(boolean remember) {
        this.remember = remember;
    }

    public static ImageProcessor once() {
        return new ImageProcessor(false);
    }

    /** A processor for repeated builds of one site: it keeps what it read and made. */
    public static ImageProcessor remembering() {
        return new ImageProcessor(true);
    }

    /** Makes the next run read these files again (relative to the site root), whatever their time stamps say. */
    public void forget(Collection<Path> changedFiles) {
        changedFiles.forEach(known::remove);
    }

    /**
     * Reads every requested image and makes or reuses its copies. {@code previousOutput} is the
     * output folder of the last build, or null; its copies are reused only when its manifest names
     * them for the same image bytes and settings and their own bytes still match.
     */
    public ImageSet process(List<ImageRequest> requests, Path previousOutput, Diagnostics diagnostics) {
        Path previous = previousOutput == null ? null : previousOutput.toAbsolutePath().normalize();
        Map<String, Reusable> reusable = previous == null ? Map.of() : readManifest(previous);
        AtomicInteger resized = new AtomicInteger();
        AtomicInteger reused = new AtomicInteger();
        Map<String, ImageCatalog.Image> images = new ConcurrentHashMap<>();
        List<ImageSet.File> files = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, String> manifest = new ConcurrentHashMap<>(); // copy path → manifest line
        Map<String, Made> madeNow = new ConcurrentHashMap<>();
        Set<Path> seen = ConcurrentHashMap.newKeySet();
        Parallel.forEach(requests.size(), i -> {
            ImageRequest request = requests.get(i);
            try {
                seen.add(request.source());
                Source source = read(request);
                ImageScaler.Header header = source.header();
                List<ImageCatalog.Variant> variants = new ArrayList<>();
                boolean resizable = header.format().equals("jpeg") || header.format().equals("png");
                int width = header.shownWidth();
                int height = header.shownHeight();
                BufferedImage decoded = null;
                if (resizable && width > CONTENT_WIDTH) {
                    for (int target : WIDTHS) {
                        if (target >= width) {
                            break;
                        }
                        int targetHeight = Math.max(1, (int) Math.round((double) height * target / width));
                        String key = source.hash() + " " + target + " " + SETTINGS;
                        Made inMemory = made.get(key);
                        Reusable old = inMemory == null ? reusable.get(key) : null;
                        byte[] bytes;
                        Path from = null;
                        String extension;
                        if (inMemory != null) {
                            bytes = inMemory.bytes();
                            extension = extension(inMemory.path());
                            reused.incrementAndGet();
                        } else if (old != null && old.stillThere(previous)) {
                            bytes = null;
                            from = previous.resolve(old.path());
                            extension = extension(old.path());
                            reused.incrementAndGet();
                        } else {
                            if (decoded == null) {
                                decoded = ImageScaler.decode(source.bytes(request), header);
                            }
                            Made fresh = make(request.sitePath(), decoded, header, target, targetHeight, source.size());
                            if (fresh == null) {
                                continue; // no smaller than the image itself: not worth a copy
                            }
                            bytes = fresh.bytes();
                            extension = extension(fresh.path());
                            resized.incrementAndGet();
                        }
                        // Named after this image: another file with the same bytes gets copies of its own.
                        String path = copyPath(request.sitePath(), target, extension);
                        files.add(new ImageSet.File(path, bytes, from, request.source()));
                        if (bytes != null) {
                            madeNow.put(key, new Made(path, bytes));
                        }
                        manifest.put(path, key + "\t" + path + "\t" + (bytes != null ? sha256(bytes) : old.sha256()));
                        variants.add(new ImageCatalog.Variant("/" + path, target, targetHeight));
                    }
                }
                images.put(request.sitePath(), new ImageCatalog.Image(request.sitePath(), width, height, variants));
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(request.usedAt(), "cannot show image " + request.sitePath() + ": "
                        + e.getMessage(), "save " + contentPath(request) + " again as a JPEG or PNG, or link to it instead of showing it"));
            }
        });
        if (remember) {
            made.clear();
            made.putAll(madeNow);
            known.keySet().retainAll(seen);
        }
        if (!manifest.isEmpty()) {
            StringBuilder text = new StringBuilder("# Kiln's resized images: key (image sha-256, width, settings), copy, copy sha-256\n");
            new TreeMap<>(manifest).values().forEach(line -> text.append(line).append('\n'));
            files.add(new ImageSet.File(MANIFEST, text.toString().getBytes(StandardCharsets.UTF_8), null, null));
        }
        List<ImageSet.File> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ImageSet.File::path));
        return new ImageSet(new ImageCatalog(images), sorted, resized.get(), reused.get());
    }

    private static String contentPath(ImageRequest request) {
        return request.source().toString().replace('\\', '/');
    }

    /** An image's hash and header; its bytes are kept only when read anyway, else read again if a copy must be made. */
    private record Source(byte[] read, long size, String hash, ImageScaler.Header header) {
        byte[] bytes(ImageRequest request) throws IOException {
            return read != null ? read : Files.readAllBytes(request.file());
        }
    }

    /** Reads a file's header and hash; a remembering processor trusts what it knew while size and time stamp stay. */
    private Source read(ImageRequest request) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(request.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Known before = known.get(request.source());
        if (before != null && before.size() == attributes.size() && before.modified().equals(attributes.lastModifiedTime())) {
            return new Source(null, before.size(), before.hash(), before.header());
        }
        byte[] bytes = Files.readAllBytes(request.file());
        ImageScaler.Header header = ImageScaler.header(bytes);
        String hash = sha256(bytes);
        if (remember) {
            known.put(request.source(), new Known(attributes.size(), attributes.lastModifiedTime(), hash, header));
        }
        return new Source(bytes, bytes.length, hash, header);
    }

    /**
     * One copy: a JPEG stays a JPEG; a PNG stays a PNG unless it is opaque and a JPEG of it is less
     * than half the size (a photo saved as PNG). Null when the copy would not be smaller than the image.
     */
    private static Made make(String sitePath, BufferedImage image, ImageScaler.Header header, int width, int height,
                             long originalSize) throws IOException {
        BufferedImage small = ImageScaler.shrink(image, width, height);
        byte[] bytes;
        String extension;
        if (header.format().equals("jpeg")) {
            bytes = ImageScaler.jpeg(small);
            extension = "jpg";
        } else {
            bytes = ImageScaler.png(small);
            extension = "png";
            if (!small.getColorModel().hasAlpha()) {
                byte[] jpeg = ImageScaler.jpeg(small);
                if (jpeg.length * 2 < bytes.length) {
                    bytes = jpeg;
                    extension = "jpg";
                }
            }
        }
        if (bytes.length >= originalSize) {
            return null;
        }
        return new Made(copyPath(sitePath, width, extension), bytes);
    }

    private static String extension(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** {@code /img/photo.jpg} at 640 → {@code img/photo-640w.jpg}, relative to the output folder. */
    static String copyPath(String sitePath, int width, String extension) {
        String path = sitePath.substring(1);
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        String stem = dot > slash ? path.substring(0, dot) : path;
        return stem + "-" + width + "w." + extension;
    }

    /** A copy in the previous output, as its manifest describes it. */
    private record Reusable(String path, String sha256) {
        boolean stillThere(Path output) {
            Path file = output.resolve(path).normalize();
            if (!file.startsWith(output) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
                return HexFormat.of().formatHex(digest.digest()).equals(sha256);
            } catch (IOException e) {
                return false; // unreadable: made again
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The previous output's manifest by key; anything unreadable or malformed is simply not reused. */
    private static Map<String, Reusable> readManifest(Path output) {
        Path file = output.toAbsolutePath().normalize().resolve(MANIFEST);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        Map<String, Reusable> byKey = new HashMap<>();
        Set<String> paths = new HashSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 3 && !line.startsWith("#") && paths.add(fields[1]) && !fields[1].contains("..")) {
                    byKey.put(fields[0], new Reusable(fields[1], fields[2]));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        return byKey;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
