package dev.kiln.model;

/** A tag as shown ({@code name}) and its URL segment ({@code slug}), unique within a site. */
public record Tag(String name, String slug) {}
