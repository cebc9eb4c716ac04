package dev.kiln.preview;

import java.nio.file.Path;

/**
 * What {@code kiln serve} was asked for: the site folder, where to listen (port 0: any free port),
 * and whether broken internal links are errors, as in {@code kiln build}.
 */
public record PreviewSettings(Path root, String host, int port, boolean checkLinks) {}
