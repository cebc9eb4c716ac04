package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A known emoji shortcode in text, {@code :tada:} (its chars, which heading ids read as kramdown does), and its emoji. */
final class EmojiNode extends Node implements DoNotDecorate {
    private final String emoji;

    EmojiNode(BasedSequence chars, String emoji) {
        super(chars);
        this.emoji = emoji;
    }

    String emoji() {
        return emoji;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
