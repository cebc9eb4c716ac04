package dev.kiln.preview;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns the raw path of a request into a site path, or refuses it. The site is looked up in a map,
 * so no request can reach a file outside it anyway; refusing anything that looks like an escape
 * ({@code ..}, {@code .}, an encoded slash or backslash, a NUL) keeps it that way whatever the
 * lookup becomes.
 */
final class RequestPath {
    private RequestPath() {}

    /** The decoded path, starting with "/", or empty when it is malformed or tries to leave the site. */
    static Optional<String> decode(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length()) {
                    return Optional.empty();
                }
                int value = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
                // An encoded / or \ would smuggle a separator past the segment check below.
                if (value < 0 || value == '/' || value == '\\') {
                    return Optional.empty();
                }
                bytes.write(value);
                i += 2;
            } else if (c > 0x7f) {
                return Optional.empty(); // HTTP clients always percent-encode these
            } else {
                bytes.write(c);
            }
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                return Optional.empty();
            }
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        return Optional.of(path);
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -1000 : digit;
    }
}
