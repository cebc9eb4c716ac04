package dev.kiln.highlight;

/**
 * The characters a regular expression's match can begin with, read from its source: a rule whose
 * first characters exclude the one at hand is not tried there, which spares most attempts. The
 * reading is conservative: what it does not understand (a back-reference, an unknown property)
 * allows any character, and an expression that can match nothing allows every character.
 */
final class FirstChars {
    private static final String WHITESPACE = " \t\n\u000B\f\r";

    /** ASCII characters as bits; beyond ASCII, whether some characters are in, and whether all are. */
    private final long low;
    private final long high;
    private final boolean beyondAscii;
    private final boolean allBeyondAscii;

    private FirstChars(long low, long high, boolean beyondAscii, boolean allBeyondAscii) {
        this.low = low;
        this.high = high;
        this.beyondAscii = beyondAscii;
        this.allBeyondAscii = allBeyondAscii;
    }

    private FirstChars(Set set) {
        this(set.low, set.high, set.beyondAscii, set.allBeyondAscii);
    }

    private static final FirstChars ANY = new FirstChars(-1L, -1L, true, true);

    /** Whether some character beyond ASCII may start a match. */
    boolean beyondAscii() {
        return beyondAscii;
    }

    boolean mayStartWith(char c) {
        return c < 64 ? (low & 1L << c) != 0 : c < 128 ? (high & 1L << (c - 64)) != 0 : beyondAscii;
    }

    /** Whether the character is in the set: 1 yes, 0 no, -1 unknown (some characters beyond ASCII are in). */
    int contains(char c) {
        if (c < 128) {
            return mayStartWith(c) ? 1 : 0;
        }
        return allBeyondAscii ? 1 : beyondAscii ? -1 : 0;
    }

    static FirstChars of(String regex) {
        Reader reader = new Reader(regex);
        try {
            Set first = reader.alternation(false);
            if (reader.at < regex.length() || first.canBeEmpty) {
                return ANY;
            }
            return new FirstChars(first);
        } catch (RuntimeException unreadable) {
            return ANY;
        }
    }

    /** The first characters of a word rule: its words' first characters, where its expression allows them. */
    static FirstChars ofWords(java.util.Set<String> words, FirstChars expression) {
        Set set = new Set();
        for (String word : words) {
            if (!word.isEmpty() && expression.contains(word.charAt(0)) != 0) {
                set.add(word.charAt(0), false);
            }
        }
        return new FirstChars(set);
    }

    /**
     * An expression that is a run of characters of one class ({@code \\s+}, {@code [(),;]}), or one
     * character of a class then any of another ({@code [a-z_]\\w*}), matched without the regular
     * expression engine; null for any other expression.
     */
    static CharRun charRun(String regex) {
        if (!isPlainClassSequence(regex)) {
            return null;
        }
        try {
            Reader reader = new Reader(regex);
            Set head = reader.element(new boolean[] {false});
            if (head.canBeEmpty || !head.exact) {
                return null;
            }
            if (reader.at == regex.length()) {
                return new CharRun(new FirstChars(head), false, null);
            }
            if (regex.charAt(reader.at) == '+') {
                reader.at++;
                if (reader.at < regex.length() && regex.charAt(reader.at) == '+') {
                    reader.at++;
                }
                return reader.at == regex.length() ? new CharRun(new FirstChars(head), true, null) : null;
            }
            Set tail = reader.element(new boolean[] {false});
            if (tail.canBeEmpty || !tail.exact || reader.at >= regex.length() || regex.charAt(reader.at) != '*') {
                return null;
            }
            reader.at++;
            if (reader.at < regex.length() && regex.charAt(reader.at) == '+') {
                reader.at++;
            }
            return reader.at == regex.length() ? new CharRun(new FirstChars(head), false, new FirstChars(tail)) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Whether the expression is made only of literal characters, escapes for characters or classes,
     * and bracketed classes, with quantifiers: no groups, alternatives, anchors, dots, boundaries,
     * back-references, properties or bounded repeats.
     */
    private static boolean isPlainClassSequence(String regex) {
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                char escaped = i + 1 < regex.length() ? regex.charAt(++i) : 'x';
                if ("bBAzZGQkhvRX".indexOf(escaped) >= 0 || Character.isDigit(escaped) || escaped == 'x' || escaped == 'u') {
                    return false;
                }
            } else if (inClass) {
                if (c == '[' || c == '&' && i + 1 < regex.length() && regex.charAt(i + 1) == '&') {
                    return false;
                }
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^' && i + 2 < regex.length() && regex.charAt(i + 2) == ']') {
                    i += 2;
                }
            } else if ("().|^${}".indexOf(c) >= 0) {
                return false;
            }
        }
        return !inClass;
    }

    /** A head character, then (if {@code repeat}) more of the same, or (if {@code tail}) any number of the tail's. */
    record CharRun(FirstChars head, boolean repeat, FirstChars tail) {
        /** Where the match starting here ends; -1 for no match, -2 when a character beyond ASCII leaves it open. */
        int end(String text, int at) {
            int in = head.contains(text.charAt(at));
            if (in != 1) {
                return in == 0 ? -1 : -2;
            }
            FirstChars more = repeat ? head : tail;
            int end = at + 1;
            if (more != null) {
                while (end < text.length()) {
                    int next = more.contains(text.charAt(end));
                    if (next == -1) {
                        return -2;
                    }
                    if (next == 0) {
                        break;
                    }
                    end++;
                }
            }
            return end;
        }
    }

    /** A set being built: characters, and whether the part read so far can match nothing. */
    private static final class Set {
        long low;
        long high;
        boolean beyondAscii;
        boolean allBeyondAscii;
        boolean canBeEmpty;
        /** Whether the ASCII part is exact, not a superset (a property read loosely, as \\p{Lu} for all letters). */
        boolean exact = true;
        /** The one character an escape stands for, or -1 for a class of them. */
        int singleChar = -1;

        void add(int c, boolean ignoreCase) {
            if (c >= 128) {
                beyondAscii = true;
                return;
            }
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
            if (ignoreCase && Character.isLetter(c)) {
                int other = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                if (other != c && other < 128) {
                    add(other, false);
                }
            }
            // Java's case-insensitive matching also folds a few non-ASCII letters onto ASCII ones (K, ſ).
            if (ignoreCase && (c == 'k' || c == 'K' || c == 's' || c == 'S')) {
                beyondAscii = true;
            }
        }

        void addRange(int from, int to, boolean ignoreCase) {
            for (int c = from; c <= Math.min(to, 127); c++) {
                add(c, ignoreCase);
            }
            if (to >= 128) {
                beyondAscii = true;
            }
        }

        void addAll(Set other) {
            exact &= other.exact;
            low |= other.low;
            high |= other.high;
            beyondAscii |= other.beyondAscii;
            allBeyondAscii |= other.allBeyondAscii;
        }

        void addAny() {
            low = -1L;
            high = -1L;
            beyondAscii = true;
            allBeyondAscii = true;
        }

        /** Every character but these (a negated class, \W, \S, \D). */
        Set complement() {
            Set complement = new Set();
            complement.low = ~low;
            complement.high = ~high;
            complement.beyondAscii = !allBeyondAscii;
            complement.allBeyondAscii = !beyondAscii;
            complement.exact = exact;
            return complement;
        }
    }

    /** A recursive-descent reading of Java's regular-expression syntax, as far as first characters need. */
    private static final class Reader {
        private final String regex;
        private int at;

        Reader(String regex) {
            this.regex = regex;
        }

        Set alternation(boolean ignoreCase) {
            Set result = new Set();
            boolean[] flags = {ignoreCase};
            Set branch = sequence(flags);
            result.addAll(branch);
            result.canBeEmpty = branch.canBeEmpty;
            while (at < regex.length() && regex.charAt(at) == '|') {
                at++;
                branch = sequence(flags);
                result.addAll(branch);
                result.canBeEmpty |= branch.canBeEmpty;
            }
            return result;
        }

        /** Elements up to a | or ), their first characters until one that cannot be empty; flags[0] is (?i). */
        private Set sequence(boolean[] flags) {
            Set result = new Set();
            boolean open = true;
            while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
                Set element = element(flags);
                boolean optional = quantifier();
                if (open) {
                    result.addAll(element);
                    open = element.canBeEmpty || optional;
                }
            }
            result.canBeEmpty = open;
            return result;
        }

        /** Reads a quantifier if one follows; whether it lets the element match nothing. */
        private boolean quantifier() {
            if (at >= regex.length()) {
                return false;
            }
            char c = regex.charAt(at);
            boolean optional;
            if (c == '*' || c == '?') {
                optional = true;
                at++;
            } else if (c == '+') {
                optional = false;
                at++;
            } else if (c == '{') {
                int close = regex.indexOf('}', at);
                String bounds = regex.substring(at + 1, close);
                optional = bounds.startsWith("0") || bounds.startsWith(",");
                at = close + 1;
            } else {
                return false;
            }
            if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
                at++;
            }
            return optional;
        }

        private Set element(boolean[] flags) {
            char c = regex.charAt(at++);
            Set set = new Set();
            switch (c) {
                case '(' -> {
                    return group(flags);
                }
                case '[' -> {
                    return charClass(flags[0]);
                }
                case '\\' -> {
                    return escape(flags[0], false);
                }
                case '^', '$' -> set.canBeEmpty = true;
                case '.' -> set.addAny();
                default -> set.add(c, flags[0]);
            }
            return set;
        }

        private Set group(boolean[] flags) {
            boolean ignoreCase = flags[0];
            if (regex.startsWith("?", at)) {
                char kind = regex.charAt(at + 1);
                if (kind == '=' || kind == '!' || regex.startsWith("<=", at + 1) || regex.startsWith("<!", at + 1)) {
                    // A lookaround matches nothing itself; ignoring what it asks of the text only allows more.
                    at += kind == '<' ? 3 : 2;
                    alternation(ignoreCase);
                    expect(')');
                    Set empty = new Set();
                    empty.canBeEmpty = true;
                    return empty;
                }
                if (kind == ':' || kind == '>') {
                    at += 2;
                } else if (kind == '<') {
                    at = regex.indexOf('>', at) + 1;
                } else {
                    // Inline flags, (?i) for the rest of the group or (?i:...) for its own.
                    int end = at + 1;
                    while (end < regex.length() && (Character.isLetter(regex.charAt(end)) || regex.charAt(end) == '-')) {
                        end++;
                    }
                    String modes = regex.substring(at + 1, end);
                    boolean turnsOn = modes.indexOf('i') >= 0 && (modes.indexOf('-') < 0 || modes.indexOf('i') < modes.indexOf('-'));
                    boolean turnsOff = modes.indexOf('-') >= 0 && modes.indexOf('i', modes.indexOf('-')) >= 0;
                    boolean groupCase = turnsOn || ignoreCase && !turnsOff;
                    at = end + 1;
                    if (regex.charAt(end) == ')') {
                        flags[0] = groupCase;
                        Set empty = new Set();
                        empty.canBeEmpty = true;
                        return empty;
                    }
                    Set inner = alternation(groupCase);
                    expect(')');
                    return inner;
                }
            }
            Set inner = alternation(ignoreCase);
            expect(')');
            return inner;
        }

        private void expect(char c) {
            if (at >= regex.length() || regex.charAt(at) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at + " in " + regex);
            }
            at++;
        }

        private Set charClass(boolean ignoreCase) {
            boolean negated = regex.startsWith("^", at);
            if (negated) {
                at++;
            }
            Set set = new Set();
            boolean first = true;
            while (first || regex.charAt(at) != ']') {
                first = false;
                char c = regex.charAt(at);
                if (c == '[') {
                    at++;
                    set.addAll(charClass(ignoreCase));
                    continue;
                }
                if (c == '&' && regex.startsWith("&&", at)) {
                    set.addAny();
                    at += 2;
                    continue;
                }
                int from;
                if (c == '\\') {
                    at++;
                    Set escaped = escape(ignoreCase, true);
                    if (escaped.canBeEmpty) {
                        set.addAll(escaped);
                        continue;
                    }
                    from = single(escaped);
                    if (from < 0) {
                        set.addAll(escaped);
                        continue;
                    }
                } else {
                    from = regex.codePointAt(at);
                    at += Character.charCount(from);
                }
                if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                    at++;
                    int to;
                    if (regex.charAt(at) == '\\') {
                        at++;
                        to = single(escape(ignoreCase, true));
                    } else {
                        to = regex.codePointAt(at);
                        at += Character.charCount(to);
                    }
                    if (to < 0) {
                        set.addAny();
                    } else {
                        set.addRange(from, to, ignoreCase);
                    }
                } else {
                    set.add(from, ignoreCase);
                }
            }
            at++;
            return negated ? set.complement() : set;
        }

        private static int single(Set set) {
            return set.singleChar;
        }

        private Set escape(boolean ignoreCase, boolean inClass) {
            char c = regex.charAt(at++);
            Set set = new Set();
            switch (c) {
                case 'd', 'w', 's' -> addShorthand(set, c);
                case 'h', 'v', 'R', 'X' -> set.addAny();
                case 'D', 'W', 'S' -> {
                    Set inverse = escapeClass(Character.toLowerCase(c));
                    return inverse.complement();
                }
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                    if (inClass && c == 'b') {
                        set.add('\b', false);
                    } else {
                        set.canBeEmpty = true;
                    }
                }
                case 'p', 'P' -> {
                    Set property = property(propertyName());
                    return c == 'P' ? property.complement() : property;
                }
                case 'Q' -> {
                    return quoted(set, ignoreCase);
                }
                case 'x' -> {
                    return singleOf(set, hexCode(), ignoreCase);
                }
                case 'u' -> {
                    int code = Integer.parseInt(regex.substring(at, at + 4), 16);
                    at += 4;
                    return singleOf(set, code, ignoreCase);
                }
                case 't', 'n', 'r', 'f', 'e', 'a' -> {
                    return singleOf(set, control(c), false);
                }
                case '0' -> {
                    return singleOf(set, octalCode(), false);
                }
                case 'k' -> {
                    at = regex.indexOf('>', at) + 1;
                    set.addAny();
                    set.canBeEmpty = true;
                }
                default -> {
                    return otherEscape(set, c, ignoreCase);
                }
            }
            return set;
        }

        /** Adds the characters of {@code \\d}, {@code \\w} or {@code \\s} to {@code set}. */
        private static void addShorthand(Set set, char c) {
            switch (c) {
                case 'd' -> set.addRange('0', '9', false);
                case 'w' -> {
                    set.addRange('a', 'z', false);
                    set.addRange('A', 'Z', false);
                    set.addRange('0', '9', false);
                    set.add('_', false);
                }
                default -> {
                    for (char w : WHITESPACE.toCharArray()) {
                        set.add(w, false);
                    }
                }
            }
        }

        /** A back-reference, a letter escape Kiln does not know (any character), or an escaped character itself. */
        private Set otherEscape(Set set, char c, boolean ignoreCase) {
            if (Character.isDigit(c)) {
                // A back-reference: whatever its group matched, perhaps nothing.
                while (at < regex.length() && Character.isDigit(regex.charAt(at))) {
                    at++;
                }
                set.addAny();
                set.canBeEmpty = true;
            } else if (Character.isLetter(c)) {
                set.addAny();
            } else {
                return singleOf(set, c, ignoreCase);
            }
            return set;
        }

        /** The name of {@code \\p{Name}} or {@code \\pL}, after the p. */
        private String propertyName() {
            if (regex.charAt(at) == '{') {
                int close = regex.indexOf('}', at);
                String name = regex.substring(at + 1, close);
                at = close + 1;
                return name;
            }
            return String.valueOf(regex.charAt(at++));
        }

        /** {@code \\Q...\\E}: its first character, if any. */
        private Set quoted(Set set, boolean ignoreCase) {
            int end = regex.indexOf("\\E", at);
            String quoted = regex.substring(at, end < 0 ? regex.length() : end);
            at = end < 0 ? regex.length() : end + 2;
            if (quoted.isEmpty()) {
                set.canBeEmpty = true;
            } else {
                set.add(quoted.charAt(0), ignoreCase);
                set.singleChar = quoted.length() == 1 ? quoted.charAt(0) : -1;
            }
            return set;
        }

        /** The code of {@code \\xHH} or {@code \\x{H...}}, after the x. */
        private int hexCode() {
            if (regex.charAt(at) == '{') {
                int close = regex.indexOf('}', at);
                int code = Integer.parseInt(regex.substring(at + 1, close), 16);
                at = close + 1;
                return code;
            }
            int code = Integer.parseInt(regex.substring(at, at + 2), 16);
            at += 2;
            return code;
        }

        /** The code of {@code \\0ooo}, after the 0. */
        private int octalCode() {
            int end = at;
            while (end < regex.length() && end < at + 3 && regex.charAt(end) >= '0' && regex.charAt(end) <= '7') {
                end++;
            }
            int code = Integer.parseInt(regex.substring(at, end), 8);
            at = end;
            return code;
        }

        private static char control(char letter) {
            return switch (letter) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'f' -> '\f';
                case 'e' -> '\u001B';
                default -> '\u0007';
            };
        }

        private static Set singleOf(Set set, int c, boolean ignoreCase) {
            set.add(c, ignoreCase);
            set.singleChar = c;
            return set;
        }

        private Set escapeClass(char c) {
            String saved = String.valueOf(c);
            Reader reader = new Reader(saved);
            return reader.escape(false, true);
        }

        /** Unicode properties: letters and digits as their ASCII ones and anything beyond; others as any character. */
        private static Set property(String name) {
            Set set = new Set();
            String bare = name.startsWith("Is") ? name.substring(2) : name;
            switch (bare) {
                case "L", "IsL", "Alphabetic", "Alpha", "Letter", "Lu", "Ll", "Lt", "Lm", "Lo", "Uppercase", "Lowercase",
                        "javaLetter", "javaLetterOrDigit", "Alnum", "Word" -> {
                    set.addRange('a', 'z', false);
                    set.addRange('A', 'Z', false);
                    // Exact for ASCII letters as a whole; a superset for one case, or Java's letters.
                    set.exact = !bare.startsWith("L") || bare.equals("L") || bare.equals("Letter");
                    set.exact &= !bare.equals("Uppercase") && !bare.equals("Lowercase") && !bare.startsWith("java");
                    if (bare.equals("Alnum") || bare.equals("Word") || bare.equals("javaLetterOrDigit")) {
                        set.addRange('0', '9', false);
                    }
                    if (bare.equals("Word")) {
                        set.add('_', false);
                    }
                    set.beyondAscii = true;
                }
                case "N", "Nd", "Digit", "IsDigit" -> {
                    set.addRange('0', '9', false);
                    set.beyondAscii = true;
                }
                case "Nl", "Mn", "Mc", "Me", "Cf", "Sm", "So" -> {
                    // Beyond ASCII only, but for the ASCII symbols among Sm (+ < = > | ~) and So (^ ` are Sk).
                    set.beyondAscii = true;
                    if (bare.equals("Sm")) {
                        for (char symbol : "+<=>|~".toCharArray()) {
                            set.add(symbol, false);
                        }
                    }
                    set.exact = !bare.equals("So") && !bare.equals("Cf");
                }
                case "Pc" -> {
                    set.add('_', false);
                    set.beyondAscii = true;
                }
                case "White_Space", "Space" -> {
                    for (char w : WHITESPACE.toCharArray()) {
                        set.add(w, false);
                    }
                    set.beyondAscii = true;
                }
                default -> {
                    set.addAny();
                    set.exact = false;
                }
            }
            return set;
        }
    }
}
