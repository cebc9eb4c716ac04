package dev.kiln.scaffold;

import dev.kiln.compile.SourceCompiler;
import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteConfigReader;
import dev.kiln.model.Slugs;
import dev.kiln.model.SourceResult;
import dev.kiln.model.SourceSettings;
import dev.kiln.source.TextFile;
import dev.kiln.text.YamlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code kiln new post "My title"}: writes {@code content/posts/YYYY-MM-DD-my-title.md}, dated now in
 * the site's time zone, and works out the URL it will have with the same readers a build uses.
 */
public final class PostScaffold {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    /** The post written: its path relative to the site root and the URL it will have (baseurl included). */
    public record NewPost(String path, String url) {}

    /** Why no post was written: problems in site.yml, a title without letters, or a file already there. */
    public static final class NotWrittenException extends Exception {
        private final List<Diagnostic> diagnostics;

        NotWrittenException(String message, List<Diagnostic> diagnostics) {
            super(message);
            this.diagnostics = List.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    public NewPost create(Path root, String title, List<String> tags, boolean draft, Instant now)
            throws IOException, NotWrittenException {
        Diagnostics diagnostics = new Diagnostics();
        Path configFile = root.resolve(SiteConfigReader.FILE);
        SiteConfig config = new SiteConfigReader().read(
                Files.isRegularFile(configFile) ? Files.readString(configFile, StandardCharsets.UTF_8) : null, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new NotWrittenException(SiteConfigReader.FILE_NAME + " has errors", diagnostics.sorted());
        }
        String slug = Slugs.slugify(title);
        if (slug.isEmpty()) {
            throw new NotWrittenException("cannot make a file name from the title '" + title + "': it has no letters or digits",
                    List.of());
        }
        ZonedDateTime date = ZonedDateTime.ofInstant(now, config.timezone());
        String name = "content/posts/" + date.toLocalDate() + "-" + slug + ".md";
        Path file = root.resolve(name);
        if (Files.exists(file)) {
            throw new NotWrittenException(name + " already exists; nothing was overwritten", List.of());
        }
        String text = "---\ntitle: " + YamlText.quoted(title) + "\ndate: " + DATE.format(date) + "\n"
                + (tags.isEmpty() ? "" : "tags: [" + tags.stream().map(YamlText::quoted).collect(Collectors.joining(", ")) + "]\n")
                + (draft ? "draft: true\n" : "") + "---\n\nWrite the first paragraph here: it is the excerpt on the home page.\n";
        // Read as a build reads it; a new post asks nothing of the rest of the site.
        SourceResult post = SourceCompiler.compile(new SourceCompiler.MarkdownSource(new TextFile(Path.of(name), text), true),
                SourceSettings.of(config), (kind, key) -> null).result();
        post.diagnostics().forEach(diagnostics::add);
        if (!post.usable() || diagnostics.hasErrors()) {
            throw new NotWrittenException("the new post would not build", diagnostics.sorted());
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new NewPost(name, config.baseurl() + post.frontMatter().url());
    }
}
