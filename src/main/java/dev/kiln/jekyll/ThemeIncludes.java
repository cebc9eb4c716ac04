package dev.kiln.jekyll;

import java.util.Map;

/**
 * Includes that a Jekyll theme gem gave the site, so that its _includes/ lacks them: the import writes
 * a stand-in for each, the markup of minima's (the default theme) for the ones pages use most, and an
 * empty file for the others (listed under "To check").
 */
final class ThemeIncludes {
    /** minima 2.5's profile links: its link and user name, without the icon (an SVG of its own). */
    private static final Map<String, String> MINIMA = Map.of(
            "icon-github.html", profile("https://github.com/", "github"),
            "icon-twitter.html", profile("https://twitter.com/", "twitter"));

    private ThemeIncludes() {}

    static boolean known(String name) {
        return MINIMA.containsKey(name);
    }

    static String standIn(String name) {
        return MINIMA.getOrDefault(name, "");
    }

    private static String profile(String site, String icon) {
        return "{% comment %}Written by kiln import jekyll for minima's " + "icon-" + icon + ".html, which the theme gem gave Jekyll."
                + "{% endcomment %}<a href=\"" + site + "{{ include.username }}\"><span class=\"username\">{{ include.username }}</span></a>\n";
    }
}
