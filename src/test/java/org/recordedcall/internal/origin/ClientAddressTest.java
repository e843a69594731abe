package org.recordedcall.internal.origin;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's address behind trusted proxies only. */
class ClientAddressTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.1", "10.0.0.2"));

    private static Enumeration<String> values(String... values) {
        return Collections.enumeration(List.of(values));
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        assertEquals("203.0.113.9", of("203.0.113.9", values(), values("1.2.3.4"), PROXIES));
        assertEquals("127.0.0.1", of("127.0.0.1", values("for=1.2.3.4"), values("1.2.3.4"), TrustedProxies.of(List.of())));
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertEquals("198.51.100.7", of("10.0.0.1", values(), values("6.6.6.6, 198.51.100.7, 10.0.0.2"), PROXIES),
                "a hop the client wrote itself (6.6.6.6) is not believed");
        assertEquals("198.51.100.7", of("10.0.0.1", values(), values("198.51.100.7", "10.0.0.2"), PROXIES));
    }

    @Test
    void forwardedIsPreferredAndItsNodesAreUnwrapped() {
        assertEquals("2001:db8::1", of("10.0.0.1",
                values("for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.2"), values("9.9.9.9"), PROXIES));
        assertEquals("192.0.2.60", of("10.0.0.1", values("For=192.0.2.60:8080;by=10.0.0.1"), values(), PROXIES));
    }

    @Test
    void aTrustedPeerWithoutForwardingHeadersIsTheClient() {
        assertEquals("10.0.0.1", of("10.0.0.1", values(), values(), PROXIES));
        assertEquals("10.0.0.2", of("10.0.0.1", values(), values("10.0.0.2"), PROXIES), "all hops trusted");
    }

    @Test
    void rangesAreTrustedByTheirPrefixAndNothingIsLookedUp() {
        var proxies = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8", "192.168.1.7", "not-an-address", "10.0.0.0/40"));

        assertTrue(proxies.contains("10.200.3.4"));
        assertTrue(proxies.contains("fd12:3456::1"));
        assertTrue(proxies.contains("192.168.1.7"));
        assertTrue(proxies.contains("::ffff:10.1.2.3"), "IPv4-mapped");
        assertFalse(proxies.contains("11.0.0.1"));
        assertFalse(proxies.contains("fe80::1"));
        assertFalse(proxies.contains("192.168.1.8"));
        assertFalse(proxies.contains("unknown"));
        assertFalse(proxies.contains("example.com"), "a name is never resolved");
        assertEquals("198.51.100.7", of("10.9.9.9", values(), values("198.51.100.7, 10.1.1.1"), proxies));
    }

    @Test
    void aRangeBoundaryIsExact() {
        var proxies = TrustedProxies.of(List.of("172.16.0.0/12"));

        assertTrue(proxies.contains("172.31.255.255"));
        assertFalse(proxies.contains("172.32.0.0"));
        assertFalse(proxies.contains("172.15.255.255"));
    }

    @Test
    void theForwardingHeadersAreNotReadForAPeerThatIsNoTrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", name -> {
            throw new AssertionError("read " + name);
        }, PROXIES));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", name -> {
            throw new AssertionError("read " + name);
        }, TrustedProxies.of(List.of())));
    }

    private static String of(String peer, Enumeration<String> forwarded, Enumeration<String> forwardedFor, TrustedProxies proxies) {
        return ClientAddress.of(peer, name -> name.equals("Forwarded") ? forwarded : forwardedFor, proxies);
    }
}
