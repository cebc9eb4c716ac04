package dev.kiln.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Photo-like test images: smooth colour fields with grain, so they compress as photos do, not as flat colour. */
public final class TestImages {
    private TestImages() {}

    public static BufferedImage photo(int width, int height, long seed, boolean alpha) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        double fx = 2 + random.nextInt(5);
        double fy = 2 + random.nextInt(5);
        double phase = random.nextDouble() * 6;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double wave = Math.sin(u * fx * Math.PI + phase) * Math.cos(v * fy * Math.PI) * 60;
                int grain = random.nextInt(25) - 12;
                int r = clamp(110 + (int) (u * 90 + wave) + grain);
                int g = clamp(90 + (int) (v * 100 - wave / 2) + grain);
                int b = clamp(140 + (int) ((1 - u) * 70 + wave / 3) + grain);
                int a = alpha && x < width / 3 ? 0 : 255;
                row[x] = (a << 24) | (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    public static void write(BufferedImage image, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, format, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
