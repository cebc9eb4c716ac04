package dev.kiln.preview;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers 403 to every request whose {@code Host} (or absolute request target) names a host that is
 * not this preview's: a page on another site can rebind its domain name to 127.0.0.1 and then read
 * the preview, drafts and the error overlay included, unless the preview refuses names it does not
 * own (webpack-dev-server and Vite do the same). The names it owns: {@code localhost},
 * {@code 127.0.0.1} and {@code [::1]}, the {@code --host} the author gave, and, when that is a
 * wildcard such as {@code 0.0.0.0}, this computer's name and the addresses of its network
 * interfaces; each with or without a port.
 */
final class HostCheck extends Filter {
    private final Set<String> names;

    private HostCheck(Set<String> names) {
        this.names = Collections.unmodifiableSet(names);
    }

    /** The names a server started with {@code --host hostOption} and bound to {@code bound} answers to. */
    static HostCheck forServer(String hostOption, InetAddress bound) {
        Set<String> names = new TreeSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        String option = hostOption.toLowerCase(Locale.ROOT);
        if (option.startsWith("[") && option.endsWith("]")) {
            option = option.substring(1, option.length() - 1);
        }
        names.add(option.contains(":") ? ipv6(option) : option);
        names.add(literal(bound));
        if (bound.isAnyLocalAddress()) {
            try {
                for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    Collections.list(network.getInetAddresses()).forEach(address -> names.add(literal(address)));
                }
            } catch (SocketException e) {
                // no interface list: the loopback names still work
            }
            try {
                names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
            } catch (IOException e) {
                // no host name: addresses still work
            }
        }
        return new HostCheck(names);
    }

    /** The names requests may use, lower case, IPv6 addresses in brackets. */
    Set<String> names() {
        return names;
    }

    /** Whether a request naming this authority ({@code host} or {@code host:port}) is for this preview. */
    boolean allows(String authority) {
        if (authority == null) {
            return false;
        }
        String host = authority.strip().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']')) {
            String port = host.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            host = host.substring(0, colon);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return names.contains(ipv6(host.substring(1, host.length() - 1)));
        }
        return names.contains(host);
    }

    /** An IPv6 address in brackets, in the form {@link #literal} writes; garbage stays garbage, and no name is looked up. */
    private static String ipv6(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return "[" + text + "]";
        }
        try {
            return literal(InetAddress.getByName(text));
        } catch (IOException e) {
            return "[" + text + "]";
        }
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        URI target = exchange.getRequestURI();
        boolean allowed = hosts != null && hosts.size() == 1 && allows(hosts.get(0))
                && (target.getRawAuthority() == null || allows(target.getRawAuthority()));
        if (allowed) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            // The answer never repeats the name asked for.
            SiteHandler.send(exchange, 403, "text/plain; charset=utf-8", ("403 forbidden: this preview answers only to "
                    + String.join(", ", names) + " (a page elsewhere may have pointed its own name at this computer"
                    + " to read the preview); open it as http://localhost:PORT/\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String description() {
        return "403 for requests naming a host other than " + names;
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress().toLowerCase(Locale.ROOT);
        if (address instanceof Inet6Address) {
            int zone = text.indexOf('%');
            String full = zone >= 0 ? text.substring(0, zone) : text;
            return full.equals("0:0:0:0:0:0:0:1") ? "[::1]" : "[" + full + "]";
        }
        return text;
    }
}
