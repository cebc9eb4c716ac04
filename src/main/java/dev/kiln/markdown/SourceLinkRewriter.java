package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.kiln.text.MarkdownLink;
import java.util.regex.Pattern;

/**
 * Turns relative links to Markdown sources ({@code [Images](images.md)}, {@code <a href="site-yml.md#keys">}) into
 * the URLs of the pages made from them, with the baseurl, the query and fragment kept: the same files link to each
 * other on GitHub and in the site. A link to a file the site makes no page of stays as written, for the link check.
 */
final class SourceLinkRewriter {
    private static final Pattern HREF = RawHtml.attribute("href");

    private SourceLinkRewriter() {}

    /** Whether a text may hold such a link: {@code .md} or {@code .markdown} in any case, found without a regex. */
    static boolean mayHold(String text) {
        for (int i = text.indexOf('.'); i >= 0 && i + 2 < text.length(); i = text.indexOf('.', i + 1)) {
            char m = Character.toLowerCase(text.charAt(i + 1));
            char next = Character.toLowerCase(text.charAt(i + 2));
            if (m == 'm' && (next == 'd' || next == 'a')) {
                return true;
            }
        }
        return false;
    }

    static void rewrite(Document document, MarkdownRenderer.SourceLinks links, String baseurl) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Link link) {
                String url = resolve(link.getUrl().toString(), links, baseurl);
                if (url != null) {
                    link.setUrl(BasedSequence.of(url));
                }
            } else if (node instanceof Reference reference) {
                String url = resolve(reference.getUrl().toString(), links, baseurl);
                if (url != null) {
                    reference.setUrl(BasedSequence.of(url));
                }
            } else {
                RawHtml.rewrite(node, html -> mayHold(html) ? RawHtml.values(html, HREF, href -> resolve(href, links, baseurl)) : html);
            }
        }
    }

    /** The URL a link to a Markdown source leads to, with the baseurl, or null to leave the link as written. */
    private static String resolve(String href, MarkdownRenderer.SourceLinks links, String baseurl) {
        MarkdownLink link = MarkdownLink.of(href);
        String url = link == null ? null : links.url(link);
        return url == null ? null : baseurl + url + link.rest();
    }
}
