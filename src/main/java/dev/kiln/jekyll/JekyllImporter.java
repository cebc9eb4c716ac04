package dev.kiln.jekyll;

import dev.kiln.compile.SiteFacts;
import dev.kiln.compile.SourceCompiler;
import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.Diagnostics;
import dev.kiln.diag.SourcePosition;
import dev.kiln.frontmatter.FrontMatterParser;
import dev.kiln.frontmatter.SourceDocument;
import dev.kiln.frontmatter.YamlDocument;
import dev.kiln.frontmatter.YamlParser;
import dev.kiln.liquid.LiquidRenderer;
import dev.kiln.liquid.LiquidResult;
import dev.kiln.liquid.LiquidVariables;
import dev.kiln.liquid.SiteData;
import dev.kiln.source.TextFile;
import dev.kiln.liquid.SiteLookup;
import dev.kiln.model.FrontMatter;
import dev.kiln.model.FrontMatterReader;
import dev.kiln.model.SiteConfig;
import dev.kiln.model.SiteConfigReader;
import dev.kiln.model.SiteUrls;
import dev.kiln.model.SourceSettings;
import dev.kiln.model.Slugs;
import dev.kiln.model.UrlPaths;
import dev.kiln.model.Visibility;
import dev.kiln.text.YamlText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code kiln import jekyll SRC DEST}: a new Kiln site from a Jekyll one. Posts, drafts, pages and
 * static files are copied with their bodies byte for byte (but for links to a tag's anchor on one index page, which lead to
 * the tag's own page, and Liquid Kiln cannot run, put in a comment); front matter only gains keys (the old
 * URL as {@code aliases:}, {@code draft:}, or {@code permalink:} with {@code --keep-urls}), and a
 * layout Kiln's theme lacks is renamed to the nearest one. Everything is worked out before the
 * first file is written, and what could not be converted is reported with its place.
 */
public final class JekyllImporter {
    /** Where the Liquid stage looks for files that {@code {% include %}} names. */
    static final String INCLUDES = LiquidRenderer.INCLUDES + "/";
    /** A report place: a path, then maybe :line and :column. */
    private static final Pattern PLACE = Pattern.compile("(.*?)(?::(\\d{1,9}))?(?::(\\d{1,9}))?");
    /** An {@code {% include %}} of a file named as written (not by a variable). */
    private static final Pattern STATIC_INCLUDE = Pattern.compile("\\{%-?\\s*include\\s+([\\w./-]+[\\w])");
    /** {{ site.baseurl }} right before {% post_url %} or {% link %}, maybe a slash between (Jekyll 3's docs had both). */
    private static final Pattern BASEURL_BEFORE_TAG = Pattern.compile("\\{\\{-?\\s*site\\.baseurl\\s*-?\\}\\}/?(?=\\{%-?\\s*(?:post_url|link)\\s)");
    private static final DateTimeFormatter DRAFT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    /** Why nothing was imported; {@code usage} when the command was pointed at the wrong folder. */
    public static final class NotImportedException extends Exception {
        private final String hint;
        private final boolean usage;
        private final List<Diagnostic> diagnostics;

        NotImportedException(String message, String hint, boolean usage, List<Diagnostic> diagnostics) {
            super(message);
            this.hint = hint;
            this.usage = usage;
            this.diagnostics = List.copyOf(diagnostics);
        }

        public String hint() {
            return hint;
        }

        public boolean usage() {
            return usage;
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    /**
     * What the import did. {@code written}: each file or folder written, relative to the new site, with
     * where it came from and what changed; {@code leftOut}: what was not imported and why;
     * {@code toCheck}: what was imported but needs the author (each with its place in the new site).
     */
    public record Report(List<Line> written, List<Line> leftOut, List<Line> toCheck, int posts, int drafts, int pages, int statics) {}

    /** One line of the report: a path (with {@code :line} where there is one) and what happened to it. */
    public record Line(String place, String note) {}

    private final boolean keepUrls;
    /** Every file of the new site, by its path in it: written only once the whole import is worked out. */
    private final Map<String, NewFile> outputs = new TreeMap<>();
    private final List<Line> written = new ArrayList<>();
    /** How many copied files each folder of content/ holds ({@code img/} → 12), kept as outputs are added: the report's counts. */
    private final Map<String, Integer> copiedInFolder = new HashMap<>();
    /** The report's line for each folder of static files ({@code img/}) or static file at the top, last touched last. */
    private final Map<String, Line> staticLines = new LinkedHashMap<>();
    private final List<Line> leftOut = new ArrayList<>();
    private final List<Line> toCheck = new ArrayList<>();
    private final Set<String> includes = new TreeSet<>();
    /** The posts and pages whose Liquid was checked, by their path in the new site, each with whether it is a post. */
    private final Map<String, Boolean> liquidChecked = new LinkedHashMap<>();
    /** Errors inside includes, by place and message, with the places that include them. */
    private final Map<String, Set<String>> includeErrors = new TreeMap<>();
    /** _config.yml as written, for the keys copied into site.yml as they are. */
    private String configText = "";
    /** Keys of _config.yml that Liquid in posts and pages reads as site.KEY, for site.yml. */
    private final Set<String> siteKeys = new TreeSet<>();
    /** Old addresses of the site's feed: jekyll-feed's path, a theme's atom.xml. */
    private final Set<String> feedAliases = new TreeSet<>();
    /** The slugs of the posts' tags: Kiln makes a page at /tags/SLUG/ for each. */
    private final Set<String> tagSlugs = new TreeSet<>();
    /** The slugs of the posts' categories: Kiln makes /categories/ and a page at /categories/SLUG/ for each. */
    private final Set<String> categorySlugs = new TreeSet<>();
    /** The slugs of the posts' series: Kiln makes a page at /series/SLUG/ for each. */
    private final Set<String> seriesSlugs = new TreeSet<>();
    /** The slugs of the tags, then of the categories, of the posts a build lists: the pages a link to a tag's anchor can lead to. */
    private final Set<String> listedTags = new HashSet<>();
    private final Set<String> listedCategories = new HashSet<>();
    /** The imported pages' URLs, Kiln's and Jekyll's, as {@link TagAnchors#indexKey}s: an anchor there is the page's own. */
    private final Set<String> pageUrls = new HashSet<>();
    /** Places where a post prints a variable nobody set (nothing, in Jekyll). */
    private final Map<String, Line> unsetVariables = new TreeMap<>();
    /** Includes the Jekyll site lacks (its theme gem gave them), with what the import writes for each. */
    private final Map<String, String> standIns = new TreeMap<>();
    /** Errors in includes (place, then message) that the import put in a Liquid comment. */
    private final Set<String> commentedInIncludes = new TreeSet<>();
    /** Whether every file of the new site is known ({@link #outputs}): include_relative then reads those alone. */
    private boolean allWritten;
    /** While true, includes are read as the Jekyll site has them, without the import's edits. */
    private boolean originalIncludes;
    /** Includes whose copy the import changed (Liquid Kiln cannot run put in a comment). */
    private final Map<String, String> editedIncludes = new TreeMap<>();
    /** Jekyll's collections by name (all of _config.yml's, known before any Liquid runs), each with whether Jekyll published its documents. */
    private final Map<String, Boolean> collections = new HashMap<>();
    /** Files whose Liquid reads a collection (site.NAME), by file and name: Kiln gives none. */
    private final Map<String, Line> collectionReads = new TreeMap<>();
    /** Whether the Jekyll site asked for Jekyll 4 or later (its Gemfile), whose post_url and link give the baseurl, as Kiln's. */
    private boolean jekyll4;
    private int posts;
    /** The posts Kiln's home pages list (not those with published: false): how many home pages there are. */
    private int listedPosts;
    private int drafts;
    private int pages;
    private int statics;

    private JekyllImporter(boolean keepUrls) {
        this.keepUrls = keepUrls;
    }

    /** Imports {@code source} into {@code target}, which must not exist or be empty. */
    public static Report importSite(Path source, Path target, boolean keepUrls) throws IOException, NotImportedException {
        return new JekyllImporter(keepUrls).run(source, target);
    }

    private Report run(Path source, Path target) throws IOException, NotImportedException {
        Path configFile = configFile(source);
        checkTarget(target);
        jekyll4 = asksForJekyll4(source);
        Diagnostics diagnostics = new Diagnostics();
        Path configName = Path.of(configFile.getFileName().toString());
        YamlDocument configDoc = YamlDocument.empty(configName);
        if (Files.isRegularFile(configFile)) {
            configText = Files.readString(configFile, StandardCharsets.UTF_8);
            configDoc = new YamlParser().parse(configName, configText, 1, diagnostics).orElse(configDoc);
        }
        JekyllConfig config = new JekyllConfig(configDoc, diagnostics);
        config.collections().forEach((name, collection) -> collections.put(name, collection.output()));
        if (diagnostics.hasErrors()) {
            throw new NotImportedException(configName + " has errors; nothing was written",
                    "fix them (Jekyll would refuse them too) and import again", false, diagnostics.sorted());
        }
        JekyllUrls jekyllUrls = new JekyllUrls(config.permalink, config.zone);
        String kilnPermalink = keepUrls ? kilnPattern(jekyllUrls.postPattern()) : null;
        JekyllConfig.SiteYml siteYml = config.siteYml(kilnPermalink, cname(source));
        SiteConfig kilnConfig = new SiteConfigReader().read(siteYml.text(), diagnostics);
        if (diagnostics.hasErrors()) {
            throw new NotImportedException(configName + " holds values Kiln cannot take; nothing was written",
                    "fix them in " + configName + " and import again", false, diagnostics.sorted());
        }
        reportConfig(config, siteYml, kilnPermalink, jekyllUrls);
        write(SiteConfigReader.FILE_NAME, siteYml.text());
        write(".gitignore", "# Kiln writes the site here on every build.\n/site/\n");
        written.add(new Line(".gitignore", "keeps Kiln's output, site/, out of git"));

        Map<String, Object> data = SiteData.read(dataFiles(source, config), new Diagnostics());
        Context context = new Context(source, target.toAbsolutePath().normalize(), config, jekyllUrls,
                new FrontMatterReader(SourceSettings.of(kilnConfig)), new SourceCompiler(SourceSettings.of(kilnConfig)),
                liquidSite(kilnConfig, new SiteFacts.Listed(List.of(), List.of()), List.of(), data), kilnConfig, data);
        importPosts(context, "_posts", false, List.of());
        importPosts(context, "_drafts", true, List.of());
        walk(context, source, "");
        allWritten = true;
        checkLiquidWithTheWholeSite(context);
        toCheck.addAll(collectionReads.values());
        written.addAll(staticLines.values());
        copyIncludes(context);
        reportIncludeErrors();
        rewriteTagAnchors(context);
        finishSiteYml(config);
        writeOutputs(target);
        sortByPlace(written);
        sortByPlace(leftOut);
        sortByPlace(toCheck);
        return new Report(List.copyOf(written), List.copyOf(leftOut), List.copyOf(toCheck), posts, drafts, pages, statics);
    }

    /** The Jekyll site's _config.yml (or _config.yaml), which may not exist when _posts/ does. */
    private static Path configFile(Path source) throws NotImportedException {
        if (!Files.isDirectory(source)) {
            throw new NotImportedException(source + (Files.exists(source) ? " is not a folder" : " does not exist"),
                    "give the folder of the Jekyll site, the one holding _config.yml and _posts/", true, List.of());
        }
        Path configFile = source.resolve("_config.yml");
        if (!Files.isRegularFile(configFile) && Files.isRegularFile(source.resolve("_config.yaml"))) {
            configFile = source.resolve("_config.yaml");
        }
        if (!Files.isRegularFile(configFile) && !Files.isDirectory(source.resolve("_posts"))) {
            throw new NotImportedException(source + " is not a Jekyll site: it has neither _config.yml nor _posts/",
                    "give the folder of the Jekyll site, the one holding _config.yml and _posts/", true, List.of());
        }
        return configFile;
    }

    /** Refuses a target that is a file or a folder with something in it. */
    private static void checkTarget(Path target) throws IOException, NotImportedException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new NotImportedException(target + " is a file", "choose a new or empty folder for the new site", false, List.of());
            }
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new NotImportedException(target + " is not empty; nothing was written",
                            "choose a new or empty folder for the new site", false, List.of());
                }
            }
        }
    }

    /** A file of the new site: a Jekyll site's file copied as it is, or a text the import wrote. */
    private sealed interface NewFile permits CopiedFile, WrittenText {
        void writeTo(Path file) throws IOException;
    }

    /** A file copied with its time, which Liquid's site.static_files shows as modified_time, as Jekyll did. */
    private record CopiedFile(Path from) implements NewFile {
        @Override
        public void writeTo(Path file) throws IOException {
            Files.copy(from, file);
            Files.setLastModifiedTime(file, Files.getLastModifiedTime(from));
        }
    }

    private record WrittenText(String text) implements NewFile {
        @Override
        public void writeTo(Path file) throws IOException {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    /** Writes every file of the new site, copied or as text. */
    private void writeOutputs(Path target) throws IOException {
        for (Map.Entry<String, NewFile> output : outputs.entrySet()) {
            Path file = target.resolve(output.getKey());
            Files.createDirectories(file.getParent());
            output.getValue().writeTo(file);
        }
    }

    private void copy(String target, Path from) {
        if (!(outputs.put(target, new CopiedFile(from)) instanceof CopiedFile)) {
            copiedInFolder.merge(topFolder(target), 1, Integer::sum);
        }
    }

    private void write(String target, String text) {
        if (outputs.put(target, new WrittenText(text)) instanceof CopiedFile) {
            copiedInFolder.merge(topFolder(target), -1, Integer::sum);
        }
    }

    /** The folder of content/ that {@code target} is in ({@code content/img/a/b.png} → {@code img/}), else "". */
    private static String topFolder(String target) {
        int slash = target.indexOf('/', "content/".length());
        return target.startsWith("content/") && slash >= 0 ? target.substring("content/".length(), slash + 1) : "";
    }

    /** The text the import writes at {@code target} so far. */
    private String written(String target) {
        return ((WrittenText) outputs.get(target)).text();
    }

    /**
     * Whether the Jekyll site's Gemfile.lock, else its Gemfile, asks for Jekyll 4 or later; GitHub Pages' gem, Jekyll 3, and a
     * site with neither (built by GitHub Pages, which runs Jekyll 3) did not.
     */
    private static boolean asksForJekyll4(Path source) throws IOException {
        Path lock = source.resolve("Gemfile.lock");
        Matcher locked = Pattern.compile("(?m)^ {4}jekyll \\((\\d+)\\.").matcher(Files.isRegularFile(lock) && Files.size(lock) < 1 << 20
                ? utf8(lock).orElse("") : "");
        if (locked.find()) {
            return Integer.parseInt(locked.group(1)) >= 4;
        }
        Path gemfile = source.resolve("Gemfile");
        String text = Files.isRegularFile(gemfile) && Files.size(gemfile) < 1 << 20 ? utf8(gemfile).orElse("") : "";
        Matcher pinned = Pattern.compile("gem\\s+[\"']jekyll[\"']\\s*,\\s*[\"'][~>=\\s]*(\\d+)").matcher(text);
        return !text.contains("github-pages") && pinned.find() && Integer.parseInt(pinned.group(1)) >= 4;
    }

    /**
     * Jekyll 3 (GitHub Pages') gave {% post_url %} and {% link %} without the baseurl, so its authors wrote {{ site.baseurl }}
     * before them; Kiln gives it, as Jekyll 4 does, and the link would hold it twice. Unless the site asked for Jekyll 4 (where
     * such a link was broken already, and stays as written), that {{ site.baseurl }} is taken out, and the note says so.
     */
    private String baseurlBeforeTags(Context context, String text, List<String> notes) {
        if (jekyll4 || context.kilnConfig().baseurl().isEmpty()) {
            return text;
        }
        long count = BASEURL_BEFORE_TAG.matcher(text).results().count();
        if (count > 0) {
            notes.add("{{ site.baseurl }} taken from before {% post_url %} or {% link %} (" + count + (count == 1 ? " time" : " times")
                    + "): Jekyll 3, GitHub Pages', left the baseurl out of them; Kiln puts it in, as Jekyll 4 does");
        }
        return count == 0 ? text : BASEURL_BEFORE_TAG.matcher(text).replaceAll("");
    }

    /** The host name in GitHub Pages' CNAME file, or null. */
    private static String cname(Path source) throws IOException {
        Path file = source.resolve("CNAME");
        return Files.isRegularFile(file) && Files.size(file) < 1024 ? utf8(file).map(t -> t.strip().split("\\s+")[0]).orElse(null) : null;
    }

    /** What the posts and pages turned out to need from site.yml: _config.yml's keys their Liquid reads, the feed's old addresses, Jekyll's silence. */
    private void finishSiteYml(JekyllConfig config) {
        copySiteKeys(config.doc);
        if (!feedAliases.isEmpty()) {
            write(SiteConfigReader.FILE_NAME, written(SiteConfigReader.FILE_NAME) + "\n# The feed's old addresses; each gets the feed itself"
                    + " (feed readers follow no HTML redirect).\nfeed_aliases: [" + String.join(", ", feedAliases.stream()
                    .map(YamlText::quoted).toList()) + "]\n");
        }
        if (!unsetVariables.isEmpty()) {
            write(SiteConfigReader.FILE_NAME, written(SiteConfigReader.FILE_NAME) + "\n# Jekyll prints nothing for a variable that is not set, and"
                    + " these posts rely on it (kiln import jekyll lists where);\n# without this, Kiln reports each such place as an error.\n"
                    + "liquid:\n  strict_variables: false\n");
            toCheck.addAll(unsetVariables.values());
        }
    }

    /** @param site the {@code site} variable of the new site's Liquid: while files are imported, without posts or pages (not all are known yet) */
    private record Context(Path source, Path target, JekyllConfig config, JekyllUrls urls, FrontMatterReader kiln,
                           SourceCompiler compiler, LiquidVariables.Site site, SiteConfig kilnConfig, Map<String, Object> data) {
        Context with(LiquidVariables.Site other) {
            return new Context(source, target, config, urls, kiln, compiler, other, kilnConfig, data);
        }
    }

    /** Liquid's site.* for the new site: its site.yml, the posts and pages {@code listed}, its static files, its data files. */
    private static LiquidVariables.Site liquidSite(SiteConfig kilnConfig, SiteFacts.Listed listed, List<LiquidVariables.StaticFile> statics,
                                                   Map<String, Object> data) {
        return LiquidVariables.site(kilnConfig.params(),
                Map.of("url", kilnConfig.url(), "baseurl", kilnConfig.baseurl(), "title", kilnConfig.title()),
                listed.posts(), listed.pages(), () -> statics, data);
    }

    /**
     * The new site's files that its build copies as they are (all of content/ but Markdown, site.yml and _data/), as
     * Liquid's site.static_files lists them: a copied file with the time Jekyll gave it (the copy keeps it), one the
     * import writes with now.
     */
    private List<LiquidVariables.StaticFile> staticFiles(java.time.ZoneId zone) {
        List<LiquidVariables.StaticFile> statics = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(zone);
        outputs.forEach((target, file) -> {
            if (!target.startsWith("content/") || target.equals(SiteConfigReader.FILE_NAME) || target.startsWith(slashed(SiteData.FOLDER) + "/")
                    || extension(target).equals("md") || extension(target).equals("markdown")) {
                return;
            }
            OffsetDateTime modified = now;
            if (file instanceof CopiedFile copied) {
                try {
                    modified = Files.getLastModifiedTime(copied.from()).toInstant().atZone(zone).toOffsetDateTime();
                } catch (IOException e) {
                    // unreadable now: the copy will fail and say so
                }
            }
            statics.add(new LiquidVariables.StaticFile(SiteUrls.staticFile(target.substring("content/".length())), modified));
        });
        return statics;
    }

    /**
     * Runs the Liquid of every imported post and page again, now that all of them are known, with site.posts and
     * site.pages as the build gives them: while files were imported those lists were empty, so Liquid inside a loop
     * over them never ran and its errors showed only in the first build. What is new is dealt with as before
     * (commented out, or a variable nobody set) and listed under "To check" at its place in the new file; what the
     * first run found already is not listed again.
     */
    private void checkLiquidWithTheWholeSite(Context context) {
        List<SiteFacts.Written> sources = new ArrayList<>();
        liquidChecked.forEach((target, isPost) -> {
            String text = written(target);
            FrontMatter front = context.compiler().parse(new SourceCompiler.MarkdownSource(new TextFile(Path.of(target), text), isPost))
                    .front();
            if (front != null) {
                sources.add(new SiteFacts.Written(Path.of(target), isPost, text, front));
            }
        });
        sources.sort(java.util.Comparator.comparing(s -> s.path().toString()));
        Context whole = context.with(liquidSite(context.kilnConfig(), SiteFacts.listed(sources, Visibility.published(Instant.now())),
                staticFiles(context.kilnConfig().timezone()), context.data()));
        for (String target : liquidChecked.keySet()) {
            String text = written(target);
            Map<String, Integer> known = new HashMap<>();
            liquid(context, target, text).diagnostics().forEach(d -> known.merge(errorKey(d), 1, Integer::sum));
            String result = checkLiquid(whole, target, text, known);
            if (!result.equals(text)) {
                write(target, result);
            }
        }
    }

    /** A Liquid error by its file and message, the same before and after an edit moves it along its line. */
    private static String errorKey(Diagnostic d) {
        return d.position().file() + "\n" + d.message();
    }

    private void reportConfig(JekyllConfig config, JekyllConfig.SiteYml siteYml, String kilnPermalink, JekyllUrls urls) {
        YamlDocument doc = config.doc;
        List<String> converted = new ArrayList<>(siteYml.converted());
        Object separator = doc.values().get("excerpt_separator");
        // Kiln's excerpt ends at <!--more-->, spaces inside it allowed (MarkdownRenderer), else after the first paragraph
        if (separator == null || String.valueOf(separator).strip().matches("<!--\\s*more\\s*-->") || separator.equals("\n\n")) {
            if (separator != null) {
                converted.add("excerpt_separator");
            }
        } else {
            leftOut.add(new Line(at(doc, "excerpt_separator"), "excerpt_separator: Kiln's excerpt ends at a <!--more--> line, "
                    + "else after the first paragraph; posts using " + separator + " show their first paragraph"));
        }
        if (doc.values().get("permalink") != null) {
            converted.add("permalink");
        }
        Object byDefault = config.defaults("_posts", "posts").get("permalink"); // Chirpy's: /posts/:title/
        String pattern = byDefault == null ? urls.postPattern() : byDefault + ", from defaults:";
        String permalinkNote = kilnPermalink != null
                ? "posts keep Jekyll's URLs (" + pattern + ")"
                : "posts move to Kiln's /:year/:month/:day/:slug/ and their Jekyll URLs (" + pattern + ") redirect";
        if (siteYml.urlFrom() != null) {
            converted.add("url from " + siteYml.urlFrom());
        }
        written.add(new Line(SiteConfigReader.FILE_NAME, "from " + doc.file() + (converted.isEmpty() ? "" : ": " + String.join(", ", converted))
                + "; " + permalinkNote));
        if (!siteYml.hasUrl()) {
            toCheck.add(new Line(SiteConfigReader.FILE_NAME, "no url: (" + doc.file() + " has none, nor a CNAME file): set it to the address the"
                    + " site is published at; until then kiln build warns that feeds, sitemap and canonical links point at localhost"));
        }
        String feedPath = config.jekyllFeedPath();
        if (feedPath != null && !feedPath.equals(SiteUrls.FEED)) {
            feedAliases.add(feedPath);
        }
        config.leftOut().forEach((key, reason) -> {
            if (key.equals("feed") && feedPath != null) {
                leftOut.add(new Line(at(doc, key), "feed: jekyll-feed's settings; Kiln's feed is at /feed.xml"
                        + (feedPath.equals(SiteUrls.FEED) ? " as jekyll-feed's was" : " and, through feed_aliases: in site.yml, at " + feedPath)));
                return;
            }
            boolean used = key.equals(siteYml.urlFrom()) || key.equals("name") && converted.contains("name as title");
            if (!used) {
                leftOut.add(new Line(at(doc, key), key + ": " + reason));
            }
        });
        siteYml.refused().forEach(refusal -> leftOut.add(new Line(at(doc, refusal.substring(0, refusal.indexOf(':'))), refusal)));
    }

    /**
     * The _config.yml keys that posts' and pages' Liquid reads ({@code site.JB.tags_path}, {@code site.author.email}),
     * copied into site.yml as they are written, comments and all, so that Liquid prints what it printed in Jekyll.
     */
    private void copySiteKeys(YamlDocument doc) {
        StringBuilder yml = new StringBuilder(written(SiteConfigReader.FILE_NAME));
        List<String> lines = List.of(configText.split("\r?\n", -1));
        List<String> copied = new ArrayList<>();
        for (String key : siteKeys) {
            int first = Math.min(doc.positionOf(key).line() - 1, lines.size() - 1);
            Pattern keyLine = Pattern.compile(Pattern.quote(key) + "[ \t]*:.*");
            while (first > 0 && !keyLine.matcher(lines.get(first)).matches()) {
                first--; // a map's position is its first entry's, below the key
            }
            if (first < 0 || !keyLine.matcher(lines.get(first)).matches()) {
                continue;
            }
            int end = first + 1;
            while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith(" ") || lines.get(end).startsWith("\t")
                    || lines.get(end).startsWith("#") && end + 1 < lines.size() && lines.get(end + 1).startsWith(" "))) {
                end++;
            }
            while (end > first + 1 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith("#"))) {
                end--;
            }
            if (key.equals("author")) {
                yml = new StringBuilder(yml.toString().replaceFirst("(?m)^author: .*\n", ""));
            }
            yml.append(copied.isEmpty() ? "\n# From _config.yml as it was, for the Liquid of posts and pages (site.KEY):\n" : "");
            List<String> section = lines.subList(first, end);
            for (String line : key.equals("imagemagick") && imagemagickEnabled(doc) ? IMAGEMAGICK_OFF : section) {
                yml.append(line).append('\n');
            }
            copied.add(key);
        }
        if (!copied.isEmpty()) {
            write(SiteConfigReader.FILE_NAME, yml.toString());
            leftOut.removeIf(line -> copied.stream().anyMatch(key -> line.note().startsWith(key + ": ")));
            if (copied.contains("imagemagick") && imagemagickEnabled(doc)) {
                leftOut.add(new Line(at(doc, "imagemagick"), "imagemagick: the jekyll-imagemagick plugin made the WebP copies"
                        + " (NAME-480.webp, …) that includes such as al-folio's figure offer, and Kiln runs no Jekyll plugin: site.yml"
                        + " has imagemagick: enabled: false, so they show the image itself (Kiln offers WebP copies of its own for"
                        + " images outside a <picture>)"));
            }
            written.replaceAll(line -> line.place().equals(SiteConfigReader.FILE_NAME) ? new Line(line.place(), line.note()
                    + "; as they were, for Liquid's site.KEY: " + String.join(", ", copied)) : line);
        }
    }

    /**
     * site.yml's {@code imagemagick:} for a site whose jekyll-imagemagick was on: off, so that the includes that offer the
     * plugin's WebP copies ({@code {% if site.imagemagick.enabled %}<source srcset="…-480.webp 480w">}) offer none, the
     * copies being no file of the new site; its other settings (widths:) go with it, as older includes read them alone.
     */
    private static final List<String> IMAGEMAGICK_OFF = List.of("imagemagick:",
            "  # Off: jekyll-imagemagick made the WebP copies its includes offer, and Kiln runs no Jekyll plugin (kiln import jekyll)",
            "  enabled: false");

    private static boolean imagemagickEnabled(YamlDocument doc) {
        return doc.values().get("imagemagick") instanceof Map<?, ?> settings && Boolean.TRUE.equals(settings.get("enabled"));
    }

    /** Jekyll's post pattern in Kiln's terms, or Kiln's default when it uses what Kiln's patterns lack. */
    private String kilnPattern(String jekyll) {
        String pattern = jekyll.replace(":output_ext", ".html");
        Matcher m = Pattern.compile(":([a-z_]+)").matcher(pattern);
        Set<String> kiln = Set.of("year", "month", "day", "i_month", "i_day", "short_year", "hour", "minute", "second", "slug", "title",
                "categories", "slugified_categories");
        while (m.find()) {
            if (!kiln.contains(m.group(1))) {
                leftOut.add(new Line("_config.yml", "permalink " + jekyll + ": Kiln has no :" + m.group(1)
                        + "; each post gets its Jekyll URL as its own permalink: instead"));
                return null;
            }
        }
        return pattern;
    }

    // ---- posts and drafts

    /** @param categories the folders above a {@code _posts/} that is not the site's own, which Jekyll makes its first categories */
    private void importPosts(Context context, String folder, boolean draft, List<String> categories) throws IOException {
        Path root = context.source().resolve(folder);
        if (!Files.isDirectory(root)) {
            return;
        }
        for (Path file : files(root)) {
            String inFolder = slashed(root.relativize(file));
            String relative = folder + "/" + inFolder;
            String name = file.getFileName().toString();
            Matcher dated = JekyllUrls.POST_NAME.matcher(name);
            String extension = extension(name);
            boolean markdown = context.config().markdownExtensions.contains(extension);
            boolean html = extension.equals("html") || extension.equals("htm");
            if (!markdown && !html) {
                leftOut.add(new Line(relative, "not Markdown or HTML (." + extension + "); Kiln posts are Markdown"));
                continue;
            }
            if (!draft && !dated.matches()) {
                leftOut.add(new Line(relative, "Jekyll skipped it too: a post's name starts with its date, YYYY-MM-DD-title"));
                continue;
            }
            String folders = categories.isEmpty() ? "" : String.join("/", categories) + "/";
            String targetName = "content/posts/" + folders + inFolder.substring(0, inFolder.length() - extension.length())
                    + kilnExtension(extension);
            Optional<String> text = utf8(file);
            if (text.isEmpty()) {
                copy(targetName, file);
                toCheck.add(new Line(targetName, "not UTF-8 text; copied as it is, and the build will say where"));
                continue;
            }
            Post post = new Post(relative, targetName, text.get(), draft, dated.matches() ? dated.group(1) : null,
                    dated.matches() ? dated.group(2) : stem(name), html, file, categories);
            importPost(context, post);
        }
    }

    private record Post(String source, String target, String text, boolean draft, String fileDate, String fileTitle, boolean html,
                        Path file, List<String> folderCategories) {
        Post withText(String newText) {
            return new Post(source, target, newText, draft, fileDate, fileTitle, html, file, folderCategories);
        }
    }

    private void importPost(Context context, Post original) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SourceDocument> parsed = new FrontMatterParser().parse(Path.of(original.target()), original.text(), diagnostics);
        if (parsed.isEmpty() || diagnostics.hasErrors()) {
            write(original.target(), original.text());
            diagnostics.sorted().forEach(d -> toCheck.add(new Line(place(d.position()), "front matter: " + d.message()
                    + "; copied as it is, and its Jekyll URL could not be kept")));
            return;
        }
        List<String> notes = new ArrayList<>();
        Post post = original.withText(withDataAuthors(context, original.target(),
                withDefaults(context, original.source(), "posts", original.text(), parsed.get().frontMatter(), notes), notes));
        YamlDocument front = reparsed(post.target(), post.text(), parsed.get().frontMatter());
        Map<String, Object> values = front.values();
        Map<String, String> added = new LinkedHashMap<>();
        if (post.draft()) {
            added.put("draft", "true");
            if (values.get("date") == null && post.fileDate() == null) {
                // Jekyll dates a draft by its file's modification time; so does the import, once, in UTC.
                ZonedDateTime modified = Files.getLastModifiedTime(post.file()).toInstant().atZone(ZoneOffset.UTC);
                added.put("date", DRAFT_DATE.format(modified));
            }
            drafts++;
        } else {
            posts++;
        }
        String text = renameLayout(post.text(), values, "post", notes);
        mediaSubpathFromDefaults(context, post, values, added, notes);
        text = slugForKiln(text, values, notes);
        text = folderCategories(text, post.folderCategories(), values, added, notes);
        if (post.html()) {
            added.put("markdown", "false");
            notes.add("an HTML post: markdown: false, so Kiln reads its body as HTML, as Jekyll did");
        }
        List<String> jekyllUrls = new ArrayList<>();
        if (!post.draft()) {
            text = keepJekyllUrl(context, post, front, text, added, jekyllUrls, notes);
        }
        text = keepOldUrls(context, new Place(post.source(), post.target(), true), text, front, jekyllUrls, added, notes);
        String result = withKeys(text, added);
        if (!post.draft()) {
            new FrontMatterReader(SourceSettings.of(context.kilnConfig())).read(Path.of(post.target()), true,
                    reparsed(post.target(), result, front), new Diagnostics()).ifPresent(this::noteKilnsOwnPages);
        }
        result = checkLiquid(context, post.target(), baseurlBeforeTags(context, result, notes), null);
        liquidChecked.put(post.target(), true);
        verify(context, post.target(), true, result);
        write(post.target(), result);
        written.add(new Line(post.target(), "from " + post.source() + note(added, notes)));
    }

    /** The keys of _config.yml's defaults: that the import handles in its own way: the Jekyll URL, Chirpy's image folder. */
    private static final Set<String> DEFAULTS_HANDLED = Set.of("permalink", "media_subpath", "img_path");

    /**
     * {@code text} with the values _config.yml's {@code defaults:} give the file ({@code relative}, of {@code type}) that its
     * own front matter lacks, written into it as Jekyll applies them (a layout, tags, categories, published: false, an
     * author…; the file's own value wins, a list whole, a map merged with the default's), so that the import and the
     * build read them as the author's; the keys are noted.
     */
    private static String withDefaults(Context context, String relative, String type, String text, YamlDocument front,
                                       List<String> notes) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> defaults = context.config().defaults(relative, type);
        defaults.forEach((key, value) -> {
            if (!DEFAULTS_HANDLED.contains(key) && !front.values().containsKey(key)) {
                values.put(key, YamlText.flow(value));
            }
        });
        text = withMergedMaps(text, defaults, front, notes);
        if (values.isEmpty()) {
            return text;
        }
        notes.add(String.join(", ", values.keySet().stream().map(k -> k + ":").toList()) + " from _config.yml's defaults:");
        return withKeys(text, values);
    }

    /**
     * {@code author:} (or {@code authors:}) naming entries of {@code _data/authors.yml}, rewritten as the maps jekyll-seo-tag and
     * jekyll-feed read there ({@code site.data.authors[author]}: its name, else the key, and its url, uri, email…), the
     * lines as written kept in comments: the build reads an author's map, never data files. Left as written when the
     * file's own Liquid reads {@code page.author}, which would then be the map.
     */
    private static String withDataAuthors(Context context, String target, String text, List<String> notes) {
        if (!(context.data().get("authors") instanceof Map<?, ?> known) || text.contains("page.author")) {
            return text;
        }
        Optional<SourceDocument> parsed = new FrontMatterParser().parse(Path.of(target), text, new Diagnostics());
        for (String key : List.of("author", "authors")) {
            Object value = parsed.map(d -> d.frontMatter().values().get(key)).orElse(null);
            List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            if (items.stream().anyMatch(item -> item instanceof String name && known.get(name) instanceof Map<?, ?>)) {
                List<Object> resolved = items.stream().map(item -> item instanceof String name && known.get(name) instanceof Map<?, ?> entry
                        ? (Object) dataAuthor(name, entry) : item).toList();
                text = replaceEntry(text, key, YamlText.flow(value instanceof List<?> ? resolved : resolved.get(0)),
                        "# from _data/authors.yml, as jekyll-seo-tag and jekyll-feed read it; before the import:");
                notes.add(key + ": " + (value instanceof List<?> ? "their entries" : "its entry")
                        + " of _data/authors.yml, its lines as written kept in comments");
            }
        }
        return text;
    }

    /** An entry of {@code _data/authors.yml} as jekyll-seo-tag reads it: {@code name} is the key unless the entry has one. */
    private static Map<Object, Object> dataAuthor(String key, Map<?, ?> entry) {
        Map<Object, Object> author = new LinkedHashMap<>();
        author.put("name", key);
        author.putAll(entry);
        return author;
    }

    /**
     * The file's own maps that _config.yml's {@code defaults:} also gives a map for, rewritten as Jekyll reads them: merged
     * with the default key by key ({@link JekyllConfig#deepMerged}), its own values winning; the lines as written are kept
     * in comments.
     */
    private static String withMergedMaps(String text, Map<String, Object> defaults, YamlDocument front, List<String> notes) {
        for (Map.Entry<String, Object> entry : defaults.entrySet()) {
            String key = entry.getKey();
            if (!DEFAULTS_HANDLED.contains(key) && entry.getValue() instanceof Map<?, ?> byDefault
                    && front.values().get(key) instanceof Map<?, ?> own) {
                Map<Object, Object> merged = JekyllConfig.deepMerged(byDefault, own);
                if (!merged.equals(own)) {
                    text = replaceEntry(text, key, YamlText.flow(merged),
                            "# merged with _config.yml's defaults: as Jekyll merges them; before the import:");
                    notes.add(key + ": merged with its map in _config.yml's defaults:, its lines as written kept in comments");
                }
            }
        }
        return text;
    }

    /**
     * Chirpy's {@code media_subpath:} (or {@code img_path:}) that _config.yml's {@code defaults:} gives the post, written into
     * its front matter: the build reads a post's images under it, and has no defaults.
     */
    private static void mediaSubpathFromDefaults(Context context, Post post, Map<String, Object> values, Map<String, String> added,
                                                 List<String> notes) {
        if (values.get("media_subpath") != null || values.get("img_path") != null) {
            return;
        }
        Map<String, Object> defaults = context.config().defaults(post.source(), "posts");
        for (String key : List.of("media_subpath", "img_path")) {
            if (defaults.get(key) instanceof String subpath && !subpath.isBlank()) {
                added.put(key, YamlText.quoted(subpath));
                notes.add(key + " " + subpath + " from _config.yml's defaults:");
                return;
            }
        }
    }

    /**
     * The post's Jekyll URL kept: as a redirect to Kiln's ({@code aliases}), or with --keep-urls as its own
     * permalink: (in {@code added}); none when the two differ only in case. Returns the text, its permalink: made Kiln's.
     */
    private String keepJekyllUrl(Context context, Post post, YamlDocument front, String text, Map<String, String> added,
                                 List<String> aliases, List<String> notes) {
        Optional<String> jekyllUrl = jekyllPostUrl(context, post, front);
        if (jekyllUrl.isPresent()) {
            text = ownPermalinkForKiln(context, post.target(), true, text, front, jekyllUrl.get(), notes);
        }
        Optional<String> kilnUrl = kilnUrl(context, post.target(), true, reparsed(post.target(), text, front), added);
        if (jekyllUrl.isPresent() && kilnUrl.isPresent()) {
            keepJekyllUrl(jekyllUrl.get(), kilnUrl.get(), front.values().get("permalink") != null, added, aliases, notes);
        }
        return text;
    }

    /**
     * A Jekyll URL that differs from Kiln's kept: with --keep-urls as the file's own permalink: (when it has none
     * of its own), else in {@code aliases}, a redirect; none when the two differ only in case.
     */
    private void keepJekyllUrl(String jekyllUrl, String kilnUrl, boolean ownPermalink, Map<String, String> added, List<String> aliases,
                               List<String> notes) {
        if (jekyllUrl.equals(kilnUrl)) {
            return;
        }
        if (jekyllUrl.equalsIgnoreCase(kilnUrl)) {
            notes.add("Jekyll URL " + jekyllUrl + " differs from Kiln's " + kilnUrl + " only in case: no redirect"
                    + " (on a disk that ignores case, as macOS's and Windows's do, both are one file; servers that ignore case,"
                    + " as GitHub Pages did, serve the old one)");
        } else if (keepUrls && !ownPermalink) {
            added.put("permalink", YamlText.quoted(jekyllUrl));
            notes.add("keeps its Jekyll URL " + jekyllUrl);
        } else {
            aliases.add(jekyllUrl);
            notes.add("Jekyll URL " + jekyllUrl + " redirects to " + kilnUrl);
        }
    }

    /** A post's tags, categories and series: Kiln makes a page for each, where an imported page must not be; and whether it is listed. */
    private void noteKilnsOwnPages(FrontMatter fm) {
        if (!fm.draft()) {
            listedPosts++;
        }
        fm.tagNames().forEach(tag -> tagSlugs.add(Slugs.slugify(tag)));
        fm.categoryNames().forEach(category -> categorySlugs.add(Slugs.slugify(category)));
        if (!fm.draft() && (fm.date() == null || !fm.date().toInstant().isAfter(Instant.now()))) {
            fm.tagNames().forEach(tag -> listedTags.add(Slugs.slugOrCodePoints(tag)));
            fm.categoryNames().forEach(category -> listedCategories.add(Slugs.slugOrCodePoints(category)));
        }
        if (fm.seriesName() != null) {
            seriesSlugs.add(Slugs.slugify(fm.seriesName()));
        }
    }

    private Optional<String> jekyllPostUrl(Context context, Post post, YamlDocument front) {
        Map<String, Object> values = front.values();
        try {
            Object date = values.get("date");
            String dateText = date == null ? null : String.valueOf(date);
            ZonedDateTime when = context.urls().postDate(dateText, date != null && quoted(post.text(), front, "date"), post.fileDate());
            List<String> categories = JekyllUrls.categories(post.folderCategories(), values.get("category"), values.get("categories"));
            Object slug = values.get("slug");
            Object permalink = values.getOrDefault("permalink", context.config().defaults(post.source(), "posts").get("permalink"));
            return Optional.of(context.urls().postUrl(permalink == null ? null : String.valueOf(permalink), when, categories,
                    slug == null ? null : String.valueOf(slug), post.fileTitle()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            toCheck.add(new Line(at(front, "date"), "its Jekyll URL could not be worked out (" + e.getMessage()
                    + "); no redirect from it was added"));
            return Optional.empty();
        }
    }

    /** Whether the value of {@code key} is written in quotes: YAML then reads a date as text, not a timestamp. */
    private static boolean quoted(String text, YamlDocument front, String key) {
        SourcePosition position = front.positionOf(key);
        String[] lines = text.split("\n", -1);
        if (position.line() - 1 >= lines.length) {
            return false;
        }
        String line = lines[position.line() - 1];
        int index = line.offsetByCodePoints(0, Math.min(position.column() - 1, line.codePointCount(0, line.length())));
        return index < line.length() && (line.charAt(index) == '"' || line.charAt(index) == '\'');
    }

    /** A post or page: its path in the Jekyll site and in the new one. */
    private record Place(String source, String target, boolean isPost) {}

    /**
     * The old URLs a post or page keeps answering at, with no hand edit: jekyll-redirect-from's redirect_from: stays as
     * written (the build reads it as that plugin did), so does an aliases:, and the Jekyll URLs ({@code jekyllUrls}, where
     * Kiln's differs) join aliases:, added or rewritten. An entry the build would refuse (not a path of the site: a query
     * string, a full address) or skip with a warning (the file's own URL now, or one already listed) is taken out, its
     * line kept in a comment; the first kind is lost, and left out in the report. Returns the text.
     */
    private String keepOldUrls(Context context, Place place, String text, YamlDocument front, List<String> jekyllUrls,
                               Map<String, String> added, List<String> notes) {
        String own = kilnUrl(context, place.target(), place.isPost(), reparsed(place.target(), text, front), added)
                .map(UrlPaths::outputPath).orElse("");
        Set<String> served = new HashSet<>();
        OldUrls aliases = servable(place, front, "aliases", own, served, notes);
        OldUrls redirects = servable(place, front, "redirect_from", own, served, notes);
        List<String> fromJekyll = new ArrayList<>();
        for (String url : jekyllUrls) {
            if (!UrlPaths.isSafe(url)) {
                leftOut.add(new Line(place.source(), "its Jekyll URL " + url + " cannot be a Kiln redirect (it has characters"
                        + " Kiln keeps out of paths)"));
            } else if (served.add(UrlPaths.outputPath(url))) {
                fromJekyll.add(url);
            }
        }
        if (!redirects.kept().isEmpty()) {
            notes.add("redirect_from: " + String.join(", ", redirects.kept().stream().map(SiteUrls::redirectFrom).toList()) + " redirect");
        }
        if (redirects.kept().size() < redirects.written().size()) {
            text = replaceEntry(text, "redirect_from", redirects.kept(), "without what the import took out; before the import:");
            notes.add("rewrote redirect_from:, its lines as written kept in comments");
        }
        List<String> allAliases = new ArrayList<>(aliases.kept());
        allAliases.addAll(fromJekyll);
        if (front.values().containsKey("aliases") && !allAliases.equals(aliases.written())) {
            boolean out = aliases.kept().size() < aliases.written().size();
            text = replaceEntry(text, "aliases", allAliases, (fromJekyll.isEmpty() ? "" : "its Jekyll URL added")
                    + (fromJekyll.isEmpty() || !out ? "" : ", ") + (out ? "without what the import took out" : "") + "; before the import:");
            notes.add("rewrote aliases:, its lines as written kept in comments");
        } else if (!fromJekyll.isEmpty()) {
            added.put("aliases", flowList(fromJekyll));
        }
        return text;
    }

    /** The entries of an old-URL key as written, and those of them the build will serve. */
    private record OldUrls(List<String> written, List<String> kept) {}

    /**
     * The entries of {@code key} ({@code aliases} or {@code redirect_from}) that the build serves as redirects, each
     * output path once ({@code served}, across keys); one that cannot be a site path is left out in the report.
     */
    private OldUrls servable(Place place, YamlDocument front, String key, String own, Set<String> served, List<String> notes) {
        List<String> written = oldUrlEntries(front.values().get(key), key.equals("redirect_from"));
        List<String> kept = new ArrayList<>();
        Set<String> inKey = new HashSet<>();
        for (int i = 0; i < written.size(); i++) {
            String entry = written.get(i);
            String url = key.equals("aliases") ? SiteUrls.alias(entry) : SiteUrls.redirectFrom(entry);
            SourcePosition at = front.positionOf(key, i);
            if (!UrlPaths.isSafe(url)) {
                leftOut.add(new Line(place.source() + ":" + at.line() + ":" + at.column(), key + " " + entry + ": " + unservable(entry)
                        + "; the import took it out of " + key + ": (its line is kept in a comment)"));
            } else if (UrlPaths.outputPath(url).equalsIgnoreCase(own)) {
                notes.add(key + " " + entry + " taken out: " + (UrlPaths.outputPath(url).equals(own) ? "it is" : "but for case, it is")
                        + " Kiln's URL of the " + (place.isPost() ? "post" : "page") + ", which needs no redirect");
            } else if (inKey.add(UrlPaths.outputPath(url))) {
                kept.add(entry);
                served.add(UrlPaths.outputPath(url));
            }
        }
        return new OldUrls(written, kept);
    }

    /** Why an old URL cannot be a redirect page of the site. */
    private static String unservable(String url) {
        if (url.contains("://")) {
            return "a full address, not a path of this site";
        }
        if (url.contains("?")) {
            return "a static site answers a URL whatever follows its ?, so it cannot redirect by the query; Jekyll's redirect"
                    + " page there was never reached either";
        }
        return "not a path Kiln can write (it has .., //, or a character Kiln keeps out of file names: \\ : # % \" < >)";
    }

    /** The entries of an old-URL key as the build reads them: a list, or one text ({@code oneText}) or words. */
    private static List<String> oldUrlEntries(Object value, boolean oneText) {
        if (value instanceof List<?> list) {
            return list.stream().filter(item -> item != null && !(item instanceof Map<?, ?>) && !(item instanceof List<?>))
                    .map(item -> String.valueOf(item).strip()).toList();
        }
        if (value == null || value instanceof Map<?, ?>) {
            return List.of();
        }
        String text = String.valueOf(value).strip();
        return oneText ? List.of(text) : Stream.of(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String flowList(List<String> items) {
        return "[" + String.join(", ", items.stream().map(YamlText::quoted).toList()) + "]";
    }

    // ---- pages and static files

    private void walk(Context context, Path folder, String prefix) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String relative = prefix + name;
            if (entry.toAbsolutePath().normalize().equals(context.target())) {
                continue;
            }
            boolean directory = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
            if (prefix.isEmpty() && (name.equals("_posts") || name.equals("_drafts") || name.equals("_config.yml")
                    || name.equals("_config.yaml"))) {
                continue;
            }
            if (context.config().excluded(relative)) {
                if (!name.startsWith(".")) {
                    leftOut.add(new Line(relative + (directory ? "/" : ""), reasonExcluded(name)));
                }
                continue;
            }
            if (prefix.isEmpty() && name.equals("_data") && directory) {
                copyData(context, entry);
                continue;
            }
            JekyllConfig.Collection collection = prefix.isEmpty() && directory && name.startsWith("_") && !Files.isSymbolicLink(entry)
                    ? context.config().collection(name.substring(1)) : null;
            if (collection != null) {
                importCollection(context, entry, name.substring(1), collection);
                continue;
            }
            if (!prefix.isEmpty() && (name.equals("_posts") || name.equals("_drafts")) && directory && !Files.isSymbolicLink(entry)) {
                // Jekyll reads the _posts/ (and _drafts/) of any folder, and files its posts under the folder's names
                importPosts(context, relative, name.equals("_drafts"), List.of(prefix.substring(0, prefix.length() - 1).split("/")));
                continue;
            }
            boolean special = name.startsWith("_") || name.startsWith(".") || name.startsWith("#") || name.endsWith("~");
            if (special && !context.config().included(name)) {
                if (!name.startsWith(".")) {
                    leftOut.add(new Line(relative + (directory ? "/" : ""), reasonSpecial(name, directory)));
                }
                continue;
            }
            if (Files.isSymbolicLink(entry)) {
                leftOut.add(new Line(relative, "a symbolic link; copy what it points at by hand if the site needs it"));
                continue;
            }
            if (directory) {
                walk(context, entry, relative + "/");
            } else if (Files.isRegularFile(entry)) {
                importFile(context, entry, relative);
            }
        }
    }

    private static String reasonExcluded(String name) {
        return name.startsWith("Gemfile") ? "Jekyll's Ruby dependencies; Kiln needs none"
                : "excluded in _config.yml (or by Jekyll's defaults), so it was not part of the site";
    }

    private static String reasonSpecial(String name, boolean directory) {
        return switch (name) {
            case "_layouts" -> "Jekyll layouts; Kiln's theme (templates/, or the bundled one) replaces them";
            case "_includes" -> "Jekyll includes; those that posts and pages {% include %} are copied to " + INCLUDES;
            case "_sass" -> "Sass partials; Kiln does not compile Sass, and its theme has its own CSS";
            case "_site" -> "Jekyll's output; Kiln writes its own into site/";
            case "_plugins" -> "Ruby plugins do not run in Kiln";
            default -> directory && name.startsWith("_") ? "a Jekyll folder (_name) that Kiln has no equivalent for"
                    : "Jekyll does not publish names starting with _, #, or ending with ~ either";
        };
    }

    private void importFile(Context context, Path file, String relative) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        boolean frontMatter = startsWithFence(bytes);
        String extension = extension(relative);
        boolean markdown = context.config().markdownExtensions.contains(extension);
        boolean html = extension.equals("html") || extension.equals("htm");
        if (!frontMatter) {
            if (markdown) {
                leftOut.add(new Line(relative, "Markdown without front matter: Jekyll published it as a plain file, "
                        + "Kiln would make it a page; add front matter and copy it to content/ if it is one"));
                return;
            }
            String generated = kilnGenerated(relative);
            if (generated != null) {
                leftOut.add(new Line(relative, generated));
                return;
            }
            copyStatic(file, relative);
            return;
        }
        if (isFeed(relative, bytes)) {
            return;
        }
        if (!markdown && !html) {
            leftOut.add(new Line(relative, "has front matter, so Jekyll ran it through Liquid"
                    + (extension.equals("scss") || extension.equals("sass") ? " and Sass" : "") + "; "
                    + (relative.equals("feed.xml") || relative.equals("sitemap.xml") || relative.equals("robots.txt")
                    ? "Kiln writes its own /" + relative : "Kiln copies such files as they are, so write its output by hand")));
            return;
        }
        if (relative.equals("index.html") || relative.equals("index.md") || stem(relative).equals("index") && !relative.contains("/")) {
            leftOut.add(new Line(relative, "the home page; Kiln makes its own (newest posts, paginate per page)"));
            return;
        }
        if (stem(relative).equals("404") && !relative.contains("/")) {
            leftOut.add(new Line(relative, "Kiln's theme has its own 404 page"));
            return;
        }
        Optional<String> text = utf8(file);
        String target = "content/" + relative.substring(0, relative.length() - extension.length()) + kilnExtension(extension);
        if (text.isEmpty()) {
            copy(target, file);
            toCheck.add(new Line(target, "not UTF-8 text; copied as it is, and the build will say where"));
            return;
        }
        // a page built from what Kiln does not give (paginator, another post's content) has nothing left to show
        List<Diagnostic> liquid = liquid(context, relative, text.get()).diagnostics().stream()
                .filter(d -> d.message().contains(": Kiln does not give this variable")).toList();
        if (!liquid.isEmpty()) {
            Diagnostic first = liquid.get(0);
            leftOut.add(new Line(place(first.position()), first.message() + ": a page built by Liquid Kiln cannot run"
                    + " (lists of posts are Kiln's /posts/ and /tags/ pages); " + (redirectPaginatedPages(context, relative)
                    ? "its pages redirect to Kiln's home pages, which list the posts as they did" : "rewrite it as Markdown if it is needed")));
            return;
        }
        importPage(context, relative, target, text.get(), html, null);
    }

    /**
     * A collection Jekyll published ({@code output: true}): each document, Markdown or HTML with front matter, becomes a page
     * under content/NAME/, its Jekyll URL kept as a page's is; other files, and a collection Jekyll did not publish, are left out.
     */
    private void importCollection(Context context, Path folder, String name, JekyllConfig.Collection collection) throws IOException {
        if (!collection.output()) {
            leftOut.add(new Line("_" + name + "/", "a collection Jekyll did not publish (no output: true): data for Liquid's site."
                    + name + ", which Kiln does not give"));
            return;
        }
        for (Path file : files(folder)) {
            String inFolder = slashed(folder.relativize(file));
            String relative = "_" + name + "/" + inFolder;
            String extension = extension(inFolder);
            boolean html = extension.equals("html") || extension.equals("htm");
            Optional<String> text = utf8(file);
            if (!(html || context.config().markdownExtensions.contains(extension)) || text.isEmpty()
                    || !startsWithFence(Files.readAllBytes(file))) {
                leftOut.add(new Line(relative, "a file of the collection " + name + " that is not Markdown or HTML with front matter;"
                        + " Jekyll published it as it is: copy it into content/" + name + "/ if the site needs it"));
                continue;
            }
            String path = inFolder.substring(0, inFolder.length() - extension.length() - 1);
            Map<String, Object> values = new FrontMatterParser().parse(Path.of(relative), text.get(), new Diagnostics())
                    .map(d -> d.frontMatter().values()).orElse(Map.of());
            String url;
            try {
                Object own = values.getOrDefault("permalink", context.config().defaults(relative, name).get("permalink"));
                Object slug = values.get("slug");
                url = context.urls().documentUrl(own != null ? String.valueOf(own) : collection.permalink(), name, path,
                        slug == null ? null : String.valueOf(slug));
            } catch (IllegalArgumentException e) {
                url = "";
                toCheck.add(new Line("content/" + name + "/" + path + "." + kilnExtension(extension), "its Jekyll URL could not be"
                        + " worked out (" + e.getMessage() + "); no redirect from it was added"));
            }
            importPage(context, relative, "content/" + name + "/" + path + "." + kilnExtension(extension), text.get(), html, url);
        }
    }

    /** A static file, copied as it is; the report names its top folder once, with how many files it holds. */
    private void copyStatic(Path file, String relative) {
        copy("content/" + relative, file);
        statics++;
        int slash = relative.indexOf('/');
        String top = slash < 0 ? relative : relative.substring(0, slash + 1);
        int count = copiedInFolder.getOrDefault(top, 0);
        staticLines.remove(top);
        staticLines.put(top, new Line("content/" + top, "from " + top + (slash < 0 ? "" : " (" + count + (count == 1 ? " file)" : " files)"))));
    }

    /**
     * The pages jekyll-paginate made of {@code relative} when it is the index of paginate_path's folder ({@code blog/index.html}
     * for {@code /blog/page:num/}: /blog/, /blog/page2/, …), each a redirect to Kiln's home page of that number (/, /page/2/, …),
     * which lists the same posts, newest first, paginate: to a page. Whether there were (the site's own index.html is Kiln's home).
     */
    private boolean redirectPaginatedPages(Context context, String relative) {
        Object pattern = context.config().doc.values().get("paginate_path");
        int slash = relative.lastIndexOf('/');
        if (!(pattern instanceof String path) || !path.contains(":num") || slash < 0 || !stem(relative).equals("index")) {
            return false;
        }
        String numbered = ("/" + path.strip() + "/").replaceAll("/{2,}", "/"); // /blog/page:num/
        String index = numbered.substring(0, numbered.lastIndexOf('/', numbered.indexOf(":num")) + 1);
        if (!index.equals("/" + relative.substring(0, slash + 1)) || !UrlPaths.isSafe(numbered.replace(":num", "2"))) {
            return false;
        }
        int total = Math.max(1, (listedPosts + context.kilnConfig().paginate() - 1) / context.kilnConfig().paginate());
        for (int n = 1; n <= total; n++) {
            String old = n == 1 ? index : numbered.replace(":num", String.valueOf(n));
            write("content" + old + "index.html", redirectPage(context, SiteUrls.home(n)));
        }
        String more = total > 1 ? ", " + numbered.replace(":num", "2") + (total > 2 ? ", …" : "") : "";
        written.add(new Line("content" + index, "redirects from jekyll-paginate's pages (" + index + more + ") to Kiln's home pages ("
                + SiteUrls.home(1) + (total > 1 ? ", " + SiteUrls.home(2) + (total > 2 ? ", …" : "") : "") + ")"));
        return true;
    }

    /** A theme's atom.xml or rss.xml, built by Liquid: Kiln's feed is published at its address instead. */
    private boolean isFeed(String relative, byte[] bytes) {
        if (!(relative.equals("atom.xml") || relative.equals("rss.xml")) || !new String(bytes, StandardCharsets.UTF_8).matches("(?s).*<(feed|rss)\\b.*")) {
            return false;
        }
        feedAliases.add("/" + relative);
        leftOut.add(new Line(relative, "a feed Jekyll built with Liquid; Kiln's own feed is published at /" + relative
                + " too (feed_aliases: in site.yml), so its subscribers keep getting posts"));
        return true;
    }

    /** @param documentUrl a collection document's Jekyll URL ("" when it could not be worked out); null for a page, whose URL is worked out from its path */
    private void importPage(Context context, String relative, String target, String original, boolean html, String documentUrl)
            throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SourceDocument> parsed = new FrontMatterParser().parse(Path.of(target), original, diagnostics);
        if (parsed.isEmpty() || diagnostics.hasErrors()) {
            write(target, original);
            diagnostics.sorted().forEach(d -> toCheck.add(new Line(place(d.position()), "front matter: " + d.message())));
            return;
        }
        pages++;
        List<String> notes = new ArrayList<>();
        String type = documentUrl == null ? "pages" : relative.substring(1, relative.indexOf('/')); // a collection's document
        String text = withDataAuthors(context, target, withDefaults(context, relative, type, original, parsed.get().frontMatter(), notes),
                notes);
        SourceDocument document = text.equals(original) ? parsed.get()
                : new FrontMatterParser().parse(Path.of(target), text, new Diagnostics()).orElse(parsed.get());
        YamlDocument front = document.frontMatter();
        Map<String, Object> values = front.values();
        Map<String, String> added = new LinkedHashMap<>();
        String result = withLayoutContent(context, relative, target, text, document, notes);
        result = renameLayout(result, values, "page", notes);
        if (html || !result.equals(text) && notes.stream().anyMatch(n -> n.startsWith("body from "))) {
            added.put("markdown", "false");
            notes.add("an HTML " + (html ? "page" : "body") + ": markdown: false, so Kiln reads it as HTML, as Jekyll did");
        }
        Object permalink = values.get("permalink");
        Object jekyllPermalink = permalink != null ? permalink : context.config().defaults(relative, "pages").get("permalink");
        String jekyllUrl;
        try {
            jekyllUrl = documentUrl == null ? context.urls().pageUrl(jekyllPermalink == null ? null : String.valueOf(jekyllPermalink),
                    relative, true)
                    : documentUrl.isEmpty() ? null : documentUrl;
        } catch (IllegalArgumentException e) {
            jekyllUrl = null;
        }
        if (jekyllUrl != null) {
            result = ownPermalinkForKiln(context, target, false, result, front, jekyllUrl, notes);
        }
        Optional<String> kilnUrl = kilnUrl(context, target, false, reparsed(target, result, front), added);
        Optional<String> finalUrl = keepUrls && permalink == null && jekyllUrl != null ? Optional.of(jekyllUrl) : kilnUrl;
        if (leftOutForKilnsOwn(context, relative, target, front, jekyllUrl, finalUrl)) {
            return;
        }
        finalUrl.ifPresent(url -> pageUrls.add(TagAnchors.indexKey(url)));
        if (jekyllUrl != null) {
            pageUrls.add(TagAnchors.indexKey(jekyllUrl)); // its redirect keeps the anchor
        }
        List<String> jekyllUrls = new ArrayList<>();
        if (jekyllUrl != null && kilnUrl.isPresent()) {
            keepJekyllUrl(jekyllUrl, kilnUrl.get(), permalink != null, added, jekyllUrls, notes);
        }
        result = keepOldUrls(context, new Place(relative, target, false), result, front, jekyllUrls, added, notes);
        result = withKeys(result, added);
        result = checkLiquid(context, target, baseurlBeforeTags(context, result, notes), null);
        liquidChecked.put(target, false);
        verify(context, target, false, result);
        write(target, result);
        written.add(new Line(target, "from " + relative + note(added, notes)));
    }

    /**
     * A page with no body of its own (a categories or CV page) whose Jekyll layout, one of the site's, made
     * its content: that layout's body, and its own layout's up to the one holding the HTML skeleton, becomes
     * the page's body, as Kiln's theme does not run Jekyll layouts.
     */
    private String withLayoutContent(Context context, String relative, String target, String text, SourceDocument doc, List<String> notes)
            throws IOException {
        Object layout = doc.frontMatter().values().get("layout");
        if (!doc.body().isBlank() || layout == null) {
            return text;
        }
        String content = doc.body();
        List<String> used = new ArrayList<>();
        Path layouts = context.source().resolve("_layouts");
        for (Object name = layout; name != null && used.size() < 10; ) {
            Path file = layouts.resolve(name + ".html").normalize();
            Optional<String> layoutText = file.startsWith(layouts) && Files.isRegularFile(file) ? utf8(file) : Optional.empty();
            if (layoutText.isEmpty()) {
                break;
            }
            Optional<SourceDocument> parsed = new FrontMatterParser().parse(Path.of("_layouts/" + name + ".html"), layoutText.get(),
                    new Diagnostics());
            String body = parsed.map(SourceDocument::body).orElse(layoutText.get());
            if (body.contains("<body") || body.contains("<html")) {
                break; // the skeleton of every page: Kiln's theme has its own
            }
            content = body.replaceAll("\\{\\{-?\\s*content\\s*-?\\}\\}", java.util.regex.Matcher.quoteReplacement(content));
            used.add("_layouts/" + name + ".html");
            name = parsed.map(d -> d.frontMatter().values().get("layout")).orElse(null);
        }
        if (used.isEmpty() || content.isBlank()) {
            return text;
        }
        toCheck.add(new Line(target + ":" + (doc.bodyLine()) + ":1", "its content came from its Jekyll layout " + String.join(", then ", used)
                + ", which Kiln's theme does not run; the import copied the layout's body into the page: check it reads as it did"));
        notes.add("body from " + String.join(", ", used));
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        return text.substring(0, text.length() - doc.body().length()) + (text.endsWith("\n") || text.isEmpty() ? "" : newline)
                + content.strip() + newline;
    }

    /**
     * Whether the page is left out as one of Kiln's own pages is at its URL, or at its Jekyll URL (Chirpy's
     * {@code _tabs/tags.md} at {@code /tags/}): Kiln's answers there, as the page did.
     */
    private boolean leftOutForKilnsOwn(Context context, String relative, String target, YamlDocument front, String jekyllUrl,
                                       Optional<String> finalUrl) {
        String kilnsOwn = finalUrl.map(url -> generatedPage(context, url)).orElse(null);
        String url = finalUrl.orElse(null);
        if (kilnsOwn == null && jekyllUrl != null) {
            kilnsOwn = generatedPage(context, jekyllUrl);
            url = jekyllUrl;
        }
        if (kilnsOwn != null) {
            leaveOutForKilnsOwn(context, relative, target, front, jekyllUrl, url, kilnsOwn);
        }
        return kilnsOwn != null;
    }

    /** A page at {@code url}, where Kiln makes {@code kilnsOwn}: left out, its old .html URL redirected there. */
    private void leaveOutForKilnsOwn(Context context, String relative, String target, YamlDocument front, String jekyllUrl, String url,
                                     String kilnsOwn) {
        pages--;
        toCheck.removeIf(line -> line.place().startsWith(target + ":")); // what was done to a page that is left out
        SourcePosition at = front.positionOf("permalink");
        String place = relative + ":" + (front.values().containsKey("permalink") ? at.line() + ":" + at.column() : "1:1");
        // its Jekyll URL and jekyll-redirect-from's old ones keep answering, as redirect pages to Kiln's page there
        Set<String> olds = new LinkedHashSet<>();
        if (jekyllUrl != null && jekyllUrl.endsWith(".html")) {
            olds.add(jekyllUrl);
        }
        oldUrlEntries(front.values().get("redirect_from"), true).forEach(entry -> olds.add(SiteUrls.redirectFrom(entry)));
        olds.removeIf(old -> !UrlPaths.isSafe(old) || UrlPaths.outputPath(old).equalsIgnoreCase(UrlPaths.outputPath(url)));
        for (String old : olds) {
            String file = "content/" + UrlPaths.outputPath(old);
            write(file, redirectPage(context, url));
            written.add(new Line(file, "a redirect from " + (old.equals(jekyllUrl) ? "Jekyll's " : "redirect_from: ") + old + " to Kiln's " + url));
        }
        String named = olds.size() > 1 ? "its old URLs " : olds.contains(jekyllUrl) ? "its Jekyll URL " : "its old URL ";
        String redirect = olds.isEmpty() ? "" : ", and " + named + String.join(", ", olds) + (olds.size() > 1 ? " redirect" : " redirects")
                + " there";
        toCheck.add(new Line(place, "its URL " + url + " is Kiln's own " + kilnsOwn + "; the import left the page out"
                + " (Kiln's is there instead" + redirect + "); to keep the page, give it another permalink: and import it by hand"));
    }

    /** Which of Kiln's generated pages is at {@code url}, or null when none is. */
    private String generatedPage(Context context, String url) {
        if (url.equals(SiteUrls.ARCHIVE)) {
            return "page of all posts, by year";
        }
        if (url.equals(SiteUrls.TAGS)) {
            return "tag index";
        }
        if (url.equals(SiteUrls.CATEGORIES) && !categorySlugs.isEmpty()) {
            return "category index";
        }
        for (String slug : tagSlugs) {
            if (url.equals(SiteUrls.tag(slug))) {
                return "page of the posts tagged " + slug;
            }
        }
        for (String slug : categorySlugs) {
            if (url.equals(SiteUrls.category(slug))) {
                return "page of the posts in the category " + slug;
            }
        }
        for (String slug : seriesSlugs) {
            if (url.equals(SiteUrls.series(slug))) {
                return "page of the series " + slug;
            }
        }
        if (url.equals(SiteUrls.SEARCH) && context.kilnConfig().search()) {
            return "search page";
        }
        if (SiteUrls.isHomePage(url)) {
            return "home page";
        }
        return null;
    }

    /** A static page at an old URL that sends readers on to {@code url}, as Kiln's own redirects do. */
    private static String redirectPage(Context context, String url) {
        String to = context.kilnConfig().baseurl() + url;
        return "<!doctype html>\n<html lang=\"" + context.kilnConfig().language() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Redirecting</title>\n<link rel=\"canonical\" href=\"" + context.kilnConfig().url() + to + "\">\n"
                + "<script>location.replace(\"" + to + "\" + location.hash)</script>\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + to + "\">\n<meta name=\"robots\" content=\"noindex\">\n"
                + "</head>\n<body>\n<p>This page has moved to <a href=\"" + to + "\">" + to + "</a>.</p>\n</body>\n</html>\n";
    }

    /** What Kiln generates at this path itself, so a copy would collide; null when the path is free. */
    private static String kilnGenerated(String relative) {
        if (relative.equals("feed.xml") || relative.equals("sitemap.xml")) {
            return "Kiln writes its own /" + relative;
        }
        if (relative.equals("index.html") || relative.equals("404.html")) {
            return "Kiln's theme makes its own /" + relative;
        }
        if (relative.startsWith("assets/") && JekyllImporter.class.getResource("/theme/" + relative) != null) {
            return "Kiln's theme publishes a file at /" + relative;
        }
        return null;
    }

    // ---- shared steps

    /** Renames a layout Kiln's theme lacks to {@code fallback}, keeping Jekyll's name in a comment on the same line. */
    private static String renameLayout(String text, Map<String, Object> values, String fallback, List<String> notes) {
        Object layout = values.get("layout");
        if (layout == null || String.valueOf(layout).equals(fallback)) {
            return text;
        }
        return replaceValue(text, "layout", fallback, "Jekyll layout", notes, "layout " + layout + " -> " + fallback);
    }

    /**
     * A post of {@code travel/_posts/} is in the category travel in Jekyll, before those of its front
     * matter; Kiln reads categories from front matter only, so they are written there.
     */
    private static String folderCategories(String text, List<String> folders, Map<String, Object> values, Map<String, String> added,
                                           List<String> notes) {
        if (folders.isEmpty()) {
            return text;
        }
        List<String> own = JekyllUrls.categories(List.of(), null, values.get("categories"));
        String list = "[" + String.join(", ", JekyllUrls.categories(folders, null, values.get("categories")).stream()
                .map(YamlText::quoted).toList()) + "]";
        if (values.get("categories") == null) {
            added.put("categories", list);
            notes.add("categories " + String.join(", ", folders) + " from its folders");
            return text;
        }
        return replaceValue(text, "categories", list, "Jekyll categories", notes, "categories " + String.join(", ", folders)
                + " from its folders, before " + String.join(", ", own));
    }

    /** Jekyll slugifies {@code slug:} itself; Kiln takes only a ready slug, so a value such as {@code My Slug} becomes {@code my-slug}. */
    private static String slugForKiln(String text, Map<String, Object> values, List<String> notes) {
        Object slug = values.get("slug");
        if (slug == null || String.valueOf(slug).matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._~-]*")) {
            return text;
        }
        String slugified = JekyllUrls.slugify(String.valueOf(slug), false, false);
        return slugified.isEmpty() ? text : replaceValue(text, "slug", slugified, "Jekyll slug", notes, "slug " + slug + " -> " + slugified);
    }

    /**
     * A {@code permalink:} of the post or page itself that Kiln cannot read (Jekyll's {@code :categories},
     * {@code :path}, …) becomes the URL Jekyll made of it, Jekyll's pattern kept in a comment.
     */
    private static String ownPermalinkForKiln(Context context, String target, boolean isPost, String text, YamlDocument front,
                                              String jekyllUrl, List<String> notes) {
        Object own = front.values().get("permalink");
        if (own == null) {
            return text;
        }
        Diagnostics diagnostics = new Diagnostics();
        context.kiln().read(Path.of(target), isPost, reparsed(target, text, front), diagnostics);
        SourcePosition at = front.positionOf("permalink");
        if (diagnostics.sorted().stream().noneMatch(d -> d.position().line() == at.line())) {
            return text;
        }
        return replaceValue(text, "permalink", YamlText.quoted(jekyllUrl), "Jekyll permalink", notes,
                "permalink " + own + " -> " + jekyllUrl);
    }

    /**
     * Replaces the one-line value of a top-level front matter key, keeping Jekyll's value in a comment
     * on the same line; when the key is not written on one line, asks the author to change it.
     */
    private static String replaceValue(String text, String key, String value, String label, List<String> notes, String note) {
        Matcher m = Pattern.compile("(?m)^" + key + ":[ \\t]*([^\\r\\n#]*?)[ \\t]*(\\r?)$").matcher(text);
        if (!m.find() || !frontMatterHolds(text, m.start()) || m.group(1).isEmpty()) {
            notes.add(key + " needs a value Kiln takes; set " + key + ": " + value);
            return text;
        }
        notes.add(note);
        return text.substring(0, m.start()) + key + ": " + value + " # " + label + ": " + m.group(1) + m.group(2) + text.substring(m.end());
    }

    /**
     * Replaces a top-level front matter key, its line and the lines of its value below, with {@code key: [items]}
     * (nothing when there are none), the lines as written kept below as comments, after {@code why}.
     */
    private static String replaceEntry(String text, String key, List<String> items, String why) {
        return replaceEntry(text, key, items.isEmpty() ? null : flowList(items) + " #", why);
    }

    /** Like {@link #replaceEntry(String, String, List, String)}, with the value as YAML text (null: none) and its comment. */
    private static String replaceEntry(String text, String key, String value, String why) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "[ \\t]*:").matcher(text);
        if (!m.find() || !frontMatterHolds(text, m.start())) {
            return text;
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        int end = entryEnd(text, m.start());
        StringBuilder entry = new StringBuilder(value == null ? "# " + key + ": none," : key + ": " + value)
                .append(' ').append(why).append(newline);
        for (String line : text.substring(m.start(), end).split("\r?\n", -1)) {
            entry.append("# ").append(line).append(newline);
        }
        return text.substring(0, m.start()) + entry + text.substring(Math.min(text.length(), end + newline.length()));
    }

    /** Where the entry of the front matter key whose line starts at {@code start} ends: before the newline of its last line. */
    private static int entryEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        int lineStart = end + 1;
        while (end >= 0 && lineStart < text.length()) {
            int next = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, next < 0 ? text.length() : next).stripTrailing();
            boolean value = line.startsWith(" ") || line.startsWith("\t") || line.startsWith("- ") || line.equals("-");
            if (!value && !line.isEmpty() && !line.startsWith("#") || line.equals("---") || line.equals("...")) {
                break;
            }
            if (value) {
                end = next < 0 ? text.length() : next;
            }
            lineStart = next + 1;
            if (next < 0) {
                break;
            }
        }
        return end > 0 && text.charAt(end - 1) == '\r' && end < text.length() ? end - 1 : end;
    }

    private static boolean frontMatterHolds(String text, int index) {
        int close = text.indexOf("\n---", 3);
        return text.startsWith("---") && close > index;
    }

    /** Adds keys at the end of the front matter (a new front matter block when there is none); the body is untouched. */
    private static String withKeys(String text, Map<String, String> added) {
        if (added.isEmpty()) {
            return text;
        }
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder keys = new StringBuilder();
        added.forEach((key, value) -> keys.append(key).append(": ").append(value).append(newline));
        if (!text.startsWith("---")) {
            return "---" + newline + keys + "---" + newline + text;
        }
        int lineStart = text.indexOf('\n') + 1;
        while (lineStart > 0 && lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, end < 0 ? text.length() : end).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return text.substring(0, lineStart) + keys + text.substring(lineStart);
            }
            lineStart = end + 1;
        }
        return text;
    }

    /** The front matter of {@code text} after a value was renamed in it ({@code front} when that fails). */
    private static YamlDocument reparsed(String target, String text, YamlDocument front) {
        return new FrontMatterParser().parse(Path.of(target), text, new Diagnostics()).map(SourceDocument::frontMatter).orElse(front);
    }

    /** The URL Kiln gives this file with the keys added so far (a permalink: among them changes it). */
    private Optional<String> kilnUrl(Context context, String target, boolean isPost, YamlDocument front, Map<String, String> added) {
        Map<String, Object> values = new LinkedHashMap<>(front.values());
        if (added.containsKey("date")) {
            values.put("date", added.get("date"));
        }
        Diagnostics ignored = new Diagnostics();
        YamlDocument doc = new YamlDocument(front.file(), values, front.positions(), front.itemPositions());
        return context.kiln().read(Path.of(target), isPost, doc, ignored).map(FrontMatter::url);
    }

    /** Reads the new file as a build will, and reports any problem there at its place in the new site. */
    private void verify(Context context, String target, boolean isPost, String text) {
        List<Diagnostic> diagnostics = context.compiler()
                .parse(new SourceCompiler.MarkdownSource(new TextFile(Path.of(target), text), isPost)).diagnostics();
        diagnostics.forEach(d -> toCheck.add(new Line(place(d.position()), d.message()
                + (d.hint() == null ? "" : " (hint: " + d.hint() + ")"))));
    }

    /**
     * Runs the Liquid of {@code text} as a build will, with every post and file taken to exist (the build
     * checks those) and the includes read from the Jekyll site's _includes/, and returns the text the new
     * site gets: what Kiln cannot run (a tag, a filter) is put in a Liquid comment, here or in the copy of
     * the include that holds it, an include the theme gem gave gets a stand-in, and each is listed under
     * "To check" at its place in the new site. The includes it read are copied. {@code known}: null the first time,
     * which reads the includes as Jekyll's site has them in its first round; after, the errors (by {@link #errorKey},
     * each with how often) that the first time found already, skipped.
     */
    private String checkLiquid(Context context, String target, String text, Map<String, Integer> known) {
        Matcher named = STATIC_INCLUDE.matcher(text);
        while (named.find()) {
            if (includeText(context, named.group(1)) != null) {
                includes.add(named.group(1));
            }
        }
        String current = text;
        List<UnrunnableLiquid.Edit> edits = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            // the first round runs the includes as Jekyll's site has them, so that each error in one names every file using it
            originalIncludes = round == 0 && known == null;
            LiquidResult result = liquid(context, target, current);
            originalIncludes = false;
            boolean editedBefore = !edits.isEmpty();
            boolean changed = includesLookedUp(result);
            collectionsRead(target, result);
            Map<String, Integer> skipped = known == null ? new HashMap<>() : new HashMap<>(known);
            for (Diagnostic d : result.diagnostics()) {
                String file = slashed(d.position().file());
                if (skipped.merge(errorKey(d), -1, Integer::sum) >= 0) {
                    continue; // found the first time, and dealt with then
                } else if (d.usedBy().isEmpty() && d.message().startsWith("unknown Liquid variable ")) {
                    if (!editedBefore) { // found, at its place as written, in a round before this file's first edit
                        unsetVariable(d);
                    }
                } else if (d.message().startsWith("no file " + INCLUDES)) {
                    continue; // a stand-in is written for it (includesLookedUp), and the next round runs with it
                } else if (d.usedBy().isEmpty()) {
                    String place = originalPlace(text, current, edits, d);
                    UnrunnableLiquid.Edit edited = file.equals(target)
                            ? UnrunnableLiquid.commentOut(current, d.position().line(), d.position().column()) : null;
                    toCheck.add(new Line(place, d.message() + "; " + (edited != null ? COMMENTED : "the build reports it here until it is rewritten")));
                    if (edited != null) {
                        current = edited.text();
                        edits.add(edited);
                        changed = true;
                    }
                } else {
                    changed |= includeError(context, d, file, round);
                }
            }
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** Notes the includes a run read, and gives those the site lacks a stand-in; whether it gave one. */
    private boolean includesLookedUp(LiquidResult result) {
        boolean added = false;
        for (SiteLookup.Lookup l : result.lookups()) {
            if (l.kind() != SiteLookup.Kind.INCLUDE) {
                continue;
            }
            if (l.value() != null) {
                includes.add(l.key());
            } else if (!standIns.containsKey(l.key())) {
                standIns.put(l.key(), ThemeIncludes.standIn(l.key()));
                added = true;
            }
        }
        return added;
    }

    /**
     * Liquid that reads one of Jekyll's collections (site.projects): Kiln has none, so it is empty there; noted once per file
     * (a lookup has no place in the file), where Jekyll listed the documents that are pages now.
     */
    private void collectionsRead(String target, LiquidResult result) {
        for (SiteLookup.Lookup l : result.lookups()) {
            if (l.kind() == SiteLookup.Kind.SITE_VARIABLE && collections.containsKey(l.key())) {
                boolean output = collections.get(l.key());
                collectionReads.putIfAbsent(target + "\n" + l.key(), new Line(target, "its Liquid reads site." + l.key() + ", Jekyll's"
                        + " collection " + l.key() + ": Kiln has no collections, so it is empty here and prints nothing"
                        + (output ? " (the collection's documents are pages under content/" + l.key() + "/, in site.pages)" : "")
                        + "; write the list by hand, or loop over site.pages"));
            }
        }
    }

    /** Jekyll prints nothing for a variable nobody set; so will Kiln, with site.yml's liquid: strict_variables: false. */
    private void unsetVariable(Diagnostic d) {
        String variable = d.message().replaceFirst("^unknown Liquid variable '([^']*)'.*", "$1");
        // of a collection, which Kiln lacks, Jekyll printed something
        boolean collection = collections.keySet().stream().anyMatch(name -> variable.equals("site." + name)
                || variable.startsWith("site." + name + "."));
        String place = place(d.position()) + ":" + d.position().column();
        unsetVariables.put(place, new Line(place, "variable " + variable + " is not set: it prints nothing, "
                + (collection ? "where Jekyll printed its collection's" : "as in Jekyll")
                + " (site.yml has liquid: strict_variables: false); " + (collection ? "write it by hand" : "set it") + ", or remove it"));
    }

    /**
     * An error in an include: the first time, put in a Liquid comment in the include's copy; every time, the
     * file using it noted. Whether the run must go again (with the edited copy, to get past the error).
     */
    private boolean includeError(Context context, Diagnostic d, String file, int round) {
        String place = place(d.position()) + ":" + d.position().column();
        String name = file.startsWith(INCLUDES) ? file.substring(INCLUDES.length()) : null;
        String key = place + "\n" + d.message();
        boolean changed = false;
        if (name != null && !includeErrors.containsKey(key)) {
            String includeText = includeText(context, name);
            UnrunnableLiquid.Edit edited = includeText == null ? null
                    : UnrunnableLiquid.commentOut(includeText, d.position().line(), d.position().column());
            if (edited != null) {
                editedIncludes.put(name, edited.text());
                commentedInIncludes.add(key);
                changed = true;
            }
        }
        includeErrors.computeIfAbsent(key, k -> new TreeSet<>(JekyllImporter::comparePlaces))
                .addAll(d.usedBy().stream().map(JekyllImporter::place).toList());
        return changed || round == 0 && editedIncludes.containsKey(name);
    }

    /** A place in the text as the author wrote it, of a diagnostic in the text after the import's edits. */
    private static String originalPlace(String original, String current, List<UnrunnableLiquid.Edit> edits, Diagnostic d) {
        int offset = UnrunnableLiquid.offset(current, d.position().line(), d.position().column());
        if (edits.isEmpty() || offset < 0) {
            return place(d.position()) + ":" + d.position().column();
        }
        for (int i = edits.size() - 1; i >= 0; i--) {
            offset = edits.get(i).before(offset);
        }
        int lineStart = original.lastIndexOf('\n', offset - 1) + 1;
        long line = original.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return slashed(d.position().file()) + ":" + line + ":" + (original.codePointCount(lineStart, offset) + 1);
    }

    private static final String COMMENTED = "Kiln cannot run it, so the import put it in a Liquid comment, word for word (readers see"
            + " nothing there); rewrite it with what Kiln runs, or remove it";

    /** An include's text as the new site will have it: edited by the import, else the Jekyll one. */
    private String includeText(Context context, String name) {
        if (editedIncludes.containsKey(name) && !originalIncludes) {
            return editedIncludes.get(name);
        }
        if (standIns.containsKey(name)) {
            return standIns.get(name);
        }
        Path includesFolder = context.source().resolve("_includes");
        Path include = includesFolder.resolve(name).normalize();
        try {
            return include.startsWith(includesFolder) && Files.isRegularFile(include) ? utf8(include).orElse(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** An error in an include, once, with the posts and pages that include it, rather than once per post. */
    private void reportIncludeErrors() {
        includeErrors.forEach((key, users) -> {
            String[] parts = key.split("\n", 2);
            toCheck.add(new Line(parts[0], parts[1] + "; included at " + String.join(", ", users) + "; "
                    + (commentedInIncludes.contains(key) ? COMMENTED : "the build reports it here until it is rewritten")));
        });
        standIns.forEach((name, text) -> {
            write(INCLUDES + name, text);
            boolean theme = ThemeIncludes.known(name);
            written.add(new Line(INCLUDES + name, theme ? ThemeIncludes.theme(name) + " include, as Kiln writes it (the theme gem gave it to Jekyll)"
                    : "an empty stand-in: no _includes/" + name));
            if (!theme) {
                toCheck.add(new Line(INCLUDES + name, "not in _includes/ (the Jekyll theme gem gave it); the import wrote it empty, so"
                        + " it prints nothing: write its HTML here, or remove the {% include %}s of it"));
            }
        });
        editedIncludes.forEach((name, text) -> write(INCLUDES + name, text));
    }

    /**
     * Links to a tag's or category's anchor on one index page ({@code /tags/#java}) in the imported posts, pages and
     * includes, once every post's tags are known: each leads to Kiln's page of the tag instead, and the file's line in
     * the report says how many; one to a tag no listed post has stays as written, under "To check".
     */
    private void rewriteTagAnchors(Context context) throws IOException {
        TagAnchors.Site site = new TagAnchors.Site(listedTags, listedCategories, pageUrls, context.kilnConfig().url(),
                context.kilnConfig().baseurl());
        for (String target : liquidChecked.keySet()) {
            String text = written(target);
            Optional<SourceDocument> doc = new FrontMatterParser().parse(Path.of(target), text, new Diagnostics());
            if (doc.isPresent()) {
                boolean markdown = !Boolean.FALSE.equals(doc.get().frontMatter().values().get("markdown"));
                rewriteTagAnchors(target, text, text.length() - doc.get().body().length(), markdown, site);
            }
        }
        for (String target : List.copyOf(outputs.keySet())) {
            if (target.startsWith(INCLUDES) && !standIns.containsKey(target.substring(INCLUDES.length()))) {
                String text = outputs.get(target) instanceof CopiedFile copied ? utf8(copied.from()).orElse(null) : written(target);
                if (text != null) {
                    rewriteTagAnchors(target, text, 0, context.config().markdownExtensions.contains(extension(target)), site);
                }
            }
        }
    }

    private void rewriteTagAnchors(String target, String text, int bodyStart, boolean markdown, TagAnchors.Site site) {
        TagAnchors.Result result = TagAnchors.rewrite(text, bodyStart, markdown, site);
        for (TagAnchors.Left left : result.left()) {
            toCheck.add(new Line(target + ":" + left.line() + ":" + left.column(), "link " + left.link() + ": no post Kiln lists "
                    + (left.category() ? "is in the category " : "is tagged ") + left.name() + ", so there is no page for it (and there was no"
                    + " anchor for it on Jekyll's index); left as written, and kiln build's link check reports it"));
        }
        int count = result.rewritten().size();
        if (count == 0) {
            return;
        }
        write(target, result.text());
        TagAnchors.Rewritten first = result.rewritten().get(0);
        String note = "; " + count + (count == 1 ? " link" : " links") + " to a tag or category as an anchor of one index page ("
                + first.from() + ") now" + (count == 1 ? " leads" : " lead") + " to Kiln's page of it (" + first.to()
                + (count == 1 ? "" : ", …") + "): Kiln's indexes have no such anchors";
        written.replaceAll(line -> line.place().equals(target) ? new Line(target, line.note() + note) : line);
    }

    private LiquidResult liquid(Context context, String file, String text) {
        Diagnostics ignored = new Diagnostics();
        Optional<SourceDocument> doc = new FrontMatterParser().parse(Path.of(file), text, ignored);
        if (doc.isEmpty() || Boolean.FALSE.equals(doc.get().frontMatter().values().get("render_with_liquid"))
                || !LiquidRenderer.mayHoldLiquid(doc.get().body())) {
            return new LiquidResult(null, List.of(), List.of());
        }
        SiteLookup site = new SiteLookup() {
            @Override
            public Object resolve(Kind kind, String key) {
                return lookUp(context, kind, key);
            }

            @Override
            public String markdownify(String markdown) {
                return context.compiler().markdownify(markdown); // as the build's, so an include's | markdownify runs here too
            }
        };
        Map<String, Object> values = doc.get().frontMatter().values();
        Object title = values.get("title");
        boolean isPost = file.startsWith("content/posts/");
        Map<String, Object> page = LiquidVariables.page(new LiquidVariables.Source(Path.of(file), isPost, values,
                title == null ? "" : String.valueOf(title), java.time.OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                "/", null, List.of()));
        return new LiquidRenderer().render(Path.of(file), doc.get().body(), doc.get().bodyLine(), page, site);
    }

    /** What the new site's Liquid asks of it, answered for the checks: a _config.yml key it reads is noted for site.yml. */
    private Object lookUp(Context context, SiteLookup.Kind kind, String key) {
        return switch (kind) {
            case INCLUDE -> includeText(context, key);
            case SITE_VARIABLE -> {
                Object value = context.site().value(key);
                Object jekyll = context.config().doc.values().get(key);
                if ((value == null || key.equals("author") && jekyll instanceof Map<?, ?>) && jekyll != null && !key.equals("url")) {
                    siteKeys.add(key); // a _config.yml key that Liquid reads: site.yml gets it as it was
                    yield jekyll;
                }
                yield value;
            }
            case NEIGHBOURS -> Map.of();
            case INCLUDE_RELATIVE -> includedRelative(context, key);
            default -> "/";
        };
    }

    /**
     * The text of the file {@code include_relative} names ({@code key}, a path in the new site): as the import writes or
     * copies it; while files are still imported, else the Jekyll site's file there; null when there is none (the build
     * would stop on it), or it is no UTF-8 text.
     */
    private String includedRelative(Context context, String key) {
        NewFile file = outputs.get(key);
        if (file instanceof WrittenText text) {
            return text.text();
        }
        Path from = file instanceof CopiedFile copied ? copied.from() : allWritten || !key.startsWith("content/") ? null
                : context.source().resolve(key.startsWith("content/posts/") ? "_posts/" + key.substring("content/posts/".length())
                : key.substring("content/".length())).normalize();
        try {
            return from != null && from.startsWith(context.source()) && Files.isRegularFile(from) && Files.size(from) <= 1 << 20
                    ? utf8(from).orElse(null) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The text files of {@code _data/}, at the paths the import gives them in the new site, for the Liquid checks. */
    private static List<TextFile> dataFiles(Path source, JekyllConfig config) throws IOException {
        Path data = source.resolve("_data");
        if (!Files.isDirectory(data) || config.excluded("_data")) {
            return List.of();
        }
        List<TextFile> texts = new ArrayList<>();
        for (Path file : files(data)) {
            Optional<String> text = utf8(file);
            if (text.isPresent()) {
                texts.add(new TextFile(SiteData.FOLDER.resolve(slashed(data.relativize(file))), text.get()));
            }
        }
        return texts;
    }

    /** {@code _data/} becomes {@code content/_data/}, where Kiln's Liquid reads site.data. */
    private void copyData(Context context, Path folder) throws IOException {
        List<Path> files = files(folder);
        for (Path file : files) {
            copy(slashed(SiteData.FOLDER) + "/" + slashed(folder.relativize(file)), file);
        }
        written.add(new Line(slashed(SiteData.FOLDER) + "/", "from _data/ (" + files.size() + (files.size() == 1 ? " file" : " files")
                + "), read by Liquid as site.data"));
    }

    private void copyIncludes(Context context) {
        // an include in a branch the check did not take (a loop over posts, which it does not have) is needed all the same
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(includes);
        while (!todo.isEmpty()) {
            String text = includeText(context, todo.pop());
            Matcher m = STATIC_INCLUDE.matcher(text == null ? "" : text);
            while (m.find()) {
                if (!includes.contains(m.group(1)) && !standIns.containsKey(m.group(1)) && includeText(context, m.group(1)) != null) {
                    includes.add(m.group(1));
                    todo.push(m.group(1));
                }
            }
        }
        for (String name : includes) {
            if (standIns.containsKey(name)) {
                continue;
            }
            copy(INCLUDES + name, context.source().resolve("_includes").resolve(name).normalize());
            written.add(new Line(INCLUDES + name, "from _includes/" + name + " (included by a post or page)"));
        }
    }

    private static String note(Map<String, String> added, List<String> notes) {
        List<String> all = new ArrayList<>();
        if (!added.isEmpty()) {
            all.add("added " + String.join(", ", added.keySet().stream().map(k -> k + ":").toList()));
        }
        all.addAll(notes);
        return all.isEmpty() ? "" : "; " + String.join("; ", all);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String n = part.toString();
                            if (n.startsWith(".") || n.startsWith("_") || n.startsWith("#") || n.endsWith("~")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        }
    }

    private static Optional<String> utf8(Path file) throws IOException {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWithFence(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        if (bytes.length < start + 3 || bytes[start] != '-' || bytes[start + 1] != '-' || bytes[start + 2] != '-') {
            return false;
        }
        for (int i = start + 3; i < bytes.length && bytes[i] != '\n'; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Kiln reads .md and .markdown; other Markdown extensions (and HTML) become .md. */
    private static String kilnExtension(String extension) {
        return extension.equals("md") || extension.equals("markdown") ? extension : "md";
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String stem(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot > 0 ? last.substring(0, dot) : last;
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String at(YamlDocument doc, String key) {
        SourcePosition position = doc.positionOf(key);
        return slashed(doc.file()) + ":" + position.line();
    }

    private static String place(SourcePosition position) {
        return slashed(position.file()) + ":" + position.line();
    }

    private static void sortByPlace(List<Line> lines) {
        lines.sort(java.util.Comparator.comparing(Line::place, JekyllImporter::comparePlaces));
    }

    /** Paths in order, then line and column as numbers ({@code a.md:9:1} before {@code a.md:10:1}). */
    private static int comparePlaces(String a, String b) {
        Matcher ma = PLACE.matcher(a);
        Matcher mb = PLACE.matcher(b);
        ma.matches();
        mb.matches();
        int byPath = ma.group(1).compareTo(mb.group(1));
        if (byPath != 0) {
            return byPath;
        }
        for (int group = 2; group <= 3; group++) {
            int byNumber = Long.compare(number(ma.group(group)), number(mb.group(group)));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return 0;
    }

    private static long number(String digits) {
        return digits == null ? -1 : Long.parseLong(digits);
    }
}
