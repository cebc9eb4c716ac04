package dev.kiln.preview;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One file of the previewed site: its bytes, or the source file they are read from when served
 * (content images are not copied into memory on every rebuild). {@code size} and {@code modified}
 * tell whether a copied file changed between two builds.
 */
record ServedFile(byte[] bytes, Path copyFrom, long size, long modified) {

    boolean sameAs(ServedFile other) {
        if (bytes != null) {
            return bytes == other.bytes || other.bytes != null && Arrays.equals(bytes, other.bytes);
        }
        return other.bytes == null && copyFrom.equals(other.copyFrom) && size == other.size && modified == other.modified;
    }
}
