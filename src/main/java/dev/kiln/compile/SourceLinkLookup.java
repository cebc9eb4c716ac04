package dev.kiln.compile;

import dev.kiln.liquid.SiteLookup;
import dev.kiln.markdown.MarkdownRenderer;
import dev.kiln.text.AccentEncoding;
import dev.kiln.text.MarkdownLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a body's relative links to Markdown files ({@code [Images](images.md)}) with the URL of the page made from
 * each, asked of the site as {@code {% link %}} asks ({@link SiteLookup.Kind#LINK}), and records every answer: the URL
 * of a linked page is a fact the linking page depends on, so a rebuild renders it again when that URL changes.
 * One per body, used by one thread.
 */
final class SourceLinkLookup implements MarkdownRenderer.SourceLinks {
    private final Path source;
    private final SiteLookup site;
    private final List<SiteLookup.Lookup> asked = new ArrayList<>();

    /** @param source the file the links are written in, relative to the site root ({@code content/guide/a.md}) */
    SourceLinkLookup(Path source, SiteLookup site) {
        this.source = source;
        this.site = site;
    }

    @Override
    public String url(MarkdownLink link) {
        String file = link.inContent(source);
        if (file == null) {
            return null; // out of content/: no page, whatever the site holds
        }
        Object url = site.resolve(SiteLookup.Kind.LINK, file);
        asked.add(new SiteLookup.Lookup(SiteLookup.Kind.LINK, file, url));
        return (String) url; // a file's URL, as {% link %} prints it
    }

    /** The URL of a file of content/ ({@code posts/trip/cat.jpg}), null when there is none; recorded as a link's answer is. */
    String fileUrl(String inContent) {
        Object url = site.resolve(SiteLookup.Kind.LINK, inContent);
        asked.add(new SiteLookup.Lookup(SiteLookup.Kind.LINK, inContent, url));
        return (String) url;
    }

    /**
     * For a path with an accented letter that names no file of content/: the path of the one file that it names but for how
     * its accented letters are encoded (NFC against NFD), else null; recorded, so a rebuild after a rename compiles it again.
     */
    String fileEncodedOtherwise(String inContent) {
        if (!AccentEncoding.mayDiffer(inContent)) {
            return null; // nothing to encode otherwise
        }
        Object path = site.resolve(SiteLookup.Kind.LINK_ENCODED_OTHERWISE, inContent);
        asked.add(new SiteLookup.Lookup(SiteLookup.Kind.LINK_ENCODED_OTHERWISE, inContent, path));
        return (String) path;
    }

    List<SiteLookup.Lookup> asked() {
        return asked;
    }
}
