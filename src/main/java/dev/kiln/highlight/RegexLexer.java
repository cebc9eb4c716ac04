package dev.kiln.highlight;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexer as Rouge and Pygments write theirs: named states, each an ordered list of rules; at each
 * point of the text the first rule of the current state whose regular expression matches there wins,
 * gives its text (or each of its groups) a {@link Kind}, and may push or pop states. A block of code
 * is lexed whole, so a comment or a string may run over lines. Immutable once built, so one lexer
 * serves every thread; each {@link #lex} call keeps its own matchers and state stack.
 */
final class RegexLexer {

    /** What a rule does with the text it matched, or with one of its groups. */
    @FunctionalInterface
    interface Action {
        void apply(Run run, int start, int end);
    }

    /** Receives every character of the text exactly once, in order, as tokens. */
    @FunctionalInterface
    interface TokenSink {
        void token(Kind kind, int start, int end);
    }

    /** Regular expressions read as Rouge's Ruby ones: {@code ^} and {@code $} at every line, {@code \n} the only line end. */
    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;
    private static final int MAX_STATES = 64;
    /** How deep lexers may hand text to others (Markdown's fenced code, HTML's scripts), against runaway nesting. */
    private static final int MAX_NESTING = 4;
    private static final int POP = -1;
    /** A whole word, as {@link #anyOf} delimits one. */
    private static final String WORD = "\\b\\w+\\b";
    private static final int RESET = -2;

    /**
     * A rule; {@code run}, when not null, matches it without the regular-expression engine, and
     * {@code words}, when not null, accepts a match only if its text, spaces trimmed, is one of them.
     */
    private record Rule(int id, Pattern pattern, FirstChars first, FirstChars.CharRun run, Set<String> words,
            boolean plainWord, Action[] actions, int[] next) {}

    /** Where a whole word of the set ({@code \\b\\w+\\b}) starting here ends, or -1. */
    private static int plainWord(String text, int pos, Set<String> words) {
        if (pos > 0 && isAsciiWord(text.charAt(pos - 1)) || !isAsciiWord(text.charAt(pos))) {
            return -1;
        }
        int end = pos + 1;
        while (end < text.length() && isAsciiWord(text.charAt(end))) {
            end++;
        }
        return words.contains(text.substring(pos, end)) ? end : -1;
    }

    private static boolean isAsciiWord(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** Per state, per ASCII character, the rules that may match at that character, in order; [128] for the rest. */
    private final Rule[][][] candidates;
    private final int ruleCount;
    /** The states pushed over the first before lexing starts (Rouge's {@code start} blocks). */
    private final int[] start;

    /**
     * Matchers left by earlier lexings on this thread, one array per lexing under way: making a matcher
     * costs more than most matches, and code blocks are small. A cache only; no result depends on it.
     */
    private final ThreadLocal<ArrayDeque<Matcher[]>> spareMatchers = ThreadLocal.withInitial(ArrayDeque::new);

    private RegexLexer(Rule[][] states, int ruleCount, int[] start) {
        this.candidates = candidates(states);
        this.ruleCount = ruleCount;
        this.start = start;
    }

    void lex(String text, TokenSink sink) {
        lex(text, sink, 0);
    }

    private void lex(String text, TokenSink sink, int nesting) {
        ArrayDeque<Matcher[]> spare = spareMatchers.get();
        Matcher[] matchers = spare.poll();
        Run run = new Run(text, sink, nesting, matchers == null ? new Matcher[ruleCount] : matchers);
        try {
            lex(run);
        } finally {
            spare.push(run.matchers);
        }
    }

    private void lex(Run run) {
        String text = run.text;
        TokenSink sink = run.sink;
        int[] stack = new int[MAX_STATES];
        int top = 0;
        for (int state : start) {
            stack[++top] = state;
        }
        int pos = 0;
        int stalled = 0;
        next:
        while (pos < text.length()) {
            char here = text.charAt(pos);
            for (Rule rule : candidates[stack[top]][Math.min(here, 128)]) {
                if (here >= 128 && !rule.first.mayStartWith(here)) {
                    continue;
                }
                int end = matchAndApply(run, rule, pos);
                if (end < 0) {
                    continue;
                }
                for (int state : rule.next) {
                    if (state == POP) {
                        top = Math.max(0, top - 1);
                    } else if (state == RESET) {
                        top = 0;
                    } else if (top + 1 < MAX_STATES) {
                        stack[++top] = state;
                    }
                }
                // Rules that match nothing only change state; a cycle of them must not hang the build.
                if (end == pos && ++stalled > MAX_STATES) {
                    break;
                }
                if (end > pos) {
                    stalled = 0;
                    pos = end;
                }
                continue next;
            }
            // Nothing matches here: the word, or else the character, as it is (a word at once, so that rules
            // are not tried again inside it); a line end also returns to the root state.
            int after = pos + Character.charCount(text.codePointAt(pos));
            while (after < text.length() && isWordPart(text.charAt(after)) && isWordPart(text.charAt(pos))) {
                after++;
            }
            sink.token(Kind.PLAIN, pos, after);
            if (text.charAt(pos) == '\n' || stalled > MAX_STATES) {
                top = 0;
            }
            stalled = 0;
            pos = after;
        }
    }

    /** Where {@code rule} matches at {@code pos}, its actions applied, or -1 when it does not match there. */
    private int matchAndApply(Run run, Rule rule, int pos) {
        String text = run.text;
        int end = rule.run == null ? rule.words == null || !rule.plainWord ? -2 : plainWord(text, pos, rule.words)
                : rule.run.end(text, pos);
        if (end == -1) {
            return -1;
        }
        if (end >= 0) {
            run.match = null;
            rule.actions[0].apply(run, pos, end);
            return end;
        }
        Matcher matcher = run.matcher(rule);
        if (matcher == null) {
            return -1;
        }
        matcher.region(pos, text.length());
        if (!run.lookingAt(rule, matcher) || matcher.end() == pos && rule.next.length == 0
                || rule.words != null && !rule.words.contains(text.substring(pos, matcher.end()).strip())) {
            return -1;
        }
        end = matcher.end();
        run.match = matcher;
        run.apply(rule.actions, matcher);
        return end;
    }

    /** Sorts each state's rules by the characters they may start with, sharing equal lists. */
    private static Rule[][][] candidates(Rule[][] states) {
        Map<List<Rule>, Rule[]> shared = new HashMap<>();
        Rule[][][] candidates = new Rule[states.length][129][];
        for (int state = 0; state < states.length; state++) {
            for (int c = 0; c <= 128; c++) {
                List<Rule> rules = new ArrayList<>();
                for (Rule rule : states[state]) {
                    if (c == 128 ? rule.first.beyondAscii() : rule.first.mayStartWith((char) c)) {
                        rules.add(rule);
                    }
                }
                candidates[state][c] = shared.computeIfAbsent(rules, list -> list.toArray(Rule[]::new));
            }
        }
        return candidates;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** One lexing of one text: its matchers, made as rules are first tried, and what actions need. */
    static final class Run {
        final String text;
        private final TokenSink sink;
        private final int nesting;
        private final Matcher[] matchers;
        /** Which matchers have been pointed at this text. */
        private final boolean[] ready;
        private boolean[] overflowed;
        private MatchResult match;

        private Run(String text, TokenSink sink, int nesting, Matcher[] matchers) {
            this.text = text;
            this.sink = sink;
            this.nesting = nesting;
            this.matchers = matchers;
            this.ready = new boolean[matchers.length];
        }

        /** The rule's matcher over this text, or null once the rule has run out of stack here. */
        private Matcher matcher(Rule rule) {
            if (overflowed != null && overflowed[rule.id]) {
                return null;
            }
            Matcher matcher = matchers[rule.id];
            if (matcher == null) {
                matcher = rule.pattern.matcher(text);
                // Lookbehinds, \b and ^ see the text before the point, as in Rouge.
                matcher.useTransparentBounds(true).useAnchoringBounds(false);
                matchers[rule.id] = matcher;
            } else if (!ready[rule.id]) {
                matcher.reset(text);
            }
            ready[rule.id] = true;
            return matcher;
        }

        /**
         * Whether the rule matches here. Java's regular expressions recurse once per repetition of a
         * group with alternatives, so a rule meeting a very long string can run out of stack: it then
         * does not match, here or further in this text (retrying it at every point would take long),
         * and later rules take the text in smaller pieces.
         */
        private boolean lookingAt(Rule rule, Matcher matcher) {
            try {
                return matcher.lookingAt();
            } catch (StackOverflowError tooLong) {
                if (overflowed == null) {
                    overflowed = new boolean[matchers.length];
                }
                overflowed[rule.id] = true;
                return false;
            }
        }

        /** One action for the whole match, or one per group; text between groups is plain. */
        private void apply(Action[] actions, Matcher matcher) {
            if (actions.length == 1) {
                actions[0].apply(this, matcher.start(), matcher.end());
                return;
            }
            int at = matcher.start();
            for (int group = 1; group <= actions.length; group++) {
                int start = matcher.start(group);
                if (start < 0 || start == matcher.end(group)) {
                    continue;
                }
                if (start > at) {
                    sink.token(Kind.PLAIN, at, start);
                }
                actions[group - 1].apply(this, start, matcher.end(group));
                at = matcher.end(group);
            }
            if (matcher.end() > at) {
                sink.token(Kind.PLAIN, at, matcher.end());
            }
        }

        /** The current rule's match, for actions that read another group than their own. */
        MatchResult match() {
            return match;
        }

        void emit(Kind kind, int start, int end) {
            if (end > start) {
                sink.token(kind, start, end);
            }
        }

        /** Lexes part of the text with another lexer (code inside HTML, Markdown, a console session), or leaves it plain. */
        void delegate(RegexLexer lexer, int start, int end) {
            if (end <= start) {
                return;
            }
            if (lexer == null || nesting >= MAX_NESTING) {
                sink.token(Kind.PLAIN, start, end);
                return;
            }
            MatchResult saved = match;
            lexer.lex(text.substring(start, end), (kind, from, to) -> sink.token(kind, start + from, start + to), nesting + 1);
            match = saved;
        }
    }

    /** An action that lexes its text with the named language's lexer (plain if Kiln has none). */
    static Action using(String language) {
        return (run, start, end) -> run.delegate(Languages.lexer(language), start, end);
    }

    /** An action that gives a word the kind the table has for it, else {@code otherwise}. */
    static Action words(Map<String, Kind> table, Kind otherwise) {
        return (run, start, end) -> run.emit(table.getOrDefault(run.text.substring(start, end), otherwise), start, end);
    }

    /** As {@link #words}, for languages whose words have no case: the table's words are lower case. */
    static Action wordsIgnoringCase(Map<String, Kind> table, Kind otherwise) {
        return (run, start, end) -> run.emit(
                table.getOrDefault(run.text.substring(start, end).toLowerCase(Locale.ROOT), otherwise), start, end);
    }

    /** A table for {@link #words}: pairs of a kind and the words, separated by spaces, that have it. */
    static Map<String, Kind> table(Object... kindsAndWords) {
        Map<String, Kind> table = new HashMap<>();
        for (int i = 0; i < kindsAndWords.length; i += 2) {
            for (String word : ((String) kindsAndWords[i + 1]).trim().split("\\s+")) {
                table.putIfAbsent(word, (Kind) kindsAndWords[i]);
            }
        }
        return Map.copyOf(table);
    }

    /** The words of a list separated by spaces, as a set (a word given twice is kept once). */
    static Set<String> wordSet(String words) {
        return Set.copyOf(Arrays.asList(words.trim().split("\\s+")));
    }

    /** A regular expression matching any of the words (separated by spaces) as a whole word. */
    static String anyOf(String words) {
        return "\\b(?:" + String.join("|", words.trim().split("\\s+")) + ")\\b";
    }

    /**
     * Builds a lexer state by state. Lexing starts in the state named root. A rule's {@code next}
     * names the states it pushes, separated by spaces, {@code #pop} popping one, {@code #reset}
     * returning to the root state.
     */
    static final class Builder {
        private record Spec(String regex, String next, Action[] actions, String include, Set<String> words) {}

        private final Map<String, List<Spec>> states = new LinkedHashMap<>();
        private List<Spec> current;
        private String start = "";

        /** States to push over the first one before lexing starts, as a rule's {@code next} names them. */
        Builder startIn(String states) {
            start = states;
            return this;
        }

        Builder state(String name) {
            current = new ArrayList<>();
            if (states.put(name, current) != null) {
                throw new IllegalArgumentException("state " + name + " defined twice");
            }
            return this;
        }

        Builder rule(String regex, Action... actions) {
            return rule(regex, "", actions);
        }

        Builder rule(String regex, String next, Action... actions) {
            current.add(new Spec(regex, next, actions, null, null));
            return this;
        }

        /**
         * A rule that matches only where its text (spaces at its ends left out) is one of the words:
         * a word list as one expression of alternatives would be tried word by word at every token.
         */
        Builder ruleIn(Set<String> words, String regex, String next, Action... actions) {
            current.add(new Spec(regex, next, actions, null, words));
            return this;
        }

        /** Whole words of the list (as {@link RegexLexer#anyOf} matches them), found by looking them up. */
        Builder words(String words, String next, Action... actions) {
            return ruleIn(wordSet(words), WORD, next, actions);
        }

        Builder words(String words, Action... actions) {
            return words(words, "", actions);
        }

        /** The rules of another state, in their place. */
        Builder include(String state) {
            current.add(new Spec(null, "", null, state, null));
            return this;
        }

        RegexLexer build() {
            if (!states.containsKey("root")) {
                throw new IllegalArgumentException("no root state");
            }
            // Lexing starts in the root state, number 0.
            List<String> names = new ArrayList<>(states.keySet());
            names.remove("root");
            names.add(0, "root");
            Map<String, Integer> numbers = new HashMap<>();
            for (String name : names) {
                numbers.put(name, numbers.size());
            }
            Rule[][] rules = new Rule[names.size()][];
            int id = 0;
            int index = 0;
            for (String name : names) {
                List<Rule> list = new ArrayList<>();
                for (Spec spec : expand(name, new ArrayList<>())) {
                    Pattern pattern = Pattern.compile(spec.regex, FLAGS);
                    int groups = pattern.matcher("").groupCount();
                    if (spec.actions.length > 1 && groups != spec.actions.length) {
                        throw new IllegalArgumentException(name + ": " + spec.actions.length + " actions for " + groups + " groups in " + spec.regex);
                    }
                    FirstChars.CharRun run = spec.actions.length == 1 && spec.words == null ? FirstChars.charRun(spec.regex) : null;
                    FirstChars first = spec.words == null ? FirstChars.of(spec.regex) : FirstChars.ofWords(spec.words, FirstChars.of(spec.regex));
                    boolean plainWord = spec.words != null && spec.regex.equals(WORD) && spec.actions.length == 1;
                    list.add(new Rule(id++, pattern, first, run, spec.words, plainWord, spec.actions, next(spec.next, numbers)));
                }
                rules[index++] = list.toArray(Rule[]::new);
            }
            return new RegexLexer(rules, id, next(start, numbers));
        }

        private List<Spec> expand(String state, List<String> seen) {
            List<Spec> specs = states.get(state);
            if (specs == null || seen.contains(state)) {
                throw new IllegalArgumentException("no state " + state + " (or it includes itself)");
            }
            seen.add(state);
            List<Spec> expanded = new ArrayList<>();
            for (Spec spec : specs) {
                if (spec.include == null) {
                    expanded.add(spec);
                } else {
                    expanded.addAll(expand(spec.include, seen));
                }
            }
            seen.remove(state);
            return expanded;
        }

        private static int[] next(String next, Map<String, Integer> numbers) {
            if (next.isBlank()) {
                return new int[0];
            }
            return Arrays.stream(next.trim().split("\\s+")).mapToInt(name -> {
                if (name.equals("#pop")) {
                    return POP;
                }
                if (name.equals("#reset")) {
                    return RESET;
                }
                Integer number = numbers.get(name);
                if (number == null) {
                    throw new IllegalArgumentException("no state " + name);
                }
                return number;
            }).toArray();
        }
    }
}
