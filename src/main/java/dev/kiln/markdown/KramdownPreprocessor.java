package dev.kiln.markdown;

import dev.kiln.text.EditedText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kramdown block syntax flexmark has no parser for, handled on the text before it is parsed (outside
 * fenced code; indented code cannot match, these must start within three spaces):
 * attribute list definitions ({@code {:name: .class #id}}, collected and removed), extensions
 * ({@code {::comment}…{:/comment}} and {@code {::options … /}}, removed), and HTML blocks with
 * {@code markdown="1"}, whose content is made Markdown by blank lines inside the tags (the attribute
 * itself is dropped: it is not HTML). The result maps every position back to the text as written.
 */
final class KramdownPreprocessor {
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");
    private static final Pattern DEFINITION = Pattern.compile(" {0,3}\\{:([A-Za-z_][\\w-]*):(.*)\\}\\s*");
    private static final Pattern OPTIONS = Pattern.compile("\\{::options\\b[^}]*/\\}");
    private static final Pattern COMMENT = Pattern.compile("\\{::comment\\}");
    private static final Pattern COMMENT_END = Pattern.compile("\\{:/(comment)?\\}");
    private static final Pattern MARKDOWN_BLOCK = Pattern.compile(
            " {0,3}<([A-Za-z][A-Za-z0-9-]*)\\b[^>]*?(\\s+markdown\\s*=\\s*(\"[^\"]*\"|'[^']*'|[\\w]+))[^>]*>\\s*");

    /** The text to parse and the attribute list definitions found, by name. */
    record Result(EditedText text, Map<String, String> definitions) {}

    /** True when the text holds none of this syntax: it is parsed as it is. */
    static boolean needless(String markdown) {
        return !markdown.contains("{:") && !markdown.contains("markdown=");
    }

    Result process(String markdown) {
        EditedText.Builder out = EditedText.from(markdown);
        Map<String, String> definitions = new LinkedHashMap<>();
        String fence = null;
        // The markdown="1" blocks open around this line, innermost last, with how deep their tag is nested.
        java.util.ArrayDeque<OpenBlock> open = new java.util.ArrayDeque<>();
        int lineStart = 0;
        while (lineStart < markdown.length()) {
            int newline = markdown.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? markdown.length() : newline;
            int next = newline < 0 ? markdown.length() : newline + 1;
            String line = markdown.substring(lineStart, lineEnd);
            Matcher m;
            if (fence != null) {
                String stripped = line.strip();
                char fenceChar = fence.charAt(0);
                if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fenceChar)) {
                    fence = null;
                }
                out.copy(lineStart, next);
            } else if ((m = FENCE.matcher(line)).matches()) {
                fence = m.group(1);
                out.copy(lineStart, next);
            } else if ((m = DEFINITION.matcher(line)).matches()) {
                definitions.put(m.group(1), m.group(2));
                out.copy(lineEnd, next);
            } else if ((m = MARKDOWN_BLOCK.matcher(line)).matches()) {
                String value = m.group(3).replaceAll("[\"']", "");
                out.copy(lineStart, lineStart + m.start(2)).copy(lineStart + m.end(2), lineEnd);
                for (OpenBlock block : open) {
                    block.depth += depthChange(line, block.tag);
                }
                if (!value.equals("0")) {
                    // A blank line ends the HTML block, so what follows is Markdown up to the closing tag.
                    out.insert("\n", lineEnd);
                    open.addLast(new OpenBlock(m.group(1)));
                }
                out.copy(lineEnd, next);
            } else if (!open.isEmpty() && closingTag(line, open.getLast().tag, open.getLast().depth) >= 0) {
                OpenBlock block = open.removeLast();
                int close = closingTag(line, block.tag, block.depth);
                for (OpenBlock outer : open) {
                    outer.depth += depthChange(line, outer.tag);
                }
                int at = lineStart + close;
                extensions(markdown, out, lineStart, at);
                // A blank line before the closing tag ends the Markdown: the tag is HTML again.
                out.insert(line.substring(0, close).isBlank() ? "\n" : "\n\n", at);
                out.copy(at, next);
            } else {
                for (OpenBlock block : open) {
                    block.depth += depthChange(line, block.tag);
                }
                next = line.contains("{::") ? extensions(markdown, out, lineStart, next) : copy(out, lineStart, next);
            }
            lineStart = next;
        }
        return new Result(out.build(), definitions);
    }

    /**
     * Copies {@code markdown[from, to)} without kramdown comments and options; a comment may run past
     * {@code to}, and the returned offset is where copying stopped (the start of the next line).
     */
    private static int extensions(String markdown, EditedText.Builder out, int from, int to) {
        int position = from;
        while (position < to) {
            Matcher comment = COMMENT.matcher(markdown).region(position, to);
            Matcher options = OPTIONS.matcher(markdown).region(position, to);
            boolean isComment = comment.find();
            boolean isOptions = options.find();
            if (!isComment && !isOptions) {
                break;
            }
            if (isOptions && (!isComment || options.start() < comment.start())) {
                out.copy(position, options.start());
                position = options.end();
                continue;
            }
            out.copy(position, comment.start());
            Matcher end = COMMENT_END.matcher(markdown).region(comment.end(), markdown.length());
            if (!end.find()) {
                return markdown.length(); // kramdown: an unclosed comment runs to the end
            }
            position = end.end();
            if (position > to) {
                int newline = markdown.indexOf('\n', position);
                to = newline < 0 ? markdown.length() : newline + 1;
            }
        }
        out.copy(position, to);
        return to;
    }

    private static int copy(EditedText.Builder out, int from, int to) {
        out.copy(from, to);
        return to;
    }

    /** A markdown="1" block not closed yet; {@code depth} counts its tag name's nesting (a div in a div). */
    private static final class OpenBlock {
        private final String tag;
        private int depth = 1;

        OpenBlock(String tag) {
            this.tag = tag;
        }
    }

    /** The index in {@code line} of the {@code </tag>} that closes the block open at {@code depth}, or -1. */
    private static int closingTag(String line, String tag, int depth) {
        Matcher m = Pattern.compile("<(/?)" + tag + "\\b", Pattern.CASE_INSENSITIVE).matcher(line);
        while (m.find()) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return m.start();
            }
        }
        return -1;
    }

    private static int depthChange(String line, String tag) {
        Matcher m = Pattern.compile("<(/?)" + tag + "\\b", Pattern.CASE_INSENSITIVE).matcher(line);
        int change = 0;
        while (m.find()) {
            change += m.group(1).isEmpty() ? 1 : -1;
        }
        return change;
    }
}
