package dev.kiln.markdown;

import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's extensions inside a paragraph's text, wherever they are in it (a line's start included):
 * {@code {::comment}…{:/comment}} and {@code {::nomarkdown}…{:/nomarkdown}} (or {@code {:/}}), whose stop tag kramdown
 * looks for in the paragraph only, and the same without content, {@code {::comment … /}}, which give nothing. One
 * without a stop tag is text, as kramdown writes it. On a line of their own at a block's start they are read before
 * parsing ({@link KramdownPreprocessor}). Asked by {@link KramdownAttributeParser} at each {@code {::}, since flexmark takes
 * one parser per character.
 */
final class SpanExtensionParser {
    /** kramdown's EXT_START_STR, for the two extensions that hold text. */
    private static final Pattern START = Pattern.compile("\\{::(comment|nomarkdown)(?:\\s(?:\\\\}|[^}])*?)?(/)?\\}");

    /** The paragraph's text last looked at, and per extension from where no stop tag follows in it. */
    private BasedSequence input;
    private String text;
    private final Map<String, Integer> noStopFrom = new HashMap<>();

    /** Reads the extension whose {@code {::} is at the parser's index into the paragraph; false when it is text. */
    boolean parse(LightInlineParser inlineParser) {
        BasedSequence chars = inlineParser.getInput();
        int open = inlineParser.getIndex();
        if (chars != input) {
            input = chars;
            text = chars.toString();
            noStopFrom.clear();
        }
        Matcher start = START.matcher(text).region(open, text.length());
        if (!start.lookingAt()) {
            return false;
        }
        String name = start.group(1);
        int end = start.end();
        int stopEnd = end;
        RawSpan span = null;
        if (start.group(2) == null) {
            Matcher stop = Pattern.compile("\\{:/(?:" + name + ")?\\}").matcher(text);
            if (end >= noStopFrom.getOrDefault(name, Integer.MAX_VALUE) || !stop.find(end)) {
                noStopFrom.merge(name, end, Math::min); // each later one of this paragraph is text at once
                return false;
            }
            span = new RawSpan(chars.subSequence(open, stop.end()), name.equals("comment"), text.substring(end, stop.start()));
            stopEnd = stop.end();
        }
        inlineParser.flushTextNode();
        if (span != null) {
            inlineParser.getBlock().appendChild(span);
        }
        inlineParser.setIndex(stopEnd);
        return true;
    }
}
