package dev.kiln.build;

import dev.kiln.diag.Diagnostic;
import dev.kiln.output.OutputPlan;
import java.util.List;

/**
 * The outcome of a build in memory: the files to write, or the errors that stop it (then {@code plan}
 * is null), how many HTML pages it generated, and the baseurl the site is published under (a preview
 * mounts it there).
 */
public record BuildResult(List<Diagnostic> diagnostics, OutputPlan plan, int pages, String baseurl) {
    public boolean succeeded() {
        return plan != null;
    }
}
