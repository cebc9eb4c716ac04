package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kiln.KilnRun;
import dev.kiln.model.Visibility;
import dev.kiln.output.OutputFile;
import dev.kiln.pipeline.BuildResult;
import dev.kiln.pipeline.Rebuilds;
import dev.kiln.pipeline.SiteBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images that never slow a page: sizes from the files, lazy loading below the first image, resized
 * copies offered through srcset (the masthead too), made once and reused while the image is unchanged.
 */
class ImagesTest {
    private static final String SIZES = "(min-width: 47.5rem) 45rem, calc(100vw - 2rem)";
    private static final String POST = "site/2024/05/01/photos/index.html";

    private static final List<String> PHOTOS = List.of("photo.jpg", "shot.png", "alpha.png", "small.png");

    /**
     * The photo site's images, made once for the class (making and encoding them took longer than the
     * builds): photos of real sizes, and strips as wide (so they get the same copies) but a tenth as
     * high, for the tests about which copies are made and reused, where the pixels are not the point.
     */
    @TempDir
    static Path photos;

    @TempDir
    Path site;

    @BeforeAll
    static void makePhotos() {
        for (int tenth : new int[] {1, 10}) {
            Path folder = photos.resolve(tenth == 1 ? "photos" : "strips");
            TestImages.write(TestImages.photo(3000, 2000 / tenth, 1, false), "jpg", folder.resolve("photo.jpg"));
            TestImages.write(TestImages.photo(2000, 1200 / tenth, 2, false), "png", folder.resolve("shot.png"));
            TestImages.write(TestImages.photo(1400, 900 / tenth, 3, true), "png", folder.resolve("alpha.png"));
            TestImages.write(TestImages.photo(400, 300 / tenth, 4, false), "png", folder.resolve("small.png"));
        }
    }

    private void write(String path, String text) {
        KilnRun.write(site.resolve(path), text);
    }

    /** A post showing the photos (or the strips) in every way: masthead, Markdown, raw HTML, sized, remote. */
    private void photoSite(String siteYml, String images) throws IOException {
        write("content/site.yml", siteYml);
        Files.createDirectories(site.resolve("content/img"));
        for (String photo : PHOTOS) {
            Files.copy(photos.resolve(images).resolve(photo), site.resolve("content/img").resolve(photo));
        }
        write("content/posts/2024-05-01-photos.md", """
                ---
                title: Photos
                background: /img/photo.jpg
                ---
                Five pictures.

                ![The first](/img/photo.jpg)

                ![A photo saved as PNG](/img/shot.png)

                ![Half transparent](/img/alpha.png)

                <img src="/img/small.png" alt="Small, in raw HTML">

                ![Sized by the author](/img/shot.png){: width="300" height="200"}

                ![On another host](https://cdn.example.org/remote.png)
                """);
    }

    private KilnRun build(String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--source", site.toString(), "--profile"));
        args.addAll(List.of(extra));
        return KilnRun.of(args.toArray(String[]::new));
    }

    @Test
    void resizesWideJpegAndPngIntoCopiesOfeachWidthOfferedThroughSrcsetWithSizesAndLazyLoading() throws IOException {
        photoSite("title: Photos\nurl: https://example.com\n", "photos");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Resized images: 14 made, 0 reused"), run.out());

        for (int width : new int[] {640, 720, 960, 1280, 1920}) {
            assertSize("site/img/photo-" + width + "w.jpg", "JPEG", width, (int) Math.round(2000.0 * width / 3000));
            // An opaque PNG photo: a JPEG copy is far smaller, so that is what a browser gets.
            assertSize("site/img/shot-" + width + "w.jpg", "JPEG", width, (int) Math.round(1200.0 * width / 2000));
        }
        for (int width : new int[] {640, 720, 960, 1280}) {
            assertSize("site/img/alpha-" + width + "w.png", "png", width, (int) Math.round(900.0 * width / 1400));
        }
        assertFalse(Files.exists(site.resolve("site/img/alpha-1920w.png")), "never wider than the image");
        assertFalse(Files.exists(site.resolve("site/img/small-640w.png")), "no copies of an image narrower than the column");

        List<Map<String, String>> images = images(KilnRun.read(site.resolve(POST)));
        Map<String, String> masthead = images.get(0);
        assertEquals("masthead-photo", masthead.get("class"));
        assertEquals("/img/photo.jpg", masthead.get("src"));
        assertEquals("/img/photo-640w.jpg 640w, /img/photo-720w.jpg 720w, /img/photo-960w.jpg 960w, /img/photo-1280w.jpg 1280w, "
                + "/img/photo-1920w.jpg 1920w, /img/photo.jpg 3000w", masthead.get("srcset"));
        assertEquals("100vw", masthead.get("sizes"));
        assertEquals("3000", masthead.get("width"));
        assertEquals("2000", masthead.get("height"));
        assertEquals("high", masthead.get("fetchpriority"));
        assertFalse(masthead.containsKey("loading"), "the masthead is never lazy");
        assertFalse(KilnRun.read(site.resolve(POST)).contains("background-image: url("), "a local masthead is an <img>, not CSS");

        // WebP copies at the same widths, offered first through <picture>; the <img> is the fallback.
        for (int width : new int[] {640, 720, 960, 1280, 1920}) {
            assertWebp("site/img/photo-" + width + "w.webp", width, (int) Math.round(2000.0 * width / 3000), "site/img/photo-" + width + "w.jpg");
        }
        assertWebp("site/img/small-400w.webp", 400, 300, "content/img/small.png");
        String page = KilnRun.read(site.resolve(POST));
        String webp = "<picture><source type=\"image/webp\" srcset=\"/img/photo-640w.webp 640w, /img/photo-720w.webp 720w, /img/photo-960w.webp 960w, "
                + "/img/photo-1280w.webp 1280w, /img/photo-1920w.webp 1920w\" sizes=\"";
        assertTrue(page.contains(webp + "100vw\"><img class=\"masthead-photo\" src=\"/img/photo.jpg\""), page);
        assertTrue(page.contains(webp + SIZES + "\"><img src=\"/img/photo.jpg\""), page);
        assertTrue(page.contains("<picture><source type=\"image/webp\" srcset=\"/img/alpha-640w.webp 640w, /img/alpha-720w.webp 720w, /img/alpha-960w.webp 960w, "
                + "/img/alpha-1280w.webp 1280w, /img/alpha-1400w.webp 1400w\""), page);
        assertTrue(page.contains("<picture><source type=\"image/webp\" srcset=\"/img/small-400w.webp\"><img src=\"/img/small.png\" alt=\"Small, in raw HTML\" width=\"400\" height=\"300\" loading=\"lazy\" decoding=\"async\"></picture>"), page);
        assertFalse(page.contains("<picture><source type=\"image/webp\" srcset=\"https:"), "images on other hosts get no WebP");
        assertFalse(Files.exists(site.resolve("site/img/photo-3000w.webp")), "no WebP wider than 1920 px");

        Map<String, String> first = images.get(1);
        assertEquals(masthead.get("srcset"), first.get("srcset"));
        assertEquals(SIZES, first.get("sizes"));
        assertEquals("3000", first.get("width"));
        assertEquals("2000", first.get("height"));
        assertFalse(first.containsKey("loading"), "the first image may be the largest paint: loaded at once");
        assertFalse(first.containsKey("decoding"));

        Map<String, String> shot = images.get(2);
        assertEquals("/img/shot-640w.jpg 640w, /img/shot-720w.jpg 720w, /img/shot-960w.jpg 960w, /img/shot-1280w.jpg 1280w, "
                + "/img/shot-1920w.jpg 1920w, /img/shot.png 2000w", shot.get("srcset"));
        assertEquals("2000", shot.get("width"));
        assertEquals("1200", shot.get("height"));
        assertEquals("lazy", shot.get("loading"));
        assertEquals("async", shot.get("decoding"));

        assertEquals("/img/alpha-640w.png 640w, /img/alpha-720w.png 720w, /img/alpha-960w.png 960w, /img/alpha-1280w.png 1280w, /img/alpha.png 1400w",
                images.get(3).get("srcset"));

        Map<String, String> small = images.get(4);
        assertEquals("/img/small.png", small.get("src"));
        assertEquals("400", small.get("width"));
        assertEquals("300", small.get("height"));
        assertFalse(small.containsKey("srcset"));
        assertEquals("lazy", small.get("loading"));

        Map<String, String> authored = images.get(5);
        assertEquals("300", authored.get("width"), "what the author wrote is kept");
        assertEquals("200", authored.get("height"));
        assertEquals("lazy", authored.get("loading"));
        assertEquals(Map.of("src", "https://cdn.example.org/remote.png", "alt", "On another host"), images.get(6),
                "images on other hosts are left as written");
        assertEquals(7, images.size());
    }

    @Test
    void reusesCopiesWhileTheImageIsUnchangedAndMakesThemAgainWhenItChanges() throws IOException {
        photoSite("title: Photos\nurl: https://example.com\n", "strips");
        assertEquals(0, build().exitCode());
        Map<String, byte[]> before = KilnRun.files(site.resolve("site"));

        KilnRun again = build();
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("Resized images: 0 made, 14 reused"), again.out());
        Map<String, byte[]> after = KilnRun.files(site.resolve("site"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));

        // An in-memory build (kiln check) reads the image cache instead of resizing.
        BuildResult check = new SiteBuilder().build(site, new Visibility(false, false, KilnRun.CLOCK.instant()), true, null, false);
        assertEquals(0, check.profile().imagesResized());
        assertEquals(14, check.profile().imagesReused());

        // New pixels: only that image's copies are made again, and they differ.
        TestImages.write(TestImages.photo(2000, 120, 99, false), "png", site.resolve("content/img/shot.png"));
        KilnRun changed = build();
        assertTrue(changed.out().contains("Resized images: 5 made, 9 reused"), changed.out());
        Map<String, byte[]> now = KilnRun.files(site.resolve("site"));
        assertFalse(java.util.Arrays.equals(before.get("img/shot-640w.jpg"), now.get("img/shot-640w.jpg")));
        assertArrayEquals(before.get("img/photo-640w.jpg"), now.get("img/photo-640w.jpg"));

        // A copy in the output someone changed is replaced by the cache's; a cached copy cut short is made again.
        Files.write(site.resolve("site/img/photo-960w.jpg"), new byte[] {1, 2, 3});
        Path cached;
        try (Stream<Path> files = Files.list(site.resolve(".kiln-cache/images"))) {
            cached = files.filter(f -> f.getFileName().toString().endsWith("-1280.jpg")
                    && Arrays.equals(bytes(f), now.get("img/photo-1280w.jpg"))).findFirst().orElseThrow();
        }
        Files.write(cached, new byte[] {1, 2, 3});
        KilnRun tampered = build();
        assertTrue(tampered.out().contains("Resized images: 1 made, 13 reused"), tampered.out());
        assertArrayEquals(before.get("img/photo-960w.jpg"), KilnRun.files(site.resolve("site")).get("img/photo-960w.jpg"));
        assertArrayEquals(before.get("img/photo-1280w.jpg"), KilnRun.files(site.resolve("site")).get("img/photo-1280w.jpg"));

        // A cold build (no cache) into another folder gives the same bytes: the copies are deterministic.
        deleteTree(site.resolve(".kiln-cache"));
        KilnRun cold = build("--output", site.resolve("cold").toString());
        assertTrue(cold.out().contains("Resized images: 14 made, 0 reused"), cold.out());
        Map<String, byte[]> coldFiles = KilnRun.files(site.resolve("cold"));
        Map<String, byte[]> warm = KilnRun.files(site.resolve("site"));
        assertEquals(warm.keySet(), coldFiles.keySet());
        warm.forEach((path, bytes) -> assertArrayEquals(bytes, coldFiles.get(path), path));
    }

    /** Sets every image's time stamp an hour back: a file just written may change again within the same tick. */
    private void settle() throws IOException {
        try (Stream<Path> files = Files.list(site.resolve("content/img"))) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(KilnRun.CLOCK.instant().minusSeconds(3600)));
            }
        }
    }

    @Test
    void anUnchangedImageIsNeitherReadNorHashedNorDecodedAndATouchedOneIsHashedButNotDecoded() throws IOException {
        photoSite("title: Photos\nurl: https://example.com\n", "strips");
        settle();
        KilnRun first = build();
        assertTrue(first.out().contains("Resized images: 14 made, 0 reused"), first.out());
        // Four images read and hashed, and decoded once each for all their copies (WebP ones too).
        assertTrue(first.out().contains("Images read and hashed: 4; decoded: 4 ("), first.out());

        Map<String, Object> copiesInSite = fileKeys(site.resolve("site/img"));
        KilnRun warm = build();
        assertTrue(warm.out().contains("Resized images: 0 made, 14 reused"), warm.out());
        assertTrue(warm.out().contains("Images read and hashed: 0; decoded: 0\n"), warm.out());
        // Nor copied into the output again: every image file there is the very file the first build wrote.
        assertEquals(copiesInSite, fileKeys(site.resolve("site/img")));

        // Touched (copied over with the same bytes, say): its size and time stamp changed, so it is hashed; its copies stay.
        Files.setLastModifiedTime(site.resolve("content/img/photo.jpg"), FileTime.from(KilnRun.CLOCK.instant().minusSeconds(60)));
        KilnRun touched = build();
        assertTrue(touched.out().contains("Resized images: 0 made, 14 reused"), touched.out());
        assertTrue(touched.out().contains("Images read and hashed: 1; decoded: 0\n"), touched.out());

        // The copies live outside the output: a deleted site/ costs no resizing.
        deleteTree(site.resolve("site"));
        KilnRun afterDelete = build();
        assertEquals(0, afterDelete.exitCode(), afterDelete.err());
        assertTrue(afterDelete.out().contains("Resized images: 0 made, 14 reused"), afterDelete.out());
        assertTrue(afterDelete.out().contains("Images read and hashed: 0; decoded: 0\n"), afterDelete.out());
        assertTrue(Files.isRegularFile(site.resolve("site/img/photo-1920w.jpg")));
    }

    @Test
    void aFailedBuildKeepsTheCopiesItMadeForTheNext() throws IOException {
        photoSite("title: Photos\nurl: https://example.com\n", "strips");
        settle();
        write("content/posts/2024-05-02-broken.md", "---\ntitle: [unclosed\n---\nText.\n");
        KilnRun failed = build();
        assertEquals(1, failed.exitCode(), failed.out());
        assertFalse(Files.exists(site.resolve("site")), "a failed build writes no site");

        Files.delete(site.resolve("content/posts/2024-05-02-broken.md"));
        KilnRun next = build();
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.out().contains("Resized images: 0 made, 14 reused"), next.out());
        assertTrue(next.out().contains("Images read and hashed: 0; decoded: 0\n"), next.out());
    }

    @Test
    void checkWritesNoCacheAndTheCacheForgetsImagesNoPageShows() throws IOException {
        photoSite("title: Photos\nurl: https://example.com\n", "strips");
        KilnRun check = KilnRun.of("check", "--source", site.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertFalse(Files.exists(site.resolve(".kiln-cache")), "check writes nothing");

        assertEquals(0, build().exitCode());
        assertTrue(cacheFiles().size() > 9, "the copies of four images and the index: " + cacheFiles());
        write("content/posts/2024-05-01-photos.md", "---\ntitle: Photos\n---\n![The first](/img/photo.jpg)\n");
        KilnRun fewer = build();
        assertEquals(0, fewer.exitCode(), fewer.err());
        List<String> left = cacheFiles();
        assertEquals(11, left.size(), "photo.jpg's 5 copies, its 5 WebP copies and the index: " + left);
        assertTrue(left.contains("index.tsv"), left.toString());
        assertEquals(1, left.stream().filter(f -> !f.equals("index.tsv")).map(f -> f.substring(0, 64)).distinct().count(), left.toString());
        Files.writeString(site.resolve(".kiln-cache/images/notes.txt"), "mine");
        write("content/posts/2024-05-01-photos.md", "---\ntitle: Photos\n---\nNo pictures.\n");
        assertEquals(0, build().exitCode());
        assertTrue(Files.exists(site.resolve(".kiln-cache/images/notes.txt")), "a file Kiln did not write stays");
    }

    /** Each file's identity (its inode), which a file written again, even with the same bytes, does not keep. */
    private static Map<String, Object> fileKeys(Path folder) throws IOException {
        Map<String, Object> keys = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                assumeTrue(key != null, "this file system names no file's identity");
                keys.put(file.getFileName().toString(), key);
            }
        }
        assertTrue(keys.size() > 14, "the images and their copies: " + keys.keySet());
        return keys;
    }

    private List<String> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(site.resolve(".kiln-cache/images"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aRememberingBuilderUpdatesCopiesAndPagesWhenAnImageIsEditedAndNotOtherwise() throws Exception {
        photoSite("title: Photos\nurl: https://example.com\n", "strips");
        Visibility all = new Visibility(true, true, KilnRun.CLOCK.instant());
        Rebuilds preview = new Rebuilds();
        BuildResult first = preview.build(site, all, true);
        assertEquals(14, first.profile().imagesResized());
        BuildResult second = preview.build(site, all, true);
        assertEquals(0, second.profile().imagesResized());
        assertEquals(14, second.profile().imagesReused());
        assertEquals(0, second.profile().rendered(), "nothing changed, nothing rendered");

        TestImages.write(TestImages.photo(2000, 100, 7, false), "jpg", site.resolve("content/img/photo.jpg"));
        preview.forget(List.of(Path.of("content/img/photo.jpg")));
        BuildResult edited = preview.build(site, all, true);
        assertEquals(5, edited.profile().imagesResized());
        String page = text(edited, "2024/05/01/photos/index.html");
        assertTrue(page.contains("width=\"2000\" height=\"100\""), page);
        assertTrue(page.contains("/img/photo-1920w.jpg 1920w, /img/photo.jpg 2000w"), page);
        BuildResult cold = new SiteBuilder().build(site, all, true);
        assertEquals(files(cold), files(edited));
    }

    @Test
    void twoFilesWithTheSameBytesGetCopiesOfTheirOwn() throws IOException {
        write("content/site.yml", "title: T\n");
        TestImages.write(TestImages.photo(1000, 500, 8, false), "jpg", site.resolve("content/img/a.jpg"));
        Files.copy(site.resolve("content/img/a.jpg"), site.resolve("content/img/b.jpg"));
        write("content/posts/2024-05-01-a.md", "---\ntitle: A\n---\n![a](/img/a.jpg)\n\n![b](/img/b.jpg)\n");
        Rebuilds preview = new Rebuilds();
        for (int build = 0; build < 2; build++) {
            BuildResult result = preview.build(site, new Visibility(false, false, KilnRun.CLOCK.instant()), true);
            assertTrue(result.succeeded(), result.diagnostics().toString());
            String page = text(result, "2024/05/01/a/index.html");
            assertTrue(page.contains("srcset=\"/img/a-640w.jpg 640w, /img/a-720w.jpg 720w, /img/a-960w.jpg 960w, /img/a.jpg 1000w\""), page);
            assertTrue(page.contains("srcset=\"/img/b-640w.jpg 640w, /img/b-720w.jpg 720w, /img/b-960w.jpg 960w, /img/b.jpg 1000w\""), page);
            assertTrue(result.plan().files().stream().anyMatch(f -> f.path().equals("img/b-960w.jpg")));
        }
    }

    @Test
    void worksUnderABaseurl() throws IOException {
        photoSite("title: Photos\nurl: https://example.com\nbaseurl: /blog\n", "strips");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> images = images(KilnRun.read(site.resolve(POST)));
        assertEquals("/blog/img/photo.jpg", images.get(0).get("src"));
        assertTrue(images.get(0).get("srcset").startsWith("/blog/img/photo-640w.jpg 640w, "), images.get(0).get("srcset"));
        assertEquals("/blog/img/shot.png", images.get(2).get("src"));
        assertTrue(images.get(2).get("srcset").endsWith(", /blog/img/shot-1920w.jpg 1920w, /blog/img/shot.png 2000w"));
        assertEquals("120", images.get(2).get("height"));
    }

    @Test
    void anImageAtTheSitesOwnAddressInFullIsSizedLikeALocalOneItsSrcKeptAsWritten() throws IOException {
        // Jekyll's {{ site.url }}{{ site.baseurl }}/img/shot.png, or the address typed out: the site's own file
        write("content/site.yml", "title: Photos\nurl: https://Example.com/\nbaseurl: /blog\n");
        Files.createDirectories(site.resolve("content/img"));
        for (String photo : List.of("shot.png", "small.png")) {
            Files.copy(photos.resolve("strips").resolve(photo), site.resolve("content/img").resolve(photo));
        }
        write("content/posts/2024-05-01-photos.md", "---\ntitle: Photos\n---\nFirst.\n\n"
                + "![Shot]({{ site.url }}{{ site.baseurl }}/img/shot.png)\n\n"
                + "<img src=\"https://example.com/blog/img/small.png\" alt=\"Small\">\n\n"
                + "![Outside the baseurl](https://example.com/img/small.png)\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> images = images(KilnRun.read(site.resolve(POST)));
        assertEquals("https://Example.com/blog/img/shot.png", images.get(0).get("src"), "the src as written");
        assertEquals("2000", images.get(0).get("width"));
        assertEquals("120", images.get(0).get("height"));
        assertTrue(images.get(0).get("srcset").endsWith(", /blog/img/shot-1920w.jpg 1920w, /blog/img/shot.png 2000w"),
                images.get(0).get("srcset"));
        assertEquals(SIZES, images.get(0).get("sizes"));
        assertEquals("https://example.com/blog/img/small.png", images.get(1).get("src"));
        assertEquals("400", images.get(1).get("width"));
        assertEquals("30", images.get(1).get("height"));
        assertEquals("lazy", images.get(1).get("loading"));
        assertEquals(Map.of("src", "https://example.com/img/small.png", "alt", "Outside the baseurl"), images.get(2),
                "the host's paths outside the baseurl are another site's");
        assertTrue(Files.exists(site.resolve("site/img/shot-1920w.jpg")));
    }

    @Test
    void aDamagedImageIsPublishedAsItIsWithAWarningWhereItIsShownNotAStackTrace() throws IOException {
        write("content/site.yml", "title: T\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.writeString(site.resolve("content/img/broken.jpg"), "not a picture");
        byte[] png = Files.readAllBytes(writePng());
        Files.write(site.resolve("content/img/cut.png"), java.util.Arrays.copyOf(png, 60));
        write("content/posts/2024-05-01-a.md", "---\ntitle: A\nbackground:  /img/cut.png\n---\nText.\n\n  ![b](/img/broken.jpg)\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("content/posts/2024-05-01-a.md:3:14: warning: image /img/cut.png is published as it is, without "), run.err());
        assertTrue(run.err().contains("content/posts/2024-05-01-a.md:7:3: warning: image /img/broken.jpg is published as it is, without width "
                + "and height: it is not a JPEG, PNG, GIF, BMP or WebP image (hint: save content/img/broken.jpg again as a JPEG or PNG, "
                + "or link to it instead of showing it)"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("not a picture", KilnRun.read(site.resolve("site/img/broken.jpg")));
        assertTrue(KilnRun.read(site.resolve(POST.replace("photos", "a"))).contains("<img src=\"/img/broken.jpg\" alt=\"b\" />"));
    }

    @Test
    void anImageTooLargeToDecodeKeepsItsSizeAndGetsNoCopiesNotAnOutOfMemoryCrash() throws IOException {
        write("content/site.yml", "title: T\n");
        Files.createDirectories(site.resolve("content/img"));
        Files.write(site.resolve("content/img/huge.png"), pngHeaderOnly(20000, 6000));
        write("content/posts/2024-05-01-a.md", "---\ntitle: A\n---\n![huge](/img/huge.png)\n");
        KilnRun run = build();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("content/posts/2024-05-01-a.md:4:1: warning: image /img/huge.png is published as it is, without "
                + "smaller copies: it has 20000×6000 pixels, more than the 100 million Kiln resizes"), run.err());
        assertTrue(KilnRun.read(site.resolve(POST.replace("photos", "a"))).contains("<img src=\"/img/huge.png\" alt=\"huge\" width=\"20000\" height=\"6000\" />"));
    }

    /** A PNG signature and header chunk claiming a size, without pixel data: what a decompression bomb starts with. */
    private static byte[] pngHeaderOnly(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    private Path writePng() {
        Path file = site.resolve("whole.png");
        // Only its first 60 bytes are used; wider than the column, so that Kiln decodes it to resize it.
        TestImages.write(TestImages.photo(1600, 100, 5, false), "png", file);
        return file;
    }

    private void assertSize(String path, String format, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(site.resolve(path));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(width, image.getWidth(), path);
        assertEquals(height, image.getHeight(), path);
        String expected = format.equals("JPEG") ? "\u00ff\u00d8" : "\u0089PNG";
        assertEquals(expected, new String(bytes, 0, expected.length(), StandardCharsets.ISO_8859_1), path);
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("tIME"), path + " has no time stamp");
    }

    /** A WebP file of that size, smaller than what it stands for. */
    private void assertWebp(String path, int width, int height, String fallback) throws IOException {
        byte[] bytes = Files.readAllBytes(site.resolve(path));
        assertEquals("RIFF", new String(bytes, 0, 4, StandardCharsets.ISO_8859_1), path);
        assertEquals("WEBP", new String(bytes, 8, 4, StandardCharsets.ISO_8859_1), path);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(width, image.getWidth(), path);
        assertEquals(height, image.getHeight(), path);
        assertTrue(bytes.length < Files.size(site.resolve(fallback)), path + " is smaller than " + fallback);
    }

    /** The attributes of every {@code <img>} of a page, in order. */
    private static List<Map<String, String>> images(String html) {
        List<Map<String, String>> images = new ArrayList<>();
        Matcher tag = Pattern.compile("<img\\s([^>]*)>").matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            Matcher attribute = Pattern.compile("([a-z-]+)=\"([^\"]*)\"").matcher(tag.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            images.add(attributes);
        }
        return images;
    }

    private static String text(BuildResult result, String path) {
        return result.plan().files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private static Map<String, String> files(BuildResult result) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>();
        for (OutputFile f : result.plan().files()) {
            byte[] bytes = f.bytes() != null ? f.bytes() : Files.readAllBytes(f.copyFrom());
            files.put(f.path(), java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        return files;
    }
}
