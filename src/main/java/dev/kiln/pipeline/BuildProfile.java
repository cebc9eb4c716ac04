package dev.kiln.pipeline;

import java.util.List;

/**
 * Where a build's time went: each stage in order, and the slowest pages and templates (by the time
 * spent executing them, summed over their pages); how many generated files were rendered and how
 * many were kept from the last build (by a remembering builder); how many resized copies of images
 * were made and how many were reused (from memory or the previous output). Times in milliseconds.
 */
public record BuildProfile(List<Timing> stages, List<Timing> slowestPages, List<Timing> slowestTemplates, int rendered,
                           int reused, int imagesResized, int imagesReused) {
    /** How many generated files the build had: rendered anew or kept from the last build. */
    public int routes() {
        return rendered + reused;
    }

    public record Timing(String name, double millis) {}
}
