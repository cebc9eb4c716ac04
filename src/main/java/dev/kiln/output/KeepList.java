package dev.kiln.output;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code keep:} patterns of site.yml: files of the output folder that Kiln neither removes nor
 * replaces, even those it wrote itself in an earlier build. {@code *} matches within a folder name,
 * {@code **} across folders, {@code ?} one character; a pattern that names a folder keeps all in it.
 */
final class KeepList {
    private final List<Pattern> patterns;

    KeepList(List<String> globs) {
        this.patterns = globs.stream().map(KeepList::compile).toList();
    }

    boolean keeps(String path) {
        for (String at = path; ; at = at.substring(0, at.lastIndexOf('/'))) {
            String candidate = at;
            if (patterns.stream().anyMatch(p -> p.matcher(candidate).matches())) {
                return true;
            }
            if (at.lastIndexOf('/') < 0) {
                return false;
            }
        }
    }

    private static Pattern compile(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        while (g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
