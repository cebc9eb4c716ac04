package dev.kiln.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * A flexmark sequence that is one plain slice of the Markdown source: its text copied in one go.
 * flexmark's own {@code toString()} and {@code indexOf} go through a bounds-checked virtual
 * {@code charAt} per character, which showed up as a tenth of a big blog's build.
 */
final class SourceSlice {
    private SourceSlice() {}

    /** The source text the slice covers, or null when {@code chars} is not a plain slice of a String. */
    static String sourceOf(BasedSequence chars) {
        return chars instanceof SubSequence && chars.getBase() instanceof String ? (String) chars.getBase() : null;
    }

    /** The characters of {@code chars}, as {@code chars.toString()} gives them. */
    static String text(BasedSequence chars) {
        String source = sourceOf(chars);
        return source == null ? chars.toString() : source.substring(chars.getStartOffset(), chars.getEndOffset());
    }
}
