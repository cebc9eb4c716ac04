package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A table's footer, the rows after kramdown's {@code |===|} line ({@link KramdownTable}): flexmark's tables have none. */
final class TableFootNode extends Block {
    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
