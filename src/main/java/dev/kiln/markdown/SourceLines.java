package dev.kiln.markdown;

import java.util.ArrayList;
import java.util.List;

/** 1-based line and column of offsets in a text; \n, \r\n and \r all end a line. */
final class SourceLines {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    SourceLines(String text) {
        this.text = text;
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
    }

    int line(int offset) {
        int low = 0;
        int high = starts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (starts.get(middle) <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }

    int column(int offset) {
        int start = starts.get(line(offset) - 1);
        return text.codePointCount(start, offset) + 1;
    }
}
