package dev.kiln.template;

import dev.kiln.image.ImageCatalog;
import dev.kiln.text.HtmlText;
import dev.kiln.text.ImageTags;
import dev.kiln.text.UrlText;
import java.util.List;

/**
 * Gives each local image of rendered Markdown what lets a page load fast: {@code width} and
 * {@code height} (the browser reserves its box, nothing jumps), {@code srcset} and {@code sizes}
 * when smaller copies exist (a phone downloads a phone-sized one), and {@code loading="lazy"} with
 * {@code decoding="async"} for all but the first image of a page's content, which may be on the
 * first screen and is often the largest paint. Attributes the author wrote are kept.
 */
final class ImageMarkup {
    /** The content column: 45rem from 47.5rem of viewport up, else the viewport less its padding. */
    static final String SIZES = "(min-width: 47.5rem) 45rem, calc(100vw - 2rem)";

    private final ImageCatalog catalog;
    private final String baseurl;
    /** site.yml's url: an image at the site's own address in full is the site's, its src kept as written. */
    private final String siteUrl;

    ImageMarkup(ImageCatalog catalog, String baseurl, String siteUrl) {
        this.catalog = catalog;
        this.baseurl = baseurl;
        this.siteUrl = siteUrl;
    }

    /** {@code html} with its images marked up; {@code firstEager} leaves the first image to load at once. */
    String apply(String html, boolean firstEager) {
        if (html == null || catalog.images().isEmpty() || (!html.contains("<img") && !html.contains("<IMG"))) {
            return html;
        }
        List<ImageTags.Tag> tags = ImageTags.in(html);
        StringBuilder out = new StringBuilder(html.length() + tags.size() * 200);
        int copied = 0;
        boolean first = true;
        for (ImageTags.Tag tag : tags) {
            boolean eager = firstEager && first;
            first = false;
            ImageCatalog.Image image = catalog.find(UrlText.sitePath(tag.attribute("src"), siteUrl, baseurl));
            if (image == null) {
                continue;
            }
            StringBuilder added = new StringBuilder();
            if (!tag.has("width") && !tag.has("height")) {
                added.append(" width=\"").append(image.width()).append("\" height=\"").append(image.height()).append('"');
            }
            if (!image.variants().isEmpty() && !tag.has("srcset")) {
                added.append(" srcset=\"").append(HtmlText.escape(srcset(image, baseurl))).append('"');
                if (!tag.has("sizes")) {
                    added.append(" sizes=\"").append(SIZES).append('"');
                }
            }
            if (!eager && !tag.has("loading")) {
                added.append(" loading=\"lazy\"");
            }
            if (!eager && !tag.has("decoding")) {
                added.append(" decoding=\"async\"");
            }
            boolean picture = !image.webp().isEmpty() && !tag.has("srcset") && !insidePicture(html, tag.start());
            if (picture) {
                out.append(html, copied, tag.start()).append(source(image, baseurl, tag.has("sizes") ? tag.attribute("sizes") : SIZES));
                copied = tag.start();
            }
            out.append(html, copied, tag.insertAt()).append(added);
            copied = tag.insertAt();
            if (picture) {
                out.append(html, copied, tag.end()).append("</picture>");
                copied = tag.end();
            }
        }
        if (copied == 0) {
            return html;
        }
        return out.append(html, copied, html.length()).toString();
    }

    /**
     * {@code <picture><source type="image/webp" …>}: a browser that reads WebP (all current ones) takes
     * the smaller WebP copy, the others the {@code <img>} after it, which stays as it was (its alt, its box).
     */
    static String source(ImageCatalog.Image image, String baseurl, String sizes) {
        if (image.webp().size() == 1 && image.variants().isEmpty()) {
            // Only the image's own width, like the <img> without srcset: no widths, no sizes to get wrong.
            return "<picture><source type=\"image/webp\" srcset=\"" + HtmlText.escape(url(baseurl + image.webp().get(0).path())) + "\">";
        }
        StringBuilder set = new StringBuilder();
        for (ImageCatalog.Variant variant : image.webp()) {
            set.append(set.isEmpty() ? "" : ", ").append(url(baseurl + variant.path())).append(' ').append(variant.width()).append('w');
        }
        return "<picture><source type=\"image/webp\" srcset=\"" + HtmlText.escape(set.toString()) + "\" sizes=\""
                + HtmlText.escape(sizes) + "\">";
    }

    /** The author's own {@code <picture>} is left to them. */
    private static boolean insidePicture(String html, int at) {
        int open = html.lastIndexOf("<picture", at);
        return open >= 0 && html.lastIndexOf("</picture>", at) < open;
    }

    /** Every copy and the image itself, each with its width: {@code /img/a-640w.jpg 640w, …, /img/a.jpg 3000w}. */
    static String srcset(ImageCatalog.Image image, String baseurl) {
        StringBuilder set = new StringBuilder();
        for (ImageCatalog.Variant variant : image.variants()) {
            set.append(url(baseurl + variant.path())).append(' ').append(variant.width()).append("w, ");
        }
        return set.append(url(baseurl + image.path())).append(' ').append(image.width()).append('w').toString();
    }

    /** Percent-encoded, commas too: a comma followed by a space would split a srcset candidate. */
    private static String url(String path) {
        return UrlText.encode(path).replace(",", "%2C");
    }
}
