package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A block of HTML given as it is, where a placeholder line stood in the parsed text. */
final class RawBlockNode extends Block {
    private RawBlock block;

    RawBlockNode(BasedSequence chars, RawBlock block) {
        super(chars);
        this.block = block;
    }

    RawBlock block() {
        return block;
    }

    /** What the block renders as, when a later step (links to Markdown sources) rewrites its HTML. */
    void setBlock(RawBlock block) {
        this.block = block;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
