package dev.kiln.build;

import java.util.List;

/**
 * Where a build's time went: each stage in order, and the slowest pages and templates (by the time
 * spent executing them, summed over their pages). Times in milliseconds.
 */
public record BuildProfile(List<Timing> stages, List<Timing> slowestPages, List<Timing> slowestTemplates, int rendered,
                           int reused) {
    public record Timing(String name, double millis) {}
}
