package dev.kiln.image;

import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.UrlPaths;
import dev.kiln.work.Parallel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The image stage: for each local image a page shows, its size as a browser shows it and, for a
 * JPEG or PNG wider than the content column, copies 640, 720, 960, 1280 and 1920 pixels wide (those
 * narrower than the image). A copy is made once and kept in the site's image cache ({@link ImageCache}),
 * reused while the image's bytes are unchanged; an image whose size and time stamp are unchanged is
 * not even read. Each image is decoded at most once for all its copies, the images on every core; one that
 * cannot be decoded is not tried again while its bytes are unchanged (the cache keeps why, for the warning).
 */
public final class ImageProcessor {
    /** The theme's content column (45rem) in CSS pixels: images no wider than it need no copies. */
    public static final int CONTENT_WIDTH = 720;
    /** 720: the column on a desktop screen, and a phone of 1.75 pixels a CSS pixel, whose next size up is 960. */
    static final List<Integer> WIDTHS = List.of(640, 720, 960, 1280, 1920);
    /** Part of every copy's key: changing how copies are made must make them again. */
    static final String SETTINGS = "kiln-images-1 halving+bicubic jpeg-q0.82 opaque-png-as-jpeg-when-half webp-lossy-q0.75-m4";

    private final Memory memory;

    /**
     * What the last run kept: the site's image cache, open (its index read), and the image files changed since,
     * which the next run reads again whatever their time stamps say. The cache is on disk; this is its handle.
     */
    public record Memory(ImageCache cache, Set<Path> changed) {
        public static final Memory EMPTY = new Memory(null, Set.of());

        public Memory {
            changed = Set.copyOf(changed);
        }

        /** This memory, told that these files (relative to the site root) changed. */
        public Memory without(Collection<Path> changedFiles) {
            if (cache == null || changedFiles.isEmpty()) {
                return this;
            }
            Set<Path> all = new HashSet<>(changed);
            all.addAll(changedFiles);
            return new Memory(cache, all);
        }
    }

    /** @param memory the last run's ({@link Memory#EMPTY}: open the cache afresh) */
    public ImageProcessor(Memory memory) {
        this.memory = memory;
    }

    /**
     * What one run did, for {@code --profile} and for tests (counts, not times, say what was skipped). {@code decoded}
     * counts the images whose decoding was tried, those that failed too; {@code decodedPixels} only those decoded.
     */
    public record Work(int resized, int reused, int webpMade, int webpReused, int hashed, int decoded, long decodedPixels,
                       long decodeNanos, long resizeNanos) {
        static final Work NONE = new Work(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static final class Counters {
        final AtomicInteger resized = new AtomicInteger();
        final AtomicInteger reused = new AtomicInteger();
        final AtomicInteger webpMade = new AtomicInteger();
        final AtomicInteger webpReused = new AtomicInteger();
        final AtomicInteger hashed = new AtomicInteger();
        final AtomicInteger decoded = new AtomicInteger();
        final AtomicLong pixels = new AtomicLong();
        final AtomicLong decodeNanos = new AtomicLong();
        final AtomicLong resizeNanos = new AtomicLong();

        Work work() {
            return new Work(resized.get(), reused.get(), webpMade.get(), webpReused.get(), hashed.get(), decoded.get(), pixels.get(), decodeNanos.get(),
                    resizeNanos.get());
        }
    }

    /**
     * Reads every requested image of the site at {@code root} and makes or reuses its copies. With
     * {@code writeCache} the copies made go into the site's image cache (as they are made: a build
     * that fails keeps them); without, nothing on disk changes. {@code prune}, for a build without
     * errors so far, lets the cache forget the images no page shows any more.
     */
    public ImageSet process(List<ImageRequest> requests, Path root, boolean writeCache, boolean prune,
                            Diagnostics diagnostics) {
        ImageCache kept = memory.cache();
        if (requests.isEmpty() && kept == null) {
            return new ImageSet(ImageCatalog.empty(), List.of(), Work.NONE, Memory.EMPTY); // no image I/O for a site without images
        }
        ImageCache cache = kept != null && kept.writes() == writeCache
                && kept.folder().equals(root.toAbsolutePath().normalize().resolve(ImageCache.FOLDER))
                ? kept : ImageCache.open(root, writeCache);
        memory.changed().forEach(cache::forget);
        Counters counters = new Counters();
        Map<String, ImageCatalog.Image> images = new ConcurrentHashMap<>();
        List<ImageSet.File> files = Collections.synchronizedList(new ArrayList<>());
        Parallel.forEach(requests.size(), i -> {
            ImageRequest request = requests.get(i);
            try {
                ImageCatalog.Image image = image(request, cache, counters, files, diagnostics);
                if (image != null) {
                    images.put(request.sitePath(), image);
                }
            } catch (IOException e) {
                diagnostics.add(Diagnostic.error(request.usedAt(), "cannot show image " + request.sitePath() + ": "
                        + e.getMessage(), "save " + contentPath(request) + " again as a JPEG or PNG, or link to it instead of showing it"));
            }
        });
        if (prune) {
            cache.prune(requests.stream().map(ImageRequest::source).collect(Collectors.toSet()));
        }
        cache.save();
        List<ImageSet.File> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ImageSet.File::path));
        return new ImageSet(new ImageCatalog(images), sorted, counters.work(), new Memory(cache, Set.of()));
    }

    /**
     * One image's size and copies. An image whose header cannot be read is published as it is, with a warning, and
     * pages show it without a size (null); one that cannot be decoded keeps its size and gets no copies. Only a file
     * that cannot be read at all is an error ({@code IOException}): it could not be published either.
     */
    private ImageCatalog.Image image(ImageRequest request, ImageCache cache, Counters counters, List<ImageSet.File> files,
                                     Diagnostics diagnostics) throws IOException {
        Source source = read(request, cache, counters);
        ImageScaler.Header header = source.header();
        if (header == null) {
            diagnostics.add(Diagnostic.warning(request.usedAt(), "image " + request.sitePath()
                    + " is published as it is, without width and height: " + source.facts().unreadable(), "save " + contentPath(request)
                    + " again as a JPEG or PNG, or link to it instead of showing it"));
            return null;
        }
        String undecodable = source.facts().unreadable();
        boolean resizable = header.format().equals("jpeg") || header.format().equals("png");
        if (resizable && undecodable == null) {
            List<ImageSet.File> made = new ArrayList<>();
            try {
                ImageCatalog.Image image = copies(request, source, cache, counters, made);
                files.addAll(made);
                return image;
            } catch (ImageScaler.UnreadableImage e) {
                undecodable = e.getMessage();
                cache.remember(request.source(), source.facts().undecodable(undecodable)); // not decoded again while unchanged
            }
        }
        if (undecodable != null) {
            diagnostics.add(Diagnostic.warning(request.usedAt(), "image " + request.sitePath()
                    + " is published as it is, without smaller copies: " + undecodable, "for copies, save "
                    + contentPath(request) + " again as an RGB JPEG or PNG of at most " + ImageScaler.MAX_PIXELS / 1_000_000
                    + " million pixels"));
        }
        return new ImageCatalog.Image(request.sitePath(), header.shownWidth(), header.shownHeight(), List.of(), List.of());
    }

    /** A JPEG's or PNG's copies, each made or taken from the cache, added to {@code files}; all of them or none. */
    private ImageCatalog.Image copies(ImageRequest request, Source source, ImageCache cache, Counters counters,
                                      List<ImageSet.File> files) throws IOException, ImageScaler.UnreadableImage {
        ImageScaler.Header header = source.header();
        int width = header.shownWidth();
        int height = header.shownHeight();
        Pixels pixels = new Pixels(request, source, counters);
        List<ImageCatalog.Variant> variants = new ArrayList<>();
        // The size of what a browser gets without WebP at each width: a copy, else the image itself.
        Map<Integer, Long> fallback = new TreeMap<>();
        if (width > CONTENT_WIDTH) {
            for (int target : WIDTHS) {
                if (target >= width) {
                    break;
                }
                int targetHeight = height(width, height, target);
                ImageCache.Copy copy = cache.copy(source.hash() + " " + target);
                if (copy != null) {
                    counters.reused.incrementAndGet();
                } else {
                    long start = cpuNanos();
                    Made fresh = make(pixels.levels(), header, target, targetHeight, source.size());
                    counters.resizeNanos.addAndGet(cpuNanos() - start);
                    copy = keep(cache, source.hash(), String.valueOf(target), fresh);
                    counters.resized.incrementAndGet();
                }
                fallback.put(target, copy.none() ? source.size() : copy.size());
                if (copy.none()) {
                    continue; // no smaller than the image itself: not worth a copy
                }
                variants.add(publish(request, cache, copy, target, targetHeight, files));
            }
        }
        if (width <= MAX_WEBP_WIDTH) {
            fallback.put(width, source.size());
        }
        List<ImageCatalog.Variant> webp = new ArrayList<>();
        List<ImageCache.Copy> webpCopies = webpCopies(source, pixels, fallback, cache, counters);
        int i = 0;
        for (Integer target : webpCopies.isEmpty() ? List.<Integer>of() : fallback.keySet()) {
            webp.add(publish(request, cache, webpCopies.get(i++), target, height(width, height, target), files));
        }
        return new ImageCatalog.Image(request.sitePath(), width, height, variants, webp);
    }

    /**
     * A WebP copy at each width of {@code fallback}, each smaller than what a browser without WebP gets there; none at
     * all when one would not be smaller or no encoder loads.
     */
    private static List<ImageCache.Copy> webpCopies(Source source, Pixels pixels, Map<Integer, Long> fallback, ImageCache cache,
            Counters counters) throws IOException, ImageScaler.UnreadableImage {
        int width = source.header().shownWidth();
        int height = source.header().shownHeight();
        List<ImageCache.Copy> webpCopies = new ArrayList<>();
        for (Map.Entry<Integer, Long> at : fallback.entrySet()) {
            int target = at.getKey();
            ImageCache.Copy copy = cache.copy(source.hash() + " webp-" + target);
            if (copy != null) {
                counters.webpReused.incrementAndGet();
            } else {
                long start = cpuNanos();
                BufferedImage image = target == width ? pixels.levels().full() : pixels.levels().shrink(target, height(width, height, target));
                byte[] bytes = ImageScaler.webp(image);
                counters.resizeNanos.addAndGet(cpuNanos() - start);
                if (bytes == null) {
                    webpCopies.clear();
                    break; // no WebP encoder on this platform: the page offers the image and its copies only
                }
                copy = keep(cache, source.hash(), "webp-" + target, bytes.length < at.getValue() ? new Made(bytes, "webp") : null);
                counters.webpMade.incrementAndGet();
            }
            if (copy.none()) {
                webpCopies.clear();
                break; // one WebP no smaller than what it stands for: offered at no width, so every browser gets one kind
            }
            webpCopies.add(copy);
        }
        return webpCopies;
    }

    /** The widest WebP copy: wider ones would cost seconds each for screens that rarely need them. */
    static final int MAX_WEBP_WIDTH = 1920;

    private static int height(int width, int height, int target) {
        return Math.max(1, (int) Math.round((double) height * target / width));
    }

    private static ImageCache.Copy keep(ImageCache cache, String hash, String what, Made made) {
        return made == null ? cache.put(hash + " " + what, null, null, null)
                : cache.put(hash + " " + what, hash + "-" + what + "." + made.extension(), made.bytes(), made.extension());
    }

    /** Adds a copy to the site, named after this image: another file with the same bytes gets copies of its own. */
    private static ImageCatalog.Variant publish(ImageRequest request, ImageCache cache, ImageCache.Copy copy, int width,
                                                int height, List<ImageSet.File> files) {
        String url = SiteUrls.imageCopy(request.sitePath(), width, copy.extension(), request.copiesNamedWithExtension());
        String path = UrlPaths.outputPath(url);
        files.add(copy.bytes() != null ? new ImageSet.File(path, copy.bytes(), null, request.source())
                : new ImageSet.File(path, null, cache.file(copy), request.source()));
        return new ImageCatalog.Variant(url, width, height);
    }

    /** An image's pixels, decoded on first need, once for all its copies. */
    private static final class Pixels {
        private final ImageRequest request;
        private final Source source;
        private final Counters counters;
        private ImageScaler.Levels levels;

        Pixels(ImageRequest request, Source source, Counters counters) {
            this.request = request;
            this.source = source;
            this.counters = counters;
        }

        ImageScaler.Levels levels() throws IOException, ImageScaler.UnreadableImage {
            if (levels == null) {
                levels = decode(source.bytes(request), source.header(), counters);
            }
            return levels;
        }
    }

    private static ImageScaler.Levels decode(byte[] bytes, ImageScaler.Header header, Counters counters)
            throws ImageScaler.UnreadableImage {
        long start = cpuNanos();
        ImageScaler.Levels levels;
        try {
            levels = new ImageScaler.Levels(ImageScaler.decode(bytes, header));
        } finally {
            counters.decodeNanos.addAndGet(cpuNanos() - start);
            counters.decoded.incrementAndGet();
        }
        counters.pixels.addAndGet((long) header.width() * header.height());
        return levels;
    }

    /** This thread's CPU time: decoding runs on every core, so wall time would say little per image. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String contentPath(ImageRequest request) {
        return request.source().toString().replace('\\', '/');
    }

    /** An image's facts (hash, header); its bytes are kept only when read anyway, else read again if a copy must be made. */
    private record Source(byte[] read, ImageCache.Facts facts) {
        long size() {
            return facts.size();
        }

        String hash() {
            return facts.sha256();
        }

        /** Null when it cannot be read: {@code facts().unreadable()} says why. */
        ImageScaler.Header header() {
            return facts.header();
        }

        byte[] bytes(ImageRequest request) throws IOException {
            return read != null ? read : Files.readAllBytes(request.file());
        }
    }

    /**
     * An image's hash and header, or why it cannot be read: from the cache while its size and time stamp are unchanged
     * (the file is not read), else from its bytes, hashed; a file touched but unchanged keeps its copies, or its reason.
     */
    private static Source read(ImageRequest request, ImageCache cache, Counters counters) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(request.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        ImageCache.Facts before = cache.facts(request.source());
        if (before != null && before.unchanged(attributes.size(), modified)) {
            return new Source(null, before);
        }
        long checked = System.currentTimeMillis() * 1_000_000L;
        byte[] bytes = Files.readAllBytes(request.file());
        String hash = sha256(bytes);
        counters.hashed.incrementAndGet();
        ImageCache.Facts facts;
        if (before != null && before.sha256().equals(hash)) {
            facts = new ImageCache.Facts(bytes.length, modified, checked, hash, before.header(), before.unreadable());
        } else {
            try {
                facts = new ImageCache.Facts(bytes.length, modified, checked, hash, ImageScaler.header(bytes), null);
            } catch (ImageScaler.UnreadableImage e) {
                facts = new ImageCache.Facts(bytes.length, modified, checked, hash, null, e.getMessage());
            }
        }
        cache.remember(request.source(), facts);
        return new Source(bytes, facts);
    }

    /**
     * One copy: a JPEG stays a JPEG; a PNG stays a PNG unless it is opaque and a JPEG of it is less
     * than half the size (a photo saved as PNG). Null when the copy would not be smaller than the image.
     */
    private static Made make(ImageScaler.Levels image, ImageScaler.Header header, int width, int height,
                             long originalSize) throws IOException {
        BufferedImage small = image.shrink(width, height);
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
        return new Made(bytes, extension);
    }

    private record Made(byte[] bytes, String extension) {}

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
