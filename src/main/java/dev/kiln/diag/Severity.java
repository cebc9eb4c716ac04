package dev.kiln.diag;

/** Only errors: Kiln never warns and publishes anyway (a problem worth telling is worth fixing). */
public enum Severity {
    ERROR;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
