package dev.kiln.text;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A relative link to a Markdown file, as GitHub follows them between {@code .md} files:
 * {@code images.md}, {@code ../about.md#contact}. {@code path} is the file's path as written, its
 * escapes decoded; {@code rest} is the query and fragment as written ({@code #contact}), or "".
 */
public record MarkdownLink(String path, String rest) {

    /** The link's parts, or null when {@code href} is not a relative link to a {@code .md} or {@code .markdown} file. */
    public static MarkdownLink of(String href) {
        if (href.isEmpty() || "/#?".indexOf(href.charAt(0)) >= 0 || UrlText.hasScheme(href)) {
            return null;
        }
        int end = href.length();
        for (int i = 0; i < href.length(); i++) {
            if (href.charAt(i) == '?' || href.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        String path = href.substring(0, end);
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".md") && !lower.endsWith(".markdown")) {
            return null;
        }
        String decoded = UrlText.decode(path);
        return decoded == null ? null : new MarkdownLink(decoded, href.substring(end));
    }

    /**
     * The file the link names, as a path under content/, from the source it is written in
     * ({@code guide/images.md} from {@code content/guide/a.md}); null when it leads out of content/.
     */
    public String inContent(Path source) {
        if (source.getNameCount() < 2 || !source.getName(0).toString().equals("content")) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (int i = 1; i < source.getNameCount() - 1; i++) {
            segments.addLast(source.getName(i).toString());
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }
}
