package dev.kiln.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * kramdown's inline math: {@code $$…$$} anywhere in a paragraph's text, the TeX kept as written (a
 * {@code \\} row break stays two backslashes, {@code _} and {@code *} are not emphasis). Display math,
 * a formula standing alone between blank lines, is read before parsing ({@link KramdownPreprocessor}).
 */
final class MathParser implements InlineParserExtension {

    MathParser(LightInlineParser inlineParser) {}

    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    @Override
    public boolean parse(LightInlineParser inlineParser) {
        BasedSequence input = inlineParser.getInput();
        int open = inlineParser.getIndex();
        if (open + 1 >= input.length() || input.charAt(open + 1) != '$') {
            return false;
        }
        int close = input.indexOf("$$", open + 2);
        if (close < 0) {
            return false;
        }
        inlineParser.flushTextNode();
        inlineParser.getBlock().appendChild(new MathSpan(input.subSequence(open, close + 2), input.subSequence(open + 2, close)));
        inlineParser.setIndex(close + 2);
        return true;
    }
}
