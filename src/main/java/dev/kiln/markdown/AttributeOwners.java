package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.attributes.internal.NodeAttributeRepository;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each kramdown attribute list the element kramdown gives it, with the definitions it refers to
 * resolved (theirs first, then its own, so its own win), or turns it back into the text it was:
 * <ul>
 * <li>a block list on a line of its own ({@link RawBlock.Kind#IAL_AFTER}, {@link RawBlock.Kind#IAL_BEFORE}):
 * the block before it, or after it when a blank line is before it;
 * <li>one right after a span element ({@code *em*{: .x}}, a link, code, an image): that element (the lists are
 * given in document order, so one after another is the same element's); after text, kramdown keeps it as text,
 * and so does Kiln;
 * <li>{@code {#id}} ending a heading: the heading's id;
 * <li>one starting a list item or a definition ({@code * {:.cls} item}): the item;
 * <li>one alone on a line inside a block quote or an item: the paragraph it ends or starts.
 * </ul>
 */
final class AttributeOwners {
    /** How deep definitions may refer to definitions: far more than anyone writes, and no loop runs forever. */
    private static final int MAX_DEPTH = 5;

    private final NodeAttributeRepository repository;
    private final Map<String, String> definitions;
    /** Lists marked {@code {:toc}}: where kramdown puts the table of contents. */
    private final List<Node> tablesOfContents = new ArrayList<>();
    /** Images marked {@code {:standalone}}. */
    private final List<Image> standalone = new ArrayList<>();

    AttributeOwners(Document document, Map<String, String> definitions) {
        this.repository = AttributesExtension.NODE_ATTRIBUTES.get(document);
        this.definitions = definitions;
    }

    List<Node> tablesOfContents() {
        return tablesOfContents;
    }

    /**
     * Each paragraph holding only an image marked {@code {:standalone}} made a {@link FigureNode} (kramdown's
     * convert_standalone_image): its attributes, with the image's class and id moved to it unless it has its own.
     */
    void figures() {
        for (Image image : standalone) {
            if (!(image.getParent() instanceof Paragraph paragraph) || image.getPrevious() != null || image.getNext() != null) {
                continue;
            }
            Map<String, String> figure = values(paragraph);
            Map<String, String> img = values(image);
            for (String moved : List.of("class", "id")) {
                if (img.containsKey(moved) && !figure.containsKey(moved)) {
                    figure.put(moved, img.remove(moved));
                }
            }
            repository.remove(image);
            AttributesNode kept = new AttributesNode();
            img.forEach((name, value) -> kept.appendChild(KramdownAttributeParser.attribute(name, value)));
            repository.put(image, kept);
            FigureNode node = new FigureNode(paragraph.getChars(), figure, image.getText().toString());
            paragraph.insertBefore(node);
            image.unlink();
            node.appendChild(image);
            paragraph.unlink();
        }
    }

    /** The attributes given to {@code node}, as its HTML would carry them (classes added up, the rest replaced). */
    Map<String, String> values(Node node) {
        Map<String, String> values = new LinkedHashMap<>();
        for (AttributesNode list : repository.getOrDefault(node, new ArrayList<>())) {
            for (Node child : list.getChildren()) {
                AttributeNode attribute = (AttributeNode) child;
                String name = attribute.isClass() ? "class" : attribute.isId() ? "id" : attribute.getName().toString();
                String value = attribute.getValue().toString();
                if (!name.equals("toc")) {
                    values.merge(name, value, (earlier, later) -> name.equals("class") ? earlier + " " + later : later);
                }
            }
        }
        return values;
    }

    /** A block attribute list, its placeholder {@code node} removed from the tree. */
    void block(RawBlockNode node) {
        boolean after = node.block().kind() == RawBlock.Kind.IAL_AFTER;
        Node owner = after ? node.getPrevious() : node.getNext();
        if (after && owner instanceof RawBlockNode html && html.block().empty()) {
            owner = node.getNext(); // kramdown reads the end of the line of <hr> or <div/> as a blank line
        }
        node.unlink();
        if (owner instanceof RawBlockNode html) {
            owner = elementOf(html);
        }
        if (owner != null) {
            AttributesNode list = new AttributesNode();
            attach(owner, list, KramdownAttributeParser.attributes(BasedSequence.of(node.block().html())));
        }
        if (owner instanceof RawBlockNode html) {
            // its HTML takes the attributes, as written into its first tag
            html.setBlock(html.block().withAttributes(values(html)));
            repository.remove(html);
        }
    }

    /**
     * The placeholder whose HTML starts the element that {@code node} is part of: itself, or for the closing tag of an
     * element whose content is Markdown, its opening tag; null when the HTML is no element (a comment, an extension).
     */
    private static RawBlockNode elementOf(RawBlockNode node) {
        RawBlock.Kind kind = node.block().kind();
        if (kind != RawBlock.Kind.CLOSE && kind != RawBlock.Kind.SPAN_CLOSE) {
            return node.block().takesAttributes() ? node : null;
        }
        int depth = 0;
        for (Node previous = node.getPrevious(); previous != null; previous = previous.getPrevious()) {
            if (previous instanceof RawBlockNode raw) {
                RawBlock.Kind other = raw.block().kind();
                if (other == RawBlock.Kind.CLOSE || other == RawBlock.Kind.SPAN_CLOSE) {
                    depth++;
                } else if ((other == RawBlock.Kind.OPEN || other == RawBlock.Kind.SPAN_OPEN) && depth-- == 0) {
                    return raw.block().takesAttributes() ? raw : null;
                }
            }
        }
        return null;
    }

    /** A span attribute list: given to its element, or text again. */
    void span(AttributesNode list) {
        Node owner = spanOwner(list);
        List<AttributeNode> own = new ArrayList<>();
        for (Node child : list.getChildren()) {
            own.add((AttributeNode) child);
        }
        if (owner == null) {
            list.insertBefore(new Text(list.getChars()));
            list.unlink();
            return;
        }
        Node parent = list.getParent();
        if (owner == parent && list.getNext() == null && (list.getPrevious() instanceof SoftLineBreak
                || list.getPrevious() instanceof HardLineBreak)) {
            list.getPrevious().unlink(); // the line it ended is the paragraph's last
        }
        list.unlink();
        own.forEach(Node::unlink);
        attach(owner, list, own);
        if (parent instanceof Paragraph paragraph && !paragraph.hasChildren() && paragraph != owner) {
            paragraph.unlink(); // it held only the list
        }
    }

    private Node spanOwner(AttributesNode list) {
        Node previous = list.getPrevious();
        Node parent = list.getParent();
        if (parent instanceof Heading && list.getOpeningMarker().length() == 1) {
            if (previous instanceof Text text) {
                // neither the space before {#id} nor the closing #s of "### Header ## {#id}" are the heading's
                BasedSequence chars = text.getChars().trimEnd();
                BasedSequence closing = chars.trimEnd(com.vladsch.flexmark.util.misc.CharPredicate.anyOf('#'));
                if (closing.length() < chars.length() && closing.endsWith(" ")) {
                    chars = closing.trimEnd();
                }
                text.setChars(chars);
            }
            return parent; // {#id}: the parser took it only at a heading's end
        }
        if (previous != null && holdsAttributes(previous)) {
            return previous;
        }
        if (previous == null && parent instanceof Paragraph paragraph && paragraph.getPrevious() == null
                && (paragraph.getParent() instanceof ListItem || paragraph.getParent() instanceof DefinitionItem)) {
            return paragraph.getParent(); // * {:.cls} item
        }
        boolean lineStart = previous == null || previous instanceof SoftLineBreak || previous instanceof HardLineBreak;
        Node next = list.getNext();
        boolean lineEnd = next == null || next instanceof SoftLineBreak || next instanceof HardLineBreak;
        if (lineStart && lineEnd && parent instanceof Paragraph paragraph) {
            if (previous != null || next != null) {
                return paragraph;
            }
            return paragraph.getPrevious() != null ? paragraph.getPrevious() : paragraph.getNext();
        }
        return null;
    }

    /**
     * The span elements kramdown gives a list to; after text (an undefined [reference] is text), a quote or an
     * entity, a list stays text.
     */
    private static boolean holdsAttributes(Node node) {
        return node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Code || node instanceof Link
                || node instanceof Image || node instanceof LinkRef link && link.isDefined()
                || node instanceof ImageRef image && image.isDefined() || node instanceof Strikethrough || node instanceof MathSpan;
    }

    private void attach(Node owner, AttributesNode list, List<AttributeNode> own) {
        if (owner instanceof Image image && own.stream().anyMatch(a -> isReference(a) && a.getName().equals("standalone"))) {
            standalone.add(image);
        }
        List<AttributeNode> resolved = resolved(own, 0);
        resolved.forEach(list::appendChild);
        repository.put(owner, list);
        for (AttributeNode attribute : resolved) {
            if (attribute.isId() && owner instanceof Heading heading) {
                heading.setAnchorRefId(attribute.getValue().toString());
                heading.setExplicitAnchorRefId(true);
            } else if (attribute.getName().equals("toc") && owner instanceof ListBlock && !tablesOfContents.contains(owner)) {
                tablesOfContents.add(owner);
            }
        }
    }

    /** kramdown's order: the definitions referred to, then the list's own attributes. An unknown reference is dropped. */
    private List<AttributeNode> resolved(List<AttributeNode> own, int depth) {
        List<AttributeNode> resolved = new ArrayList<>();
        for (AttributeNode attribute : own) {
            if (isReference(attribute)) {
                String definition = definitions.get(attribute.getName().toString());
                if (definition != null && depth < MAX_DEPTH) {
                    resolved.addAll(resolved(KramdownAttributeParser.attributes(BasedSequence.of(definition)), depth + 1));
                }
            }
        }
        for (AttributeNode attribute : own) {
            if (!isReference(attribute)) {
                resolved.add(attribute);
            }
        }
        return resolved;
    }

    /** A bare name: neither key="value", .class nor #id. {@code toc} is the table of contents marker, kept. */
    private static boolean isReference(AttributeNode attribute) {
        String name = attribute.getName().toString();
        return attribute.getAttributeSeparator().isEmpty() && attribute.getValue().isEmpty()
                && !name.equals("#") && !name.equals(".") && !name.equals("toc");
    }
}
