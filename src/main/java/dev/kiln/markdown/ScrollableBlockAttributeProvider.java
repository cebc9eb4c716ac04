package dev.kiln.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Code blocks and tables scroll sideways when they are wider than the screen (the theme lets them,
 * rather than widen the page). {@code tabindex="0"} lets a keyboard reach them to scroll, as axe's
 * scrollable-region-focusable rule asks; without it, the end of a long line is out of reach.
 */
final class ScrollableBlockAttributeProvider implements AttributeProvider {

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        boolean scrollable = node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof TableBlock;
        if (scrollable && part == AttributablePart.NODE && !attributes.contains("tabindex")) {
            attributes.replaceValue("tabindex", "0");
        }
    }

    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new ScrollableBlockAttributeProvider();
        }
    }
}
