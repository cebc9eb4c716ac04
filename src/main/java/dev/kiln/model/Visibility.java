package dev.kiln.model;

import java.time.Instant;

/** Which posts a build publishes: drafts and posts dated after {@code now} only when asked for. */
public record Visibility(boolean drafts, boolean future, Instant now) {
    public static Visibility published(Instant now) {
        return new Visibility(false, false, now);
    }
}
