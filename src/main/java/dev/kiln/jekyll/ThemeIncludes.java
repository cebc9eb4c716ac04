package dev.kiln.jekyll;

import java.util.Map;

/**
 * Includes that a Jekyll theme gem gave the site, so that its _includes/ lacks them: the import writes
 * a stand-in for each, Kiln's own Liquid for the markup of the themes' includes that posts use most (minima's, the
 * default theme's, and Minimal Mistakes': a post's figures, galleries and videos are its content), and an
 * empty file for the others (listed under "To check").
 */
final class ThemeIncludes {
    private static final String MINIMA = "minima's";
    private static final String MINIMAL_MISTAKES = "Minimal Mistakes'";

    /** Minimal Mistakes' caption: Markdown on one line, without the paragraph around it. */
    private static final String CAPTION = "{% if include.caption %}<figcaption>{{ include.caption | markdownify | remove: \"<p>\""
            + " | remove: \"</p>\" | strip }}</figcaption>{% endif %}";

    private static final Map<String, StandIn> KNOWN = Map.of(
            // minima 2.5's profile links: its link and user name, without the icon (an SVG of its own)
            "icon-github.html", new StandIn(MINIMA, profile("https://github.com/", "github")),
            "icon-twitter.html", new StandIn(MINIMA, profile("https://twitter.com/", "twitter")),
            // Minimal Mistakes 4: an image with its caption (popup: a link to the image), a gallery of page.gallery (or of
            // page[id]) in halves or thirds, a video of YouTube, Vimeo or Google Drive, kramdown's table of contents
            "figure", new StandIn(MINIMAL_MISTAKES, written("figure")
                    + "<figure class=\"{{ include.class }}\">{% if include.popup %}<a href=\"{{ include.image_path | relative_url }}\""
                    + " class=\"image-popup\">{% endif %}<img src=\"{{ include.image_path | relative_url }}\" alt=\"{{ include.alt"
                    + " | escape_once }}\">{% if include.popup %}</a>{% endif %}" + CAPTION + "</figure>\n"),
            "gallery", new StandIn(MINIMAL_MISTAKES, written("gallery")
                    + "{% if include.id %}{% assign images = page[include.id] %}{% else %}{% assign images = page.gallery %}{% endif %}"
                    + "<figure class=\"{% if images.size == 2 %}half{% elsif images.size > 2 %}third{% endif %} {{ include.class }}\">"
                    + "{% for image in images %}{% if image.url %}<a href=\"{{ image.url | relative_url }}\"{% if image.title %}"
                    + " title=\"{{ image.title }}\"{% endif %}>{% endif %}<img src=\"{{ image.image_path | relative_url }}\""
                    + " alt=\"{{ image.alt }}\">{% if image.url %}</a>{% endif %}{% endfor %}" + CAPTION + "</figure>\n"),
            "video", new StandIn(MINIMAL_MISTAKES, written("video")
                    + "<div class=\"responsive-video-container\">{% case include.provider %}"
                    + "{% when \"youtube\" %}<iframe src=\"https://www.youtube-nocookie.com/embed/{{ include.id }}\" frameborder=\"0\""
                    + " allowfullscreen></iframe>"
                    + "{% when \"vimeo\" %}<iframe src=\"https://player.vimeo.com/video/{{ include.id }}?dnt=true\" frameborder=\"0\""
                    + " allowfullscreen></iframe>"
                    + "{% when \"google-drive\" %}<iframe src=\"https://drive.google.com/file/d/{{ include.id }}/preview\""
                    + " frameborder=\"0\" allowfullscreen></iframe>{% endcase %}</div>\n"),
            "toc", new StandIn(MINIMAL_MISTAKES, written("toc")
                    + "<aside class=\"sidebar__right\">\n<nav class=\"toc\" markdown=\"1\">\n<header><h4 class=\"nav__title\">"
                    + "{{ include.title | default: \"On this page\" }}</h4></header>\n* the headings of the page\n{:toc .toc__menu}\n"
                    + "</nav>\n</aside>\n"));

    /** A theme's include as Kiln writes it: the theme's name, and the Liquid. */
    private record StandIn(String theme, String text) {}

    private ThemeIncludes() {}

    static boolean known(String name) {
        return KNOWN.containsKey(name);
    }

    /** Whose include {@code name} is, for the report ("minima's"), or null for an include Kiln does not know. */
    static String theme(String name) {
        StandIn standIn = KNOWN.get(name);
        return standIn == null ? null : standIn.theme();
    }

    static String standIn(String name) {
        StandIn standIn = KNOWN.get(name);
        return standIn == null ? "" : standIn.text();
    }

    private static String written(String include) {
        return "{% comment %}Written by kiln import jekyll for Minimal Mistakes' " + include + " include, which the theme gave Jekyll."
                + "{% endcomment %}";
    }

    private static String profile(String site, String icon) {
        return "{% comment %}Written by kiln import jekyll for minima's " + "icon-" + icon + ".html, which the theme gem gave Jekyll."
                + "{% endcomment %}<a href=\"" + site + "{{ include.username }}\"><span class=\"username\">{{ include.username }}</span></a>\n";
    }
}
