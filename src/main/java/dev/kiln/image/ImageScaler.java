package dev.kiln.image;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads, shrinks and encodes images with the JDK's image I/O and Java 2D only. Shrinking halves the
 * image (bilinear, which at exactly half averages each 2×2 block) while it stays at least twice the
 * target, then takes one bicubic step: far sharper than one bicubic step from a large photo, which
 * skips most pixels and shimmers. Output carries no metadata, so equal input gives equal bytes.
 */
final class ImageScaler {
    static final float JPEG_QUALITY = 0.82f;

    private ImageScaler() {}

    /** What the file's header says: its format ({@code jpeg}, {@code png}, {@code gif}, …) and size as shown. */
    record Header(String format, int width, int height, int orientation) {
        /** EXIF orientations 5 to 8 turn the picture on its side: browsers swap its width and height. */
        boolean sideways() {
            return orientation >= 5 && orientation <= 8;
        }

        int shownWidth() {
            return sideways() ? height : width;
        }

        int shownHeight() {
            return sideways() ? width : height;
        }
    }

    /**
     * Why an image cannot be measured or resized, worded for its author ("it is empty"); the build goes on and
     * publishes the file as it is. Checked, so that every caller decides what a page then shows.
     */
    static final class UnreadableImage extends Exception {
        UnreadableImage(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads only the header (a WebP's by hand, so that its decoder's native library is never loaded for it). */
    static Header header(byte[] bytes) throws UnreadableImage {
        Header webp = WebpHeader.of(bytes);
        if (webp != null) {
            return webp;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in, bytes);
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                format = format.equals("jpg") ? "jpeg" : format;
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new UnreadableImage("it has no pixels");
                }
                return new Header(format, width, height, format.equals("jpeg") ? ExifOrientation.of(bytes) : 1);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImage(reason(e));
        }
    }

    /** Decoding takes 4 bytes a pixel, twice: beyond this a build would run out of memory, not make a copy. */
    static final long MAX_PIXELS = 100_000_000L;

    /**
     * Decodes the whole image as it is shown: EXIF orientation applied, in 8-bit RGB (ARGB when it has
     * transparency). A JPEG cut short decodes with grey where its end should be: that is refused too, as
     * copies of it would look broken.
     */
    static BufferedImage decode(byte[] bytes, Header header) throws UnreadableImage {
        if ((long) header.width() * header.height() > MAX_PIXELS) {
            throw new UnreadableImage("it has " + header.width() + "×" + header.height() + " pixels, more than the "
                    + MAX_PIXELS / 1_000_000 + " million Kiln resizes");
        }
        BufferedImage read;
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in, bytes);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                read = reader.read(0);
            } finally {
                reader.dispose();
            }
            for (String warning : warnings) {
                if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw new UnreadableImage("it is cut short (" + warning + ")");
                }
            }
            return orient(rgb(read), header.orientation());
        } catch (IOException | RuntimeException e) {
            // RuntimeException: Java 2D's colour conversion throws CMMException and the like on odd colour profiles.
            throw new UnreadableImage(reason(e));
        }
    }

    private static BufferedImage rgb(BufferedImage read) {
        boolean alpha = read.getColorModel().hasAlpha();
        BufferedImage rgb = new BufferedImage(read.getWidth(), read.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(read, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * A decoded image and its halvings, each made once and shared by all the copies that start from it
     * (a 4,000 px photo's 2,000 px half serves its 1,920 and 1,280 px copies).
     */
    static final class Levels {
        private final List<BufferedImage> levels = new ArrayList<>();

        Levels(BufferedImage image) {
            levels.add(image);
        }

        BufferedImage full() {
            return levels.get(0);
        }

        /** A copy {@code width} pixels wide (never wider than the image), its height in proportion. */
        BufferedImage shrink(int width, int height) {
            int level = 0;
            BufferedImage current = levels.get(0);
            while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
                level++;
                if (level == levels.size()) {
                    levels.add(draw(current, current.getWidth() / 2, current.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR));
                }
                current = levels.get(level);
            }
            if (current.getWidth() != width || current.getHeight() != height) {
                current = draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            }
            return current;
        }
    }

    private static BufferedImage draw(BufferedImage from, int width, int height, Object interpolation) {
        BufferedImage to = new BufferedImage(width, height, from.getType());
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
            g.drawImage(from, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return to;
    }

    /** Progressive JPEG at {@link #JPEG_QUALITY}, without metadata (the JFIF header carries no date). */
    static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage opaque = image;
        if (image.getColorModel().hasAlpha()) {
            opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = opaque.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(opaque, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** cwebp's default, as good to the eye as the JPEG copies at 0.82 and a third to a half smaller. */
    static final float WEBP_QUALITY = 0.75f;

    /**
     * Lossy WebP at {@link #WEBP_QUALITY} (alpha kept), libwebp's default effort (method 4), one
     * thread: the same bytes for the same pixels on every build. No metadata. Null where libwebp
     * cannot be loaded (a platform webp-imageio has no native library for, a temporary folder that
     * cannot hold it): WebP copies are a bonus, never a reason for a build to fail.
     */
    static byte[] webp(BufferedImage image) throws IOException {
        ImageWriter writer;
        WebPWriteParam param;
        try {
            param = new WebPWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(CompressionType.Lossy);
            param.setCompressionQuality(WEBP_QUALITY);
            param.setMethod(4);
            writer = new WebPImageWriterSpi().createWriterInstance();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (RuntimeException | LinkageError e) {
            return null;
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** PNG with the writer's default compression; the JDK writes no tIME or text chunks unless asked. */
    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }

    private static ImageReader reader(ImageInputStream in, byte[] bytes) throws UnreadableImage {
        if (in == null) {
            throw new UnreadableImage("it cannot be opened");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new UnreadableImage(notAnImage(bytes));
        }
        return readers.next();
    }

    /** What a file that no image reader takes is, as far as its first bytes tell: an author then knows what to do. */
    private static String notAnImage(byte[] bytes) {
        if (bytes.length == 0) {
            return "it is empty (0 bytes)";
        }
        if (bytes.length >= 12 && new String(bytes, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            String brand = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1).trim();
            return "it is an AVIF or HEIC image (brand " + brand + "), which Java cannot read";
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1).stripLeading();
        if (start.startsWith("<")) {
            return "it is text (HTML or XML), not an image";
        }
        return "it is not a JPEG, PNG, GIF, BMP or WebP image";
    }

    private static String reason(Throwable e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "it is damaged or in a form Java cannot decode (" + detail + ")";
    }

    /** Turns the pixels as EXIF orientation 2 to 8 says, so copies (which carry no EXIF) show as the original does. */
    private static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean sideways = orientation >= 5;
        BufferedImage to = new BufferedImage(sideways ? h : w, sideways ? w : h, image.getType());
        int[] from = image.getRGB(0, 0, w, h, null, 0, w);
        int tw = to.getWidth();
        int[] pixels = new int[from.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                pixels[dy * tw + dx] = from[y * w + x];
            }
        }
        to.setRGB(0, 0, tw, to.getHeight(), pixels, 0, tw);
        return to;
    }
}
