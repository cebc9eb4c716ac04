package dev.kiln.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.image.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files beside a post: a post folder with its photos, files next to a post's .md, read from the post's folder. */
class PostFilesTest {
    @TempDir
    Path site;

    private static final byte[] PNG = png();

    private static byte[] png() {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/sites/markdown-features/content/img/diagram.png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private KilnRun build(String siteYml) throws Exception {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\n" + siteYml);
        return KilnRun.of("build", "--source", site.toString());
    }

    @Test
    void aPostFolderTakesItsNameAndDateFromTheFolderAndPublishesItsFilesBesideItsUrl() throws Exception {
        Path trip = site.resolve("content/posts/2026-11-01-trip");
        Files.createDirectories(trip.resolve("photos"));
        Files.write(trip.resolve("castle.png"), PNG);
        Files.write(trip.resolve("photos/tram.png"), PNG);
        KilnRun.write(trip.resolve("index.md"), "---\ntitle: Trip\n---\n![Castle](castle.png)\n\n![Tram](./photos/tram.png)\n");
        KilnRun run = build("baseurl: /blog\n");
        assertEquals(0, run.exitCode(), run.err());
        Path out = site.resolve("site");
        String post = KilnRun.read(out.resolve("2026/11/01/trip/index.html"));
        assertTrue(post.contains("<img src=\"/blog/2026/11/01/trip/castle.png\" alt=\"Castle\" width=\"40\" height=\"20\" />"), post);
        assertTrue(post.contains("<img src=\"/blog/2026/11/01/trip/photos/tram.png\" alt=\"Tram\" width=\"40\" height=\"20\" loading=\"lazy\""),
                post);
        assertTrue(Files.isRegularFile(out.resolve("2026/11/01/trip/castle.png")));
        assertTrue(Files.isRegularFile(out.resolve("2026/11/01/trip/photos/tram.png")));
        assertTrue(KilnRun.read(out.resolve("feed.xml")).contains("src=&quot;https://t.example/blog/2026/11/01/trip/castle.png&quot;"));
    }

    @Test
    void aRelativeLinkWrittenWithBackslashesIsReadFromThePostsFolderAsWithSlashes() throws Exception {
        // Typora on Windows links a post's images as ..\images\x.png (kramdown keeps the backslashes, browsers read slashes).
        Files.createDirectories(site.resolve("content/images/2023"));
        Files.write(site.resolve("content/images/2023/graph.png"), PNG);
        KilnRun.write(site.resolve("content/posts/2023-12-05-webview.md"), "---\ntitle: W\n---\n![0_Graph](..\\images\\2023\\graph.png)\n");
        KilnRun run = build("");
        assertEquals(0, run.exitCode(), run.err());
        String post = KilnRun.read(site.resolve("site/2023/12/05/webview/index.html"));
        assertTrue(post.contains("<img src=\"/images/2023/graph.png\" alt=\"0_Graph\" width=\"40\" height=\"20\" />"), post);
    }

    @Test
    void aFileNextToAPostsMarkdownIsReadFromThereAndTheHintSaysWhereKilnLooked() throws Exception {
        Files.createDirectories(site.resolve("content/posts"));
        Files.write(site.resolve("content/posts/cat.jpg.png"), PNG);
        KilnRun.write(site.resolve("content/posts/2026-11-02-cat.md"), "---\ntitle: Cat\n---\n![A cat](cat.jpg.png)\n");
        assertEquals(0, build("").exitCode());
        assertTrue(Files.isRegularFile(site.resolve("site/2026/11/02/cat/cat.jpg.png")));

        KilnRun.write(site.resolve("content/posts/2026-11-02-cat.md"), "---\ntitle: Cat\n---\n\n![A dog](dog.png)\n");
        KilnRun broken = build("");
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().startsWith("content/posts/2026-11-02-cat.md:5:1: error: link to dog.png does not exist (hint: a relative"
                + " link is read from the folder of content/posts/2026-11-02-cat.md, and there is no content/posts/dog.png; put the"
                + " file there)"), broken.err());
    }

    @Test
    void aLinkComposedToAFileNamedDecomposedPublishesTheFileByItsNameWithAWarningAndRebuildsAsACold() throws Exception {
        String decomposed = Normalizer.normalize("caf\u00e9.jpg", Normalizer.Form.NFD); // as macOS names the file
        assertEquals("cafe\u0301.jpg", decomposed);
        Path trip = site.resolve("content/posts/2026-11-01-trip");
        TestImages.write(TestImages.photo(40, 20, 1, false), "jpg", trip.resolve(decomposed));
        KilnRun.write(trip.resolve("index.md"), "---\ntitle: Trip\n---\n![A caf\u00e9](caf\u00e9.jpg)\n");
        KilnRun run = build("");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("content/posts/2026-11-01-trip/index.md:4:1: warning: link to caf\u00e9.jpg differs from the file "
                + "content/posts/2026-11-01-trip/" + decomposed + " only in how its accented letters are encoded: decomposed in the "
                + "file's name (as macOS writes names), composed in the link; Kiln linked the file by its name (hint: rename the file "
                + "or type the link again, so that the two agree)"), headlines(run));
        Path out = site.resolve("site");
        assertTrue(Files.isRegularFile(out.resolve("2026/11/01/trip").resolve(decomposed)));
        String post = KilnRun.read(out.resolve("2026/11/01/trip/index.html"));
        assertTrue(post.contains("<img src=\"/2026/11/01/trip/cafe%CC%81.jpg\" alt=\"A caf\u00e9\""), post);

        Map<String, String> first = texts(out);
        KilnRun again = build("");
        assertEquals(run.err(), again.err());
        assertEquals(first, texts(out));

        // Renamed: the body is compiled again, as a cold build compiles it, to another name and to the link's spelling.
        Files.move(trip.resolve(decomposed), trip.resolve("menu.jpg"));
        KilnRun elsewhere = buildWarmThenCold();
        assertEquals(1, elsewhere.exitCode(), elsewhere.err());
        assertTrue(headlines(elsewhere).get(0).startsWith("content/posts/2026-11-01-trip/index.md:4:1: error: link to caf\u00e9.jpg "
                + "does not exist"), elsewhere.err());
        Files.move(trip.resolve("menu.jpg"), trip.resolve("caf\u00e9.jpg"));
        KilnRun renamed = buildWarmThenCold();
        assertEquals(0, renamed.exitCode(), renamed.err());
        assertEquals(List.of(), headlines(renamed));
        assertTrue(KilnRun.read(out.resolve("2026/11/01/trip/index.html")).contains("<img src=\"/2026/11/01/trip/caf%C3%A9.jpg\""));
    }

    @Test
    void aLinkDecomposedToAFileNamedComposedPublishesTheFileByItsNameWithAWarning() throws Exception {
        String decomposed = Normalizer.normalize("caf\u00e9.jpg", Normalizer.Form.NFD);
        Path trip = site.resolve("content/posts/2026-11-01-trip");
        TestImages.write(TestImages.photo(40, 20, 1, false), "jpg", trip.resolve("caf\u00e9.jpg"));
        KilnRun.write(trip.resolve("index.md"), "---\ntitle: Trip\n---\nThe <a href=\"" + decomposed + "\">menu</a>.\n");
        KilnRun run = build("");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("content/posts/2026-11-01-trip/index.md:4:14: warning: link to " + decomposed + " differs from the "
                + "file content/posts/2026-11-01-trip/caf\u00e9.jpg only in how its accented letters are encoded: composed in the "
                + "file's name, decomposed in the link; Kiln linked the file by its name (hint: rename the file or type the link "
                + "again, so that the two agree)"), headlines(run));
        assertTrue(Files.isRegularFile(site.resolve("site/2026/11/01/trip/caf\u00e9.jpg")));
        String post = KilnRun.read(site.resolve("site/2026/11/01/trip/index.html"));
        assertTrue(post.contains("<a href=\"/2026/11/01/trip/caf%C3%A9.jpg\">menu</a>"), post);
    }

    /** Builds the site as it is now, then again from nothing (no output, no cache): both give the same report and site. */
    private KilnRun buildWarmThenCold() throws Exception {
        KilnRun warm = build("");
        Map<String, String> warmFiles = texts(site.resolve("site"));
        deleteTree(site.resolve("site"));
        deleteTree(site.resolve(".kiln-cache"));
        KilnRun cold = build("");
        assertEquals(cold.exitCode(), warm.exitCode());
        assertEquals(cold.err(), warm.err());
        if (warm.exitCode() == 0) { // a build with errors writes nothing: the last good site stays
            assertEquals(texts(site.resolve("site")), warmFiles);
        }
        return warm;
    }

    private static List<String> headlines(KilnRun run) {
        return run.err().lines().filter(l -> l.startsWith("content/")).toList();
    }

    /** Every file of {@code dir} with its bytes as text, so that two builds compare by value. */
    private static Map<String, String> texts(Path dir) {
        Map<String, String> texts = new TreeMap<>();
        KilnRun.files(dir).forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.ISO_8859_1)));
        return texts;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    @Test
    void linksInRawHtmlAreRewrittenWhateverTheTagsCaseAndTheTextBetween() throws Exception {
        Path trip = site.resolve("content/posts/2026-11-01-trip");
        Files.createDirectories(trip);
        Files.write(trip.resolve("castle.png"), PNG);
        KilnRun.write(trip.resolve("index.md"), "---\ntitle: Trip\n---\n1 < 2, <span>x</span> <IMG SRC=\"castle.png\" ALT=\"c\">"
                + " and <a class=\"k\" href=\"castle.png\">the castle</a> <a href=\"https://x.example/castle.png\">not</a>\n");
        KilnRun run = build("");
        assertEquals(0, run.exitCode(), run.err());
        String post = KilnRun.read(site.resolve("site/2026/11/01/trip/index.html"));
        assertTrue(post.contains("SRC=\"/2026/11/01/trip/castle.png\""), post);
        assertTrue(post.contains("<a class=\"k\" href=\"/2026/11/01/trip/castle.png\">the castle</a>"), post);
        assertTrue(post.contains("<a href=\"https://x.example/castle.png\">not</a>"), post);
    }
}
