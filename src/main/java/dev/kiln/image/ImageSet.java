package dev.kiln.image;

import java.nio.file.Path;
import java.util.List;

/**
 * What the image stage adds to a site: the catalog pages are rendered with, the files to write
 * (resized copies), each with its bytes or, when reused from the image cache, the file to copy; and
 * what the stage did: how many copies it made and reused, how many images it hashed and decoded; and
 * what the next build may reuse.
 */
public record ImageSet(ImageCatalog catalog, List<File> files, ImageProcessor.Work work, ImageProcessor.Memory memory) {
    public ImageSet {
        files = List.copyOf(files);
    }

    /** {@code path} is relative to the output folder; {@code source} is the image it was made from, relative to the site root. */
    public record File(String path, byte[] bytes, Path copyFrom, Path source) {}
}
