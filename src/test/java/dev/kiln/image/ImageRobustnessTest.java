package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.HtmlChecker;
import dev.kiln.KilnRun;
import dev.kiln.text.HtmlText;
import dev.kiln.text.UrlText;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images real blogs hold, shown every way a post shows one (Markdown, raw HTML with and without its own
 * width, height and srcset, the masthead): every build ends, every image is published, no page offers a copy that
 * was not written or a size of 0, and an image Kiln cannot read is a one-line warning where it is first shown.
 */
class ImageRobustnessTest {
    @TempDir
    static Path site;

    static KilnRun cold;

    /** Each odd image, by its file name under content/img. */
    static final Map<String, byte[]> IMAGES = new LinkedHashMap<>();

    @BeforeAll
    static void buildTheTortureSite() throws IOException {
        byte[] photo = OddImages.jpeg(TestImages.photo(1000, 60, 1, false), false);
        IMAGES.put("cmyk.jpg", OddImages.cmyk(900, 40, 0, false));
        IMAGES.put("ycck.jpg", OddImages.cmyk(900, 40, 2, false));
        IMAGES.put("cmyk-rgb-profile.jpg", OddImages.cmyk(900, 40, 0, true));
        IMAGES.put("adobe.jpg", OddImages.withSegment(photo, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 1}));
        IMAGES.put("progressive.jpg", OddImages.jpeg(TestImages.photo(1000, 60, 2, false), true));
        IMAGES.put("rotated-6.jpg", OddImages.withSegment(OddImages.jpeg(TestImages.photo(900, 50, 3, false), false), 0xE1, OddImages.exif(6)));
        IMAGES.put("rotated-8.jpg", OddImages.withSegment(OddImages.jpeg(TestImages.photo(900, 50, 4, false), false), 0xE1, OddImages.exif(8)));
        IMAGES.put("broken-exif.jpg", OddImages.withSegment(photo, 0xE1, OddImages.brokenExif()));
        IMAGES.put("truncated.jpg", Arrays.copyOf(photo, photo.length * 2 / 3));
        IMAGES.put("empty.jpg", new byte[0]);
        IMAGES.put("jpeg-named.png", photo);
        IMAGES.put("png-named.jpg", OddImages.png(TestImages.photo(1000, 60, 5, true), false));
        IMAGES.put("deep.png", OddImages.png16(900, 40));
        IMAGES.put("gray-alpha.png", OddImages.grayAlphaPng(900, 40));
        IMAGES.put("palette.png", OddImages.palettePng(900, 40));
        IMAGES.put("interlaced.png", OddImages.png(TestImages.photo(900, 40, 6, false), true));
        IMAGES.put("broken-data.png", OddImages.pngWithBrokenData(TestImages.photo(900, 40, 7, false)));
        IMAGES.put("huge.png", OddImages.pngHeaderOnly(30000, 30000));
        IMAGES.put("animated.gif", OddImages.animatedGif(800, 30));
        IMAGES.put("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>\n"
                .getBytes(StandardCharsets.UTF_8));
        IMAGES.put("lossy.webp", OddImages.webpLossy(1200, 800));
        IMAGES.put("lossless.webp", OddImages.webpLossless(640, 480));
        IMAGES.put("extended.webp", OddImages.webpExtended(2000, 1000));
        IMAGES.put("photo.avif", OddImages.isoMedia("avif"));
        IMAGES.put("photo.heic", OddImages.isoMedia("heic"));
        IMAGES.put("page.jpg", "<!DOCTYPE html><html><body>Not found</body></html>\n".getBytes(StandardCharsets.UTF_8));
        IMAGES.put("UPPER.JPG", OddImages.jpeg(TestImages.photo(1000, 60, 8, false), false));
        IMAGES.put("Shot.PNG", OddImages.png(TestImages.photo(900, 40, 9, false), false));
        IMAGES.put("Mixed.Jpeg", OddImages.jpeg(TestImages.photo(1000, 60, 10, false), false));
        IMAGES.put("my photo.jpg", OddImages.jpeg(TestImages.photo(1000, 60, 11, false), false));
        IMAGES.put("café.jpg", OddImages.jpeg(TestImages.photo(1000, 60, 12, false), false));
        IMAGES.put("twin.jpg", OddImages.jpeg(TestImages.photo(1000, 60, 13, false), false));
        IMAGES.put("twin.png", OddImages.png(TestImages.photo(1000, 60, 14, false), false));
        IMAGES.put("taken.jpg", OddImages.jpeg(TestImages.photo(1000, 60, 15, false), false));
        IMAGES.put("taken-640w.jpg", OddImages.jpeg(TestImages.photo(640, 40, 16, false), false));
        write("content/site.yml", "title: Odd images\nurl: https://example.com\n");
        Files.createDirectories(site.resolve("content/img"));
        for (String name : IMAGES.keySet()) {
            Files.write(site.resolve("content/img").resolve(name), IMAGES.get(name));
            if (!name.equals("taken-640w.jpg")) {
                write(post(name), showing("/img/" + name, name));
            }
        }
        write("content/posts/2024-02-01-second.md", showing("/img/cmyk.jpg", "second"));
        Files.createDirectories(site.resolve("content/posts/2024-03-01-trip"));
        Files.write(site.resolve("content/posts/2024-03-01-trip/beside photo.jpg"), OddImages.jpeg(TestImages.photo(1000, 60, 17, false), false));
        Files.write(site.resolve("content/posts/2024-03-01-trip/Empty.JPG"), new byte[0]);
        write("content/posts/2024-03-01-trip/index.md", "---\ntitle: Trip\npermalink: /trip/\n---\n![Beside](beside%20photo.jpg)\n\n"
                + "<img src=\"beside photo.jpg?v=2\" alt=\"Raw\">\n\n![Empty](Empty.JPG)\n");
        cold = KilnRun.of("build", "--source", site.toString());
    }

    /** The post showing an image: one each, in the order of {@link #IMAGES}. */
    static String post(String name) {
        return String.format("content/posts/2024-01-01-post-%02d.md", List.copyOf(IMAGES.keySet()).indexOf(name));
    }

    /** The page of that post. */
    static String page(String name) {
        return String.format("site/t/%02d/index.html", List.copyOf(IMAGES.keySet()).indexOf(name));
    }

    /** A post showing the image at {@code path} (a site path, not encoded) in every way, its background on line 4. */
    static String showing(String path, String name) {
        String encoded = path.replace(" ", "%20").replace("é", "%C3%A9");
        String url = name.equals("second") ? "/second/" : page(name).substring(4, page(name).length() - "index.html".length());
        return "---\ntitle: Shows " + name + "\npermalink: " + url + "\nbackground: " + path + "\n---\n"
                + "![In Markdown](" + encoded + ")\n\n"
                + "<img src=\"" + path + "\" alt=\"Raw\">\n\n"
                + "<img src=\"" + encoded + "?v=2\" alt=\"Sized\" width=\"100\" height=\"50\">\n\n"
                + "<img src=\"" + encoded + "#x\" alt=\"Own srcset\" srcset=\"" + encoded + " 2x\">\n\n"
                + "<a href=\"" + encoded + "\">Full size</a>\n";
    }

    @Test
    void theBuildSucceedsPublishingEveryImageAsItIsWithOneWarningForEachImageItCannotRead() throws IOException {
        assertEquals(0, cold.exitCode(), cold.err());
        for (Map.Entry<String, byte[]> image : IMAGES.entrySet()) {
            assertArrayEquals(image.getValue(), Files.readAllBytes(site.resolve("site/img").resolve(image.getKey())), image.getKey());
        }
        assertEquals(0, Files.size(site.resolve("site/trip/Empty.JPG")));
        List<String> headlines = cold.err().lines().filter(line -> !line.startsWith("  ") && !line.isEmpty()).toList();
        String copies = " again as an RGB JPEG or PNG of at most 100 million pixels)";
        String resave = " again as a JPEG or PNG, or link to it instead of showing it)";
        assertEquals(List.of(
                post("cmyk-rgb-profile.jpg") + ":4:13: warning: image /img/cmyk-rgb-profile.jpg is published as it is, without smaller copies: "
                        + "it is damaged or in a form Java cannot decode (Unsupported Image Type) (hint: for copies, save content/img/cmyk-rgb-profile.jpg" + copies,
                post("truncated.jpg") + ":4:13: warning: image /img/truncated.jpg is published as it is, without smaller copies: "
                        + "it is cut short (Corrupt JPEG data: premature end of data segment) (hint: for copies, save content/img/truncated.jpg" + copies,
                post("empty.jpg") + ":4:13: warning: image /img/empty.jpg is published as it is, without width and height: it is empty (0 bytes) "
                        + "(hint: save content/img/empty.jpg" + resave,
                post("broken-data.png") + ":4:13: warning: image /img/broken-data.png is published as it is, without smaller copies: "
                        + "it is damaged or in a form Java cannot decode (Error reading PNG image data) (hint: for copies, save content/img/broken-data.png" + copies,
                post("huge.png") + ":4:13: warning: image /img/huge.png is published as it is, without smaller copies: "
                        + "it has 30000×30000 pixels, more than the 100 million Kiln resizes (hint: for copies, save content/img/huge.png" + copies,
                post("page.jpg") + ":4:13: warning: image /img/page.jpg is published as it is, without width and height: "
                        + "it is text (HTML or XML), not an image (hint: save content/img/page.jpg" + resave,
                "content/posts/2024-03-01-trip/index.md:9:1: warning: image /trip/Empty.JPG is published as it is, without width and height: "
                        + "it is empty (0 bytes) (hint: save content/posts/2024-03-01-trip/Empty.JPG" + resave), headlines);
        assertFalse(cold.err().contains("Exception"), cold.err());
        assertFalse(cold.err().contains("\tat "), cold.err());
    }

    @Test
    void noPageOffersAFileThatWasNotWrittenOrASizeOfZeroAndEveryPageIsValidHtml() {
        Map<String, byte[]> files = KilnRun.files(site.resolve("site"));
        int checked = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            for (Map<String, String> tag : tags(new String(file.getValue(), StandardCharsets.UTF_8), "img|source")) {
                for (String size : new String[] {"width", "height"}) {
                    if (tag.containsKey(size)) {
                        assertTrue(tag.get(size).matches("[1-9][0-9]*"), file.getKey() + ": " + tag);
                    }
                }
                List<String> urls = new ArrayList<>();
                urls.add(tag.get("src"));
                if (tag.containsKey("srcset")) {
                    Arrays.stream(tag.get("srcset").split(", ")).map(c -> c.split(" ")[0]).forEach(urls::add);
                }
                for (String url : urls) {
                    if (url != null && url.startsWith("/") && !url.startsWith("/assets/")) {
                        String path = UrlText.decode(url.replaceFirst("[?#].*", "")).substring(1);
                        assertTrue(files.containsKey(path), file.getKey() + " offers " + url + ", which was not written: " + tag);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 500, "every image of every page: " + checked);
        HtmlChecker.Report report = new HtmlChecker().checkAll(site.resolve("site"), "site");
        // The only errors: the author's own <img src="/img/my photo.jpg">, as written (browsers take it).
        List<HtmlChecker.Problem> problems = report.problems().stream()
                .filter(p -> !(p.file().equals(page("my photo.jpg")) && p.message().contains("/img/my photo.jpg"))
                        && !(p.file().equals("site/trip/index.html") && p.message().contains("beside photo.jpg?v=2")))
                .toList();
        assertEquals(List.of(), problems, report.describe());
    }

    @Test
    void anImageThatCannotBeDecodedKeepsTheSizeItsHeaderGivesAndGetsNoCopies() {
        for (String name : List.of("cmyk-rgb-profile.jpg", "truncated.jpg", "broken-data.png", "huge.png")) {
            Map<String, String> shown = tags(KilnRun.read(site.resolve(page(name)))).get(1);
            assertEquals("/img/" + name, shown.get("src"), name);
            assertFalse(shown.containsKey("srcset"), name + ": " + shown);
            assertEquals(name.equals("huge.png") ? "30000" : name.endsWith(".png") || name.startsWith("cmyk") ? "900" : "1000",
                    shown.get("width"), name);
            assertEquals(List.of(name), copies(name), "no copy is published");
        }
        Map<String, String> masthead = tags(KilnRun.read(site.resolve(page("huge.png")))).get(0);
        assertEquals(Map.of("class", "masthead-photo", "src", "/img/huge.png", "width", "30000", "height", "30000", "alt", "",
                "fetchpriority", "high"), masthead);
    }

    @Test
    void anImageWithoutASizeToReadIsShownWithoutOneAndItsMastheadStaysACssBackground() {
        for (String name : List.of("empty.jpg", "page.jpg", "drawing.svg", "photo.avif", "photo.heic")) {
            String page = KilnRun.read(site.resolve(page(name)));
            assertTrue(page.contains("<header class=\"masthead masthead-image\" style=\"background-image: url('/img/" + name + "')\">"), page);
            List<Map<String, String>> tags = tags(page);
            assertEquals(Map.of("src", "/img/" + name, "alt", "In Markdown"), tags.get(0));
            assertEquals(Map.of("src", "/img/" + name, "alt", "Raw"), tags.get(1), "not lazy either: Kiln has not marked it up");
            assertEquals(List.of(name), copies(name));
        }
    }

    @Test
    void animatedGifsAndWebpFilesKeepTheirBytesAndGetTheSizeTheirHeaderGives() {
        for (String name : List.of("animated.gif:800x30", "lossy.webp:1200x800", "lossless.webp:640x480", "extended.webp:2000x1000")) {
            String file = name.substring(0, name.indexOf(':'));
            Map<String, String> shown = tags(KilnRun.read(site.resolve(page(file)))).get(1);
            assertEquals(name.substring(name.indexOf(':') + 1), shown.get("width") + "x" + shown.get("height"), file);
            assertFalse(shown.containsKey("srcset"), file);
            assertEquals(List.of(file), copies(file), "kept as it is: a still copy of an animation would break it");
        }
    }

    @Test
    void oddButWholeImagesGetCopiesOfTheRightSizeAndSidewaysPhotosAreMeasuredUpright() throws IOException {
        Map<String, String> rotated = tags(KilnRun.read(site.resolve(page("rotated-6.jpg")))).get(1);
        assertEquals("50x900", rotated.get("width") + "x" + rotated.get("height"));
        assertEquals("50x900", size("site/img/rotated-6-50w.webp"), "the WebP copy is upright");
        assertEquals("50x900", size("site/img/rotated-8-50w.webp"));
        for (String name : List.of("cmyk.jpg", "ycck.jpg", "adobe.jpg", "progressive.jpg", "broken-exif.jpg", "jpeg-named.png",
                "png-named.jpg", "interlaced.png", "UPPER.JPG", "Shot.PNG", "Mixed.Jpeg", "my photo.jpg", "café.jpg")) {
            Map<String, String> shown = tags(KilnRun.read(site.resolve(page(name)))).get(1);
            String srcset = shown.get("srcset");
            assertTrue(srcset != null && srcset.startsWith(UrlText.encode("/img/" + name.substring(0, name.lastIndexOf('.')) + "-640w.")), name + ": " + shown);
            String copy = UrlText.decode(srcset.substring(1, srcset.indexOf(' ')));
            assertEquals("640x" + Math.round(640.0 * Integer.parseInt(shown.get("height")) / Integer.parseInt(shown.get("width"))),
                    size("site/" + copy), copy);
        }
        assertTrue(tags(KilnRun.read(site.resolve(page("png-named.jpg")))).get(1).get("srcset").startsWith("/img/png-named-640w.png 640w"),
                "a PNG under a JPEG's name has PNG copies: its transparency is kept");
        assertTrue(tags(KilnRun.read(site.resolve(page("UPPER.JPG")))).get(1).get("srcset").startsWith("/img/UPPER-640w.jpg 640w"));
    }

    @Test
    void copiesThatWouldTakeAnotherFilesNameAreNamedWithTheirImagesExtension() throws IOException {
        assertTrue(tags(KilnRun.read(site.resolve(page("twin.jpg")))).get(1).get("srcset").startsWith("/img/twin-jpg-640w.jpg 640w, "));
        assertTrue(tags(KilnRun.read(site.resolve(page("twin.png")))).get(1).get("srcset").startsWith("/img/twin-png-640w.jpg 640w, "));
        assertTrue(tags(KilnRun.read(site.resolve(page("taken.jpg")))).get(1).get("srcset").startsWith("/img/taken-jpg-640w.jpg 640w, "));
        assertArrayEquals(IMAGES.get("taken-640w.jpg"), Files.readAllBytes(site.resolve("site/img/taken-640w.jpg")), "the author's own file");
        assertEquals("640x38", size("site/img/taken-jpg-640w.jpg"));
        assertTrue(tags(KilnRun.read(site.resolve(page("cmyk.jpg")))).get(1).get("srcset").startsWith("/img/cmyk-640w.jpg 640w, "),
                "images without a namesake keep the usual names");
    }

    @Test
    void anImageShownTwiceOrBesideAPostOrWithAQueryIsMeasuredAlike() {
        assertEquals(tags(KilnRun.read(site.resolve(page("cmyk.jpg")))), tags(KilnRun.read(site.resolve("site/second/index.html"))));
        List<Map<String, String>> shown = tags(KilnRun.read(site.resolve(page("cmyk.jpg"))));
        assertEquals("/img/cmyk.jpg?v=2", shown.get(3).get("src"));
        assertEquals("100", shown.get(3).get("width"), "the author's size wins");
        assertEquals("/img/cmyk.jpg#x", shown.get(4).get("src"));
        assertEquals("/img/cmyk.jpg 2x", shown.get(4).get("srcset"), "the author's srcset wins");
        assertEquals("900", shown.get(4).get("width"));
        String spaced = KilnRun.read(site.resolve(page("my photo.jpg")));
        assertEquals("/img/my%20photo.jpg", tags(spaced).get(0).get("src"), "the masthead, from background: /img/my photo.jpg");
        assertTrue(spaced.contains("<meta property=\"og:image\" content=\"https://example.com/img/my%20photo.jpg\">"), spaced);
        List<Map<String, String>> trip = tags(KilnRun.read(site.resolve("site/trip/index.html")));
        assertEquals("/trip/beside%20photo.jpg", trip.get(0).get("src"));
        assertTrue(trip.get(0).get("srcset").startsWith("/trip/beside%20photo-640w.jpg 640w, "), trip.toString());
        assertEquals(trip.get(0).get("srcset"), trip.get(1).get("srcset"));
        assertEquals(Map.of("src", "/trip/Empty.JPG", "alt", "Empty"), trip.get(2));
    }

    @Test
    void aSecondBuildGivesTheSameWarningsAndTheSameFiles() {
        Map<String, byte[]> first = KilnRun.files(site.resolve("site"));
        KilnRun warm = KilnRun.of("build", "--source", site.toString());
        assertEquals(0, warm.exitCode(), warm.err());
        assertEquals(cold.err(), warm.err());
        Map<String, byte[]> second = KilnRun.files(site.resolve("site"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
    }

    /** The image and every copy published beside it, by file name. */
    private static List<String> copies(String name) {
        String stem = name.substring(0, name.lastIndexOf('.'));
        try (Stream<Path> files = Files.list(site.resolve("site/img"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.equals(name) || f.startsWith(stem + "-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image file's width and height, as {@code 640x38}. */
    private static String size(String path) throws IOException {
        BufferedImage image = ImageIO.read(site.resolve(path).toFile());
        return image.getWidth() + "x" + image.getHeight();
    }

    /** The attributes of every {@code <img>} of a page's HTML, in order. */
    private static List<Map<String, String>> tags(String html) {
        return tags(html, "img");
    }

    /** The attributes of every tag of that name ({@code img|source}: either) in a page's HTML, in order. */
    private static List<Map<String, String>> tags(String html, String names) {
        List<Map<String, String>> tags = new ArrayList<>();
        Matcher tag = Pattern.compile("<(?:" + names + ")\\s([^>]*)>").matcher(html);
        while (tag.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = Pattern.compile("([a-z-]+)=\"([^\"]*)\"").matcher(tag.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), HtmlText.unescape(attribute.group(2)));
            }
            tags.add(attributes);
        }
        return tags;
    }

    static void write(String path, String text) {
        KilnRun.write(site.resolve(path), text);
    }
}
