package dev.kiln.preview;

import dev.kiln.diag.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * The site as served at one moment: the files of the last good build, keyed by their path in the
 * output folder ({@code 2019/03/18/slug/index.html}), and the errors of the latest build if it
 * failed. Immutable: a rebuild makes a new snapshot and swaps it in, so a request never sees half
 * a site. {@code version} names the good build; it changes on every good rebuild and every restart.
 * {@code siteUrl} is the address the site is published at (site.yml's url), whose links the preview makes its own.
 */
record SiteSnapshot(String version, String baseurl, String siteUrl, Map<String, ServedFile> files, List<Diagnostic> errors) {

    SiteSnapshot withErrors(List<Diagnostic> newErrors) {
        return new SiteSnapshot(version, baseurl, siteUrl, files, List.copyOf(newErrors));
    }
}
