package dev.kiln.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import dev.kiln.diag.Diagnostic;
import dev.kiln.diag.SourcePosition;
import dev.kiln.source.ThemeFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stage 4: the theme's layouts, compiled once per build (thread-safe once compiled); the only
 * Mustache.java user. {@link #forSite} renders the routes of one site.
 */
public final class ThemeRenderer {
    static final String EXTENSION = ".mustache";
    private static final Pattern MISSING_TEMPLATE = Pattern.compile("Template (\\S+) not found");
    private static final Pattern UNKNOWN_VARIABLE = Pattern.compile("unknown variable \\{\\{(.+?)}}");

    private final Map<String, ThemeFile> files = new LinkedHashMap<>();
    private final Map<String, Mustache> layouts = new TreeMap<>();
    private final Set<String> brokenLayouts = new HashSet<>();
    private final List<Diagnostic> compileErrors = new ArrayList<>();

    /** Compiles every layout of the theme; syntax errors and missing partials are reported, not thrown. */
    public ThemeRenderer(List<ThemeFile> templates) {
        templates.forEach(t -> files.put(t.name(), t));
        ThemeMustacheFactory factory = new ThemeMustacheFactory(files);
        for (ThemeFile file : templates) {
            if (file.name().contains("/")) {
                continue; // partials are compiled through the layouts that use them
            }
            String layout = file.name().substring(0, file.name().length() - EXTENSION.length());
            try {
                layouts.put(layout, factory.compile(file.name()));
            } catch (MustacheException e) {
                brokenLayouts.add(layout);
                Matcher missing = MISSING_TEMPLATE.matcher(cleanMessage(e));
                if (missing.find()) {
                    compileErrors.add(missingPartial(missing.group(1), file));
                } else {
                    compileErrors.add(templateError(e, file.name(), "template: " + cleanMessage(e), "check the {{ }} tags near this line"));
                }
            }
        }
    }

    /** Syntax errors and missing partials found while compiling the layouts. */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(compileErrors);
    }

    /** Where a layout's template is, for messages: {@code templates/home.mustache} or the bundled theme's. */
    public Path layoutFile(String layout) {
        ThemeFile file = files.get(layout + EXTENSION);
        return Path.of(file == null ? "templates/" + layout + EXTENSION : file.displayPath());
    }

    /**
     * @param images the local images pages show, with their sizes and resized copies
     * @param previous the rendering of the last build, whose post summaries may be kept, or null
     */
    public SiteRendering forSite(dev.kiln.model.Site site, dev.kiln.image.ImageCatalog images, SiteRendering previous) {
        return new SiteRendering(this, site, images, previous);
    }

    boolean isBroken(String layout) {
        return brokenLayouts.contains(layout);
    }

    Mustache layout(String layout) {
        return layouts.get(layout);
    }

    Set<String> layoutNames() {
        return layouts.keySet();
    }

    Diagnostic templateError(MustacheException e, String fallbackFile, String message, String hint) {
        TemplateContext context = e.getContext();
        String variable = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MustacheException me && me.getContext() != null) {
                context = me.getContext();
            }
            // Mustache.java may rethrow with the message only, so the name is read back from it.
            Matcher named = UNKNOWN_VARIABLE.matcher(String.valueOf(cause.getMessage()));
            if (named.find()) {
                variable = named.group(1);
            }
        }
        String name = context == null || context.file() == null ? fallbackFile : context.file();
        ThemeFile file = files.get(name);
        Path path = Path.of(file == null ? "templates/" + name : file.displayPath());
        int line = context == null ? 1 : Math.max(1, context.line());
        return Diagnostic.error(new SourcePosition(path, line, column(file, line, variable)), message, hint);
    }

    /**
     * Mustache.java does not say which template asked for a missing partial; the {{> tag is
     * looked up in the layout and the partials, so the message points at the line to fix.
     */
    private Diagnostic missingPartial(String resource, ThemeFile layout) {
        String name = resource.endsWith(EXTENSION) ? resource.substring(0, resource.length() - EXTENSION.length()) : resource;
        Pattern tag = Pattern.compile("\\{\\{\\s*[><]\\s*/?" + Pattern.quote(name) + "\\s*}}");
        SourcePosition where = SourcePosition.startOf(Path.of(layout.displayPath()));
        List<ThemeFile> candidates = new ArrayList<>(List.of(layout));
        candidates.addAll(files.values());
        search:
        for (ThemeFile file : candidates) {
            String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = tag.matcher(lines[i]);
                if (m.find()) {
                    where = new SourcePosition(Path.of(file.displayPath()), i + 1, m.start() + 1);
                    break search;
                }
            }
        }
        String partials = files.keySet().stream().filter(n -> n.startsWith("partials/") && n.endsWith(EXTENSION))
                .map(n -> n.substring(0, n.length() - EXTENSION.length())).collect(Collectors.joining(", "));
        return Diagnostic.error(where, "template: partial '" + name + "' not found",
                "create templates/" + name + EXTENSION + (partials.isEmpty() ? "" : ", or use one of: " + partials));
    }

    /** The column of the {{ tag that names {@code variable} on that line, or 1 when it cannot be found. */
    private static int column(ThemeFile file, int line, String variable) {
        if (file == null || variable == null) {
            return 1;
        }
        String[] lines = new String(file.bytes(), StandardCharsets.UTF_8).split("\n", -1);
        if (line > lines.length) {
            return 1;
        }
        String text = lines[line - 1];
        int at = text.indexOf(variable);
        int open = at < 0 ? -1 : text.lastIndexOf("{{", at);
        return open < 0 ? 1 : open + 1;
    }

    static String cleanMessage(MustacheException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        return message.replaceAll("@\\[[^]]*]", "").replaceAll("\\s+", " ").strip();
    }

}
