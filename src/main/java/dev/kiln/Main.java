package dev.kiln;

import dev.kiln.cli.Cli;
import java.time.Clock;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // A console means a person is watching: builds longer than a second then show their progress.
        System.exit(new Cli(System.out, System.err, Clock.systemUTC(), System.console() != null).run(args));
    }
}
