package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.kiln.embed.Embed;

/** A paragraph that was one embed tag ({@code {% youtube ID %}}), shown as the embed's placeholder card. */
final class EmbedNode extends Block {
    final Embed embed;

    EmbedNode(BasedSequence chars, Embed embed) {
        super(chars);
        this.embed = embed;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
