package dev.kiln.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.toc.TocBlock;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adjusts a parsed tree to what a kramdown author expects, before it is rendered: typographic
 * characters, the table of contents marker, references to attribute list definitions, and
 * {@code rel="noopener"} on raw-HTML links that open a new tab.
 */
final class KramdownTreeRewriter {

    /** flexmark hard-codes entities for dashes and ellipses; authors expect the characters. */
    private static final Map<String, String> CHARACTERS = Map.ofEntries(
            Map.entry("&hellip;", "\u2026"),
            Map.entry("&ndash;", "\u2013"),
            Map.entry("&mdash;", "\u2014"),
            Map.entry("&lsquo;", "\u2018"),
            Map.entry("&rsquo;", "\u2019"),
            Map.entry("&ldquo;", "\u201C"),
            Map.entry("&rdquo;", "\u201D"),
            Map.entry("&laquo;", "\u00AB"),
            Map.entry("&raquo;", "\u00BB"),
            Map.entry("&apos;", "\u2019"));

    /**
     * @param definitions kramdown attribute list definitions by name, as written after the name's colon
     * @param raw what the preprocessor's placeholder lines stand for, by their offset in the parsed text
     * @param tableMarks where tables in kramdown's syntax start that it writes without a header (theirs is removed),
     *                   and the rows where their other bodies and their footer start
     */
    void rewrite(Document document, Map<String, String> definitions, Map<Integer, RawBlock> raw,
                 Map<Integer, KramdownTable.Mark> tableMarks) {
        List<Node> tableOfContentsMarkers = new ArrayList<>();
        List<AttributesNode> attributeLists = new ArrayList<>();
        List<Node> placeholders = new ArrayList<>();
        List<Node> marked = new ArrayList<>();
        List<TableCell> empty = new ArrayList<>();
        List<Paragraph> blockMath = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof AttributesNode list) {
                attributeLists.add(list);
            }
            if (!raw.isEmpty() && (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) && raw.containsKey(placeholderOffset(node))) {
                placeholders.add(node);
            } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
                withNoopener(node);
            } else if (node instanceof TypographicSmarts smarts) {
                smarts.setTypographicText(character(smarts.getTypographicText()));
                spacedGuillemet(smarts);
            } else if (node instanceof TypographicQuotes quotes) {
                quotes.setTypographicOpening(character(quotes.getTypographicOpening()));
                quotes.setTypographicClosing(character(quotes.getTypographicClosing()));
                spacedGuillemets(quotes);
            } else if (node instanceof TocBlock || isKramdownTableOfContents(node)) {
                tableOfContentsMarkers.add(node);
            } else if (node instanceof ListBlock list) {
                lastItemAsTheOthers(list);
            } else if (node instanceof ListItem item && !(item.getFirstChild() instanceof Paragraph)) {
                item.setLoose(true); // kramdown leaves out the <p> of an item's first block only, flexmark of its first paragraph
            } else if ((node instanceof TableBlock || node instanceof TableRow) && tableMarks.containsKey(lineStart(node))) {
                marked.add(node);
            } else if (node instanceof TableCell cell && cell.getText().isBlank()) {
                empty.add(cell);
            } else if (node instanceof Paragraph paragraph && isDisplayMath(paragraph)) {
                blockMath.add(paragraph);
            }
        }
        blockMath.forEach(math -> math.insertBefore(((MathSpan) math.getFirstChild()).asDisplay()));
        blockMath.forEach(Node::unlink);
        tables(marked, tableMarks, empty);
        AttributeOwners owners = new AttributeOwners(document, definitions);
        List<RawBlockNode> blockLists = replacePlaceholders(placeholders, raw);
        attributeLists.forEach(owners::span);
        TaskLists.mark(document);
        blockLists.forEach(owners::block);
        owners.figures();
        owners.tablesOfContents().stream().filter(list -> !tableOfContentsMarkers.contains(list)).forEach(tableOfContentsMarkers::add);
        for (Node marker : tableOfContentsMarkers) {
            boolean kramdown = marker instanceof ListBlock;
            marker.insertBefore(new TableOfContentsBlock(marker.getChars(), kramdown, marker instanceof OrderedList,
                    kramdown ? owners.values(marker) : Map.of()));
            marker.unlink();
        }
    }

    /**
     * Puts what each placeholder stands for in its place: a {@link RawBlockNode} for a block, a {@link RawSpan} for HTML in
     * a paragraph's text. Returns the block attribute lists, for {@link AttributeOwners} to give to their blocks.
     */
    private static List<RawBlockNode> replacePlaceholders(List<Node> placeholders, Map<Integer, RawBlock> raw) {
        List<RawBlockNode> blockLists = new ArrayList<>();
        for (Node placeholder : placeholders) {
            RawBlock block = raw.get(placeholderOffset(placeholder));
            Node node = block.kind() == RawBlock.Kind.SPAN_HTML
                    ? new RawSpan(placeholder.getChars(), false, block.html()) : new RawBlockNode(placeholder.getChars(), block);
            placeholder.insertBefore(node);
            placeholder.unlink();
            if (node instanceof RawBlockNode blockNode) {
                endListAt(blockNode);
                lastItemBeforeEndOfBlock(blockNode);
                if (block.kind() == RawBlock.Kind.IAL_AFTER || block.kind() == RawBlock.Kind.IAL_BEFORE) {
                    blockLists.add(blockNode);
                } else if (block.kind() == RawBlock.Kind.SPAN_OPEN && node.getNext() instanceof Paragraph paragraph) {
                    spanContent(paragraph);
                }
            }
        }
        return blockLists;
    }

    /**
     * Ends the definition list at {@code node}, a placeholder (an HTML block, an attribute list, the end-of-block marker)
     * that flexmark read as part of a definition, not indented as the definition is, where kramdown's list ends: the
     * list, the placeholder and what followed it in the definition, then the items after it as a list of their own.
     */
    private static void endListAt(RawBlockNode node) {
        if (!(node.getParent() instanceof DefinitionItem item) || !(item.getParent() instanceof DefinitionList list)
                || column(node) >= column(item.getFirstChild())) {
            return;
        }
        Node rest = item.getNext();
        Node last = list;
        for (Node moved = node, next; moved != null; moved = next) {
            next = moved.getNext();
            moved.unlink();
            last.insertAfter(moved);
            last = moved;
        }
        if (rest != null) {
            DefinitionList others = new DefinitionList();
            others.setTight(list.isTight());
            last.insertAfter(moveInto(rest, others));
        }
    }

    /**
     * kramdown wraps the text of a list's last item in {@code <p>} when a blank line and then its end-of-block marker
     * follow it ({@code * last}, blank, {@code ^}): the item holds the blank line, and the marker keeps it there.
     */
    private static void lastItemBeforeEndOfBlock(RawBlockNode node) {
        if (node.block().kind() != RawBlock.Kind.END || !(node.getPrevious() instanceof ListBlock list)
                || !(list.getLastChild() instanceof ListItem last) || !(last.getFirstChild() instanceof Paragraph text)
                || text.getNext() != null) {
            return;
        }
        // the lines between the text (which ends past its line break) and the marker
        BasedSequence between = node.getChars().getBaseSequence().subSequence(text.getEndOffset(), lineStart(node));
        if (between.isBlank() && between.countOfAny(com.vladsch.flexmark.util.misc.CharPredicate.EOL) >= 1) {
            last.setLoose(true);
        }
    }

    /** The column {@code node} starts at, on its line. */
    private static int column(Node node) {
        return node.getStartOffset() - lineStart(node);
    }

    /** The paragraph after an element whose content is a paragraph's text, without its {@code <p>}. */
    private static void spanContent(Paragraph paragraph) {
        SpanContentNode content = new SpanContentNode(paragraph.getChars());
        paragraph.insertBefore(content);
        for (Node child = paragraph.getFirstChild(); child != null; child = paragraph.getFirstChild()) {
            child.unlink();
            content.appendChild(child);
        }
        paragraph.unlink();
    }

    /** Raw HTML with rel="noopener" beside target="_blank", and an inline tag without kramdown's markdown attribute. */
    private static void withNoopener(Node node) {
        String html = node.getChars().toString();
        String safe = LinkAttributeProvider.withNoopener(html);
        if (node instanceof HtmlInline && safe.contains("markdown")) {
            KramdownPreprocessor.Tag tag = KramdownPreprocessor.Tag.at(safe, 0);
            if (tag != null && tag.markdownStart() >= 0) {
                safe = safe.substring(0, tag.markdownStart()) + safe.substring(tag.markdownEnd());
            }
        }
        if (!safe.equals(html)) {
            node.setChars(BasedSequence.of(safe));
            if (node instanceof HtmlBlock block) {
                block.setContent(List.of(BasedSequence.of(safe))); // what the renderer prints
            }
        }
    }

    /**
     * Tables as kramdown writes them: without the empty header given to those it writes without one, with its other
     * bodies and its footer where {@code marks} say they start, empty cells a no-break space.
     */
    private static void tables(List<Node> marked, Map<Integer, KramdownTable.Mark> marks, List<TableCell> empty) {
        for (Node node : marked) {
            KramdownTable.Mark mark = marks.get(lineStart(node));
            if (node instanceof TableBlock table && mark == KramdownTable.Mark.HEADLESS) {
                for (Node child = table.getFirstChild(), next; child != null; child = next) {
                    next = child.getNext();
                    if (child instanceof TableHead || child instanceof TableSeparator) {
                        child.unlink();
                    }
                }
            } else if (node instanceof TableRow row && mark != KramdownTable.Mark.HEADLESS) {
                tablePart(row, mark);
            }
        }
        for (TableCell cell : empty) {
            cell.removeChildren();
            cell.appendChild(new Text(BasedSequence.of("\u00A0")));
        }
    }

    /**
     * kramdown's other body or footer of a table, from {@code row} on: the rows of its body from there go to a new body,
     * or to the footer.
     */
    private static void tablePart(TableRow row, KramdownTable.Mark mark) {
        if (!(row.getParent() instanceof TableBody body)) {
            return;
        }
        body.insertAfter(moveInto(row, mark == KramdownTable.Mark.FOOT ? new TableFootNode() : new TableBody()));
    }

    /** {@code first} and the siblings after it, moved into {@code into}; returns {@code into}. */
    private static Node moveInto(Node first, Node into) {
        for (Node moved = first, next; moved != null; moved = next) {
            next = moved.getNext();
            moved.unlink();
            into.appendChild(moved);
        }
        into.setCharsFromContent();
        return into;
    }

    /** Where the line {@code node} starts on starts, in the parsed text. */
    private static int lineStart(Node node) {
        return node.getChars().getBaseSequence().lastIndexOf('\n', node.getStartOffset() - 1) + 1;
    }

    /** Where the placeholder's {@code <} is: flexmark's block may start at its line's indentation. */
    private static int placeholderOffset(Node block) {
        BasedSequence chars = block.getChars();
        int leading = chars.countLeading(com.vladsch.flexmark.util.misc.CharPredicate.SPACE_TAB);
        return chars.getStartOffset() + leading;
    }

    /**
     * kramdown wraps the last item's text in {@code <p>} when every item before it is so wrapped, whether or not
     * a blank line follows it (its parse_list); flexmark only when one does.
     */
    private static void lastItemAsTheOthers(ListBlock list) {
        if (!(list.getLastChild() instanceof ListItem last) || last == list.getFirstChild()
                || !(last.getFirstChild() instanceof Paragraph lastText) || !last.isParagraphInTightListItem(lastText)) {
            return;
        }
        for (Node item = list.getFirstChild(); item != last; item = item.getNext()) {
            if (!(item instanceof ListItem other) || !(other.getFirstChild() instanceof Paragraph text)
                    || other.isParagraphInTightListItem(text)) {
                return;
            }
        }
        last.setLoose(true);
    }

    /**
     * A paragraph that is one formula, {@code - $$\\sum_i i$$}, a blank line or its container's end after it: kramdown's
     * display math (the preprocessor makes those at the top and in HTML, not in a list item or a quote).
     */
    private static boolean isDisplayMath(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof MathSpan math) || math.getNext() != null || math.display()) {
            return false;
        }
        BasedSequence text = paragraph.getChars().getBaseSequence();
        int end = paragraph.getEndOffset();
        int lineEnd = text.indexOf('\n', end);
        return paragraph.getNext() == null || text.subSequence(end, lineEnd < 0 ? text.length() : lineEnd).isBlank();
    }

    /** kramdown writes {@code << x >>} with a no-break space inside the guillemets, in place of the space. */
    private static void spacedGuillemet(TypographicSmarts smarts) {
        if ("\u00AB".equals(smarts.getTypographicText()) && smarts.getNext() instanceof Text text
                && text.getChars().startsWith(" ") && !text.getChars().startsWith("  ")) {
            smarts.setTypographicText("\u00AB\u00A0");
            text.setChars(text.getChars().subSequence(1));
        } else if ("\u00BB".equals(smarts.getTypographicText()) && smarts.getPrevious() instanceof Text text
                && text.getChars().endsWith(" ") && !text.getChars().endsWith("  ")) {
            smarts.setTypographicText("\u00A0\u00BB");
            text.setChars(text.getChars().subSequence(0, text.getChars().length() - 1));
        }
    }

    /** The same for {@code << x >>} read as one quote. */
    private static void spacedGuillemets(TypographicQuotes quotes) {
        if ("\u00AB".equals(quotes.getTypographicOpening()) && quotes.getFirstChild() instanceof Text text
                && text.getChars().startsWith(" ") && !text.getChars().startsWith("  ")) {
            quotes.setTypographicOpening("\u00AB\u00A0");
            text.setChars(text.getChars().subSequence(1));
        }
        if ("\u00BB".equals(quotes.getTypographicClosing()) && quotes.getLastChild() instanceof Text text
                && text.getChars().endsWith(" ") && !text.getChars().endsWith("  ")) {
            quotes.setTypographicClosing("\u00A0\u00BB");
            text.setChars(text.getChars().subSequence(0, text.getChars().length() - 1));
        }
    }

    private static String character(String text) {
        return text == null ? null : CHARACTERS.getOrDefault(text, text);
    }

    /** kramdown's marker: a one-item list ({@code * toc} or {@code 1. toc}) carrying {@code {:toc}}. */
    private static boolean isKramdownTableOfContents(Node node) {
        if (!(node instanceof ListBlock list)
                || !(list.getFirstChild() instanceof ListItem item)
                || item.getNext() != null
                || !(item.getFirstChild() instanceof Paragraph paragraph)) {
            return false;
        }
        for (Node child : paragraph.getChildren()) {
            if (child instanceof AttributesNode attributes) {
                for (Node attribute : attributes.getChildren()) {
                    if (attribute instanceof AttributeNode named && named.getName().equals("toc")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
