package dev.kiln.markdown;

import java.util.Arrays;

/** 1-based line and column of offsets in a text; \n, \r\n and \r all end a line. */
final class SourceLines {
    private final String text;
    private int[] starts = new int[64];
    private int lines = 1;

    SourceLines(String text) {
        this.text = text;
        if (text.indexOf('\r') < 0) { // most texts: String.indexOf finds the line ends faster than a loop over every char
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                add(i + 1);
            }
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                add(i + 1);
            }
        }
    }

    private void add(int start) {
        if (lines == starts.length) {
            starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = start;
    }

    int line(int offset) {
        int low = 0;
        int high = lines - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }

    int column(int offset) {
        int start = starts[line(offset) - 1];
        return text.codePointCount(start, offset) + 1;
    }
}
