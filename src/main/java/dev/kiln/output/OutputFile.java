package dev.kiln.output;

import dev.kiln.diag.SourcePosition;
import java.nio.file.Path;

/**
 * One file of the finished site: {@code path} relative to the output folder, its bytes or the file
 * to copy them from, and the source that produced it (for collision messages).
 */
public record OutputFile(String path, byte[] bytes, Path copyFrom, SourcePosition origin) {
    public static OutputFile of(String path, byte[] bytes, SourcePosition origin) {
        return new OutputFile(path, bytes, null, origin);
    }

    public static OutputFile copy(String path, Path from, SourcePosition origin) {
        return new OutputFile(path, null, from, origin);
    }
}
