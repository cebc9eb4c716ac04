package dev.kiln.frontmatter;

/**
 * A Markdown file split into its front matter and body. {@code bodyLine} is the 1-based file line
 * on which the body starts, so positions inside the body map back to the file.
 */
public record SourceDocument(YamlDocument frontMatter, String body, int bodyLine) {}
