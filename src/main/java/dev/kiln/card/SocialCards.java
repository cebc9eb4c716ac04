package dev.kiln.card;

import dev.kiln.work.Parallel;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the social cards of a build, each once: a card whose key (a hash of what it shows) is in the site's
 * {@value #FOLDER} is taken from there, never drawn again; one drawn anew goes there too when the build
 * may write, so a site that was built once draws only the cards of new or retitled posts.
 */
public final class SocialCards {
    /** Relative to the site root, beside the image cache; the scaffold's .gitignore names .kiln-cache/. */
    public static final String FOLDER = ".kiln-cache/cards";

    private SocialCards() {}

    /** A card a post shares as, and its URL in the site; {@code source} is the post's file, relative to the site root. */
    public record Wanted(SocialCard card, String url, Path source) {}

    /**
     * A card's file in the site: {@code bytes} when drawn by this build, else {@code cached}, the cache's file.
     *
     * @param path the card's path in the output folder, without the leading slash
     * @param source the first post that shares it
     */
    public record File(String path, byte[] bytes, Path cached, Path source) {}

    /** Stats for --profile. */
    public record Made(List<File> files, int drawn, int reused) {}

    /** The files of {@code cards}, each once, in their order; with {@code write}, cards drawn anew are kept in the cache. */
    public static Made make(List<Wanted> cards, Path root, boolean write) {
        Map<String, Wanted> byPath = new LinkedHashMap<>();
        cards.forEach(wanted -> byPath.putIfAbsent(wanted.url(), wanted));
        List<Wanted> unique = new ArrayList<>(byPath.values());
        Path folder = root.toAbsolutePath().normalize().resolve(FOLDER);
        File[] files = new File[unique.size()];
        Parallel.forEach(unique.size(), i -> {
            SocialCard card = unique.get(i).card();
            Path source = unique.get(i).source();
            String path = unique.get(i).url().substring(1);
            Path cached = folder.resolve(card.key() + ".png");
            if (Files.isRegularFile(cached)) {
                files[i] = new File(path, null, cached, source);
                return;
            }
            byte[] png = card.png();
            if (write) {
                keep(cached, png);
            }
            files[i] = new File(path, png, null, source);
        });
        int reused = 0;
        for (File file : files) {
            if (file.cached() != null) {
                reused++;
            }
        }
        return new Made(List.of(files), files.length - reused, reused);
    }

    /** Writes the card into the cache through a temporary file, so no reader sees half of one; a cache that cannot be written is only slower. */
    private static void keep(Path cached, byte[] png) {
        Path temporary = null;
        try {
            Files.createDirectories(cached.getParent());
            temporary = Files.createTempFile(cached.getParent(), ".card-", ".tmp");
            Files.write(temporary, png);
            try {
                Files.move(temporary, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The card is still published from memory; the next build draws it again.
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException ignored) {
                // nothing more to do: a stray .tmp in a cache folder is harmless
            }
        }
    }
}
