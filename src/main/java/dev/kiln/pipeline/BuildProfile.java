package dev.kiln.pipeline;

import dev.kiln.image.ImageProcessor;
import java.util.List;

/**
 * Where a build's time went: each stage in order, and the slowest pages and templates (by the time
 * spent executing them, summed over their pages); which generated files were rendered and how
 * many were kept from the last build (given its memory); what the image stage did (copies
 * made and reused from the image cache, images hashed and decoded); how many Markdown bodies were compiled
 * and how many were taken from the site's cache folder; which pages' links were checked anew. Times in milliseconds.
 */
public record BuildProfile(List<Timing> stages, List<Timing> slowestPages, List<Timing> slowestTemplates,
                           List<String> renderedFiles, int reused, ImageProcessor.Work images, int bodiesCompiled,
                           int bodiesFromCache, List<String> linkCheckedPages) {
    public BuildProfile {
        stages = List.copyOf(stages);
        renderedFiles = List.copyOf(renderedFiles);
        linkCheckedPages = List.copyOf(linkCheckedPages);
    }

    /** This profile with one more stage at the end. */
    BuildProfile and(Timing stage) {
        List<Timing> more = new java.util.ArrayList<>(stages);
        more.add(stage);
        return new BuildProfile(more, slowestPages, slowestTemplates, renderedFiles, reused, images, bodiesCompiled, bodiesFromCache,
                linkCheckedPages);
    }

    /** How many generated files were rendered anew ({@code renderedFiles}, sorted, says which). */
    public int rendered() {
        return renderedFiles.size();
    }

    public int imagesResized() {
        return images.resized();
    }

    public int imagesReused() {
        return images.reused();
    }

    /** How many generated files the build had: rendered anew or kept from the last build. */
    public int routes() {
        return rendered() + reused;
    }

    public record Timing(String name, double millis) {}
}
