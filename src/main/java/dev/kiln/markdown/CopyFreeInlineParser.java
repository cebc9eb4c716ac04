package dev.kiln.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser without a hidden copy: its {@code match} calls {@code Matcher.toMatchResult()},
 * which on Java 17 copies the whole paragraph into a new String on every match (link, code span,
 * entity...), character by character through flexmark's sequences. About a tenth of all Markdown time
 * on a big blog. Same matches, same results.
 */
final class CopyFreeInlineParser extends InlineParserImpl {
    /**
     * Makes {@code parser} use this inline parser. flexmark adds its reference definition pre-processor
     * only for its own inline parser factory, so it is added here too.
     */
    static Parser.Builder install(Parser.Builder parser) {
        InlineParserFactory factory = CopyFreeInlineParser::new;
        return parser.customInlineParserFactory(factory).paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    private CopyFreeInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Match match = find(re);
        return match == null ? null : input.subSequence(match.start(0), match.end(0));
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Match match = find(re);
        if (match == null) {
            return null;
        }
        BasedSequence[] groups = new BasedSequence[match.matcher().groupCount() + 1];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = match.start(i) < 0 ? null : input.subSequence(match.start(i), match.end(i));
        }
        return groups;
    }

    /**
     * The match at the current index, which then moves past it; null when there is none. The offsets of
     * the matcher it returns are relative to {@code input}.
     */
    private Match find(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        // Matched on the source String itself when the input is a plain slice of it: the same
        // region, bounds and result, without a virtual charAt per character.
        String source = SourceSlice.sourceOf(input);
        int offset = source == null ? 0 : input.getStartOffset();
        Matcher matcher = source == null ? re.matcher(input) : re.matcher(source);
        matcher.region(offset + index, offset + input.length());
        if (!matcher.find()) {
            return null;
        }
        index = matcher.end() - offset;
        return new Match(matcher, offset);
    }

    /** A successful match, its offsets made relative to the input. */
    private record Match(Matcher matcher, int offset) {
        int start(int group) {
            int start = matcher.start(group);
            return start < 0 ? -1 : start - offset;
        }

        int end(int group) {
            return matcher.end(group) - offset;
        }
    }
}
