package io.artifactpipeline.http.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a host names this machine only: {@code localhost}, 127.0.0.0/8 or ::1. Decided from the text
 * alone, never by a DNS lookup, so that a name an attacker can point anywhere never counts as loopback.
 */
final class LoopbackHost {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LoopbackHost() {
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String bare = host.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(bare).matches() && !bare.contains(":")) {
            return false; // a name: would need DNS
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
