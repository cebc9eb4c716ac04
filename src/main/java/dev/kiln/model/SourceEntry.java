package dev.kiln.model;

import dev.kiln.frontmatter.YamlDocument;
import java.nio.file.Path;

/** A Markdown source after stage 2: its front matter and its rendered body. */
public record SourceEntry(Path path, boolean isPost, YamlDocument frontMatter, Document.Content content) {}
