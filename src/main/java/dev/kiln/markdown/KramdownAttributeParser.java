package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses kramdown inline attribute lists into flexmark's {@link AttributesNode}s.
 *
 * <p>Replaces flexmark's own attribute parser, which keeps the colon of {@code {:target="_blank"}}
 * as part of the name, rejects {@code {:#id}}, and turns any braces in prose ({@code set {x} to 1})
 * into attributes. Accepted, as in kramdown: {@code {: .class #id key="value" key='value' ref}}
 * anywhere, references to attribute list definitions ({@code {: ref}}), and the header id form
 * {@code {#id}} at the end of a heading line.
 */
final class KramdownAttributeParser implements InlineParserExtension {

    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][\\w.:-]*)=([\"'])(.*?)\\2(?=\\s|$)");
    private static final Pattern IDS_AND_CLASSES = Pattern.compile("(?:[#.][^\\s.#\"'=]+)+(?=\\s|$)");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z_][\\w-]*(?=\\s|$)");
    private static final Pattern HEADER_ID = Pattern.compile("\\s*#[A-Za-z][\\w:-]*\\s*");

    KramdownAttributeParser(LightInlineParser inlineParser) {}

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    @Override
    public boolean parse(LightInlineParser inlineParser) {
        BasedSequence input = inlineParser.getInput();
        int open = inlineParser.getIndex();
        int close = closingBrace(input, open);
        if (close < 0) {
            return false;
        }
        boolean kramdownList = input.charAt(open + 1) == ':';
        BasedSequence opening = input.subSequence(open, open + (kramdownList ? 2 : 1));
        BasedSequence text = input.subSequence(open + opening.length(), close);
        if (!kramdownList && !isHeaderId(inlineParser, input, text, close)) {
            return false;
        }
        List<AttributeNode> attributes = attributes(text);
        if (attributes == null || attributes.isEmpty()) {
            return false;
        }
        inlineParser.flushTextNode();
        AttributesNode node = new AttributesNode(opening, text, input.subSequence(close, close + 1));
        node.setCharsFromContent();
        attributes.forEach(node::appendChild);
        inlineParser.getBlock().appendChild(node);
        inlineParser.setIndex(close + 1);
        return true;
    }

    private static boolean isHeaderId(LightInlineParser inlineParser, BasedSequence input, BasedSequence text, int close) {
        return inlineParser.getBlock() instanceof Heading
                && input.subSequence(close + 1).isBlank()
                && HEADER_ID.matcher(text).matches();
    }

    /** Index of the '}' closing the list opened at {@code open}, or -1; lists do not span lines. */
    private static int closingBrace(BasedSequence input, int open) {
        for (int i = open + 1; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (c == '\\') {
                i++;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    /** The attributes of one list, or null when any part of it is not kramdown syntax. */
    static List<AttributeNode> attributes(BasedSequence text) {
        List<AttributeNode> nodes = new ArrayList<>();
        int position = 0;
        while (true) {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            if (position == text.length()) {
                return nodes;
            }
            Matcher keyValue = KEY_VALUE.matcher(text).region(position, text.length());
            Matcher idsAndClasses = IDS_AND_CLASSES.matcher(text).region(position, text.length());
            Matcher reference = REFERENCE.matcher(text).region(position, text.length());
            if (keyValue.lookingAt()) {
                nodes.add(new AttributeNode(
                        text.subSequence(keyValue.start(1), keyValue.end(1)),
                        text.subSequence(keyValue.end(1), keyValue.start(2)),
                        text.subSequence(keyValue.start(2), keyValue.end(2)),
                        text.subSequence(keyValue.start(3), keyValue.end(3)),
                        text.subSequence(keyValue.end(3), keyValue.end())));
                position = keyValue.end();
            } else if (idsAndClasses.lookingAt()) {
                int start = idsAndClasses.start();
                int end = idsAndClasses.end();
                while (start < end) {
                    int next = start + 1;
                    while (next < end && text.charAt(next) != '#' && text.charAt(next) != '.') {
                        next++;
                    }
                    // An implicit name: "#" or "." with the rest as the value, as flexmark expects.
                    nodes.add(new AttributeNode(text.subSequence(start, start + 1), BasedSequence.NULL,
                            BasedSequence.NULL, text.subSequence(start + 1, next), BasedSequence.NULL));
                    start = next;
                }
                position = end;
            } else if (reference.lookingAt()) {
                // A reference to an attribute list definition, or "toc": KramdownTreeRewriter resolves both.
                nodes.add(new AttributeNode(text.subSequence(reference.start(), reference.end()),
                        BasedSequence.NULL, BasedSequence.NULL, BasedSequence.NULL, BasedSequence.NULL));
                position = reference.end();
            } else {
                return null;
            }
        }
    }
}
