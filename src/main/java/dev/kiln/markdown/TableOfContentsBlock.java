package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Map;

/**
 * Where the author asked for a table of contents: {@code [TOC]} ({@code kramdown} false), or kramdown's list
 * marked {@code {:toc}}, which is written as kramdown writes it, as a {@code <ul>} or {@code <ol>} with the list's
 * attributes.
 */
final class TableOfContentsBlock extends Block {
    private final boolean kramdown;
    private final boolean ordered;
    private final Map<String, String> attributes;

    TableOfContentsBlock(BasedSequence chars, boolean kramdown, boolean ordered, Map<String, String> attributes) {
        super(chars);
        this.kramdown = kramdown;
        this.ordered = ordered;
        this.attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    boolean kramdown() {
        return kramdown;
    }

    boolean ordered() {
        return ordered;
    }

    Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
