package dev.kiln.image;

import dev.kiln.diag.SourcePosition;
import dev.kiln.model.Document;
import dev.kiln.model.RouteTable;
import dev.kiln.model.SiteUrls;
import dev.kiln.source.SourceFile;
import dev.kiln.source.SourceTree;
import dev.kiln.source.TextFile;
import dev.kiln.text.ImageTags;
import dev.kiln.text.UrlText;
import dev.kiln.work.FrozenMap;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds every local JPEG, PNG, GIF and WebP that a published post or page shows (an {@code <img>} in its body,
 * Markdown or raw HTML, or its {@code background}), each once, with where it is first used. What each
 * document shows is kept in a {@link Memory}: a preview would otherwise search every page's HTML.
 */
public final class ImageUses {
    /** Image files the image stage measures (and resizes, JPEG and PNG); others (SVG, AVIF, …) are copied and shown as they are. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp");

    private ImageUses() {}

    /** A site path a document shows as an image ({@code /img/x.jpg}), and where. */
    record Use(String path, SourcePosition position) {}

    /** The images one document shows, valid while what they are found in (the content key) is equal. */
    record Shown(Key key, List<Use> uses) {}

    /** What the images a document shows are a function of. */
    record Key(Path source, String background, Document.Content content, String text, String baseurl, String siteUrl) {
        /** Most often the very same content and text as last time: told without comparing them part by part. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && (source == k.source || source.equals(k.source)) && Objects.equals(background, k.background)
                    && (content == k.content || content.equals(k.content)) && Objects.equals(text, k.text) && Objects.equals(baseurl, k.baseurl)
                    && Objects.equals(siteUrl, k.siteUrl);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }
    }

    /** What each document showed in the last build, by source. */
    public record Memory(Map<Path, Shown> shown) {
        public static final Memory EMPTY = new Memory(Map.of());

        public Memory {
            shown = FrozenMap.copyOf(shown);
        }

        public Memory without(Collection<Path> paths) {
            if (paths.stream().noneMatch(shown::containsKey)) {
                return this;
            }
            Map<Path, Shown> kept = new HashMap<>(shown);
            kept.keySet().removeAll(paths);
            return new Memory(FrozenMap.adopt(kept));
        }
    }

    /** The images to measure and resize, and what the next build may reuse. */
    public record Found(List<ImageRequest> requests, Memory memory) {}

    /** @param siteUrl site.yml's url: an {@code <img>} at the site's own address in full shows the site's file */
    public static Found find(SourceTree tree, RouteTable table, String baseurl, String siteUrl, Memory memory) {
        Map<String, SourceFile> files = new HashMap<>();
        for (SourceFile file : tree.staticFiles()) {
            files.put("/" + inContent(file.relativePath()), file);
        }
        // images beside a post, shown at their URL beside the post's (compile/PostFiles)
        for (Document post : table.site().posts()) {
            post.content().files().forEach((sitePath, inContent) -> {
                SourceFile file = files.get("/" + inContent);
                if (file != null) {
                    files.put(sitePath, file);
                }
            });
        }
        Map<String, Use> firstUses = new LinkedHashMap<>();
        Map<Path, Shown> next = new HashMap<>((table.site().posts().size() + table.site().pages().size()) * 4 / 3 + 1);
        for (Sourced sourced : bySourcePath(tree, table)) {
            Document doc = sourced.doc();
            Key key = new Key(doc.source(), doc.background(), doc.content(), sourced.text(), baseurl, siteUrl);
            Shown known = memory.shown().get(doc.source());
            Shown shown = known != null && known.key().equals(key) ? known : new Shown(key, shownBy(doc, key));
            next.put(doc.source(), shown);
            for (Use use : shown.uses()) {
                if (isImage(files.get(use.path()))) {
                    firstUses.putIfAbsent(use.path(), use);
                }
            }
        }
        Set<String> clashing = clashingCopyStems(firstUses.keySet(), files.keySet());
        List<ImageRequest> requests = new ArrayList<>(firstUses.size());
        firstUses.forEach((path, use) -> {
            SourceFile file = files.get(path);
            requests.add(new ImageRequest(path, file.relativePath(), file.file(), use.position(),
                    clashing.contains(SiteUrls.imageCopyStem(path))));
        });
        return new Found(List.copyOf(requests), new Memory(FrozenMap.adopt(next)));
    }

    /**
     * The copy names two images shown would share ({@code photo.jpg} and {@code photo.png}), or an image's copies
     * and a file of the site ({@code photo-640w.jpg}, made by the author or an old build's plug-in): each such image's
     * copies are named with its extension too, so that no file is written twice and the build goes on.
     */
    private static Set<String> clashingCopyStems(Collection<String> shown, Collection<String> siteFiles) {
        Set<String> stems = new HashSet<>();
        Set<String> clashing = new HashSet<>();
        for (String path : shown) {
            String stem = SiteUrls.imageCopyStem(path);
            if (!stems.add(stem)) {
                clashing.add(stem);
            }
        }
        for (String path : siteFiles) {
            String stem = SiteUrls.imageCopyStemOf(path);
            if (stem != null && stems.contains(stem)) {
                clashing.add(stem);
            }
        }
        return clashing;
    }

    /** A document and the text of its source (null for a document of no scanned source). */
    private record Sourced(Document doc, String text) {}

    /**
     * The site's documents in the order of their sources' paths, where the first use of an image is found, each
     * with its source's text: the scan's two lists, each in that order, merged (sorting 10,000 paths again was a
     * twentieth of a preview edit).
     */
    private static List<Sourced> bySourcePath(SourceTree tree, RouteTable table) {
        Map<Path, Document> bySource = new HashMap<>((table.site().posts().size() + table.site().pages().size()) * 4 / 3 + 1);
        Stream.concat(table.site().posts().stream(), table.site().pages().stream()).forEach(d -> bySource.put(d.source(), d));
        List<Sourced> ordered = new ArrayList<>(bySource.size());
        List<TextFile> posts = tree.posts();
        List<TextFile> pages = tree.pages();
        for (int i = 0, j = 0; i < posts.size() || j < pages.size(); ) {
            boolean post = j == pages.size() || i < posts.size() && key(posts.get(i)).compareTo(key(pages.get(j))) < 0;
            TextFile file = post ? posts.get(i++) : pages.get(j++);
            Document doc = bySource.remove(file.relativePath());
            if (doc != null) {
                ordered.add(new Sourced(doc, file.text()));
            }
        }
        if (!bySource.isEmpty()) { // a document of no scanned source: never made today, but then sort them all
            bySource.values().forEach(doc -> ordered.add(new Sourced(doc, null)));
            ordered.sort(Comparator.comparing(s -> key(s.doc().source())));
        }
        return ordered;
    }

    private static String key(TextFile file) {
        return key(file.relativePath());
    }

    private static String key(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String inContent(Path relative) {
        return relative.getNameCount() < 2 ? "" : relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
    }

    private static List<Use> shownBy(Document doc, Key key) {
        List<Use> uses = new ArrayList<>();
        String background = UrlText.sitePath(doc.background(), "");
        if (background != null) {
            uses.add(new Use(background, keyPosition(doc.source(), key.text(), "background")));
        }
        String html = doc.content().html();
        if (!mayHoldImg(html)) {
            return uses;
        }
        for (ImageTags.Tag tag : ImageTags.in(html)) {
            String path = UrlText.sitePath(tag.attribute("src"), key.siteUrl(), key.baseurl());
            if (path != null) {
                uses.add(new Use(path, usedAt(doc, path, key)));
            }
        }
        return uses;
    }

    /**
     * Where the document shows the image at {@code path}: the first link to it, written as its site path or relative to
     * the document's folder ({@code cat.jpg} beside a post, {@code ../img/cat.jpg}, as compile/PostFiles reads them).
     */
    private static SourcePosition usedAt(Document doc, String path, Key key) {
        String inContent = doc.content().files().getOrDefault(path, path.substring(1));
        Path folder = doc.source().getParent();
        for (Document.Link link : doc.content().links()) {
            if (path.equals(UrlText.sitePath(link.url(), "")) || UrlText.hasScheme(link.url())
                    && path.equals(UrlText.sitePath(link.url(), key.siteUrl(), key.baseurl()))) {
                return link.position();
            }
            if (folder != null && inContent.equals(relativeTarget(folder, link.url()))) {
                return link.position();
            }
        }
        return SourcePosition.startOf(doc.source());
    }

    /** The file under content/ a relative link from {@code folder} names, else null (an absolute URL, another host). */
    private static String relativeTarget(Path folder, String url) {
        String relative = UrlText.decode(url.replaceFirst("[?#].*", ""));
        if (relative == null || relative.isEmpty() || relative.startsWith("/") || relative.contains(":")) {
            return null;
        }
        try {
            return inContent(folder.resolve(relative).normalize());
        } catch (InvalidPathException e) {
            return null; // a character no path may hold: no file of the site
        }
    }

    /** Whether an {@code <img} tag, in any case, is in the HTML: one pass over it (two searches were 1.5% of a 10,000-post build). */
    private static boolean mayHoldImg(String html) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i + 1, "img", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImage(SourceFile file) {
        if (file == null) {
            return false;
        }
        String name = file.relativePath().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Where a front matter key's value starts ({@code background: /img/x.jpg}), else the file's start. */
    private static SourcePosition keyPosition(Path file, String text, String key) {
        if (text != null) {
            int at = text.startsWith(key + ":") ? 0 : text.indexOf("\n" + key + ":");
            if (at >= 0) {
                int value = at == 0 ? key.length() + 1 : at + key.length() + 2;
                while (value < text.length() && text.charAt(value) == ' ') {
                    value++;
                }
                return SourcePosition.at(file, text, value);
            }
        }
        return SourcePosition.startOf(file);
    }
}
