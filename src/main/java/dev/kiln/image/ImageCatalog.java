package dev.kiln.image;

import dev.kiln.work.FrozenMap;
import java.util.List;
import java.util.Map;

/**
 * What a build knows about the site's local images that pages show, by site path without the
 * baseurl ({@code /img/photo.jpg}): their size in CSS pixels and the smaller copies made of them.
 * Pages print it as {@code width}, {@code height} and {@code srcset}; two equal catalogs give equal pages.
 */
public record ImageCatalog(Map<String, Image> images) {
    public ImageCatalog {
        images = FrozenMap.copyOf(images);
    }

    public static ImageCatalog empty() {
        return new ImageCatalog(Map.of());
    }

    /** The image at a site path, or null when it is not a local image the build could read. */
    public Image find(String sitePath) {
        return sitePath == null ? null : images.get(sitePath);
    }

    /**
     * One image as a browser shows it (its EXIF orientation applied); {@code variants} are the resized
     * copies, narrowest first, empty when the image is no wider than the content column, not a JPEG or PNG, or
     * could not be decoded (its size is then its header's);
     * {@code webp} its WebP copies at those widths and its own (up to 1,920 px), narrowest first, empty
     * unless each is smaller than what it stands for.
     */
    public record Image(String path, int width, int height, List<Variant> variants, List<Variant> webp) {
        public Image {
            variants = List.copyOf(variants);
            webp = List.copyOf(webp);
        }
    }

    /** A resized copy, by site path without the baseurl. */
    public record Variant(String path, int width, int height) {}
}
