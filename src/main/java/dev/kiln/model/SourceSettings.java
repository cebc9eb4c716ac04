package dev.kiln.model;

import java.time.ZoneId;
import java.util.Map;

/**
 * The settings a single source's result depends on: a change to any of them re-reads every source. {@code kramdown}: the
 * kramdown options of site.yml, which every document starts with.
 */
public record SourceSettings(ZoneId timezone, String author, String permalink, boolean safeMode, String baseurl,
                             boolean emoji, Map<String, String> kramdown) {
    public SourceSettings(ZoneId timezone, String author, String permalink, boolean safeMode, String baseurl) {
        this(timezone, author, permalink, safeMode, baseurl, false, Map.of());
    }

    public static SourceSettings of(SiteConfig config) {
        return new SourceSettings(config.timezone(), config.author(), config.permalink(), config.safeMode(), config.baseurl(),
                config.emoji(), config.kramdown());
    }
}
