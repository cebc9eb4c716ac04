package dev.kiln.pipeline;

import dev.kiln.diag.Diagnostic;
import dev.kiln.output.OutputPlan;
import java.util.List;

/**
 * The outcome of a build: the files of the site, or the errors that stop it (then {@code plan} is
 * null), how many HTML pages it generated, the baseurl the site is published under (a preview
 * mounts it there), and where the time went.
 */
public record BuildResult(List<Diagnostic> diagnostics, OutputPlan plan, int pages, String baseurl, BuildProfile profile) {
    public boolean succeeded() {
        return plan != null;
    }
}
