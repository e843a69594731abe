package org.recordedcall.internal.origin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The client's address: the connection's peer, unless that peer is one of the trusted
 * proxies; then the nearest address in {@code Forwarded} (RFC 7239, preferred) or
 * {@code X-Forwarded-For} that is not a trusted proxy itself. A client can write anything
 * into these headers, so they are believed only as far as trusted proxies vouch for them.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 100;

    private ClientAddress() {
    }

    /** @param headers a request's values of a header, by name: read only when the peer is a trusted proxy */
    public static String of(String peer, Function<String, Enumeration<String>> headers, TrustedProxies trusted) {
        if (peer == null || trusted.isEmpty() || !trusted.contains(peer)) {
            return peer;
        }
        var forwarded = headers.apply("Forwarded");
        var forwardedFor = headers.apply("X-Forwarded-For");
        var hops = forwarded != null && forwarded.hasMoreElements() ? forwardedHops(forwarded) : forwardedForHops(forwardedFor);
        var address = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            address = hops.get(i);
            if (!trusted.contains(address)) {
                break;
            }
        }
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }

    private static List<String> forwardedForHops(Enumeration<String> values) {
        var hops = new ArrayList<String>();
        if (values == null) {
            return hops;
        }
        for (var value : Collections.list(values)) {
            for (var part : value.split(",")) {
                var hop = part.trim();
                if (!hop.isEmpty()) {
                    hops.add(hop);
                }
            }
        }
        return hops;
    }

    private static List<String> forwardedHops(Enumeration<String> values) {
        var hops = new ArrayList<String>();
        for (var value : Collections.list(values)) {
            for (var element : value.split(",")) {
                for (var pair : element.split(";")) {
                    var eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        hops.add(node(pair.substring(eq + 1).trim()));
                    }
                }
            }
        }
        return hops;
    }

    /** {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
    private static String node(String value) {
        var node = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        if (node.startsWith("[")) {
            var close = node.indexOf(']');
            return close > 0 ? node.substring(1, close) : node;
        }
        var colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }
}
