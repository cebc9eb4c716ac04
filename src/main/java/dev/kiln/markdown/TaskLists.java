package dev.kiln.markdown;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.kiln.text.HtmlText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GFM's task lists, as kramdown's GFM parser writes them: an item whose text starts with {@code [ ]} or {@code [x]} and
 * a blank gets a disabled checkbox in their place; the list gets the class {@code task-list}, and from its first such
 * item on every item the class {@code task-list-item} (kramdown marks the items after it, task or not, the same), and
 * each checkbox is named by its item's text for screen readers ({@link TaskBox}).
 */
final class TaskLists {
    /** kramdown-parser-gfm's box, at the start of an item's first paragraph. */
    private static final Pattern BOX = Pattern.compile("\\[([ xX])\\]\\s+");

    private TaskLists() {}

    static void mark(Document document) {
        List<ListBlock> lists = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof ListBlock list) {
                lists.add(list);
            }
        }
        lists.forEach(TaskLists::mark);
    }

    private static void mark(ListBlock list) {
        boolean tasks = false;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            tasks |= item instanceof ListItem listItem && box(listItem);
            if (tasks) {
                addClass(item, "task-list-item");
            }
        }
        if (tasks) {
            addClass(list, "task-list");
        }
    }

    /**
     * Puts the checkbox in place of the item's {@code [ ]} or {@code [x]} and the blank after it (flexmark read the
     * brackets as a reference link, which kramdown never does there); false when its text starts with neither.
     */
    private static boolean box(ListItem item) {
        if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
            return false;
        }
        Matcher box = BOX.matcher(paragraph.getChars().trimEnd()); // "[ ]" alone is text
        if (!box.lookingAt()) {
            return false;
        }
        int boxEnd = paragraph.getStartOffset() + box.end();
        List<Node> inBox = new ArrayList<>();
        for (Node child = paragraph.getFirstChild(); child != null && child.getStartOffset() < boxEnd; child = child.getNext()) {
            if (child.getEndOffset() > boxEnd && !(child instanceof Text)) {
                return false; // something that goes on past the box, which cannot be cut
            }
            inBox.add(child);
        }
        for (Node child : inBox) {
            if (child.getEndOffset() <= boxEnd) {
                child.unlink();
            } else {
                child.setChars(child.getChars().subSequence(boxEnd - child.getStartOffset()));
            }
        }
        paragraph.prependChild(new TaskBox(paragraph.getChars().subSequence(0, box.end()), !box.group(1).equals(" ")));
        return true;
    }

    private static void addClass(Node node, String name) {
        AttributesNode list = new AttributesNode();
        list.appendChild(KramdownAttributeParser.attribute("class", name));
        AttributesExtension.NODE_ATTRIBUTES.get(node.getDocument()).put(node, list);
    }

    /**
     * The checkbox: Kiln's markup, not the author's HTML, so safe mode keeps it. kramdown's has no accessible name, which
     * axe and Lighthouse report ("Form elements must have labels"); Kiln's is named by the item's text, as an
     * {@code aria-label}: a {@code <label>} around the text could not hold an item's nested list or second paragraph,
     * and {@code aria-labelledby} would need ids unique on pages that show several posts.
     */
    static final class TaskBox extends Node {
        private final boolean checked;

        TaskBox(BasedSequence chars, boolean checked) {
            super(chars);
            this.checked = checked;
        }

        String html() {
            String name = name();
            return "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\""
                    + (checked ? " checked=\"checked\"" : "") + (name.isEmpty() ? "" : " aria-label=\"" + HtmlText.escape(name) + "\"")
                    + " />";
        }

        /** The text a reader sees after the box in its paragraph (the item's own, not its sublist's), on one line; "" for none (an image without alt text). */
        private String name() {
            StringBuilder text = new StringBuilder();
            for (Node next = getNext(); next != null; next = next.getNext()) {
                text.append(PlainText.of(next));
            }
            return dev.kiln.text.PlainText.collapseSpaces(text.toString());
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }
}
