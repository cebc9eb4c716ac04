package dev.kiln.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.kiln.text.HtmlText;
import dev.kiln.text.MarkdownLink;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns relative links to Markdown sources ({@code [Images](images.md)}, {@code <a href="site-yml.md#keys">}) into
 * the URLs of the pages made from them, with the baseurl, the query and fragment kept: the same files link to each
 * other on GitHub and in the site. A link to a file the site makes no page of stays as written, for the link check.
 */
final class SourceLinkRewriter {
    private static final Pattern HREF = Pattern.compile("(\\shref\\s*=\\s*)([\"'])(.*?)\\2", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

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
            } else if (node instanceof RawBlockNode raw && raw.block().kind() != RawBlock.Kind.MATH) {
                // An HTML block as kramdown reads it (to its closing tag): its text is the block's.
                String html = raw.block().html();
                if (mayHold(html)) {
                    raw.setBlock(new RawBlock(raw.block().kind(), rewritten(html, links, baseurl)));
                }
            } else if (node instanceof HtmlInline || node instanceof HtmlBlock) {
                String html = node.getChars().toString();
                if (!mayHold(html)) {
                    continue;
                }
                String rewritten = rewritten(html, links, baseurl);
                if (!rewritten.equals(html)) {
                    node.setChars(BasedSequence.of(rewritten));
                    if (node instanceof HtmlBlock block) {
                        block.setContent(List.of(BasedSequence.of(rewritten))); // what the renderer prints
                    }
                }
            }
        }
    }

    /** {@code html} with each {@code href} to a Markdown source replaced by its page's URL. */
    private static String rewritten(String html, MarkdownRenderer.SourceLinks links, String baseurl) {
        return HREF.matcher(html).replaceAll(href -> {
            String url = resolve(HtmlText.unescape(href.group(3)), links, baseurl);
            return Matcher.quoteReplacement(url == null ? href.group() : href.group(1) + href.group(2) + HtmlText.escape(url)
                    + href.group(2));
        });
    }

    /** The URL a link to a Markdown source leads to, with the baseurl, or null to leave the link as written. */
    private static String resolve(String href, MarkdownRenderer.SourceLinks links, String baseurl) {
        MarkdownLink link = MarkdownLink.of(href);
        String url = link == null ? null : links.url(link);
        return url == null ? null : baseurl + url + link.rest();
    }
}
