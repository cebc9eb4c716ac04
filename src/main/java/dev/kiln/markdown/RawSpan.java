package dev.kiln.markdown;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A kramdown extension in a paragraph's text ({@link SpanExtensionParser}): a comment, written as an HTML comment, or
 * {@code nomarkdown}'s text, written as it is; raw HTML both, left out in safe mode.
 */
final class RawSpan extends Node implements DoNotDecorate {
    private final boolean comment;
    private final String content;

    RawSpan(BasedSequence chars, boolean comment, String content) {
        super(chars);
        this.comment = comment;
        this.content = content;
    }

    /**
     * The HTML kramdown writes: {@code <!-- note -->}, or the text as it is; nothing for a comment holding what an HTML
     * comment cannot ({@code --}).
     */
    String html() {
        if (!comment) {
            return content;
        }
        return content.contains("--") || content.endsWith("-") ? "" : "<!-- " + content + " -->";
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
