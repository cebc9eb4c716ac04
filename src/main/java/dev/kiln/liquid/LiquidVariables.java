package dev.kiln.liquid;

import dev.kiln.liquid.LiquidValues.Unavailable;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code page} and {@code site} variables Jekyll gives content, made from the build's sources:
 * each document as a hash of its front matter with Jekyll's computed fields, {@code site.posts}
 * newest first, {@code site.tags} and {@code site.categories} as Jekyll groups them.
 */
public final class LiquidVariables {
    private static final Unavailable CONTENT = new Unavailable(
            "Kiln runs a post's Liquid before any Markdown is rendered, so no post's content or excerpt is known yet",
            "use the post's title, description or url; Kiln's /posts/ and tag pages list posts with their excerpts");

    private LiquidVariables() {}

    /**
     * A post or page as Liquid sees it.
     *
     * @param path the source, relative to the site root
     * @param frontMatter the front matter as written
     */
    public record Source(Path path, boolean isPost, Map<String, Object> frontMatter, String title, OffsetDateTime date,
                         String url, String description, List<String> tags) {}

    /**
     * A file copied as it is, as Liquid's {@code site.static_files} lists it: its site path ({@code /img/a.png}) and
     * the time it was last changed (Jekyll's {@code modified_time}), in the site's time zone.
     */
    public record StaticFile(String path, OffsetDateTime modified) {}

    /** A document's hash: its front matter, then url, date, title, tags, categories, id, path, slug as Jekyll computes them. */
    public static Map<String, Object> page(Source s) {
        Map<String, Object> page = new LinkedHashMap<>();
        s.frontMatter().forEach((k, v) -> page.put(k, plain(v)));
        String file = s.path().getFileName().toString();
        String stem = file.replaceFirst("\\.[^.]+$", "");
        page.put("title", s.title());
        if (s.date() != null) {
            page.put("date", s.date());
        }
        page.put("url", s.url());
        if (s.description() != null) {
            page.put("description", s.description());
        }
        page.put("path", s.path().toString().replace('\\', '/'));
        page.put("name", file);
        page.put("content", CONTENT);
        page.put("excerpt", CONTENT);
        if (s.isPost()) {
            page.put("id", s.url().replaceFirst("/$", "").replaceFirst("\\.html$", ""));
            page.put("slug", stem.replaceFirst("^\\d{4}-\\d{1,2}-\\d{1,2}-", ""));
            page.put("tags", List.copyOf(s.tags()));
            page.put("categories", categories(s.frontMatter()));
            page.put("collection", "posts");
        }
        return page;
    }

    /**
     * Jekyll 4's categories, as written: {@code categories} (a list, or words separated by spaces), then
     * {@code category} (one name even with spaces, or a list), each name once.
     */
    private static List<Object> categories(Map<String, Object> front) {
        List<Object> out = new ArrayList<>();
        Object value = front.get("categories");
        if (value instanceof Collection<?> list) {
            list.forEach(v -> out.add(LiquidValues.show(v)));
        } else if (value != null) {
            for (String part : LiquidValues.show(value).strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        Object one = front.get("category");
        if (one instanceof Collection<?> list) {
            list.forEach(v -> out.add(LiquidValues.show(v)));
        } else if (one != null && !LiquidValues.show(one).isBlank()) {
            out.add(LiquidValues.show(one).strip());
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(out));
    }

    /** YAML's values as Liquid's: numbers as Long or Double, lists and maps copied through. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return LiquidValues.normal(value);
    }

    /**
     * @param values site.yml as written
     * @param computed what Kiln reads its own way (url, baseurl, …), over {@code values}
     * @param posts the published posts, oldest first
     * @param pages the published pages
     * @param staticFiles the files copied as they are, asked for when Liquid first reads {@code site.static_files}
     *     (most sites never do, and a file's time is a question to the disk)
     * @param data {@code site.data}: each data file's values by its name
     */
    public static Site site(Map<String, Object> values, Map<String, Object> computed, List<Source> posts, List<Source> pages,
                            Supplier<List<StaticFile>> staticFiles, Map<String, Object> data) {
        return new Site(values, computed, posts, pages, staticFiles, data);
    }

    /** {@code site}: computed key by key, once per build. */
    public static final class Site {
        private final Map<String, Object> values;
        private final Map<String, Object> computed;
        private final List<Source> posts;
        private final List<Source> pages;
        private final Supplier<List<StaticFile>> staticFiles;
        private final Map<String, Object> data;
        private final Map<String, Object> made = new HashMap<>();

        private Site(Map<String, Object> values, Map<String, Object> computed, List<Source> posts, List<Source> pages,
                     Supplier<List<StaticFile>> staticFiles, Map<String, Object> data) {
            this.values = values;
            this.computed = computed;
            this.posts = posts;
            this.pages = pages;
            this.staticFiles = staticFiles;
            this.data = data;
        }

        /** {@code site.KEY}, or null when the site has none. */
        public synchronized Object value(String key) {
            if (made.containsKey(key)) {
                return made.get(key);
            }
            Object value = switch (key) {
                case "posts" -> newestFirst(posts);
                case "pages", "html_pages" -> documents(pages);
                case "tags" -> group(true);
                case "categories" -> group(false);
                case "time" -> posts.isEmpty() ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : posts.get(posts.size() - 1).date();
                case "data" -> plain(data);
                case "static_files" -> staticFiles.get().stream().<Object>map(Site::staticFile).toList();
                default -> computed.containsKey(key) ? computed.get(key) : values.containsKey(key) ? plain(values.get(key)) : null;
            };
            made.put(key, value);
            return value;
        }

        /** {@code page.next} (the newer post) and {@code page.previous} of the post at {@code path}. */
        public Map<String, Object> neighbours(Path path) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < posts.size(); i++) {
                if (posts.get(i).path().equals(path)) {
                    out.put("previous", i > 0 ? page(posts.get(i - 1)) : null);
                    out.put("next", i + 1 < posts.size() ? page(posts.get(i + 1)) : null);
                }
            }
            return out;
        }

        private static List<Object> newestFirst(List<Source> oldestFirst) {
            List<Object> out = new ArrayList<>(documents(oldestFirst));
            java.util.Collections.reverse(out);
            return List.copyOf(out);
        }

        private static List<Object> documents(List<Source> sources) {
            return sources.stream().<Object>map(LiquidVariables::page).toList();
        }

        /** Tag (or category) to its posts, newest first; keys in the order the oldest post brought them, as Jekyll. */
        private Map<String, Object> group(boolean tags) {
            Map<String, List<Source>> groups = new LinkedHashMap<>();
            for (Source post : posts) {
                List<?> names = tags ? post.tags() : categories(post.frontMatter());
                for (Object name : names) {
                    groups.computeIfAbsent(LiquidValues.show(name), k -> new ArrayList<>()).add(post);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            groups.forEach((name, list) -> out.put(name, newestFirst(list)));
            return out;
        }

        /** Jekyll's static file hash: path, name, basename, extname, modified_time. */
        private static Object staticFile(StaticFile staticFile) {
            Map<String, Object> file = new LinkedHashMap<>();
            String path = staticFile.path();
            String name = path.substring(path.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            file.put("path", path);
            file.put("name", name);
            file.put("basename", dot <= 0 ? name : name.substring(0, dot));
            file.put("extname", dot <= 0 ? "" : name.substring(dot));
            if (staticFile.modified() != null) {
                file.put("modified_time", staticFile.modified());
            }
            return file;
        }
    }
}
