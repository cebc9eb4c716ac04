package dev.kiln.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import dev.kiln.model.Visibility;
import dev.kiln.pipeline.BuildResult;
import dev.kiln.pipeline.Rebuilds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image Kiln cannot read or decode is kept in the image cache like one it can: an unchanged one is neither read,
 * hashed nor decoded again, yet every build warns about it as the first did and publishes the same bytes.
 */
class UnreadableImageCacheTest {
    private static final String COPIES = " again as an RGB JPEG or PNG of at most 100 million pixels)";

    @TempDir
    Path site;

    /** A photo wider than the column, and beside it one cut short, one of damaged data, one too large and one empty. */
    private void site() throws IOException {
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://example.com\n");
        byte[] photo = OddImages.jpeg(TestImages.photo(1000, 60, 1, false), false);
        Files.createDirectories(site.resolve("content/img"));
        Files.write(site.resolve("content/img/photo.jpg"), photo);
        Files.write(site.resolve("content/img/truncated.jpg"), Arrays.copyOf(photo, photo.length * 2 / 3));
        Files.write(site.resolve("content/img/broken-data.png"), OddImages.pngWithBrokenData(TestImages.photo(900, 40, 7, false)));
        Files.write(site.resolve("content/img/huge.png"), OddImages.pngHeaderOnly(30000, 30000));
        Files.write(site.resolve("content/img/empty.jpg"), new byte[0]);
        KilnRun.write(site.resolve("content/posts/2024-05-01-a.md"), "---\ntitle: A\n---\n![p](/img/photo.jpg)\n\n![t](/img/truncated.jpg)\n\n"
                + "![b](/img/broken-data.png)\n\n![h](/img/huge.png)\n\n![e](/img/empty.jpg)\n");
        settle("photo.jpg", "truncated.jpg", "broken-data.png", "huge.png", "empty.jpg");
    }

    /** Sets the time stamps an hour back: a file just written may change again within the same tick, and is hashed again. */
    private void settle(String... names) throws IOException {
        for (String name : names) {
            Files.setLastModifiedTime(site.resolve("content/img").resolve(name), FileTime.from(KilnRun.CLOCK.instant().minusSeconds(3600)));
        }
    }

    private KilnRun build() {
        KilnRun run = KilnRun.of("build", "--source", site.toString(), "--profile");
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static List<String> headlines(KilnRun run) {
        return run.err().lines().filter(line -> !line.startsWith("  ") && !line.isEmpty()).toList();
    }

    @Test
    void aSecondBuildNeitherReadsNorDecodesAnUnreadableImageAndWarnsAndPublishesAsTheFirst() throws IOException {
        site();
        KilnRun cold = build();
        String post = "content/posts/2024-05-01-a.md";
        assertEquals(List.of(
                post + ":6:1: warning: image /img/truncated.jpg is published as it is, without smaller copies: it is cut short "
                        + "(Corrupt JPEG data: premature end of data segment) (hint: for copies, save content/img/truncated.jpg" + COPIES,
                post + ":8:1: warning: image /img/broken-data.png is published as it is, without smaller copies: it is damaged or in a "
                        + "form Java cannot decode (Error reading PNG image data) (hint: for copies, save content/img/broken-data.png" + COPIES,
                post + ":10:1: warning: image /img/huge.png is published as it is, without smaller copies: it has 30000×30000 pixels, "
                        + "more than the 100 million Kiln resizes (hint: for copies, save content/img/huge.png" + COPIES,
                post + ":12:1: warning: image /img/empty.jpg is published as it is, without width and height: it is empty (0 bytes) "
                        + "(hint: save content/img/empty.jpg again as a JPEG or PNG, or link to it instead of showing it)"), headlines(cold));
        // Decoding tried for the photo and the three whose header reads, failing for those three.
        assertTrue(cold.out().contains("Images read and hashed: 5; decoded: 4 ("), cold.out());
        Map<String, byte[]> first = KilnRun.files(site.resolve("site"));

        KilnRun warm = build();
        assertTrue(warm.out().contains("Images read and hashed: 0; decoded: 0\n"), warm.out());
        assertEquals(cold.err(), warm.err());
        Map<String, byte[]> second = KilnRun.files(site.resolve("site"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));

        // Touched (its time stamp moved, its bytes the same): hashed, not decoded, warned about alike.
        Files.setLastModifiedTime(site.resolve("content/img/truncated.jpg"), FileTime.from(KilnRun.CLOCK.instant().minusSeconds(60)));
        KilnRun touched = build();
        assertTrue(touched.out().contains("Images read and hashed: 1; decoded: 0\n"), touched.out());
        assertEquals(cold.err(), touched.err());

        // Fixed by its author: decoded again, and it gets its copies.
        Files.write(site.resolve("content/img/truncated.jpg"), OddImages.jpeg(TestImages.photo(1000, 60, 2, false), false));
        settle("truncated.jpg");
        KilnRun fixed = build();
        assertTrue(fixed.out().contains("Images read and hashed: 1; decoded: 1 ("), fixed.out());
        assertEquals(headlines(cold).subList(1, 4), headlines(fixed));
        assertTrue(Files.isRegularFile(site.resolve("site/img/truncated-640w.jpg")));
        String page = KilnRun.read(site.resolve("site/2024/05/01/a/index.html"));
        assertTrue(page.contains("/img/truncated-640w.jpg 640w"), page);
    }

    @Test
    void anIndexOfTheFormerLayoutIsReadForItsCopiesOnlyAndItsImagesAreReadAgain() throws IOException {
        site();
        KilnRun cold = build();
        Map<String, byte[]> first = KilnRun.files(site.resolve("site"));
        // The index as Kiln wrote it before it kept reasons: no format line, image lines without the reason.
        Path index = site.resolve(".kiln-cache/images/index.tsv");
        List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        assertEquals("format\t2", lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("image\tcontent/img/empty.jpg\t0\t") && l.endsWith("\t-\t-\t-\t-\tit is empty (0 bytes)")),
                lines.toString());
        Files.writeString(index, lines.stream().filter(l -> !l.startsWith("format\t")).filter(l -> !l.contains("/empty.jpg\t"))
                .map(l -> l.startsWith("image\t") ? l.substring(0, l.lastIndexOf('\t')) : l)
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);

        KilnRun after = build();
        assertTrue(after.out().contains("Images read and hashed: 5; decoded: 3 ("),
                after.out());
        assertTrue(after.out().contains("Resized images: 0 made, 3 reused"), after.out());
        assertEquals(cold.err(), after.err());
        Map<String, byte[]> second = KilnRun.files(site.resolve("site"));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
        assertEquals("format\t2", Files.readAllLines(index, StandardCharsets.UTF_8).get(1), "written again in the new layout");

        KilnRun warm = build();
        assertTrue(warm.out().contains("Images read and hashed: 0; decoded: 0\n"), warm.out());
        assertFalse(warm.err().isEmpty());
        assertEquals(cold.err(), warm.err());
    }

    @Test
    void thePreviewRemembersAnUnreadableImageUntilItChanges() throws IOException {
        site();
        Visibility all = new Visibility(true, true, KilnRun.CLOCK.instant());
        Rebuilds preview = new Rebuilds();
        BuildResult first = preview.build(site, all, true);
        assertEquals(4, first.profile().images().decoded());
        BuildResult second = preview.build(site, all, true);
        assertEquals(0, second.profile().images().hashed());
        assertEquals(0, second.profile().images().decoded());
        assertEquals(first.diagnostics(), second.diagnostics());
        assertEquals(4, second.diagnostics().size());

        Files.write(site.resolve("content/img/broken-data.png"), OddImages.png(TestImages.photo(900, 40, 7, false), false));
        preview.forget(List.of(Path.of("content/img/broken-data.png")));
        BuildResult fixed = preview.build(site, all, true);
        assertEquals(1, fixed.profile().images().hashed());
        assertEquals(1, fixed.profile().images().decoded());
        assertEquals(3, fixed.diagnostics().size());
        assertTrue(fixed.plan().files().stream().anyMatch(f -> f.path().equals("img/broken-data-640w.jpg") || f.path().equals("img/broken-data-640w.png")),
                fixed.plan().files().toString());
    }
}
