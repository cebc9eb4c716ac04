package dev.kiln.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a build reads, before any parsing: the site config, Markdown posts and pages, files
 * copied as they are, the theme (the site's templates/ over the bundled theme, file by file), and the
 * files Markdown may include ({@code templates/includes/}, the site's own only), by name, and the data
 * files of {@code content/_data/}. Posts and pages are each in the order of their paths (with '/' between
 * names), which later stages rely on for a deterministic order without sorting again.
 */
public record SourceTree(
        Path root,
        Optional<TextFile> siteConfig,
        List<TextFile> posts,
        List<TextFile> pages,
        List<SourceFile> staticFiles,
        List<ThemeFile> templates,
        List<ThemeFile> themeAssets,
        List<TextFile> includes,
        List<TextFile> data) {}
