package dev.kiln.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embed tags an author writes on a line of their own: Liquid's form {@code {% youtube ID %}} and
 * Hugo's shortcodes {@code {{< youtube ID >}}} and {@code {{% youtube ID %}}}, with positional
 * arguments and {@code name="value"} options. Parsing gives an {@link Embed} or a problem at the
 * offset of what is wrong.
 */
public final class EmbedTag {
    /** The embeds Kiln knows, by tag name. */
    public static final Set<String> NAMES = Set.of("youtube", "vimeo", "gist", "mastodon", "iframe");

    /** An opening of any embed-like tag, anywhere in a text: used to refuse one that does not stand alone. */
    private static final Pattern OPENING = Pattern.compile("\\{%-?\\s*(youtube|vimeo|gist|mastodon|iframe)\\b|\\{\\{[<%]\\s*(youtube|vimeo|gist|mastodon|iframe)\\b");
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_URL = Pattern.compile(
            "https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:[^#]*&)?v=|embed/|shorts/|live/)|youtu\\.be/)([A-Za-z0-9_-]{11})(?:[?&#].*)?");
    private static final Pattern VIMEO_URL = Pattern.compile("https?://(?:www\\.|player\\.)?vimeo\\.com/(?:video/)?(\\d+)(?:[/?#].*)?");
    private static final Pattern GIST_URL = Pattern.compile("https://gist\\.github\\.com/([A-Za-z0-9-]+)/([0-9a-f]+)/?");
    private static final Pattern GIST_USER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern GIST_ID = Pattern.compile("[0-9a-f]{5,40}");
    private static final Pattern MASTODON_URL = Pattern.compile("https://([A-Za-z0-9.-]+\\.[A-Za-z]{2,})/@([A-Za-z0-9_]+(?:@[A-Za-z0-9.-]+)?)/(\\d+)/?");
    private static final Pattern HTTPS_URL = Pattern.compile("https://[A-Za-z0-9.-]+(?::\\d+)?(?:/[^\\s\"'<>]*)?");

    private EmbedTag() {}

    /** A tag read, or why it could not be, at an offset in the text that was parsed. */
    public record Result(Embed embed, String problem, String hint, int offset) {
        static Result problem(int offset, String problem, String hint) {
            return new Result(null, problem, hint, offset);
        }
    }

    /** Where the first embed tag opens in {@code text}, or -1. */
    public static int find(CharSequence text) {
        Matcher m = OPENING.matcher(text);
        return m.find() ? m.start() : -1;
    }

    /** The name of the embed {@code text} (stripped) would be as a whole tag, or null when it is none. */
    public static String nameOf(String text) {
        Matcher m = OPENING.matcher(text);
        if (!m.lookingAt()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /**
     * Reads {@code text}, which starts with a tag opening and should be exactly one tag. Offsets in the
     * result count from the start of {@code text}.
     */
    public static Result parse(String text) {
        String closer;
        int innerStart;
        if (text.startsWith("{%")) {
            closer = "%}";
            innerStart = text.startsWith("{%-") ? 3 : 2;
        } else {
            closer = text.charAt(2) == '<' ? ">}}" : "%}}";
            innerStart = 3;
        }
        int close = text.indexOf(closer);
        if (close < 0) {
            return Result.problem(0, "embed tag is never closed by '" + closer + "'", "end it with " + closer + " on the same line");
        }
        if (!text.substring(close + closer.length()).isBlank()) {
            return Result.problem(close + closer.length(), "an embed stands on a line of its own, with nothing after it",
                    "put the text after the tag in a paragraph of its own");
        }
        int innerEnd = close > innerStart && closer.equals("%}") && text.charAt(close - 1) == '-' ? close - 1 : close;
        List<Argument> arguments = new ArrayList<>();
        String problem = arguments(text, innerStart, innerEnd, arguments);
        if (problem != null) {
            return Result.problem(Integer.parseInt(problem.substring(0, problem.indexOf(':'))), problem.substring(problem.indexOf(':') + 1),
                    "quote a value with spaces: title=\"My talk\"");
        }
        Argument name = arguments.remove(0);
        List<Argument> positional = new ArrayList<>();
        Map<String, Argument> named = new LinkedHashMap<>();
        for (Argument a : arguments) {
            if (a.key() == null) {
                positional.add(a);
            } else if (named.put(a.key(), a) != null) {
                return Result.problem(a.offset(), "option '" + a.key() + "' is given twice", "keep one");
            }
        }
        try {
            return switch (name.value()) {
                case "youtube" -> youtube(name, positional, named);
                case "vimeo" -> vimeo(name, positional, named);
                case "gist" -> gist(name, positional, named);
                case "mastodon" -> mastodon(name, positional, named);
                default -> iframe(name, positional, named);
            };
        } catch (Refusal r) {
            return Result.problem(r.offset, r.getMessage(), r.hint);
        }
    }

    /** One word of a tag: a bare or quoted value, or {@code key=value}; {@code offset} is where it starts. */
    private record Argument(String key, String value, int offset) {}

    /** Splits the tag's words into {@code out}; returns "offset:problem" when a quote is left open. */
    private static String arguments(String text, int from, int to, List<Argument> out) {
        int i = from;
        while (true) {
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= to) {
                return null;
            }
            int start = i;
            String key = null;
            StringBuilder value = new StringBuilder();
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'') {
                    int end = text.indexOf(c, i + 1);
                    if (end < 0 || end >= to) {
                        return i + ":the quote opened here is never closed";
                    }
                    value.append(text, i + 1, end);
                    i = end + 1;
                } else if (c == '=' && key == null && value.length() > 0 && value.chars().allMatch(ch -> ch == '_' || Character.isLetter(ch))) {
                    key = value.toString();
                    value.setLength(0);
                    i++;
                } else {
                    value.append(c);
                    i++;
                }
            }
            out.add(new Argument(key, value.toString(), start));
        }
    }

    private static Result youtube(Argument tag, List<Argument> positional, Map<String, Argument> named) {
        Result checked = check(tag, positional, named, 1, Set.of("id", "title", "start", "thumbnail"), "{% youtube dQw4w9WgXcQ title=\"…\" %}");
        if (checked != null) {
            return checked;
        }
        Argument id = positional.isEmpty() ? named.get("id") : positional.get(0);
        String video = id.value();
        Matcher url = YOUTUBE_URL.matcher(video);
        if (url.matches()) {
            video = url.group(1);
        } else if (!YOUTUBE_ID.matcher(video).matches()) {
            return Result.problem(id.offset(), "'" + video + "' is not a YouTube video id or URL",
                    "a video id is the 11 characters after watch?v= in the video's address, e.g. dQw4w9WgXcQ");
        }
        int start = 0;
        Argument startAt = named.get("start");
        if (startAt != null) {
            if (!startAt.value().matches("\\d{1,6}")) {
                return Result.problem(startAt.offset(), "start should be a number of seconds, not '" + startAt.value() + "'", "write e.g. start=90");
            }
            start = Integer.parseInt(startAt.value());
        }
        boolean thumbnail = flag(named.get("thumbnail"));
        String query = start > 0 ? "?start=" + start : "";
        return ok(new Embed(Embed.Kind.YOUTUBE, video, title(named, "youtube.com/watch?v=" + video),
                "https://www.youtube.com/watch?v=" + video + (start > 0 ? "&t=" + start + "s" : ""),
                "https://www.youtube-nocookie.com/embed/" + video + (query.isEmpty() ? "?autoplay=1" : query + "&autoplay=1"),
                thumbnail ? "https://i.ytimg.com/vi/" + video + "/hqdefault.jpg" : null, 0));
    }

    private static Result vimeo(Argument tag, List<Argument> positional, Map<String, Argument> named) {
        Result checked = check(tag, positional, named, 1, Set.of("id", "title"), "{% vimeo 76979871 title=\"…\" %}");
        if (checked != null) {
            return checked;
        }
        Argument id = positional.isEmpty() ? named.get("id") : positional.get(0);
        String video = id.value();
        Matcher url = VIMEO_URL.matcher(video);
        if (url.matches()) {
            video = url.group(1);
        } else if (!video.matches("\\d{1,12}")) {
            return Result.problem(id.offset(), "'" + video + "' is not a Vimeo video number or URL",
                    "the number is the last part of the video's address, e.g. 76979871 for https://vimeo.com/76979871");
        }
        return ok(new Embed(Embed.Kind.VIMEO, video, title(named, "vimeo.com/" + video), "https://vimeo.com/" + video,
                "https://player.vimeo.com/video/" + video + "?autoplay=1&dnt=1",
                null, 0));
    }

    private static Result gist(Argument tag, List<Argument> positional, Map<String, Argument> named) {
        if (positional.size() > 3) {
            return Result.problem(positional.get(3).offset(), "gist takes a user and a gist id, and optionally a file name",
                    "write {% gist user/1234abcd %} or {% gist user 1234abcd file.rb %}");
        }
        Result checked = check(tag, positional.isEmpty() ? positional : positional.subList(0, 1), named, 1, Set.of("title", "file"),
                "{% gist octocat/6cad326836d38bd3a7ae %}");
        if (checked != null) {
            return checked;
        }
        Argument first = positional.get(0);
        GistRef ref = gistRef(positional, named);
        if (ref == null) {
            return Result.problem(first.offset(), "'" + first.value() + "' is not a gist id (hexadecimal digits)",
                    "write {% gist user/1234abcd %} or {% gist 1234abcd %}: both are in the gist's address, gist.github.com/user/1234abcd");
        }
        if (ref.user() != null && !GIST_USER.matcher(ref.user()).matches()) {
            return Result.problem(first.offset(), "'" + ref.user() + "' is not a GitHub user name", "write {% gist user/1234abcd %}");
        }
        if (!GIST_ID.matcher(ref.id()).matches()) {
            return Result.problem(ref.idOffset(), "'" + ref.id() + "' is not a gist id (hexadecimal digits)",
                    "the id is the last part of the gist's address, gist.github.com/user/1234abcd");
        }
        String fileName = null;
        if (ref.file() != null) {
            if (!ref.file().value().matches("[A-Za-z0-9._-]{1,200}")) {
                return Result.problem(ref.file().offset(), "'" + ref.file().value() + "' is not a file name of a gist", "write e.g. file=hello.rb");
            }
            fileName = ref.file().value();
        }
        String key = ref.user() == null ? ref.id() : ref.user() + "/" + ref.id();
        String page = "https://gist.github.com/" + key;
        String script = page + ".js" + (fileName == null ? "" : "?file=" + fileName);
        String fallback = ref.user() == null ? (fileName != null ? fileName + " (gist)" : "Gist on GitHub")
                : fileName != null ? fileName + " (gist by " + ref.user() + ")" : "Gist by " + ref.user();
        return ok(new Embed(Embed.Kind.GIST, key, title(named, fallback), page, script, null, 0));
    }

    /** A gist as the tag names it: its user (null when only the id is given) and id, where the id is written, its file. */
    private record GistRef(String user, String id, int idOffset, Argument file) {}

    /**
     * The gist of {@code user/id}, its address, {@code user id} (Hugo's form), or the id alone ({@code {% gist 1234abcd file.rb %}},
     * jekyll-gist's form, which gist.github.com answers at too); null when the one argument is neither an id nor holds one.
     */
    private static GistRef gistRef(List<Argument> positional, Map<String, Argument> named) {
        Argument first = positional.get(0);
        Argument second = positional.size() > 1 ? positional.get(1) : null;
        Argument file = named.get("file");
        Matcher url = GIST_URL.matcher(first.value());
        if (url.matches()) {
            return new GistRef(url.group(1), url.group(2), first.offset(), second != null ? second : file);
        } else if (first.value().contains("/")) {
            String user = first.value().substring(0, first.value().indexOf('/'));
            return new GistRef(user, first.value().substring(user.length() + 1), first.offset() + user.length() + 1,
                    second != null ? second : file);
        } else if (GIST_ID.matcher(first.value()).matches() && (second == null || !GIST_ID.matcher(second.value()).matches())) {
            return new GistRef(null, first.value(), first.offset(), second != null ? second : file);
        } else if (second != null) {
            return new GistRef(first.value(), second.value(), second.offset(), positional.size() > 2 ? positional.get(2) : file);
        }
        return null;
    }

    private static Result mastodon(Argument tag, List<Argument> positional, Map<String, Argument> named) {
        Result checked = check(tag, positional, named, 1, Set.of("title", "height"), "{% mastodon https://mastodon.social/@user/123456 %}");
        if (checked != null) {
            return checked;
        }
        Argument url = positional.get(0);
        Matcher m = MASTODON_URL.matcher(url.value());
        if (!m.matches()) {
            return Result.problem(url.offset(), "'" + url.value() + "' is not the address of a Mastodon post",
                    "copy the post's address, like https://mastodon.social/@user/109348562813934890");
        }
        int height = height(named.get("height"), 400);
        String post = "https://" + m.group(1) + "/@" + m.group(2) + "/" + m.group(3);
        return ok(new Embed(Embed.Kind.MASTODON, post, title(named, "Post by @" + m.group(2) + " on " + m.group(1)), post, post + "/embed",
                null, height));
    }

    private static Result iframe(Argument tag, List<Argument> positional, Map<String, Argument> named) {
        Result checked = check(tag, positional, named, 1, Set.of("src", "title", "height"), "{% iframe https://example.com/map title=\"Map\" %}");
        if (checked != null) {
            return checked;
        }
        Argument src = positional.isEmpty() ? named.get("src") : positional.get(0);
        if (!HTTPS_URL.matcher(src.value()).matches()) {
            return Result.problem(src.offset(), "'" + src.value() + "' is not an https:// address",
                    "an iframe loads a page by its full address, e.g. https://www.openstreetmap.org/export/embed.html");
        }
        if (named.get("title") == null || named.get("title").value().isBlank()) {
            return Result.problem(tag.offset(), "iframe needs a title, which readers of screen readers hear",
                    "add title=\"…\" saying what the frame shows");
        }
        int height = height(named.get("height"), 400);
        return ok(new Embed(Embed.Kind.IFRAME, src.value(), named.get("title").value(), src.value(), src.value(), null,
                height));
    }

    /** Checks the count of positional arguments (or the named {@code id}/{@code src}) and the option names. */
    private static Result check(Argument tag, List<Argument> positional, Map<String, Argument> named, int wanted, Set<String> options,
                                String example) {
        for (Argument a : named.values()) {
            if (!options.contains(a.key())) {
                return Result.problem(a.offset(), tag.value() + " has no option '" + a.key() + "'",
                        "its options: " + String.join(", ", options.stream().sorted().toList()));
            }
        }
        boolean byName = named.containsKey("id") || named.containsKey("src");
        if (positional.size() + (byName ? 1 : 0) < wanted) {
            return Result.problem(tag.offset(), tag.value() + " needs " + (tag.value().equals("iframe") ? "an address" : "what to show"),
                    "write " + example);
        }
        if (positional.size() + (byName ? 1 : 0) > wanted) {
            Argument extra = positional.get(byName ? 0 : wanted);
            return Result.problem(extra.offset(), "unexpected '" + extra.value() + "' in " + tag.value(),
                    "options are written name=\"value\", e.g. " + example);
        }
        return null;
    }

    private static String title(Map<String, Argument> named, String fallback) {
        Argument title = named.get("title");
        return title == null || title.value().isBlank() ? fallback : title.value().strip();
    }

    /** A yes/no option, absent meaning no. */
    private static boolean flag(Argument option) {
        if (option == null || option.value().equals("false")) {
            return false;
        }
        if (option.value().equals("true")) {
            return true;
        }
        throw new Refusal(option.offset(), option.key() + " should be true or false, not '" + option.value() + "'",
                "write " + option.key() + "=true");
    }

    private static int height(Argument option, int fallback) {
        if (option == null) {
            return fallback;
        }
        if (!option.value().matches("\\d{2,4}") || Integer.parseInt(option.value()) < 50) {
            throw new Refusal(option.offset(), "height should be a number of pixels from 50 to 9999, not '" + option.value() + "'",
                    "write e.g. height=450");
        }
        return Integer.parseInt(option.value());
    }

    /** A bad option, found by a helper deep in a tag's reading. */
    private static final class Refusal extends RuntimeException {
        final int offset;
        final String hint;

        Refusal(int offset, String problem, String hint) {
            super(problem, null, false, false);
            this.offset = offset;
            this.hint = hint;
        }
    }

    private static Result ok(Embed embed) {
        return new Result(embed, null, null, 0);
    }
}
