package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** Where the author asked for a table of contents ({@code [TOC]} or kramdown's {@code * toc {:toc}}). */
final class TableOfContentsBlock extends Block {

    TableOfContentsBlock(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
