package dev.kiln.pipeline;

import dev.kiln.model.Visibility;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Builds one site again and again as the preview does: each build takes the memory the last one returned,
 * told of the files that changed since ({@link #forget}, as the preview's file watcher does).
 */
public final class Rebuilds {
    private final SiteBuilder builder = new SiteBuilder();
    private BuildMemory memory = BuildMemory.EMPTY;

    public BuildResult build(Path root, Visibility visibility, boolean checkLinks) throws IOException {
        BuildResult result = builder.build(root, visibility, checkLinks, memory);
        memory = result.memory();
        return result;
    }

    public void forget(Collection<Path> changed) {
        memory = memory.without(changed);
    }
}
