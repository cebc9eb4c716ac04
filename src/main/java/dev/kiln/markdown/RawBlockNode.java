package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A block of HTML given as it is, where a placeholder line stood in the parsed text. */
final class RawBlockNode extends Block {
    private final RawBlock block;

    RawBlockNode(BasedSequence chars, RawBlock block) {
        super(chars);
        this.block = block;
    }

    RawBlock block() {
        return block;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
