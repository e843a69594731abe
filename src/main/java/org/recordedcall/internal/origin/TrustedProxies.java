package org.recordedcall.internal.origin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers are believed: exact addresses
 * ({@code 10.0.0.7}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}).
 * Only address literals are ever parsed, never looked up: a forwarded value such as
 * {@code unknown} or {@code _hidden} matches nothing and costs no DNS query.
 */
public final class TrustedProxies {

    private static final System.Logger LOG = System.getLogger(TrustedProxies.class.getName());
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The proxies of the setting; an entry that is no address or range is logged and left out. */
    public static TrustedProxies of(Collection<String> entries) {
        var ranges = new ArrayList<Range>();
        for (var entry : entries) {
            var range = range(entry.trim());
            if (range == null) {
                LOG.log(System.Logger.Level.WARNING, "recorded-call: trusted proxy '" + entry
                        + "' is neither an IP address nor a CIDR range (10.0.0.0/8); it is ignored");
            } else {
                ranges.add(range);
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (as the server or a forwarding header gives it) is a trusted proxy. */
    public boolean contains(String address) {
        var bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (var range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String entry) {
        var slash = entry.indexOf('/');
        var address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            return null;
        }
        var bits = address.length * 8;
        if (slash < 0) {
            return new Range(address, bits);
        }
        try {
            var prefix = Integer.parseInt(entry.substring(slash + 1));
            return prefix < 0 || prefix > bits ? null : new Range(address, prefix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The bytes of an IPv4 or IPv6 literal (an IPv4-mapped IPv6 address as IPv4), else null. */
    private static byte[] literal(String text) {
        if (text == null) {
            return null;
        }
        var value = text.trim();
        var zone = value.indexOf('%');
        if (zone > 0) {
            value = value.substring(0, zone);
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            // a literal: parsed, never resolved
            return InetAddress.getByName(value.toLowerCase(Locale.ROOT)).getAddress();
        } catch (UnknownHostException | RuntimeException notAnAddress) {
            return null;
        }
    }
}
