package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** The text of an element kramdown parses as a paragraph's content ({@code <p markdown="1">}), without {@code <p>}. */
final class SpanContentNode extends Block {
    SpanContentNode(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
