package dev.kiln.preview;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Answers 414 URI Too Long to a request whose path is over {@link ServerLimits#MAX_PATH} characters
 * or whose whole target is over {@link ServerLimits#MAX_TARGET}, before any handler sees it. No
 * page of a site has such an address, and the answer does not repeat it.
 */
final class TargetLengthFilter extends Filter {

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        URI target = exchange.getRequestURI();
        String path = target.getRawPath();
        if ((path != null && path.length() > ServerLimits.MAX_PATH) || target.toString().length() > ServerLimits.MAX_TARGET) {
            try (exchange) {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                SiteHandler.send(exchange, 414, "text/plain; charset=utf-8", ("414 URI too long: the preview answers paths up to "
                        + ServerLimits.MAX_PATH + " characters\n").getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "414 for request targets over " + ServerLimits.MAX_TARGET + " characters or paths over " + ServerLimits.MAX_PATH;
    }
}
