package dev.kiln.source;

import java.nio.file.Path;

/** A file of the site: its path relative to the site root (for messages) and where it is on disk. */
public record SourceFile(Path relativePath, Path file) {}
