package dev.kiln.diag;

/**
 * An error stops the build. A warning does not: it is only for input Kiln can safely leave out and a build
 * imported from Jekyll meets (an alias that is the page's own URL but for case), never for something it publishes broken.
 */
public enum Severity {
    ERROR, WARNING;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
