package dev.kiln.preview;

/**
 * Reads a {@code Range} header as RFC 9110 section 14 defines it, for one range: {@code bytes=0-99},
 * {@code bytes=100-} or {@code bytes=-100} (the last 100). Enough for a video player or a download
 * that resumes; a header with several ranges is answered with the whole file, as the RFC allows.
 */
final class ByteRange {
    /** The range starts past the end of the file (or asks for the last 0 bytes): 416. */
    static final long[] UNSATISFIABLE = new long[0];

    private ByteRange() {}

    /**
     * The first and last byte (inclusive) the header asks for in a file of {@code size} bytes;
     * {@link #UNSATISFIABLE}; or null when the header is not one range of bytes, so the whole file is sent.
     */
    static long[] parse(String header, long size) {
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = value.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0 || spec.indexOf(',') >= 0) {
            return null;
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        if (!digits(first) && !first.isEmpty() || !digits(last) && !last.isEmpty() || first.isEmpty() && last.isEmpty()) {
            return null;
        }
        if (first.isEmpty()) {
            long suffix = number(last);
            return suffix == 0 || size == 0 ? UNSATISFIABLE : new long[] {Math.max(0, size - suffix), size - 1};
        }
        long start = number(first);
        long end = last.isEmpty() ? size - 1 : Math.min(number(last), size - 1);
        if (!last.isEmpty() && number(last) < start) {
            return null; // invalid: ignored, whole file
        }
        return start >= size ? UNSATISFIABLE : new long[] {start, end};
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long number(String digits) {
        return Long.parseLong(digits);
    }
}
