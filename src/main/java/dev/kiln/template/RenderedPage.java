package dev.kiln.template;

import dev.kiln.diag.SourcePosition;

/** A generated file: where it goes in the output, its text, and the source that asked for it. */
public record RenderedPage(String outputPath, String text, SourcePosition origin) {}
