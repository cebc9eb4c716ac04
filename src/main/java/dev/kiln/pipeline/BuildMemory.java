package dev.kiln.pipeline;

import dev.kiln.compile.SiteCompiler;
import dev.kiln.image.ImageUses;
import dev.kiln.links.SiteLinkCheck;
import dev.kiln.template.RouteRenderer;
import dev.kiln.template.Theme;
import java.nio.file.Path;
import java.util.Collection;

/**
 * What a build made, for the next build of the same site to reuse: each source's result, the images each
 * document shows, the compiled theme, each route's inputs and bytes, and each page's link report. Each part
 * belongs to its stage and is reused only where its content keys are equal to this build's.
 */
public record BuildMemory(SiteCompiler.Memory sources, ImageUses.Memory images, Theme theme, RouteRenderer.Memory rendered,
                          SiteLinkCheck.Memory links) {
    public static final BuildMemory EMPTY = new BuildMemory(SiteCompiler.Memory.EMPTY, ImageUses.Memory.EMPTY, null,
            RouteRenderer.Memory.EMPTY, SiteLinkCheck.Memory.EMPTY);

    /** This memory without what was made from the files at {@code paths} (relative to the site root). */
    public BuildMemory without(Collection<Path> paths) {
        return new BuildMemory(sources.without(paths), images.without(paths), theme, rendered.without(paths), links);
    }
}
