package dev.kiln.liquid;

/** A Liquid error at {@code offset} of the file being run; reported as a diagnostic, never thrown out of the package. */
final class LiquidException extends RuntimeException {
    final int offset;
    final String hint;

    LiquidException(int offset, String message, String hint) {
        super(message, null, false, false);
        this.offset = offset;
        this.hint = hint;
    }
}
