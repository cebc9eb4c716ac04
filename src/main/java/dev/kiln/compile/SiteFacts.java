package dev.kiln.compile;

import dev.kiln.liquid.LiquidRenderer;
import dev.kiln.liquid.LiquidVariables;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.model.FrontMatter;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.Visibility;
import dev.kiln.source.SourceFile;
import dev.kiln.source.TextFile;
import dev.kiln.text.AccentEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a post's Liquid can ask of the site, answered from this build's front matter, files and
 * site.yml: post URLs by file name ({@code 2019-03-12-name}, or with its folder under posts/), file
 * URLs by path under content/ (Jekyll's {@code _posts/} and {@code _drafts/} meaning posts/), includes
 * by name, and the {@code site.*} variables Jekyll gives content ({@code site.posts}, {@code site.tags}, …).
 */
public final class SiteFacts implements SiteLookup {
    private static final Pattern EXTENSION = Pattern.compile("\\.[^./]+$");
    /** The largest file include_relative takes as text: a code sample, not a data dump. */
    private static final long MAX_INCLUDED = 1 << 20;
    private final SiteConfig config;
    private final List<Written> written;
    private final List<SourceFile> staticFiles;
    private final List<TextFile> includeFiles;
    private final Visibility visibility;
    private final UnaryOperator<String> markdownify;
    private final Map<String, Object> data;
    /** Worked out on the first question: most builds of a preview ask none (no source changed that holds Liquid). */
    private volatile Answers answers;
    /**
     * The static files of content/ by their paths with accents composed (null for one two files share), made at the first
     * link that names no file and holds an accented letter: most builds have none.
     */
    private volatile Map<String, String> byComposedPath;

    /** A Markdown source whose front matter could be read: its path, text and front matter. */
    public record Written(Path path, boolean isPost, String text, FrontMatter front) {}

    private record Answers(Map<String, String> postUrls, Map<String, String> fileUrls, Map<String, String> includes,
                           Map<String, String> texts, LiquidVariables.Site site) {}

    public SiteFacts(SiteConfig config, List<Written> written, List<SourceFile> staticFiles, List<TextFile> includeFiles,
              Map<String, Object> data, Visibility visibility, UnaryOperator<String> markdownify) {
        this.config = config;
        this.written = written;
        this.staticFiles = staticFiles;
        this.includeFiles = includeFiles;
        this.visibility = visibility;
        this.markdownify = markdownify;
        this.data = data;
    }

    private Answers answers() {
        Answers known = answers;
        if (known == null) {
            synchronized (this) {
                known = answers;
                if (known == null) {
                    known = answer();
                    answers = known;
                }
            }
        }
        return known;
    }

    private Map<String, String> byComposedPath() {
        Map<String, String> known = byComposedPath;
        if (known == null) {
            synchronized (this) {
                known = byComposedPath;
                if (known == null) {
                    known = new HashMap<>();
                    for (SourceFile file : staticFiles) {
                        String inContent = inContent(file.relativePath());
                        String composed = AccentEncoding.composed(inContent);
                        known.put(composed, known.containsKey(composed) ? null : inContent); // two such files: which is meant is unknown
                    }
                    byComposedPath = known;
                }
            }
        }
        return known;
    }

    private Answers answer() {
        Map<String, String> postUrls = new HashMap<>();
        Map<String, String> fileUrls = new HashMap<>();
        Map<String, String> includes = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (Written w : written) {
            String inContent = inContent(w.path());
            fileUrls.put(inContent, w.front().url());
            texts.put(w.path().toString().replace('\\', '/'), w.text());
            if (w.isPost()) {
                String inPosts = EXTENSION.matcher(inContent.substring("posts/".length())).replaceFirst("");
                postUrls.put(inPosts, w.front().url());
                String name = inPosts.substring(inPosts.lastIndexOf('/') + 1);
                // Sources come sorted, so a name two folders share resolves the same way in every build.
                byName.putIfAbsent(name, w.front().url());
            }
        }
        byName.forEach(postUrls::putIfAbsent);
        for (SourceFile file : staticFiles) {
            String inContent = inContent(file.relativePath());
            fileUrls.put(inContent, SiteUrls.staticFile(inContent));
        }
        Path includesFolder = Path.of(LiquidRenderer.INCLUDES);
        for (TextFile file : includeFiles) {
            includes.put(includesFolder.relativize(file.relativePath()).toString().replace('\\', '/'), file.text());
        }
        Listed listed = listed(written, visibility);
        return new Answers(postUrls, fileUrls, includes, texts,
                LiquidVariables.site(config.params(), siteValues(), listed.posts(), listed.pages(), this::statics, data));
    }

    /** Liquid's {@code site.static_files}: each file's site path and its time on disk, in the site's time zone, as Jekyll's. */
    private List<LiquidVariables.StaticFile> statics() {
        List<LiquidVariables.StaticFile> statics = new ArrayList<>(staticFiles.size());
        for (SourceFile file : staticFiles) {
            OffsetDateTime modified;
            try {
                modified = Files.getLastModifiedTime(file.file()).toInstant().atZone(config.timezone()).toOffsetDateTime();
            } catch (IOException e) {
                modified = null; // gone since the scan: the next build will not list it
            }
            statics.add(new LiquidVariables.StaticFile(SiteUrls.staticFile(inContent(file.relativePath())), modified));
        }
        return statics;
    }

    /** Liquid's {@code site.posts}, oldest first, and {@code site.pages}, by path. */
    public record Listed(List<LiquidVariables.Source> posts, List<LiquidVariables.Source> pages) {}

    /** The posts and pages of {@code written} that a build under {@code visibility} lists in {@code site.posts} and {@code site.pages}. */
    public static Listed listed(List<Written> written, Visibility visibility) {
        List<LiquidVariables.Source> posts = new ArrayList<>();
        List<LiquidVariables.Source> pages = new ArrayList<>();
        for (Written w : written) {
            if (visible(w.front(), visibility)) {
                (w.isPost() ? posts : pages).add(source(w));
            }
        }
        posts.sort(Comparator.comparing(LiquidVariables.Source::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(s -> s.path().toString()));
        pages.sort(Comparator.comparing(s -> s.path().toString()));
        return new Listed(List.copyOf(posts), List.copyOf(pages));
    }

    /** The values site.yml gives that Kiln reads in its own way (a trailing slash dropped, a default filled in). */
    private Map<String, Object> siteValues() {
        Map<String, Object> values = new HashMap<>();
        // without url: in site.yml, empty, as jekyll build leaves it: {{ site.url }}{{ site.baseurl }}/img.png stays on the site
        // (Kiln's own absolute links, in feeds and the sitemap, still use its localhost default, with a warning)
        Object written = config.params().get("url");
        values.put("url", written == null || String.valueOf(written).isBlank() ? "" : config.url());
        values.put("baseurl", config.baseurl());
        values.put("title", config.title());
        if (config.description() != null) {
            values.put("description", config.description());
        }
        if (config.author() != null && !(config.params().get("author") instanceof Map)) {
            values.put("author", config.author());
        }
        values.put("timezone", config.timezone().getId());
        return values;
    }

    private static boolean visible(FrontMatter front, Visibility visibility) {
        boolean scheduled = front.date() != null && front.date().toInstant().isAfter(visibility.now());
        return (visibility.drafts() || !front.draft()) && (visibility.future() || !scheduled);
    }

    private static LiquidVariables.Source source(Written w) {
        FrontMatter f = w.front();
        return new LiquidVariables.Source(w.path(), w.isPost(), f.params(), f.title(), f.date(), f.url(), f.description(),
                f.tagNames());
    }

    /** The {@code page} variable of the source at {@code path}. */
    public static Map<String, Object> page(Written w) {
        return LiquidVariables.page(source(w));
    }

    private static String inContent(Path relative) {
        return relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
    }

    /**
     * The text {@code include_relative} takes from the file at {@code key}: a post's or page's, else a static file's (a code
     * sample beside the page, as Jekyll takes any file), read when asked; null when there is none or it is not UTF-8 text.
     */
    private String includedText(String key) {
        String text = answers().texts().get(key);
        if (text != null) {
            return text;
        }
        for (SourceFile file : staticFiles) {
            if (file.relativePath().toString().replace('\\', '/').equals(key)) {
                try {
                    return Files.size(file.file()) > MAX_INCLUDED ? null : StandardCharsets.UTF_8.newDecoder()
                            .decode(ByteBuffer.wrap(Files.readAllBytes(file.file()))).toString();
                } catch (IOException e) {
                    return null; // not UTF-8 (CharacterCodingException), or gone since the scan: reported as no such file
                }
            }
        }
        return null;
    }

    @Override
    public Object resolve(Kind kind, String key) {
        return switch (kind) {
            case SITE_VARIABLE -> answers().site().value(key);
            case POST_URL -> answers().postUrls().get(key);
            case LINK -> answers().fileUrls().get(key.replaceFirst("^_(posts|drafts)/", "posts/"));
            case LINK_ENCODED_OTHERWISE -> byComposedPath().get(AccentEncoding.composed(key));
            case INCLUDE -> answers().includes().get(key);
            case INCLUDE_RELATIVE -> key.startsWith("content/") ? includedText(key) : null;
            case NEIGHBOURS -> answers().site().neighbours(Path.of(key));
        };
    }

    @Override
    public String markdownify(String markdown) {
        return markdownify.apply(markdown);
    }
}
