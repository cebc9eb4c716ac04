package dev.kiln.image;

import java.nio.file.Path;
import java.util.List;

/**
 * What the image stage adds to a site: the catalog pages are rendered with, the files to write
 * (resized copies and the cache manifest), each with its bytes or, when reused from the previous
 * output, the file to copy; and how many copies were resized by this build and how many were reused.
 */
public record ImageSet(ImageCatalog catalog, List<File> files, int resized, int reused) {
    public ImageSet {
        files = List.copyOf(files);
    }

    /** {@code path} is relative to the output folder; {@code source} is the image it was made from, relative to the site root. */
    public record File(String path, byte[] bytes, Path copyFrom, Path source) {}
}
