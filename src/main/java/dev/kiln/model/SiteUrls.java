package dev.kiln.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every rule by which a URL of the site is made, in one place: the route planner's. {@link RoutePlanner}
 * applies them to every route; the other stages read the URLs the plan holds ({@link Route#url},
 * {@link Document#url}, {@link Tag#url}) or, for a file the plan does not list (a static file, a theme asset,
 * an image's copy, a social card, an embed's thumbnail), ask here. A post's or page's own URL is decided here too, when its front matter is read
 * ({@link FrontMatterReader} asks {@link #slug} and {@link #document}), because Liquid's {@code post_url} and
 * the files beside a post need it before there is a plan. URLs are site-relative, without the baseurl.
 */
public final class SiteUrls {
    public static final String HOME = "/";
    public static final String ARCHIVE = "/posts/";
    public static final String TAGS = "/tags/";
    /** The category index, made only when a post has a category; each category's page is under it. */
    public static final String CATEGORIES = "/categories/";
    public static final String SERIES = "/series/";
    /** The search page, and the index its script loads (manual, "Search"). */
    public static final String SEARCH = "/search/";
    public static final String SEARCH_INDEX = "/search/index.json";
    public static final String NOT_FOUND = "/404.html";
    public static final String FEED = "/feed.xml";
    public static final String JSON_FEED = "/feed.json";
    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";
    /** Where the theme's {@code templates/assets/} are published. */
    public static final String ASSETS = "/assets";

    private SiteUrls() {}

    /** Page {@code n} of the home page's list of posts. */
    public static String home(int n) {
        return n == 1 ? HOME : "/page/" + n + "/";
    }

    /** Whether {@code url} is the home page or one of its further pages ({@code /page/2/}). */
    public static boolean isHomePage(String url) {
        return url.equals(HOME) || url.matches("/page/[1-9]\\d*/");
    }

    public static String tag(String slug) {
        return TAGS + slug + "/";
    }

    public static String category(String slug) {
        return CATEGORIES + slug + "/";
    }

    public static String series(String slug) {
        return SERIES + slug + "/";
    }

    /** The Atom feed of a tag's or a category's page. */
    public static String feedOf(String pageUrl) {
        return pageUrl + "feed.xml";
    }

    /** A file of content/ that is not Markdown, by its path under content/ ({@code img/cat.jpg} → {@code /img/cat.jpg}). */
    public static String staticFile(String inContent) {
        return "/" + inContent;
    }

    /** A file of the theme's {@code templates/} by its name there ({@code assets/css/main.css} → {@code /assets/css/main.css}). */
    public static String themeAsset(String name) {
        return "/" + name;
    }

    /** A file in a post's folder that the post links to, published beside it ({@code /2026/11/01/trip/} + {@code cat.jpg}). */
    public static String besidePost(String postUrl, String inFolder) {
        return postUrl + inFolder;
    }

    /** The card a post shares as when it has no image of its own, named by its key (a hash of what it shows). */
    public static String socialCard(String key) {
        return ASSETS + "/cards/" + key + ".png";
    }

    /** The copy of a YouTube video's thumbnail that the site publishes, by the video's id, when the author asked for it. */
    public static String youtubeThumbnail(String videoId) {
        return "/embeds/youtube-" + videoId + ".jpg";
    }

    /**
     * An old URL as jekyll-redirect-from's {@code redirect_from:} published it: {@code /old} at {@code /old.html} (Jekyll adds
     * {@code .html} to a URL without an extension), {@code /old/} and {@code /old.php} as written; a leading slash is added,
     * and {@code %XX} escapes are read as the UTF-8 they spell, since Jekyll wrote {@code /caf%C3%A9/} at {@code café/}.
     */
    public static String redirectFrom(String written) {
        String url = unescaped(written.startsWith("/") ? written : "/" + written);
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.isEmpty() || last.contains(".") ? url : url + ".html";
    }

    /** An old URL as {@code aliases:} takes it: a leading slash added, {@code /old} read as {@code /old/}. */
    public static String alias(String written) {
        return UrlPaths.normalize(written.startsWith("/") ? written : "/" + written);
    }

    /** {@code %XX} escapes decoded as UTF-8; the text as written when they do not spell UTF-8. */
    private static String unescaped(String url) {
        if (url.indexOf('%') < 0) {
            return url;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < url.length(); i++) {
            int high = i + 2 < url.length() && url.charAt(i) == '%' ? Character.digit(url.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(url.charAt(i + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                int end = Character.isHighSurrogate(url.charAt(i)) && i + 1 < url.length() ? i + 2 : i + 1;
                bytes.writeBytes(url.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return url;
        }
    }

    /**
     * A resized copy of an image: {@code /img/photo.jpg} at 640 as WebP → {@code /img/photo-640w.webp}. With
     * {@code withExtension}, for an image whose copies would take the names of another's ({@code photo.png} beside
     * it) or of a file of the site ({@code photo-640w.jpg} of the author's own), the image's extension is in the
     * name too: {@code /img/photo-jpg-640w.webp}.
     */
    public static String imageCopy(String imageUrl, int width, String extension, boolean withExtension) {
        String stem = withoutExtension(imageUrl);
        String qualifier = withExtension && stem.length() < imageUrl.length()
                ? "-" + imageUrl.substring(stem.length() + 1).toLowerCase(Locale.ROOT) : "";
        return stem + qualifier + "-" + width + "w." + extension;
    }

    /** What the names of an image's copies start with, in lower case (as on macOS and Windows): {@code /img/photo}. */
    public static String imageCopyStem(String imageUrl) {
        return withoutExtension(imageUrl).toLowerCase(Locale.ROOT);
    }

    /** {@code /img/photo.jpg} → {@code /img/photo}; a URL whose last name has no dot as it is. */
    private static String withoutExtension(String url) {
        int slash = url.lastIndexOf('/');
        int dot = url.lastIndexOf('.');
        return dot > slash ? url.substring(0, dot) : url;
    }

    private static final Pattern IMAGE_COPY = Pattern.compile("(.*)-[0-9]+w\\.(?:jpg|png|webp)", Pattern.CASE_INSENSITIVE);

    /** The {@link #imageCopyStem} of the images whose copy a file's URL would be ({@code /img/photo-640w.jpg}), else null. */
    public static String imageCopyStemOf(String fileUrl) {
        int dot = fileUrl.lastIndexOf('.');
        if (dot < 1 || Character.toLowerCase(fileUrl.charAt(dot - 1)) != 'w') {
            return null; // most files of a site: told without the pattern, which every build tries on each of them
        }
        Matcher m = IMAGE_COPY.matcher(fileUrl);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * A URL, or why there can be none: {@code problem} and {@code hint} for the front matter key {@code key}
     * (the {@code slug:}, {@code title:} or {@code permalink:} the URL is made of).
     */
    record Decision(String value, String key, String problem, String hint) {
        static Decision of(String value) {
            return new Decision(value, null, null, null);
        }

        static Decision refused(String key, String problem, String hint) {
            return new Decision(null, key, problem, hint);
        }
    }

    /**
     * A document's slug: {@code slug:} as written ({@code written}, null without one), else {@code named}
     * (the file's name for a dated post, else the title) slugified.
     */
    static Decision slug(String written, boolean isPost, String named, String title) {
        if (written != null) {
            if (!written.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._~-]*")) {
                return Decision.refused("slug", "slug '" + written + "' cannot be used in a URL",
                        "use letters, digits and dashes only, e.g. slug: my-first-post");
            }
            return Decision.of(Slugs.windowsSafe(written));
        }
        String slug = Slugs.slugify(named);
        if (isPost && slug.isEmpty()) {
            return untitled(title);
        }
        return Decision.of(slug);
    }

    /**
     * A document's URL: its {@code permalink:} ({@code permalink}, null without one), else {@code sitePermalink}
     * for a post, else its path under content/ ({@code content/docs/install.md} → {@code /docs/install/}).
     */
    static Decision document(Path path, boolean isPost, String permalink, String sitePermalink, OffsetDateTime date,
                             String slug, String title, List<String> categories) {
        String url;
        if (permalink != null) {
            Optional<String> problem = Permalinks.check(permalink);
            if (problem.isPresent()) {
                return Decision.refused("permalink", problem.get(), "write a site path such as /my-page/");
            }
            Optional<String> needsDate = Permalinks.datePlaceholder(permalink);
            if (date == null && needsDate.isPresent()) {
                return Decision.refused("permalink", "permalink '" + permalink + "' uses :" + needsDate.get()
                        + ", but this page has no date",
                        "add e.g. date: 2019-03-18 to the front matter, or use only :slug and :title, e.g. permalink: /:slug/");
            }
            if (slug.isEmpty() && Permalinks.usesSlug(permalink)) {
                return untitled(title);
            }
            url = Permalinks.expand(permalink, date, slug, Permalinks.categoryPath(categories));
        } else if (isPost) {
            url = Permalinks.expand(sitePermalink, date, slug, Permalinks.categoryPath(categories));
        } else {
            url = pageUrl(path);
        }
        if (!UrlPaths.isSafe(url)) {
            return Decision.refused(permalink != null ? "permalink" : "slug", "URL '" + url + "' is not a safe site path",
                    "use letters, digits, dashes and slashes only");
        }
        return Decision.of(url);
    }

    private static Decision untitled(String title) {
        return Decision.refused("title", "cannot make a URL from the title '" + title + "'", "add slug: with letters or digits");
    }

    private static String pageUrl(Path path) {
        Path inContent = path.subpath(1, path.getNameCount());
        String stem = FrontMatterReader.stem(inContent);
        String parent = inContent.getParent() == null ? "" : inContent.getParent().toString().replace('\\', '/') + "/";
        return "/" + parent + (stem.equals("index") ? "" : stem + "/");
    }
}
