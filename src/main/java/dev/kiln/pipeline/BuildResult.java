package dev.kiln.pipeline;

import dev.kiln.diag.Diagnostic;
import dev.kiln.output.OutputPlan;
import java.util.List;

/**
 * The outcome of a build: the files of the site, or the errors that stop it (then {@code plan} is
 * null), how many HTML pages it generated, the baseurl the site is published under (a preview
 * mounts it there) and its address (site.yml's url: a preview makes links to it its own), where the time went, and what
 * the next build of the same site may reuse.
 */
public record BuildResult(List<Diagnostic> diagnostics, OutputPlan plan, int pages, String baseurl, String siteUrl,
                          BuildProfile profile, BuildMemory memory) {
    public boolean succeeded() {
        return plan != null;
    }
}
