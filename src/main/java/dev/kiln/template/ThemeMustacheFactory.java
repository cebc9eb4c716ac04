package dev.kiln.template;

import com.github.mustachejava.DefaultMustacheFactory;
import dev.kiln.source.ThemeFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Resolves templates from the theme files of one build. A new factory per build: Mustache.java
 * caches compiled templates forever, which would serve stale pages while previewing.
 */
final class ThemeMustacheFactory extends DefaultMustacheFactory {
    ThemeMustacheFactory(Map<String, ThemeFile> files) {
        super(name -> {
            ThemeFile file = files.get(name);
            return file == null ? null : new StringReader(new String(file.bytes(), StandardCharsets.UTF_8));
        });
        setObjectHandler(new StrictObjectHandler());
    }

    /** Partial names are always relative to the theme root, wherever the including template lives. */
    @Override
    public String resolvePartialPath(String dir, String name, String extension) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        return path.endsWith(extension) ? path : path + extension;
    }
}
