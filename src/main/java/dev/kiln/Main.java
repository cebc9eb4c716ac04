package dev.kiln;

import dev.kiln.cli.Cli;
import java.time.Clock;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err, Clock.systemUTC()).run(args));
    }
}
