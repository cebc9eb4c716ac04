package dev.kiln.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Social cards: what a card shows and how it wraps, that its bytes depend only on what it shows, and how a
 * build links, publishes and reuses them.
 */
class SocialCardTest {
    private static final Pattern OG_IMAGE = Pattern.compile("<meta property=\"og:image\" content=\"https://t\\.example(/assets/cards/[0-9a-f]{20}\\.png)\">");

    @TempDir
    Path tmp;

    @Test
    void isA1200By630PngDrawnTheSameEveryTime() throws Exception {
        SocialCard card = new SocialCard("Be prepared for your interview at Amazon", "Golden Blog", "March 18, 2019");
        byte[] png = card.png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1200, image.getWidth());
        assertEquals(630, image.getHeight());
        assertArrayEquals(png, card.png());
        assertArrayEquals(png, new SocialCard("Be prepared for your interview at Amazon", "Golden Blog", "March 18, 2019").png());
        assertNotEquals(card.key(), new SocialCard("Be prepared for your interview at Amazon", "Golden Blog", "March 19, 2019").key());
        // Text was drawn: light pixels where the title is, the background's colour in the corner.
        assertEquals(0x15171a, image.getRGB(1190, 620) & 0xFFFFFF);
        long light = 0;
        for (int y = 170; y < 470; y++) {
            for (int x = 88; x < 1112; x++) {
                light += (image.getRGB(x, y) & 0xFF) > 200 ? 1 : 0;
            }
        }
        assertTrue(light > 20_000, "title pixels: " + light);
    }

    @Test
    void longTitlesWrapAndAVeryLongOneIsCutWithAnEllipsis() {
        assertEquals(List.of("Hello"), new SocialCard("Hello", "S", "D").titleLines());
        List<String> two = new SocialCard("Be prepared for your interview at Amazon", "S", "D").titleLines();
        assertEquals(List.of("Be prepared for your", "interview at Amazon"), two);
        List<String> cut = new SocialCard("word ".repeat(120), "S", "D").titleLines();
        assertTrue(cut.size() >= 4 && cut.size() <= 5, cut.toString());
        assertTrue(cut.get(cut.size() - 1).endsWith("…"), cut.toString());
    }

    @Test
    void chineseAndJapaneseTitlesUseTheBundledCjkFontAndKoreanGetsNoCard() {
        SocialCard japanese = new SocialCard("静的サイトジェネレーターで書くブログ", "ブログ", "2026年11月5日");
        assertTrue(japanese.drawable());
        assertEquals(CardFonts.cjk(), CardFonts.forCodePoint('語'));
        assertEquals(CardFonts.latin(), CardFonts.forCodePoint('é'));
        assertTrue(new SocialCard("中文标题：这们", "博客", "2026").drawable());
        assertTrue(new SocialCard("Ελληνικά και Русский", "S", "D").drawable());
        assertTrue(japanese.titleLines().size() >= 1);
        assertFalse(new SocialCard("한국어 제목", "S", "D").drawable(), "Hangul is in neither bundled font");
        assertFalse(new SocialCard("שלום", "S", "D").drawable());
    }

    @Test
    void aPostWithoutAnImageSharesItsCardWhichTwoBuildsMakeByteForByte() throws Exception {
        Path site = tmp.resolve("blog");
        KilnRun.write(site.resolve("content/site.yml"), "title: T\nurl: https://t.example\n");
        KilnRun.write(site.resolve("content/posts/2026-01-02-p.md"), "---\ntitle: A card of my own\n---\nText.\n");
        KilnRun.write(site.resolve("content/posts/2026-01-03-q.md"), "---\ntitle: With a photo\nbackground: https://cdn.example/a.jpg\n---\nText.\n");
        KilnRun.write(site.resolve("content/posts/2026-01-04-k.md"), "---\ntitle: 한국어 제목\nslug: k\n---\nText.\n");
        KilnRun.write(site.resolve("content/about.md"), "---\ntitle: About\n---\nA page.\n");
        assertEquals(0, KilnRun.of("build", "--source", site.toString(), "--output", tmp.resolve("one").toString()).exitCode());

        String post = KilnRun.read(tmp.resolve("one/2026/01/02/p/index.html"));
        Matcher image = OG_IMAGE.matcher(post);
        assertTrue(image.find(), post);
        assertTrue(post.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">\n<meta name=\"twitter:image\" content=\"https://t.example"
                + image.group(1) + "\">"), post);
        byte[] card = Files.readAllBytes(tmp.resolve("one" + image.group(1)));
        assertEquals(1200, ImageIO.read(new ByteArrayInputStream(card)).getWidth());
        assertTrue(KilnRun.read(tmp.resolve("one/2026/01/03/q/index.html")).contains("og:image\" content=\"https://cdn.example/a.jpg\""));
        String korean = KilnRun.read(tmp.resolve("one/2026/01/04/k/index.html"));
        assertFalse(korean.contains("og:image"), "no card rather than boxes");
        assertTrue(korean.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assertFalse(KilnRun.read(tmp.resolve("one/about/index.html")).contains("og:image"), "pages get no card");

        Path cached = site.resolve(SocialCards.FOLDER).resolve(image.group(1).substring("/assets/cards/".length()));
        assertArrayEquals(card, Files.readAllBytes(cached), "the card is kept in the site's cache");
        // Another checkout of the same site, with no cache: the same bytes, drawn again.
        Path copy = tmp.resolve("copy");
        KilnRun.write(copy.resolve("content/site.yml"), "title: T\nurl: https://t.example\n");
        KilnRun.write(copy.resolve("content/posts/2026-01-02-p.md"), "---\ntitle: A card of my own\n---\nOther text.\n");
        assertEquals(0, KilnRun.of("build", "--source", copy.toString(), "--output", tmp.resolve("two").toString()).exitCode());
        assertArrayEquals(card, Files.readAllBytes(tmp.resolve("two" + image.group(1))));

        // A card in the cache is published as it is, not drawn again: other bytes put there show it.
        byte[] marker = new SocialCard("marker", "T", "January 2, 2026").png();
        Files.write(cached, marker);
        assertEquals(0, KilnRun.of("build", "--source", site.toString(), "--output", tmp.resolve("three").toString()).exitCode());
        assertArrayEquals(marker, Files.readAllBytes(tmp.resolve("three" + image.group(1))));
    }
}
