package dev.kiln.emoji;

import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;

/**
 * GitHub's emoji shortcodes ({@code tada}, {@code +1}, {@code thumbsup}), as Jekyll's jemoji plugin knows them, and
 * the Unicode emoji each stands for; the only user of JEmoji. Its table loads on the first question (a third of a
 * second), so a site that leaves {@code emoji:} off never pays for it.
 */
public final class EmojiNames {
    private EmojiNames() {}

    /**
     * The emoji named {@code name} (without its colons), fully qualified as Unicode spells it ({@code heart} is
     * U+2764 U+FE0F, which browsers draw as an emoji rather than as a text symbol), or null for a name GitHub does
     * not know (then {@code :name:} stays as written, as {@code 10:30:45} must).
     */
    public static String character(String name) {
        return EmojiManager.getByGithubAlias(":" + name + ":").map(Emoji::getEmoji).orElse(null);
    }
}
