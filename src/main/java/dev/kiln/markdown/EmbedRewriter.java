package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.kiln.embed.EmbedTag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns each paragraph that is one embed tag into an {@link EmbedNode}, and reports a tag that does not
 * stand alone or does not read (the Markdown would otherwise show it as text). Code is never touched:
 * only paragraphs are looked at.
 */
final class EmbedRewriter {
    private EmbedRewriter() {}

    /** An embed tag that could not be read, at its offset in the parsed text. */
    record Problem(int offset, String message, String hint) {}

    static boolean mayHold(String markdown) {
        for (int i = markdown.indexOf('{'); i >= 0 && i + 1 < markdown.length(); i = markdown.indexOf('{', i + 1)) {
            if (markdown.startsWith("%", i + 1) || markdown.startsWith("{<", i + 1) || markdown.startsWith("{%", i + 1)) {
                return true;
            }
        }
        return false; // one pass for "{%", "{{<" and "{{%"
    }

    static List<Problem> rewrite(Document document) {
        List<Problem> problems = new ArrayList<>();
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Paragraph paragraph && EmbedTag.find(paragraph.getChars()) >= 0) {
                paragraphs.add(paragraph);
            }
        }
        for (Paragraph paragraph : paragraphs) {
            String text = paragraph.getChars().toString();
            int at = EmbedTag.find(text);
            String stripped = text.strip();
            if (at > 0 || stripped.contains("\n")) {
                problems.add(new Problem(paragraph.getStartOffset() + at, "an embed stands on a line of its own, with a blank line before and after",
                        "put the tag alone in its paragraph"));
                continue;
            }
            EmbedTag.Result result = EmbedTag.parse(stripped);
            if (result.embed() == null) {
                problems.add(new Problem(paragraph.getStartOffset() + result.offset(), result.problem(), result.hint()));
                continue;
            }
            paragraph.insertBefore(new EmbedNode(paragraph.getChars(), result.embed()));
            paragraph.unlink();
        }
        return problems;
    }

    /** The YouTube videos whose thumbnails the embeds of {@code document} show, by id, each once, in order. */
    static List<String> thumbnails(Document document) {
        Set<String> ids = new LinkedHashSet<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof EmbedNode embed && embed.embed.thumbnail() != null) {
                ids.add(embed.embed.id());
            }
        }
        return List.copyOf(ids);
    }
}
