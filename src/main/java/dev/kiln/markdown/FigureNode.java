package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * kramdown 2.4's standalone image: a paragraph holding only an image marked {@code {:standalone}}, written as
 * {@code <figure>} with the image (its child) and its alt text as the caption. The figure has the paragraph's
 * attributes, and the image's class and id when the paragraph has none.
 */
final class FigureNode extends Block {
    private final Map<String, String> attributes;
    private final String caption;

    FigureNode(BasedSequence chars, Map<String, String> attributes, String caption) {
        super(chars);
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.caption = caption;
    }

    Map<String, String> attributes() {
        return attributes;
    }

    String caption() {
        return caption;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
