package io.artifactpipeline.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request comes from a browser on this machine, for routes that must never answer anyone else.
 * A loopback peer alone is not enough: a reverse proxy on the same host makes every client look local
 * (so forwarded requests are refused), and a hostile page can reach 127.0.0.1 through the visitor's own
 * browser, directly or by DNS rebinding (so the Host must be a loopback name and any Origin must be it).
 */
final class LoopbackCaller {
    private LoopbackCaller() {
    }

    static boolean isLoopback(ServerRequest request) {
        SocketAddress peer = request.remotePeer().address();
        if (!(peer instanceof InetSocketAddress socket) || socket.getAddress() == null
                || !socket.getAddress().isLoopbackAddress()) {
            return false;
        }
        if (request.headers().contains(HeaderNames.FORWARDED) || request.headers().contains(HeaderNames.X_FORWARDED_FOR)) {
            return false;
        }
        Optional<String> host = request.headers().first(HeaderNames.HOST);
        if (host.isEmpty() || !isLoopbackHost(hostName(host.get()))) {
            return false;
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        return origin.isEmpty() || origin.get().equalsIgnoreCase("http://" + host.get())
                || origin.get().equalsIgnoreCase("https://" + host.get());
    }

    private static String hostName(String hostHeader) {
        try {
            String name = URI.create("http://" + hostHeader.strip()).getHost();
            return name == null ? "" : name.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static boolean isLoopbackHost(String name) {
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.[0-9]{1,3}){3}");
    }
}
