package dev.kiln.jekyll;

import dev.kiln.model.SiteUrls;
import dev.kiln.model.Slugs;
import dev.kiln.text.UrlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links to a tag or category as an anchor of one index page, as Jekyll themes write them: {@code /tags/#java},
 * {@code {{ site.baseurl }}/categories/#code}, {@code {{ '/tag/' | relative_url }}#x}, {@code /tags.html#java}. Kiln
 * has a page per tag ({@code /tags/SLUG/}) and no anchor per tag on its index, so such a link leads to the tag's page,
 * its prefix (a baseurl as written) kept. Only links the import sees whole are rewritten, where a link can be (a
 * Markdown link's or reference's destination, an attribute), never in code, Liquid comments or HTML comments; an anchor
 * built by Liquid ({@code #{{ tag | slugify }}}) is left to the author.
 */
final class TagAnchors {
    /** Where a link starts: a Markdown link's or reference's destination, or an attribute's value. */
    private static final String START = "(?<=\\]\\(<?|[\"'=]|\\]:[ \\t]{1,20}<?)";
    /** The anchor, written whole: a Liquid tag after it means the import cannot see it. */
    private static final String ANCHOR = "#(?<anchor>[^\\s\"'()<>{}#\\\\]+)(?=[\\s\"')>]|$)";
    /** Code, Liquid comments and raw blocks, and HTML comments: what readers do not get as a link. */
    private static final List<Pattern> NOT_LINKS = List.of(
            Pattern.compile("(?s)\\{%-?\\s*(raw|comment|highlight)\\b.*?\\{%-?\\s*end\\1\\s*-?%\\}"),
            Pattern.compile("(?s)<!--.*?-->"),
            Pattern.compile("(?is)<(pre|code)\\b.*?</\\1\\s*>"));
    /** Markdown's fenced code, to its closing fence or the end. */
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t>]*(`{3,}|~{3,}).*\\n(?s:.*?)(?:^[ \\t>]*\\1[`~]*[ \\t]*$|\\z)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?!`)(?s:.+?)(?<!`)\\1(?!`)");

    private TagAnchors() {}

    /**
     * The site the links lead into.
     *
     * @param tags the slugs of the tags Kiln makes a page for
     * @param categories the slugs of the categories Kiln makes a page for
     * @param pages the imported pages' URLs, Kiln's and Jekyll's ({@link #indexKey} of each): an anchor on one of them is its own
     * @param url the site's address as written in links, or ""
     * @param baseurl the site's sub-path as written in links, or ""
     */
    record Site(Set<String> tags, Set<String> categories, Set<String> pages, String url, String baseurl) {}

    /** A link rewritten: as written, and as it now is. */
    record Rewritten(String from, String to) {}

    /** A link to a tag or category no listed post has: left as written, at its 1-based line and column. */
    record Left(int line, int column, String link, String name, boolean category) {}

    record Result(String text, List<Rewritten> rewritten, List<Left> left) {}

    /**
     * Rewrites the links of {@code text} after {@code bodyStart} (its front matter's end).
     *
     * @param markdown whether the text is Markdown, whose code spans and fences are skipped too
     */
    static Result rewrite(String text, int bodyStart, boolean markdown, Site site) {
        Matcher m = pattern(site).matcher(masked(text, bodyStart, markdown));
        StringBuilder out = new StringBuilder();
        List<Rewritten> rewritten = new ArrayList<>();
        List<Left> left = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            boolean liquid = m.group("liquid") != null;
            String path = liquid ? m.group("lpath") : m.group("path");
            boolean category = (liquid ? m.group("lkind") : m.group("kind")).startsWith("categor");
            String name = UrlText.decode(m.group("anchor"));
            if (name == null || site.pages().contains(indexKey(path))) {
                continue; // a page of the site is there, with its own anchors
            }
            String slug = Slugs.slugOrCodePoints(name);
            if (!(category ? site.categories() : site.tags()).contains(slug)) {
                int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
                left.add(new Left((int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1,
                        text.codePointCount(lineStart, m.start()) + 1, text.substring(m.start(), m.end()), name, category));
                continue;
            }
            String page = category ? SiteUrls.category(slug) : SiteUrls.tag(slug);
            String link = liquid ? text.substring(m.start(), m.start("lpath")) + page + text.substring(m.end("lpath"), m.end("liquid"))
                    : text.substring(m.start(), m.start("path")) + page;
            out.append(text, last, m.start()).append(link);
            last = m.end();
            rewritten.add(new Rewritten(text.substring(m.start(), m.end()), link));
        }
        return new Result(rewritten.isEmpty() ? text : out.append(text.substring(last)).toString(), rewritten, left);
    }

    /** A URL of an index page as one key, whichever way it is written: /tags/, /tags/index.html, /tags.html and /tags are /tags. */
    static String indexKey(String url) {
        String key = url.endsWith("index.html") ? url.substring(0, url.length() - "index.html".length()) : url;
        key = key.endsWith(".html") ? key.substring(0, key.length() - ".html".length()) : key;
        return key.endsWith("/") && key.length() > 1 ? key.substring(0, key.length() - 1) : key;
    }

    private static Pattern pattern(Site site) {
        StringBuilder prefix = new StringBuilder("\\{\\{-?\\s*site\\.(?:url|baseurl)\\s*-?\\}\\}");
        for (String literal : List.of(site.url(), site.baseurl())) {
            if (!literal.isEmpty()) {
                prefix.append('|').append(Pattern.quote(literal));
            }
        }
        return Pattern.compile(START + "(?:(?<liquid>\\{\\{-?\\s*(?<q>[\"'])(?<lpath>" + index("lkind") + ")\\k<q>\\s*\\|\\s*"
                + "(?:relative|absolute)_url\\s*-?\\}\\})|(?:" + prefix + ")*(?<path>" + index("kind") + "))" + ANCHOR);
    }

    /** A tag or category index at the top of the site, as themes name it. */
    private static String index(String kind) {
        return "/(?<" + kind + ">tags?|categor(?:y|ies))(?:/index\\.html|\\.html|/)?";
    }

    /** The text with its front matter and all that is not a link (code, comments) blanked out, each offset where it was. */
    private static String masked(String text, int bodyStart, boolean markdown) {
        char[] chars = text.toCharArray();
        Arrays.fill(chars, 0, bodyStart, ' ');
        List<Pattern> patterns = new ArrayList<>();
        if (markdown) {
            patterns.add(FENCE);
        }
        patterns.addAll(NOT_LINKS);
        if (markdown) {
            patterns.add(CODE_SPAN); // last: a backtick inside a fence or a comment opens no span
        }
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(new String(chars));
            while (m.find()) {
                for (int i = m.start(); i < m.end(); i++) {
                    chars[i] = chars[i] == '\n' ? '\n' : ' ';
                }
            }
        }
        return new String(chars);
    }
}
