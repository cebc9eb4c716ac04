package dev.kiln.build;

import dev.kiln.liquid.LiquidRenderer;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.model.SiteConfig;
import dev.kiln.source.SourceFile;
import dev.kiln.source.TextFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a post's Liquid can ask of the site, answered from this build's front matter, files and
 * site.yml: post URLs by file name ({@code 2019-03-12-name}, or with its folder under posts/), file
 * URLs by path under content/ (Jekyll's {@code _posts/} and {@code _drafts/} meaning posts/), includes by name.
 */
final class SiteFacts implements SiteLookup {
    private static final Pattern EXTENSION = Pattern.compile("\\.[^./]+$");
    private final SiteConfig config;
    private final List<Written> written;
    private final List<SourceFile> staticFiles;
    private final List<TextFile> includeFiles;
    /** Worked out on the first question: most builds of a preview ask none (no source changed that holds Liquid). */
    private volatile Answers answers;

    /** A Markdown source whose front matter could be read, and the URL it gave it. */
    record Written(Path path, boolean isPost, String url) {}

    private record Answers(Map<String, String> postUrls, Map<String, String> fileUrls, Map<String, String> includes) {}

    SiteFacts(SiteConfig config, List<Written> written, List<SourceFile> staticFiles, List<TextFile> includeFiles) {
        this.config = config;
        this.written = written;
        this.staticFiles = staticFiles;
        this.includeFiles = includeFiles;
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

    private Answers answer() {
        Map<String, String> postUrls = new HashMap<>();
        Map<String, String> fileUrls = new HashMap<>();
        Map<String, String> includes = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (Written w : written) {
            String inContent = inContent(w.path());
            fileUrls.put(inContent, w.url());
            if (w.isPost()) {
                String inPosts = EXTENSION.matcher(inContent.substring("posts/".length())).replaceFirst("");
                postUrls.put(inPosts, w.url());
                String name = inPosts.substring(inPosts.lastIndexOf('/') + 1);
                // Sources come sorted, so a name two folders share resolves the same way in every build.
                byName.putIfAbsent(name, w.url());
            }
        }
        byName.forEach(postUrls::putIfAbsent);
        for (SourceFile file : staticFiles) {
            String inContent = inContent(file.relativePath());
            fileUrls.put(inContent, "/" + inContent);
        }
        Path includesFolder = Path.of(LiquidRenderer.INCLUDES);
        for (TextFile file : includeFiles) {
            includes.put(includesFolder.relativize(file.relativePath()).toString().replace('\\', '/'), file.text());
        }
        return new Answers(postUrls, fileUrls, includes);
    }

    private static String inContent(Path relative) {
        return relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
    }

    @Override
    public String resolve(Kind kind, String key) {
        return switch (kind) {
            case SITE_VARIABLE -> switch (key) {
                case "title" -> config.title();
                case "description" -> config.description();
                case "author" -> config.author();
                case "url" -> config.url();
                case "baseurl" -> config.baseurl();
                default -> null;
            };
            case POST_URL -> answers().postUrls().get(key);
            case LINK -> answers().fileUrls().get(key.replaceFirst("^_(posts|drafts)/", "posts/"));
            case INCLUDE -> answers().includes().get(key);
        };
    }
}
