package dev.kiln.template;

import dev.kiln.source.ThemeFile;
import java.util.Arrays;
import java.util.List;

/** The theme's files and their templates compiled: compiled once, and again only when one of the files changes. */
public record Theme(List<ThemeFile> files, ThemeRenderer renderer) {
    /** The theme made of {@code files}: {@code previous} when its files have the same names, origins and bytes. */
    public static Theme of(List<ThemeFile> files, Theme previous) {
        return previous != null && previous.madeFrom(files) ? previous : new Theme(List.copyOf(files), new ThemeRenderer(files));
    }

    /** Whether this theme was compiled from files equal to {@code others}. */
    public boolean madeFrom(List<ThemeFile> others) {
        if (files.size() != others.size()) {
            return false;
        }
        for (int i = 0; i < files.size(); i++) {
            ThemeFile a = files.get(i);
            ThemeFile b = others.get(i);
            if (!a.name().equals(b.name()) || !a.origin().equals(b.origin()) || !Arrays.equals(a.bytes(), b.bytes())) {
                return false;
            }
        }
        return true;
    }
}
