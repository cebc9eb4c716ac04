package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.internal.NodeAttributeRepository;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.kiln.text.UrlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's {@code media_subpath:} (Chirpy's, the most used Jekyll theme; {@code img_path:} before its version 7): the
 * folder its images are in, written before each image's address as Chirpy's {@code media-url.html} does, an address
 * starting with {@code /} included ({@code ![](/shot.png)} under {@code /assets/img/post} is
 * {@code /assets/img/post/shot.png}). A full address ({@code https://…}, {@code data:…}) stays as written. Only images
 * are moved, Markdown's (inline or by reference, {@code ![alt][shot]} with {@code [shot]: shot.png}) and HTML's
 * {@code <img src>}, never links, as in Chirpy (which rewrites each {@code <img>} of the page): a reference that a link
 * uses too keeps its address for the link.
 */
final class MediaSubpath {
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = RawHtml.attribute("src");

    private MediaSubpath() {}

    static void rewrite(Document document, String subpath) {
        List<ImageRef> references = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof ImageRef reference && reference.isDefined()) {
                references.add(reference);
            } else if (node instanceof Image image) {
                String url = joined(subpath, image.getUrl().toString());
                if (url != null) {
                    image.setUrl(BasedSequence.of(url));
                }
            } else {
                RawHtml.rewrite(node, html -> rewritten(html, subpath));
            }
        }
        references.forEach(reference -> inline(document, reference, subpath));
    }

    /**
     * An image by reference made an inline image with its reference's address under the subpath and its title, in its
     * place, with its text and the attribute lists given to it: the reference itself stays as written, for the links that
     * use it.
     */
    private static void inline(Document document, ImageRef reference, String subpath) {
        Reference definition = reference.getReferenceNode(document);
        String url = definition == null ? null : joined(subpath, definition.getUrl().toString());
        if (url == null) {
            return;
        }
        Image image = new Image(reference.getChars());
        image.setUrl(BasedSequence.of(url));
        image.setTitle(definition.getTitle());
        image.setText(reference.getText());
        image.takeChildren(reference);
        reference.insertBefore(image);
        reference.unlink();
        NodeAttributeRepository attributes = AttributesExtension.NODE_ATTRIBUTES.get(document);
        if (attributes.containsKey(reference)) {
            attributes.put(image, attributes.remove(reference));
        }
    }

    /** {@code html} with the {@code src} of each {@code <img>} under the subpath. */
    private static String rewritten(String html, String subpath) {
        if (!html.toLowerCase(Locale.ROOT).contains("<img")) {
            return html;
        }
        return IMG.matcher(html).replaceAll(img -> Matcher.quoteReplacement(RawHtml.values(img.group(), SRC, src -> joined(subpath, src))));
    }

    /**
     * The image's address under the subpath, without the baseurl (the renderer adds it as to every site path), or null to
     * keep it as written: a full or protocol-relative address, or an empty one.
     */
    static String joined(String subpath, String src) {
        if (src.isEmpty() || src.startsWith("//") || src.indexOf(':') >= 0 && UrlText.hasScheme(src)) {
            return null;
        }
        if (UrlText.hasScheme(subpath)) {
            // a CDN: its address as written, the image after one slash
            return subpath.replaceAll("/+$", "") + "/" + src.replaceAll("^/+", "");
        }
        String path = (subpath + "/" + src).replaceAll("/{2,}", "/");
        return path.startsWith("/") ? path : "/" + path;
    }
}
