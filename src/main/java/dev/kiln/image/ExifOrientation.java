package dev.kiln.image;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of the first image directory), 1 when it has none.
 * Phones store photos sideways with this tag; browsers honour it, so Kiln must too.
 */
final class ExifOrientation {
    private ExifOrientation() {}

    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                return 1; // image data starts: no EXIF before it
            }
            int start = i + 4;
            if (marker == 0xE1 && start + 6 <= jpeg.length && jpeg[start] == 'E' && jpeg[start + 1] == 'x'
                    && jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f' && jpeg[start + 4] == 0 && jpeg[start + 5] == 0) {
                return tiffOrientation(jpeg, start + 6, Math.min(jpeg.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return 1;
        }
        long ifd = tiff + unsigned32(b, tiff + 4, little);
        if (ifd + 2 > end || ifd < tiff) {
            return 1;
        }
        int entries = unsigned16(b, (int) ifd, little);
        for (int e = 0; e < entries; e++) {
            int entry = (int) ifd + 2 + e * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned16(b, entry, little) == 0x0112) {
                int value = unsigned16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int unsigned16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? first | (second << 8) : (first << 8) | second;
    }

    private static long unsigned32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int k = 0; k < 4; k++) {
            int shift = little ? 8 * k : 8 * (3 - k);
            value |= (long) (b[at + k] & 0xFF) << shift;
        }
        return value;
    }
}
