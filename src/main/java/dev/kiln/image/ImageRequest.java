package dev.kiln.image;

import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;

/**
 * A local image a page shows: its site path ({@code /img/photo.jpg}), the file relative to the site
 * root ({@code content/img/photo.jpg}) and on disk, where it is first used, for errors about it, and whether its
 * copies' names hold its extension ({@code photo-jpg-640w.jpg}: a {@code photo.png} or {@code photo-640w.jpg} is beside it).
 */
public record ImageRequest(String sitePath, Path source, Path file, SourcePosition usedAt, boolean copiesNamedWithExtension) {}
