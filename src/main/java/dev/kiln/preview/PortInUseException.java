package dev.kiln.preview;

import java.io.IOException;

/** The preview server could not listen because another program already uses the address. */
public final class PortInUseException extends IOException {
    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use", cause);
    }
}
