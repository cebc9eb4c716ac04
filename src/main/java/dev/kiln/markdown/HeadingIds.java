package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Heading ids as Jekyll's kramdown (its GFM parser) makes them: from the heading's converted text
 * (smart quotes and dashes as characters, code and math as written, footnote marks and images left
 * out), lower-cased, every character that is not a letter, mark, digit, {@code _}, {@code -}, space or
 * tab dropped, spaces and tabs turned into {@code -}; a repeated id gets {@code -1}, {@code -2}, …
 * So {@code Ordered -- Unordered} is {@code ordered--unordered}: the dashes became "–", which is dropped.
 * None at all when the post sets {@code auto_ids="false"}; {@code auto_id_prefix} goes in front.
 * <p>Inside an HTML element read as Markdown ({@code <div markdown="1">}) kramdown's GFM parser makes no id, and
 * its HTML converter makes its own ({@code generate_id}): ASCII letters, digits, spaces and {@code -} kept, what
 * comes before the first letter dropped, {@code section} when nothing is left, repeats counted apart from the
 * others. Kiln makes those the same, except that an id the other kind already gave gets a {@code -N} too
 * (kramdown writes it twice, which HTML does not allow).
 */
final class HeadingIds implements HtmlIdGenerator {
    /** Ruby's {@code [^\p{Word}\- \t]}: what kramdown's GFM parser removes. */
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{IsAlphabetic}\\p{M}\\p{Nd}\\p{Pc}\\- \\t]");
    /** kramdown's basic_generate_id: what precedes a line's first ASCII letter, then all but ASCII letters, digits, space and '-'. */
    private static final Pattern BEFORE_LETTER = Pattern.compile("(?m)^[^a-zA-Z]+");
    private static final Pattern NOT_BASIC = Pattern.compile("[^a-zA-Z0-9 -]");

    /** Where the content of HTML elements read as Markdown is in the parsed text, as [start, end) offsets. */
    static final DataKey<List<int[]>> INSIDE_HTML = new DataKey<>("KILN_INSIDE_HTML", List.of());

    /** Set once a document's ids are made: each excerpt block renders again, and the ids stay on the headings. */
    private static final DataKey<Boolean> GENERATED = new DataKey<>("KILN_HEADING_IDS_GENERATED", false);

    @Override
    public void generateIds(Document document) {
        if (GENERATED.get(document)) {
            return;
        }
        document.set(GENERATED, true);
        KramdownPreprocessor.Options options = FootnoteRenderer.OPTIONS.get(document);
        if (!options.flag("auto_ids", true)) {
            return;
        }
        String prefix = options.text("auto_id_prefix", "");
        List<int[]> insideHtml = INSIDE_HTML.get(document);
        Map<String, Integer> gfmCounters = new HashMap<>();
        Map<String, Integer> basicCounters = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading && !heading.isExplicitAnchorRefId()) {
                StringBuilder text = new StringBuilder();
                appendText(heading, text);
                String id = inside(insideHtml, heading.getStartOffset())
                        ? counted(basicId(text.toString()), basicCounters) : counted(gfmId(text.toString()), gfmCounters);
                String made = id;
                for (int n = 1; !used.add(id); n++) {
                    id = made + "-" + n;
                }
                heading.setAnchorRefId(prefix + id);
            } else if (node instanceof Heading heading) {
                used.add(heading.getAnchorRefId());
            }
        }
    }

    private static String gfmId(String text) {
        return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-').replace('\t', '-');
    }

    private static String basicId(String text) {
        String id = NOT_BASIC.matcher(BEFORE_LETTER.matcher(text).replaceAll("")).replaceAll("").replace(' ', '-').toLowerCase(Locale.ROOT);
        return id.isEmpty() ? "section" : id;
    }

    /** {@code id}, or {@code id-N} when it was made N times before. */
    private static String counted(String id, Map<String, Integer> counters) {
        int seen = counters.merge(id, 1, Integer::sum) - 1;
        return seen > 0 ? id + "-" + seen : id;
    }

    private static boolean inside(List<int[]> ranges, int offset) {
        for (int[] range : ranges) {
            if (offset >= range[0] && offset < range[1]) {
                return true;
            }
        }
        return false;
    }

    /** kramdown's raw text of a heading: what {@code update_raw_text} collects. */
    private static void appendText(Node parent, StringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text || node instanceof Code) {
                text.append(node instanceof Code code ? code.getText().toString() : node.getChars().unescape());
            } else if (node instanceof EmojiNode) { // kramdown makes the id before jemoji converts the text
                text.append(node.getChars());
            } else if (node instanceof HtmlEntity) {
                text.append(Escaping.unescapeString(node.getChars().toString()));
            } else if (node instanceof TypographicSmarts smarts) {
                text.append(smarts.getTypographicText());
            } else if (node instanceof TypographicQuotes quotes) {
                text.append(quotes.getTypographicOpening() == null ? "" : quotes.getTypographicOpening());
                appendText(node, text);
                text.append(quotes.getTypographicClosing() == null ? "" : quotes.getTypographicClosing());
            } else if (node instanceof MathSpan math) {
                text.append(math.tex());
            } else if (node instanceof SoftLineBreak) {
                text.append('\n');
            } else if (!(node instanceof Footnote || node instanceof Image || node instanceof ImageRef
                    || node instanceof HtmlInlineBase || node instanceof AttributesNode)) {
                appendText(node, text);
            }
        }
    }

    @Override
    public String getId(Node node) {
        return node instanceof Heading heading ? heading.getAnchorRefId() : null;
    }

    @Override
    public String getId(CharSequence text) {
        return null;
    }

    static final class Factory implements HeaderIdGeneratorFactory {
        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
            return new HeadingIds();
        }

        @Override
        public HtmlIdGenerator create() {
            return new HeadingIds();
        }
    }
}
