package dev.kiln.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text made from another by copying parts of it and inserting new text, which remembers where each
 * of its characters came from: a position found in the edited text (by flexmark, say) maps back to
 * the line and column the author wrote. Inserted text maps to the place it stands for (a tag).
 */
public final class EditedText {
    private final String original;
    private final String text;
    /** Per segment: its start in {@link #text}, its origin in {@link #original}, and whether it was copied. */
    private final int[] starts;
    private final int[] origins;
    private final boolean[] copied;

    private EditedText(String original, String text, int[] starts, int[] origins, boolean[] copied) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.origins = origins;
        this.copied = copied;
    }

    /** The text unchanged: every position maps to itself. */
    public static EditedText unchanged(String text) {
        return new EditedText(text, text, new int[] {0}, new int[] {0}, new boolean[] {true});
    }

    public static Builder from(String original) {
        return new Builder(original);
    }

    public String text() {
        return text;
    }

    public String original() {
        return original;
    }

    /** A piece of the edited text, {@code [start, end)}: copied from the original at {@code origin}, or inserted for it. */
    public record Segment(int start, int end, int origin, boolean copied) {}

    /** The pieces of the edited text in order, to build another text from this one (a quote's, put back in its quote). */
    public List<Segment> segments() {
        List<Segment> segments = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : text.length();
            if (end > starts[i]) {
                segments.add(new Segment(starts[i], end, origins[i], copied[i]));
            }
        }
        return segments;
    }

    /** The offset in the original of the character at {@code offset} in the edited text. */
    public int originOffset(int offset) {
        int segment = Arrays.binarySearch(starts, offset);
        if (segment < 0) {
            segment = -segment - 2;
        }
        if (segment < 0) {
            return 0;
        }
        return copied[segment] ? Math.min(original.length(), origins[segment] + offset - starts[segment]) : origins[segment];
    }

    /**
     * Maps a 1-based line and column (in code points) of the edited text to the original.
     *
     * @return {line, column}
     */
    public int[] origin(int line, int column) {
        int offset = offsetOf(text, line, column);
        int origin = originOffset(offset);
        return lineAndColumn(original, origin);
    }

    private static int offsetOf(String text, int line, int column) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return text.length();
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        try {
            return text.offsetByCodePoints(start, column - 1);
        } catch (IndexOutOfBoundsException e) {
            return end;
        }
    }

    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return new int[] {line, text.codePointCount(lineStart, Math.min(offset, text.length())) + 1};
    }

    /** Builds an {@link EditedText} from left to right. */
    public static final class Builder {
        private final String original;
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> segments = new ArrayList<>();

        private Builder(String original) {
            this.original = original;
        }

        /** Appends {@code original[from, to)} as it is. */
        public Builder copy(int from, int to) {
            if (to > from) {
                segments.add(new int[] {text.length(), from, 1});
                text.append(original, from, to);
            }
            return this;
        }

        /** Appends new text standing for the original at {@code origin}. */
        public Builder insert(String inserted, int origin) {
            if (!inserted.isEmpty()) {
                segments.add(new int[] {text.length(), origin, 0});
                text.append(inserted);
            }
            return this;
        }

        /** Drops the whitespace at the end of the text built so far, back to {@code from} at most (a length the text had). */
        public Builder trimEnd(int from) {
            int end = text.length();
            while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            text.setLength(end);
            int last = end;
            segments.removeIf(segment -> segment[0] >= last);
            return this;
        }

        /** The text built so far. */
        public CharSequence text() {
            return text;
        }

        public EditedText build() {
            if (segments.isEmpty()) {
                return new EditedText(original, "", new int[] {0}, new int[] {0}, new boolean[] {false});
            }
            int[] starts = new int[segments.size()];
            int[] origins = new int[segments.size()];
            boolean[] copied = new boolean[segments.size()];
            for (int i = 0; i < segments.size(); i++) {
                starts[i] = segments.get(i)[0];
                origins[i] = segments.get(i)[1];
                copied[i] = segments.get(i)[2] == 1;
            }
            return new EditedText(original, text.toString(), starts, origins, copied);
        }
    }
}
