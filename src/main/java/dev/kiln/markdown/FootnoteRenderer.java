package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.PhasedNodeRenderer;
import com.vladsch.flexmark.html.renderer.RenderingPhase;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Footnotes numbered and marked up as kramdown writes them: numbers in the order of first reference
 * (from {@code footnote_nr}), {@code <sup id="fnref:NAME"><a href="#fn:NAME" class="footnote" rel="footnote"
 * role="doc-noteref">1</a></sup>} (kramdown has the role on the {@code <sup>}, where ARIA does not allow it), a second reference {@code fnref:NAME:1}, and at the end
 * {@code <div class="footnotes" role="doc-endnotes"><ol>} with {@code <li id="fn:NAME">} (without kramdown's
 * deprecated {@code role="doc-endnote"}), the backlinks {@code ↩} (then {@code ↩²}, …) at the end of its last paragraph after
 * a no-break space.
 * Links to {@code #fn:1} from a Jekyll site's days still land.
 */
final class FootnoteRenderer implements NodeRenderer, PhasedNodeRenderer {
    /** The options the post set, which footnote numbering and backlinks follow. */
    static final DataKey<KramdownPreprocessor.Options> OPTIONS =
            new DataKey<>("KILN_KRAMDOWN_OPTIONS", new KramdownPreprocessor.Options(Map.of()));

    /** Whether the text could hold a footnote at all ({@code [^}): most posts skip a walk of the tree. */
    static final DataKey<Boolean> PRESENT = new DataKey<>("KILN_FOOTNOTES_PRESENT", true);

    /** Per document: each defined footnote in order of first reference, and each reference's place. */
    private record Numbering(Map<FootnoteBlock, List<Footnote>> references, Map<Footnote, int[]> places) {
        static Numbering of(Document document, int first) {
            Map<FootnoteBlock, List<Footnote>> references = new LinkedHashMap<>();
            Map<Footnote, int[]> places = new IdentityHashMap<>();
            for (Node node : document.getDescendants()) {
                if (node instanceof Footnote footnote && footnote.getFootnoteBlock() != null) {
                    List<Footnote> refs = references.computeIfAbsent(footnote.getFootnoteBlock(), b -> new ArrayList<>());
                    places.put(footnote, new int[] {0, refs.size()});
                    refs.add(footnote);
                }
            }
            // A footnote's number is that of its first reference.
            int number = first;
            for (List<Footnote> refs : references.values()) {
                for (Footnote ref : refs) {
                    places.get(ref)[0] = number;
                }
                number++;
            }
            return new Numbering(references, places);
        }
    }

    /** kramdown's space before and between backlinks, as a character (Jekyll's entity_output: as_char). */
    private static final String NBSP = "\u00A0";

    private Numbering numbering;

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Footnote.class, this::render),
                new NodeRenderingHandler<>(FootnoteBlock.class, (block, context, html) -> {}));
    }

    @Override
    public Set<RenderingPhase> getRenderingPhases() {
        return Set.of(RenderingPhase.BODY_BOTTOM);
    }

    private Numbering numbering(Document document) {
        if (numbering == null) {
            numbering = Numbering.of(document, OPTIONS.get(document).number("footnote_nr", 1));
        }
        return numbering;
    }

    private void render(Footnote footnote, NodeRendererContext context, HtmlWriter html) {
        FootnoteBlock block = footnote.getFootnoteBlock();
        if (context.isDoNotRenderLinks() && block != null) {
            return; // a heading's footnote mark in a table of contents, which kramdown leaves out
        }
        if (block == null) {
            html.text(footnote.getChars().unescape()); // no definition: kramdown leaves the text
            return;
        }
        int[] place = numbering(footnote.getDocument()).places().get(footnote);
        String name = Escaping.escapeHtml(block.getText().toString(), true);
        // kramdown puts role="doc-noteref" on the <sup>, where ARIA does not allow it (axe reports it): on the link.
        html.raw("<sup id=\"fnref:" + name + (place[1] > 0 ? ":" + place[1] : "") + "\"><a href=\"#fn:"
                + name + "\" class=\"footnote\" rel=\"footnote\" role=\"doc-noteref\">" + place[0] + "</a></sup>");
    }

    @Override
    public void renderDocument(NodeRendererContext context, HtmlWriter html, Document document, RenderingPhase phase) {
        if (!PRESENT.get(document)) {
            return;
        }
        Numbering numbers = numbering(document);
        if (numbers.references().isEmpty()) {
            return;
        }
        KramdownPreprocessor.Options options = OPTIONS.get(document);
        int first = options.number("footnote_nr", 1);
        String backlink = options.text("footnote_backlink", "&#8617;");
        html.line().raw("<div class=\"footnotes\" role=\"doc-endnotes\">").line();
        html.raw(first == 1 ? "<ol>" : "<ol start=\"" + first + "\">").line();
        for (Map.Entry<FootnoteBlock, List<Footnote>> entry : numbers.references().entrySet()) {
            FootnoteBlock block = entry.getKey();
            String name = Escaping.escapeHtml(block.getText().toString(), true);
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < entry.getValue().size() && !backlink.isEmpty(); i++) {
                links.append(i == 0 ? "" : NBSP).append("<a href=\"#fnref:").append(name).append(i == 0 ? "" : ":" + i)
                        .append("\" class=\"reversefootnote\" role=\"doc-backlink\">").append(backlink)
                        .append(i == 0 ? "" : "<sup>" + (i + 1) + "</sup>").append("</a>");
            }
            // kramdown adds role="doc-endnote", which DPUB-ARIA 1.1 deprecated (axe reports it): left out.
            html.raw("<li id=\"fn:" + name + "\">").line();
            Node last = block.getLastChild();
            for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
                if (child == last && child instanceof Paragraph && !links.isEmpty()) {
                    html.raw("<p>");
                    context.renderChildren(child);
                    html.raw(NBSP + links + "</p>").line();
                } else {
                    context.render(child);
                }
            }
            if (!(last instanceof Paragraph) && !links.isEmpty()) {
                html.line().raw("<p>" + links + "</p>").line();
            }
            html.raw("</li>").line();
        }
        html.raw("</ol>").line().raw("</div>").line();
    }
}
