package dev.kiln.model;

import java.util.List;

/**
 * One author of a post or page as Jekyll's plugins read {@code author:}: the name readers see, and where the map form
 * gave them, the author's address ({@code url:}, or jekyll-feed's {@code uri:}) and {@code email:}, each null when not given.
 */
public record Author(String name, String url, String email) {

    /** The names as a reader expects them in a line of text: "Jane", "Jane and Joe", "Jane, Joe and Ann"; "" for none. */
    public static String names(List<Author> authors) {
        List<String> names = authors.stream().map(Author::name).toList();
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
