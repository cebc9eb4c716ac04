package dev.kiln.source;

import java.nio.file.Path;

/** A decoded text source (Markdown, YAML, template): line ends normalised to \n, BOM removed. */
public record TextFile(Path relativePath, String text) {}
