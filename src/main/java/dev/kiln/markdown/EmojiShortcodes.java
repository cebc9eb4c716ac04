package dev.kiln.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.kiln.emoji.EmojiNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code emoji: true}: GitHub's shortcodes in a document's text become the emoji, where Jekyll's jemoji converts
 * them. jemoji changes the text of the page's HTML outside {@code pre} and {@code code}, never an attribute; Kiln's
 * text nodes are that text, less code, raw HTML and math (other node types), and here also less an image's alt
 * text (an attribute) and a bare URL's text (its address must stay the one the link leads to).
 */
final class EmojiShortcodes {
    /** jemoji's shortcode: a name of word characters, {@code +} and {@code -} between colons. */
    private static final Pattern SHORTCODE = Pattern.compile(":([\\w+-]+):");

    private EmojiShortcodes() {}

    static void rewrite(Node document) {
        List<Text> texts = new ArrayList<>();
        collect(document, texts);
        for (Text text : texts) {
            rewrite(text);
        }
    }

    private static void collect(Node node, List<Text> texts) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                texts.add(text);
            } else if (!(child instanceof Code || child instanceof Image || child instanceof ImageRef
                    || child instanceof AutoLink || child instanceof MailLink)) {
                collect(child, texts);
            }
        }
    }

    /**
     * Splits a text around its known shortcodes. An unknown one gives its closing colon to the next, as jemoji's
     * pattern of known names does: {@code :nope:tada:} keeps {@code :nope} and converts {@code :tada:}.
     */
    private static void rewrite(Text text) {
        BasedSequence chars = text.getChars();
        if (chars.indexOf(':') < 0) {
            return;
        }
        Matcher shortcode = SHORTCODE.matcher(chars);
        int done = 0;
        int from = 0;
        while (from < chars.length() && shortcode.find(from)) {
            String emoji = EmojiNames.character(shortcode.group(1));
            if (emoji == null) {
                from = shortcode.end() - 1;
                continue;
            }
            if (shortcode.start() > done) {
                text.insertBefore(new Text(chars.subSequence(done, shortcode.start())));
            }
            text.insertBefore(new EmojiNode(chars.subSequence(shortcode.start(), shortcode.end()), emoji));
            done = shortcode.end();
            from = done;
        }
        if (done == 0) {
            return;
        }
        if (done < chars.length()) {
            text.setChars(chars.subSequence(done));
        } else {
            text.unlink();
        }
    }
}
