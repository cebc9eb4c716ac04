package dev.kiln.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.kiln.text.HtmlText;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw HTML of a Markdown document, for the rewriters that change an attribute in it as they change the Markdown
 * links or images (SourceLinkRewriter's {@code href}, MediaSubpath's {@code <img src>}).
 */
final class RawHtml {
    private RawHtml() {}

    /**
     * Gives {@code node}, when it is raw HTML, the text {@code rewrite} makes of its own: an HTML block as kramdown reads
     * it (to its closing tag; math is not HTML), flexmark's HTML block, or inline HTML. Other nodes are left alone.
     */
    static void rewrite(Node node, UnaryOperator<String> rewrite) {
        if (node instanceof RawBlockNode raw && raw.block().kind() != RawBlock.Kind.MATH) {
            String html = raw.block().html();
            String rewritten = rewrite.apply(html);
            if (!rewritten.equals(html)) {
                raw.setBlock(new RawBlock(raw.block().kind(), rewritten));
            }
        } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
            String html = node.getChars().toString();
            String rewritten = rewrite.apply(html);
            if (!rewritten.equals(html)) {
                node.setChars(BasedSequence.of(rewritten));
                if (node instanceof HtmlBlock block) {
                    block.setContent(List.of(BasedSequence.of(rewritten))); // what the renderer prints
                }
            }
        }
    }

    /** The pattern of an attribute {@code name="value"} (or in single quotes), any case: group 3 is the value as written. */
    static Pattern attribute(String name) {
        return Pattern.compile("(\\s" + name + "\\s*=\\s*)([\"'])(.*?)\\2", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** {@code html} with each {@code attribute}'s value, unescaped, replaced by what {@code value} makes of it (null: kept). */
    static String values(String html, Pattern attribute, UnaryOperator<String> value) {
        return attribute.matcher(html).replaceAll(found -> {
            String now = value.apply(HtmlText.unescape(found.group(3)));
            return Matcher.quoteReplacement(now == null ? found.group() : found.group(1) + found.group(2) + HtmlText.escape(now)
                    + found.group(2));
        });
    }
}
