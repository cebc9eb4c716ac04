package dev.kiln.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.kiln.text.EditedText;
import java.util.ArrayList;
import java.util.List;

/** Finds every link and image in a parsed document, with its position in the Markdown text. */
final class LinkCollector {

    private LinkCollector() {}

    /** Positions are in the text as written, before {@link KramdownPreprocessor} edited it. */
    static List<RenderedMarkdown.Link> links(Document document, EditedText markdown) {
        SourceLines lines = null; // made at the first link: a post without links needs none
        List<RenderedMarkdown.Link> links = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            String url = url(document, node);
            if (url != null) {
                if (lines == null) {
                    lines = new SourceLines(markdown.original());
                }
                int offset = markdown.originOffset(node.getStartOffset());
                links.add(new RenderedMarkdown.Link(url, lines.line(offset), lines.column(offset)));
            }
        }
        return links;
    }

    /** The url as written, or null when the node is not a link or image. */
    private static String url(Document document, Node node) {
        if (node instanceof Link link) {
            return link.getUrl().toString();
        } else if (node instanceof Image image) {
            return image.getUrl().toString();
        } else if (node instanceof AutoLink autoLink) {
            return autoLink.getText().toString();
        } else if (node instanceof MailLink mailLink) {
            return mailLink.getText().toString();
        } else if (node instanceof RefNode ref && ref.isDefined()) {
            Reference reference = ref.getReferenceNode(document);
            return reference == null ? null : reference.getUrl().toString();
        }
        return null;
    }
}
