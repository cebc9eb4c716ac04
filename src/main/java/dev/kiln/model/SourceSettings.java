package dev.kiln.model;

import java.time.ZoneId;

/** The settings a single source's result depends on: a change to any of them re-reads every source. */
public record SourceSettings(ZoneId timezone, String author, String permalink, boolean safeMode, String baseurl, boolean emoji) {
    public static SourceSettings of(SiteConfig config) {
        return new SourceSettings(config.timezone(), config.author(), config.permalink(), config.safeMode(), config.baseurl(),
                config.emoji());
    }
}
