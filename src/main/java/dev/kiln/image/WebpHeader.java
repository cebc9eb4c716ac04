package dev.kiln.image;

import java.nio.charset.StandardCharsets;

/**
 * The size of a WebP image from its first chunk (lossy VP8, lossless VP8L or extended VP8X), read by hand: the
 * JDK has no WebP reader, and webp-imageio's would unpack its native library just to measure a file.
 */
final class WebpHeader {
    private WebpHeader() {}

    /** The header of a WebP file; null when the bytes are not a WebP file at all. */
    static ImageScaler.Header of(byte[] b) throws ImageScaler.UnreadableImage {
        if (b.length < 12 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            return null;
        }
        int data = 20;
        int width;
        int height;
        if (ascii(b, 12, "VP8 ") && b.length >= data + 10 && (b[data + 3] & 0xFF) == 0x9d && (b[data + 4] & 0xFF) == 0x01
                && (b[data + 5] & 0xFF) == 0x2a) {
            width = little16(b, data + 6) & 0x3FFF;
            height = little16(b, data + 8) & 0x3FFF;
        } else if (ascii(b, 12, "VP8L") && b.length >= data + 5 && (b[data] & 0xFF) == 0x2f) {
            long bits = little16(b, data + 1) | (long) little16(b, data + 3) << 16;
            width = (int) (bits & 0x3FFF) + 1;
            height = (int) ((bits >> 14) & 0x3FFF) + 1;
        } else if (ascii(b, 12, "VP8X") && b.length >= data + 10) {
            width = little24(b, data + 4) + 1;
            height = little24(b, data + 7) + 1;
        } else {
            throw new ImageScaler.UnreadableImage("it is a WebP file whose header is damaged");
        }
        if (width <= 0 || height <= 0) {
            throw new ImageScaler.UnreadableImage("it has no pixels");
        }
        return new ImageScaler.Header("webp", width, height, 1);
    }

    private static boolean ascii(byte[] b, int at, String text) {
        return new String(b, at, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    private static int little16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int little24(byte[] b, int at) {
        return little16(b, at) | (b[at + 2] & 0xFF) << 16;
    }
}
