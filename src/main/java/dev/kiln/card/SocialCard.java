package dev.kiln.card;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The 1200×630 image a post shares as when it has none of its own: its title (wrapped, smaller when long),
 * the site's name and the date, drawn with the JDK and the bundled fonts only. Text is filled as glyph
 * outlines with fixed rendering hints, so the pixels depend on the text, the fonts and the JDK, never on
 * the machine's fonts or settings; the PNG has no time stamp. Its file name is a hash of what it shows, its {@link #key}.
 */
public record SocialCard(String title, String siteName, String date) {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    /** Changes whenever the drawing changes, so that no cached card of an older drawing is reused. */
    private static final String DRAWING = "kiln-card-1";
    private static final int MARGIN = 88;
    private static final int TEXT_WIDTH = WIDTH - 2 * MARGIN;
    private static final int[] TITLE_SIZES = {76, 64, 54, 46};
    private static final float LINE_HEIGHT = 1.25f;
    /** The band of the card the title is centred in, between the site's name and the date. */
    private static final int TITLE_TOP = 170;
    private static final int TITLE_SPACE = 300;
    /** Anti-aliased, fractional metrics, no transform: the same measurements on every machine. */
    private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), true, true);
    private static final Color BACKGROUND = new Color(0x15171a);
    private static final Color TITLE = new Color(0xf3f4f6);
    private static final Color MUTED = new Color(0xa3abb4);
    private static final Color ACCENT = new Color(0x6fcbe0);

    /** Whether the bundled fonts can draw every character (else the post gets no card, rather than boxes). */
    public boolean drawable() {
        return drawable(title) && drawable(siteName) && drawable(date);
    }

    private static boolean drawable(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || CardFonts.forCodePoint(c) != null);
    }

    /** A hash of what the card shows and how it is drawn: equal keys, equal bytes. */
    public String key() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    String.join("\n", DRAWING, title, siteName, date).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The card as PNG bytes. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(ACCENT);
            g.fillRect(0, 0, 16, HEIGHT);
            FontRenderContext context = CONTEXT;
            List<Line> site = lines(siteName, 34, context, 1);
            fill(g, MUTED, site.get(0), MARGIN, 96 + site.get(0).layout().getAscent());

            TitleLayout layout = titleLayout();
            int size = layout.size();
            List<Line> titleLines = layout.lines();
            float lineHeight = size * LINE_HEIGHT;
            float y = TITLE_TOP + (TITLE_SPACE - lineHeight * titleLines.size()) / 2 + size;
            for (Line line : titleLines) {
                fill(g, TITLE, line, MARGIN, y);
                y += lineHeight;
            }

            g.setColor(ACCENT);
            g.fillRect(MARGIN, HEIGHT - 118, 72, 6);
            List<Line> when = lines(date, 30, context, 1);
            fill(g, MUTED, when.get(0), MARGIN, HEIGHT - 64);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static int maxLines(int size) {
        return (int) (TITLE_SPACE / (size * LINE_HEIGHT));
    }

    /** One line of text as drawn, and the characters it holds. */
    record Line(TextLayout layout, String text) {}

    /** The title's lines as the card shows them: wrapped at the card's width, the last one ending in … when it is cut. */
    List<String> titleLines() {
        return titleLayout().lines().stream().map(Line::text).toList();
    }

    private record TitleLayout(int size, List<Line> lines) {}

    /** The title at the largest size at which it fits the space between the name and the date, else cut. */
    private TitleLayout titleLayout() {
        FontRenderContext context = CONTEXT;
        int size = TITLE_SIZES[TITLE_SIZES.length - 1];
        List<Line> titleLines = null;
        for (int candidate : TITLE_SIZES) {
            titleLines = lines(title, candidate, context, Integer.MAX_VALUE);
            size = candidate;
            if (titleLines.size() <= maxLines(candidate)) {
                return new TitleLayout(size, titleLines);
            }
        }
        return new TitleLayout(size, lines(shortened(title, size, context), size, context, maxLines(size)));
    }

    private static void fill(Graphics2D g, Color color, Line line, float x, float baseline) {
        Shape outline = line.layout().getOutline(AffineTransform.getTranslateInstance(x, baseline));
        g.setColor(color);
        g.fill(outline);
    }

    /** {@code text} broken into lines of the text's width at {@code size}, at most {@code max} (the rest dropped). */
    private static List<Line> lines(String text, float size, FontRenderContext context, int max) {
        String shown = text.isBlank() ? " " : text.strip();
        AttributedString styled = styled(shown, size);
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(), context);
        List<Line> lines = new ArrayList<>();
        while (measurer.getPosition() < shown.length() && lines.size() < max) {
            int start = measurer.getPosition();
            TextLayout layout = measurer.nextLayout(TEXT_WIDTH);
            lines.add(new Line(layout, shown.substring(start, measurer.getPosition()).strip()));
        }
        return lines;
    }

    /** The text with each run of characters in the bundled font that has them. */
    private static AttributedString styled(String text, float size) {
        AttributedString styled = new AttributedString(text);
        Font latin = CardFonts.latin().deriveFont(size);
        Font cjk = null;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean wide = needsCjk(text.codePointAt(i));
            while (i < text.length() && needsCjk(text.codePointAt(i)) == wide) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (wide && cjk == null) {
                cjk = CardFonts.cjk().deriveFont(size);
            }
            styled.addAttribute(TextAttribute.FONT, wide ? cjk : latin, start, i);
        }
        return styled;
    }

    private static boolean needsCjk(int codePoint) {
        return !Character.isWhitespace(codePoint) && !CardFonts.latin().canDisplay(codePoint);
    }

    /** The longest start of {@code text}, cut at a space where there is one, that fits the title's lines with an ellipsis. */
    private static String shortened(String text, float size, FontRenderContext context) {
        int[] points = text.strip().codePoints().toArray();
        int low = 1;
        int high = points.length;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            String candidate = new String(points, 0, mid).strip() + "…";
            if (lines(candidate, size, context, Integer.MAX_VALUE).size() <= maxLines((int) size)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        String cut = new String(points, 0, low);
        int space = cut.lastIndexOf(' ');
        if (space > cut.length() * 3 / 4) {
            cut = cut.substring(0, space);
        }
        return cut.strip() + "…";
    }
}
