package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one option parser of every command, on its own: what it accepts, and the words of what it refuses. */
class OptionParserTest {
    private static final Option SOURCE = Option.valued("--source", "-s");
    private static final Option PORT = Option.valued("--port");
    private static final Option DRAFTS = Option.flag("--drafts");
    private static final Option QUIET = Option.flag("--quiet", "-q");
    private static final OptionParser PARSER = OptionParser.of(SOURCE, PORT, DRAFTS, QUIET);

    private static String refusal(OptionParser parser, String... args) {
        return assertThrows(UsageException.class, () -> parser.parse(List.of(args))).getMessage();
    }

    @Test
    void readsFlagsValuesAndAliases() {
        Arguments arguments = PARSER.parse(List.of("--drafts", "-s", "blog", "--port", "4001", "-q"));
        assertTrue(arguments.has(DRAFTS));
        assertTrue(arguments.has(QUIET), "-q is --quiet");
        assertEquals(Path.of("blog"), arguments.path(SOURCE, Path.of(".")));
        assertEquals("4001", arguments.value(PORT, "4000"));
        assertEquals(List.of(), arguments.positionals());
    }

    @Test
    void whatIsNotGivenIsTheDefault() {
        Arguments arguments = PARSER.parse(List.of());
        assertFalse(arguments.has(DRAFTS));
        assertEquals(Path.of("."), arguments.path(SOURCE, Path.of(".")));
        assertEquals("4000", arguments.value(PORT, "4000"));
    }

    @Test
    void aValueMayFollowAnEqualsSign() {
        Arguments arguments = PARSER.parse(List.of("--source=my blog", "--port=0"));
        assertEquals(Path.of("my blog"), arguments.path(SOURCE, null));
        assertEquals("0", arguments.value(PORT, null));
        assertEquals("a=b", PARSER.parse(List.of("--source=a=b")).value(SOURCE, null), "only the first = separates");
        assertEquals("--source needs a value", refusal(PARSER, "--source="));
        assertEquals("unknown option '--drafts=yes'; did you mean --drafts?", refusal(PARSER, "--drafts=yes"),
                "a flag takes no value");
        assertEquals("unknown option '-s=x'", refusal(PARSER, "-s=x"), "the = form is for long names");
    }

    @Test
    void aMissingValueIsNamed() {
        assertEquals("--source needs a value", refusal(PARSER, "--source"));
        assertEquals("--source needs a value", refusal(PARSER, "-s"), "named by its long name");
        assertEquals("--source needs a value", refusal(PARSER, "--source", "--drafts"), "the next option is not its value");
        assertEquals(Path.of("-x"), PARSER.parse(List.of("--source", "-x")).path(SOURCE, null), "one dash can start a value");
        assertEquals("", PARSER.parse(List.of("--source", "")).value(SOURCE, null), "an empty value given after a space counts");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheClosestDeclaredOne() {
        assertEquals("unknown option '--sorce'; did you mean --source?", refusal(PARSER, "--sorce", "x"));
        assertEquals("unknown option '--frobnicate'", refusal(PARSER, "--frobnicate"), "no suggestion when none is close");
        assertEquals("unknown option '-x'", refusal(PARSER, "-x"), "short aliases are never suggested");
        assertEquals("unknown option '--draft'; did you mean --drafts?", refusal(PARSER, "--draft"));
        assertEquals("unknown option '--'", refusal(PARSER, "--"));
        assertEquals("unknown option '--bogus'", refusal(PARSER, "--drafts", "--bogus", "--quiet"), "wherever it is");
    }

    @Test
    void aCommandMayWordTheRefusalItself() {
        OptionParser parser = PARSER.refusing(arg -> arg.equals("--output") ? "check writes nothing, so it takes no --output" : null);
        assertEquals("check writes nothing, so it takes no --output", refusal(parser, "--output", "x"));
        assertEquals("unknown option '--sorce'; did you mean --source?", refusal(parser, "--sorce"), "null: the usual words");
    }

    @Test
    void aCheckedValueIsRefusedWhereItStands() {
        OptionParser parser = OptionParser.of(Option.valued("--port").checking(v -> v.matches("\\d+") ? null : "--port needs a number, not '" + v + "'"),
                DRAFTS);
        assertEquals("4001", parser.parse(List.of("--port=4001")).value(PORT, null));
        assertEquals("--port needs a number, not 'http'", refusal(parser, "--port", "http", "--bogus"));
        assertEquals("--port needs a number, not 'x'", refusal(parser, "--port=x"));
        assertEquals("unknown option '--bogus'", refusal(parser, "--bogus", "--port", "http"));
    }

    @Test
    void givenTwiceTheLastValueCounts() {
        Arguments arguments = PARSER.parse(List.of("--source", "a", "--drafts", "--source=b", "--drafts"));
        assertEquals(Path.of("b"), arguments.path(SOURCE, null));
        assertTrue(arguments.has(DRAFTS));
    }

    @Test
    void positionalArgumentsAreCountedInOrder() {
        String tooMany = "new post takes one title; quote it: kiln new post \"My title\"";
        OptionParser one = PARSER.positionals(1, tooMany);
        assertEquals(List.of("My title"), one.parse(List.of("--drafts", "My title")).positionals());
        assertEquals(tooMany, refusal(one, "a", "b"));
        assertEquals(tooMany, refusal(one, "a", "b", "--bogus"), "the first problem in order is the one reported");
        assertEquals("unknown option '--bogus'", refusal(one, "a", "--bogus", "b"));
        assertEquals(List.of("jekyll", "a", "b"), PARSER.positionals(Integer.MAX_VALUE, null).parse(List.of("jekyll", "a", "b"))
                .positionals());
    }

    @Test
    void whereNoneAreTakenAPositionalArgumentIsRefusedLikeAnOption() {
        assertEquals("unknown option 'source'; did you mean --source?", refusal(PARSER, "source"));
        assertEquals("unknown option 'site'", refusal(PARSER, "site"));
    }

    @Test
    void helpIsAskedForByEitherName() {
        assertTrue(OptionParser.asksForHelp(List.of("post", "x", "-h")));
        assertTrue(OptionParser.asksForHelp(List.of("--help")));
        assertFalse(OptionParser.asksForHelp(List.of("--helpful", "-hx")));
    }
}
