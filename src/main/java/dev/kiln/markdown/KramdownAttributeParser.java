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
 * Parses kramdown inline attribute lists into flexmark's {@link AttributesNode}s; which element each
 * belongs to, or whether it stays text, is {@link AttributeOwners}' decision.
 *
 * <p>Replaces flexmark's own attribute parser, which keeps the colon of {@code {:target="_blank"}}
 * as part of the name, rejects {@code {:#id}}, and turns any braces in prose ({@code set {x} to 1})
 * into attributes. Read as kramdown reads them ({@code parse_attribute_list}): the parts of
 * {@code {: .class #id key="value" key='value' ref}} each after a space, anything else in the list
 * skipped; and the header id form {@code {#id}} after a space at the end of a heading line.
 */
final class KramdownAttributeParser implements InlineParserExtension {

    /** kramdown's ALD_TYPE_ANY: one part, after the start or a space and before a space or the end. */
    private static final Pattern PART = Pattern.compile("(?<=^|\\s)(?:(\\w[\\w-]*)=([\"'])((?:\\\\}|\\\\\\2|[^}])*?)\\2"
            + "|(\\w[\\w-]*)|((?:#[A-Za-z][\\w:-]*|\\.[^\\s.#]+)+))(?=\\s|$)");
    private static final Pattern ID_OR_CLASS = Pattern.compile("#[A-Za-z][\\w:-]*|\\.[^\\s.#]+");
    private static final Pattern HEADER_ID = Pattern.compile("#[A-Za-z][\\w:-]*");

    private final SpanExtensionParser extensions = new SpanExtensionParser();

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
        if (kramdownList && (input.charAt(open + 2) == ':' || input.charAt(open + 2) == '/')) {
            return input.charAt(open + 2) == ':' && extensions.parse(inlineParser); // an extension's tag, {::name} or {:/name}
        }
        BasedSequence opening = input.subSequence(open, open + (kramdownList ? 2 : 1));
        BasedSequence text = input.subSequence(open + opening.length(), close);
        if (kramdownList ? text.isBlank() : !isHeaderId(inlineParser, input, text, open, close)) {
            return false;
        }
        inlineParser.flushTextNode();
        AttributesNode node = new AttributesNode(opening, text, input.subSequence(close, close + 1));
        node.setCharsFromContent();
        attributes(text).forEach(node::appendChild);
        inlineParser.getBlock().appendChild(node);
        inlineParser.setIndex(close + 1);
        return true;
    }

    /** kramdown's header id: {@code {#id}} after a space, ending the heading's line. */
    private static boolean isHeaderId(LightInlineParser inlineParser, BasedSequence input, BasedSequence text, int open, int close) {
        return inlineParser.getBlock() instanceof Heading
                && open > 0 && (input.charAt(open - 1) == ' ' || input.charAt(open - 1) == '\t')
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

    /** {@code name="value"}, as a list's attribute; flexmark's node spans its parts, so they get a text of their own. */
    static AttributeNode attribute(String name, String value) {
        return pair(BasedSequence.of(name + "=\"" + value + "\""), name.length());
    }

    /** The attribute {@code name="value"} written in {@code pair}, its name {@code nameLength} long. */
    private static AttributeNode pair(BasedSequence pair, int nameLength) {
        return new AttributeNode(pair.subSequence(0, nameLength), pair.subSequence(nameLength, nameLength + 1),
                pair.subSequence(nameLength + 1, nameLength + 2), pair.subSequence(nameLength + 2, pair.length() - 1),
                pair.subSequence(pair.length() - 1));
    }

    /**
     * The attributes of one list, in the order written: {@code key="value"} (with {@code \"} and {@code \}}
     * unescaped), {@code .class} and {@code #id} as flexmark's implicit names, and bare names, which are
     * references to attribute list definitions (or {@code toc}). What is not kramdown syntax is left out.
     */
    static List<AttributeNode> attributes(BasedSequence text) {
        List<AttributeNode> nodes = new ArrayList<>();
        Matcher part = PART.matcher(text);
        while (part.find()) {
            if (part.group(1) != null) {
                String value = part.group(3).replace("\\}", "}").replace("\\" + part.group(2), part.group(2));
                nodes.add(value.equals(part.group(3)) ? pair(text.subSequence(part.start(1), part.end()), part.group(1).length())
                        : attribute(part.group(1), value));
            } else if (part.group(4) != null) {
                // A reference to an attribute list definition, or "toc": AttributeOwners resolves both.
                nodes.add(new AttributeNode(text.subSequence(part.start(4), part.end(4)),
                        BasedSequence.NULL, BasedSequence.NULL, BasedSequence.NULL, BasedSequence.NULL));
            } else {
                Matcher each = ID_OR_CLASS.matcher(text).region(part.start(5), part.end(5));
                while (each.find()) {
                    // An implicit name: "#" or "." with the rest as the value, as flexmark expects.
                    nodes.add(new AttributeNode(text.subSequence(each.start(), each.start() + 1), BasedSequence.NULL,
                            BasedSequence.NULL, text.subSequence(each.start() + 1, each.end()), BasedSequence.NULL));
                }
            }
        }
        return nodes;
    }
}
