package dev.kiln.image;

import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;

/**
 * A local image a page shows: its site path ({@code /img/photo.jpg}), the file relative to the site
 * root ({@code content/img/photo.jpg}) and on disk, and where it is first used, for errors about it.
 */
public record ImageRequest(String sitePath, Path source, Path file, SourcePosition usedAt) {}
