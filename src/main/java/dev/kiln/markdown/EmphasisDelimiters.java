package dev.kiln.markdown;

import com.vladsch.flexmark.parser.core.delimiter.AsteriskDelimiterProcessor;
import com.vladsch.flexmark.parser.core.delimiter.UnderscoreDelimiterProcessor;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;

/**
 * Where {@code *} and {@code _} open and close emphasis, as kramdown reads them: a run opens unless a blank follows
 * it and closes unless a blank comes before it, whatever punctuation is beside it ({@code **注意：**这里},
 * {@code a**(b)**c}); CommonMark's flanking rules left such runs as text. An {@code _} still neither opens after a
 * letter nor closes before a letter or digit ({@code snake_case_word}).
 */
final class EmphasisDelimiters {
    private EmphasisDelimiters() {}

    /**
     * How many of the markers of {@code opener} and {@code closer} one emphasis takes: CommonMark's, without its rule of
     * three, which kramdown does not have ({@code ***bold italic***{: .c}}: the closing run may open too there); but
     * none when that would end an {@code <em>} at two markers, where kramdown never ends one ({@code *nest**ed***}).
     */
    static int use(DelimiterRun opener, DelimiterRun closer) {
        int use = opener.length() < 3 || closer.length() < 3 ? Math.min(closer.length(), opener.length())
                : closer.length() % 2 == 0 ? 2 : 1;
        return use == 1 && closer.length() == 2 ? 0 : use;
    }

    /** {@code *}: kramdown's rules; strong emphasis outside emphasis for {@code ***x***}, as kramdown nests them. */
    static final class Asterisks extends AsteriskDelimiterProcessor {
        Asterisks() {
            super(true);
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
                                   boolean afterIsWhitespace) {
            return !afterIsWhitespace;
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
                                   boolean afterIsWhitespace) {
            return !beforeIsWhitespace;
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return use(opener, closer);
        }
    }

    /** {@code _}: the same, but not inside a word. */
    static final class Underscores extends UnderscoreDelimiterProcessor {
        Underscores() {
            super(true);
        }

        @Override
        public boolean canBeOpener(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
                                   boolean afterIsWhitespace) {
            return !afterIsWhitespace && !Character.isLetter(before.codePointAt(0));
        }

        @Override
        public boolean canBeCloser(String before, String after, boolean leftFlanking, boolean rightFlanking,
                                   boolean beforeIsPunctuation, boolean afterIsPunctuation, boolean beforeIsWhitespace,
                                   boolean afterIsWhitespace) {
            return !beforeIsWhitespace && !Character.isLetterOrDigit(after.codePointAt(0));
        }

        @Override
        public int getDelimiterUse(DelimiterRun opener, DelimiterRun closer) {
            return use(opener, closer);
        }
    }
}
