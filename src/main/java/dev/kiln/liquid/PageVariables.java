package dev.kiln.liquid;

import java.time.OffsetDateTime;

/** The {@code page.*} variables of the document being rendered; any of them may be null. */
public record PageVariables(String title, String url, OffsetDateTime date, String description, String subtitle) {}
