package dev.kiln.preview;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** {@code kiln serve --open}: asks the operating system to open the preview in the default browser. */
public final class BrowserOpener {
    private BrowserOpener() {}

    /** @throws IOException when the opener cannot be started; its message names the program and why */
    public static void open(URI address) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac") ? List.of("open", address.toString())
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", address.toString())
                : List.of("xdg-open", address.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + ": " + e.getMessage(), e);
        }
    }
}
