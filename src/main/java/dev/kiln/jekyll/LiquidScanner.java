package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Liquid in a post or page: which files it includes, and which tags and variables Kiln's
 * Markdown stage cannot translate (the build reports those at their position, so the import names
 * them first). Text inside {@code {% raw %}} is not Liquid.
 */
final class LiquidScanner {
    /** The tags Kiln's Markdown stage translates. */
    static final Set<String> TRANSLATED = Set.of("highlight", "endhighlight", "raw", "endraw", "post_url", "link", "include");
    private static final Pattern LIQUID = Pattern.compile("\\{%-?\\s*(\\w+)([^%]*?)-?%\\}|\\{\\{-?\\s*(.*?)\\s*-?\\}\\}", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("(site|page)(\\.[A-Za-z_][\\w-]*)+");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%\\}");

    /** A piece of Liquid Kiln cannot translate, at its 1-based line in the body. */
    record Untranslated(int line, String text) {}

    /** What a body holds: files it includes (names under _includes/) and Liquid left to the author. */
    record Scan(Set<String> includes, List<Untranslated> untranslated) {}

    Scan scan(String body) {
        Set<String> includes = new TreeSet<>();
        List<Untranslated> untranslated = new ArrayList<>();
        Matcher m = LIQUID.matcher(body);
        int from = 0;
        while (from < body.length() && m.find(from)) {
            from = m.end();
            if (m.group(1) != null) {
                String tag = m.group(1);
                if (tag.equals("raw")) {
                    Matcher end = END_RAW.matcher(body);
                    from = end.find(m.end()) ? end.end() : body.length();
                } else if (tag.equals("include")) {
                    String[] words = m.group(2).strip().split("\\s+");
                    if (!words[0].isEmpty() && !words[0].contains("{{")) {
                        includes.add(words[0]);
                    }
                } else if (!TRANSLATED.contains(tag)) {
                    untranslated.add(new Untranslated(line(body, m.start()), "{% " + tag + " %}"));
                }
            } else if (!VARIABLE.matcher(m.group(3)).matches()) {
                untranslated.add(new Untranslated(line(body, m.start()), m.group().replaceAll("\\s+", " ")));
            }
        }
        return new Scan(includes, untranslated);
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
