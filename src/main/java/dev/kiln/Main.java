package dev.kiln;

import dev.kiln.cli.Cli;
import java.time.Clock;

public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Images are resized with Java 2D; headless, it never opens a window or a macOS Dock icon.
        System.setProperty("java.awt.headless", "true");
        // A console means a person is watching: long builds show their progress, and errors are
        // coloured unless NO_COLOR is set; pipes and CI get plain text.
        boolean terminal = System.console() != null;
        System.exit(new Cli(System.out, System.err, Clock.systemUTC(), terminal, Cli.colourFor(terminal, System.getenv())).run(args));
    }
}
