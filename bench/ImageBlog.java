import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The image-heavy benchmark blog: the posts of a text corpus (make-corpus.py), one in three of them
 * showing 1 to 6 images: photos 2,000-4,000 px wide as JPEG, screenshots 1,200-2,800 px wide as PNG,
 * and a few GIF diagrams. Deterministic: the pixels depend only on the post and image numbers, drawn
 * from a generator of its own (splitmix64), and the files are encoded by the JDK's ImageIO.
 * <p>
 * The images are made to compress as their kind does, not as flat colour: a photo is a smooth scene
 * with texture at every scale and sensor noise; a screenshot is flat panels, lines of anti-aliased
 * glyphs from a small font (which deflate finds again and again, as in real text) and a photo
 * thumbnail; a diagram is a few flat shapes in a 16-colour palette.
 *
 * <pre>java bench/ImageBlog.java TEXT_CORPUS OUT</pre>
 * writes OUT/posts (every post of TEXT_CORPUS/posts, those with images changed) and OUT/img, and
 * prints a line with the counts and a sha-256 over every file written.
 * <pre>java bench/ImageBlog.java --screenshot-post SITE</pre>
 * adds to the site at SITE a post like the seed author's image-heavy one, six PNG screenshots
 * 1,200-2,800 px wide between paragraphs (content/posts/2026-11-21-six-screenshots.md and
 * content/img/shot-1.png … shot-6.png), for Lighthouse (docs/content/images.md).
 */
public final class ImageBlog {
    private static final double JPEG_QUALITY = 0.88;

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--screenshot-post")) {
            screenshotPost(Path.of(args[1]));
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: java bench/ImageBlog.java TEXT_CORPUS OUT");
            System.exit(2);
        }
        Path in = Path.of(args[0], "posts");
        Path out = Path.of(args[1]);
        List<Path> posts;
        try (Stream<Path> files = Files.list(in)) {
            posts = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        Files.createDirectories(out.resolve("posts"));
        Files.createDirectories(out.resolve("img"));
        MessageDigest digest = sha256();
        int images = 0;
        long bytes = 0;
        int[] kinds = new int[3];
        for (int i = 0; i < posts.size(); i++) {
            Path post = posts.get(i);
            String text = Files.readString(post, StandardCharsets.UTF_8);
            if (i % 3 == 1) {
                Random random = new Random(i * 7919L + 17);
                int count = 1 + random.nextInt(6);
                List<String> references = new ArrayList<>();
                for (int k = 1; k <= count; k++) {
                    Random pixels = new Random(i * 1_000_003L + k);
                    double kind = random.nextDouble();
                    String name;
                    byte[] encoded;
                    if (kind < 0.06) {
                        name = String.format(Locale.ROOT, "p%03d-%d.gif", i, k);
                        encoded = gif(diagram(pixels, 480 + random.nextInt(321), 300 + random.nextInt(301)));
                        kinds[2]++;
                    } else if (kind < 0.55) {
                        int width = 2000 + random.nextInt(2001);
                        int[] aspect = ASPECTS[random.nextInt(ASPECTS.length)];
                        name = String.format(Locale.ROOT, "p%03d-%d.jpg", i, k);
                        encoded = jpeg(photo(pixels, width, width * aspect[1] / aspect[0]));
                        kinds[0]++;
                    } else {
                        int width = 1200 + random.nextInt(1601);
                        int height = width * (55 + random.nextInt(26)) / 100;
                        name = String.format(Locale.ROOT, "p%03d-%d.png", i, k);
                        encoded = png(screenshot(pixels, width, height));
                        kinds[1]++;
                    }
                    Files.write(out.resolve("img").resolve(name), encoded);
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(encoded);
                    images++;
                    bytes += encoded.length;
                    references.add("![" + (name.endsWith(".jpg") ? "Photo" : name.endsWith(".png") ? "Screenshot" : "Diagram")
                            + " " + k + " of this post](/img/" + name + ")");
                }
                text = withImages(text, references);
            }
            Path written = out.resolve("posts").resolve(post.getFileName());
            Files.writeString(written, text, StandardCharsets.UTF_8);
            digest.update(post.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf(Locale.ROOT, "wrote %d posts and %d images (%d photos, %d screenshots, %d diagrams; %.1f MB) to %s; sha-256 %s%n",
                posts.size(), images, kinds[0], kinds[1], kinds[2], bytes / 1e6, out, HexFormat.of().formatHex(digest.digest()));
    }

    private static final int[] SHOT_WIDTHS = {2800, 1200, 2400, 1600, 2000, 1440};

    private static void screenshotPost(Path site) throws IOException {
        Path img = site.resolve("content/img");
        Files.createDirectories(img);
        Files.createDirectories(site.resolve("content/posts"));
        MessageDigest digest = sha256();
        StringBuilder post = new StringBuilder("""
                ---
                title: "Six screenshots"
                description: "A post that shows six PNG screenshots, for measuring how fast such a page loads."
                date: 2026-11-21 09:00:00 +0100
                tags: [images]
                ---

                The screenshots below are PNG files between 1,200 and 2,800 pixels wide, as a screen
                capture tool saves them.
                """);
        for (int k = 1; k <= SHOT_WIDTHS.length; k++) {
            int width = SHOT_WIDTHS[k - 1];
            byte[] encoded = png(screenshot(new Random(424_242L + k), width, width * (56 + 4 * k) / 100));
            String name = "shot-" + k + ".png";
            Files.write(img.resolve(name), encoded);
            digest.update(encoded);
            post.append("\nStep ").append(k).append(": what the screen shows at this point, and what to look at in it.\n\n")
                    .append("![Screenshot ").append(k).append(" of this post](/img/").append(name).append(")\n");
        }
        Files.writeString(site.resolve("content/posts/2026-11-21-six-screenshots.md"), post, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "wrote the six-screenshot post to %s; sha-256 of its images %s%n", site,
                HexFormat.of().formatHex(digest.digest()));
    }

    private static final int[][] ASPECTS = {{3, 2}, {4, 3}, {16, 9}, {2, 3}, {3, 4}};

    /** Each image its own paragraph, spread evenly between the paragraphs of the body (never inside a code block). */
    static String withImages(String text, List<String> references) {
        int end = text.indexOf("\n---\n", 4) + 5;
        String frontMatter = text.substring(0, end);
        String[] blocks = text.substring(end).split("\n\n", -1);
        List<Integer> gaps = new ArrayList<>(); // after block j
        boolean inCode = false;
        for (int j = 0; j < blocks.length - 1; j++) {
            int fences = blocks[j].split("```", -1).length - 1;
            if (fences % 2 == 1) {
                inCode = !inCode;
            }
            if (!inCode) {
                gaps.add(j);
            }
        }
        StringBuilder body = new StringBuilder(frontMatter);
        int next = 0;
        for (int j = 0; j < blocks.length; j++) {
            body.append(blocks[j]);
            if (j < blocks.length - 1) {
                body.append("\n\n");
            }
            while (next < references.size() && !gaps.isEmpty()
                    && gaps.get(Math.min(gaps.size() - 1, (next + 1) * gaps.size() / (references.size() + 1))) == j) {
                body.append(references.get(next++)).append("\n\n");
            }
        }
        while (next < references.size()) {
            body.append("\n\n").append(references.get(next++)).append('\n');
        }
        return body.toString();
    }

    // ------------------------------------------------------------------ photos --

    /** A scene: a sky-to-ground gradient, colour fields and texture at three scales, sensor noise. */
    static BufferedImage photo(Random random, int width, int height) {
        Field colour = new Field(random, 6, 5, 3);
        Field texture = new Field(random, Math.max(2, width / 90), Math.max(2, height / 90), 1);
        Field fine = new Field(random, Math.max(2, width / 12), Math.max(2, height / 12), 1);
        double horizon = 0.35 + 0.3 * random.nextDouble();
        int[] sky = {90 + random.nextInt(60), 140 + random.nextInt(60), 200 + random.nextInt(55)};
        int[] ground = {60 + random.nextInt(80), 70 + random.nextInt(70), 30 + random.nextInt(50)};
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            double v = (double) y / height;
            double sharp = 1 / (1 + Math.exp(-(v - horizon) * 40)); // a soft horizon
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double t = texture.at(u, v, 0) - 0.5;
                double f = fine.at(u, v, 0) - 0.5;
                int noise = (int) (random.nextLong() & 15) - 8;
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double base = sky[c] * (1 - sharp) + ground[c] * sharp;
                    double value = base * (0.55 + 0.9 * colour.at(u, v, c)) + t * 70 * (0.3 + sharp) + f * 26 + noise;
                    rgb = rgb << 8 | clamp(value);
                }
                row[x] = rgb;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    // ------------------------------------------------------------- screenshots --

    /** An application window: title bar, side bar, lines of text, buttons, a photo thumbnail. */
    static BufferedImage screenshot(Random random, int width, int height) {
        int[] pixels = new int[width * height];
        boolean dark = random.nextInt(4) == 0;
        int background = dark ? 0x1e1f24 : 0xfafafa;
        int ink = dark ? 0xd8dade : 0x24292f;
        java.util.Arrays.fill(pixels, background);
        int bar = 36 + random.nextInt(20);
        fill(pixels, width, 0, 0, width, bar, dark ? 0x2b2d33 : 0xe6e8eb);
        int side = width / (4 + random.nextInt(3));
        fill(pixels, width, 0, bar, side, height, dark ? 0x25262b : 0xf0f2f4);
        Glyphs font = new Glyphs(random);
        int pitch = 18 + random.nextInt(6);
        // the side bar's short entries, the main column's paragraphs, a code block
        for (int y = bar + 16; y + pitch < height; y += pitch + 4) {
            text(pixels, width, font, random, 14, y, side - 28, ink, 0.35);
        }
        int x0 = side + 32;
        int x1 = width - 32 - random.nextInt(Math.max(1, width / 8));
        int y = bar + 28;
        while (y + pitch < height - 24) {
            int choice = random.nextInt(10);
            if (choice == 0 && y + 220 < height) { // a photo thumbnail
                int w = Math.min(x1 - x0, 240 + random.nextInt(240));
                int h = 160 + random.nextInt(80);
                BufferedImage thumb = photo(random, w, h);
                for (int ty = 0; ty < h && y + ty < height; ty++) {
                    thumb.getRGB(0, ty, w, 1, pixels, (y + ty) * width + x0, width);
                }
                y += h + 16;
            } else if (choice == 1) { // a button
                int w = 90 + random.nextInt(90);
                fill(pixels, width, x0, y, Math.min(x1, x0 + w), y + pitch + 8, 0x2f81f7);
                text(pixels, width, font, random, x0 + 12, y + 4, w - 24, 0xffffff, 0.9);
                y += pitch + 24;
            } else if (choice == 2) { // code
                int lines = 3 + random.nextInt(8);
                fill(pixels, width, x0, y, x1, y + lines * pitch + 16, dark ? 0x16171b : 0xf3f4f6);
                for (int l = 0; l < lines; l++) {
                    text(pixels, width, font, random, x0 + 12 + 16 * random.nextInt(3), y + 8 + l * pitch, x1 - x0 - 60,
                            PALETTE[random.nextInt(PALETTE.length)], 0.7);
                }
                y += lines * pitch + 28;
            } else { // a paragraph
                int lines = 2 + random.nextInt(6);
                for (int l = 0; l < lines && y + pitch < height - 24; l++) {
                    text(pixels, width, font, random, x0, y, x1 - x0, ink, l == lines - 1 ? 0.6 : 1.0);
                    y += pitch;
                }
                y += pitch / 2;
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    private static final int[] PALETTE = {0xcf222e, 0x0550ae, 0x116329, 0x8250df, 0x953800, 0x24292f};

    /** A line of words of glyphs, up to the fraction of the width given. */
    private static void text(int[] pixels, int width, Glyphs font, Random random, int x, int y, int span, int colour, double fill) {
        int end = x + (int) (span * fill * (0.7 + 0.3 * random.nextDouble()));
        int height = pixels.length / width;
        while (x + 8 < end) {
            int letters = 2 + random.nextInt(9);
            for (int k = 0; k < letters && x + 8 < end; k++) {
                int[] glyph = font.glyphs[random.nextInt(font.glyphs.length)];
                for (int gy = 0; gy < Glyphs.HEIGHT && y + gy < height; gy++) {
                    for (int gx = 0; gx < Glyphs.WIDTH; gx++) {
                        int alpha = glyph[gy * Glyphs.WIDTH + gx];
                        if (alpha > 0) {
                            int at = (y + gy) * width + x + gx;
                            pixels[at] = blend(pixels[at], colour, alpha);
                        }
                    }
                }
                x += Glyphs.WIDTH + 1;
            }
            x += 6;
        }
    }

    /** 48 glyphs of 7 by 11 pixels, strokes with grey (anti-aliased) edges. */
    private static final class Glyphs {
        static final int WIDTH = 7;
        static final int HEIGHT = 11;
        final int[][] glyphs = new int[48][];

        Glyphs(Random random) {
            for (int g = 0; g < glyphs.length; g++) {
                int[] alpha = new int[WIDTH * HEIGHT];
                int top = random.nextInt(4) == 0 ? 0 : 3;
                int strokes = 2 + random.nextInt(3);
                for (int s = 0; s < strokes; s++) {
                    boolean vertical = random.nextBoolean();
                    int at = vertical ? 1 + random.nextInt(WIDTH - 2) : top + random.nextInt(HEIGHT - top - 1);
                    for (int k = 0; k < (vertical ? HEIGHT - top : WIDTH); k++) {
                        int x = vertical ? at : k;
                        int y = vertical ? top + k : at;
                        alpha[y * WIDTH + x] = 255;
                        if (vertical && x + 1 < WIDTH) {
                            alpha[y * WIDTH + x + 1] = Math.max(alpha[y * WIDTH + x + 1], 90);
                        } else if (!vertical && y + 1 < HEIGHT) {
                            alpha[(y + 1) * WIDTH + x] = Math.max(alpha[(y + 1) * WIDTH + x], 90);
                        }
                    }
                }
                glyphs[g] = alpha;
            }
        }
    }

    // ---------------------------------------------------------------- diagrams --

    /** Boxes and bars in 16 colours: what a blog shows as a GIF. */
    static BufferedImage diagram(Random random, int width, int height) {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            int c = i == 0 ? 0xffffff : i == 1 ? 0x202020 : PALETTE[i % PALETTE.length] + i * 0x030507;
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(4, 16, r, g, b));
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int shapes = 6 + random.nextInt(10);
        for (int s = 0; s < shapes; s++) {
            int x = random.nextInt(width - 40);
            int y = random.nextInt(height - 30);
            int w = 30 + random.nextInt(Math.max(1, width - x - 30));
            int h = 20 + random.nextInt(Math.max(1, Math.min(120, height - y - 20)));
            byte colour = (byte) (2 + random.nextInt(14));
            for (int yy = y; yy < y + h && yy < height; yy++) {
                for (int xx = x; xx < x + w && xx < width; xx++) {
                    boolean edge = yy == y || yy == y + h - 1 || xx == x || xx == x + w - 1;
                    data[yy * width + xx] = edge ? 1 : colour;
                }
            }
        }
        return image;
    }

    // ---------------------------------------------------------------- encoding --

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality((float) JPEG_QUALITY);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] gif(BufferedImage image) {
        return encode(image, "gif");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ helpers --

    /** Smooth values in [0, 1]: a grid of random values, interpolated (smoothstep) between its points. */
    private static final class Field {
        final int columns;
        final int rows;
        final int channels;
        final double[] values;

        Field(Random random, int columns, int rows, int channels) {
            this.columns = columns;
            this.rows = rows;
            this.channels = channels;
            values = new double[(columns + 1) * (rows + 1) * channels];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble();
            }
        }

        double at(double u, double v, int channel) {
            double x = u * columns;
            double y = v * rows;
            int i = (int) x;
            int j = (int) y;
            double fx = smooth(x - i);
            double fy = smooth(y - j);
            double a = value(i, j, channel) * (1 - fx) + value(i + 1, j, channel) * fx;
            double b = value(i, j + 1, channel) * (1 - fx) + value(i + 1, j + 1, channel) * fx;
            return a * (1 - fy) + b * fy;
        }

        private double value(int i, int j, int channel) {
            return values[((Math.min(j, rows) * (columns + 1)) + Math.min(i, columns)) * channels + channel];
        }

        private static double smooth(double t) {
            return t * t * (3 - 2 * t);
        }
    }

    /** splitmix64: the same numbers on every JDK and machine. */
    private static final class Random {
        private long state;

        Random(long seed) {
            state = seed;
        }

        long nextLong() {
            long z = state += 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        int nextInt(int bound) {
            return (int) Long.remainderUnsigned(nextLong(), bound);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        boolean nextBoolean() {
            return nextLong() < 0;
        }
    }

    private static void fill(int[] pixels, int width, int x0, int y0, int x1, int y1, int colour) {
        int height = pixels.length / width;
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            java.util.Arrays.fill(pixels, y * width + Math.max(0, x0), y * width + Math.min(width, x1), colour);
        }
    }

    private static int blend(int under, int over, int alpha) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = under >> shift & 255;
            int b = over >> shift & 255;
            rgb |= (a + (b - a) * alpha / 255) << shift;
        }
        return rgb;
    }

    private static int clamp(double value) {
        return value < 0 ? 0 : value > 255 ? 255 : (int) value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
