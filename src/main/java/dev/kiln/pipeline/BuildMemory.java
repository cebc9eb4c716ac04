package dev.kiln.pipeline;

import dev.kiln.compile.SiteCompiler;
import dev.kiln.image.ImageProcessor;
import dev.kiln.image.ImageUses;
import dev.kiln.links.SiteLinkCheck;
import dev.kiln.model.RoutePlanner;
import dev.kiln.output.OutputPlan;
import dev.kiln.source.SourceScanner;
import dev.kiln.template.RouteRenderer;
import dev.kiln.template.Theme;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a build made, for the next build of the same site to reuse: the listing of content/ and each file's text,
 * each source's result, the plan's decisions, the images each document shows and their resized copies, the
 * compiled theme, each route's inputs and bytes, each page's link report, and the output paths checked. Each part
 * belongs to its stage and is reused only where its content keys are equal to this build's.
 */
public record BuildMemory(SourceScanner.Memory scan, SiteCompiler.Memory sources, RoutePlanner.Memory plan,
                          ImageUses.Memory images, ImageProcessor.Memory imagesMade, Theme theme, RouteRenderer.Memory rendered,
                          SiteLinkCheck.Memory links, OutputPlan.Checked outputs) {
    /** Nothing made yet: a cold build. */
    public static final BuildMemory EMPTY = new BuildMemory(SourceScanner.Memory.EMPTY, SiteCompiler.Memory.EMPTY,
            RoutePlanner.Memory.EMPTY, ImageUses.Memory.EMPTY, ImageProcessor.Memory.EMPTY, null, RouteRenderer.Memory.EMPTY,
            SiteLinkCheck.Memory.EMPTY, OutputPlan.Checked.NONE);

    /**
     * This memory without what was made from the files at {@code paths} (relative to the site root), which changed,
     * appeared or went away (the preview's file watcher says which): the next build reads them again, whatever
     * their time stamps say.
     */
    public BuildMemory without(Collection<Path> changed) {
        // a hash set: stages ask it about each of their 12,000 files, and Set.copyOf's sets call equals (a byte comparison of paths) at each probe
        Set<Path> paths = new HashSet<>(changed);
        return new BuildMemory(scan.without(paths), sources.without(paths), plan, images.without(paths),
                imagesMade.without(paths), theme, rendered.without(paths), links,
                outputs);
    }
}
