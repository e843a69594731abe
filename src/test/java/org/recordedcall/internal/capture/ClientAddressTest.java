package org.recordedcall.internal.capture;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The client's address behind trusted proxies only. */
class ClientAddressTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.1", "10.0.0.2");

    private static Enumeration<String> values(String... values) {
        return Collections.enumeration(List.of(values));
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", values(), values("1.2.3.4"), PROXIES));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", values("for=1.2.3.4"), values("1.2.3.4"), Set.of()));
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopIsTheClient() {
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", values(), values("6.6.6.6, 198.51.100.7, 10.0.0.2"), PROXIES),
                "a hop the client wrote itself (6.6.6.6) is not believed");
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.1", values(), values("198.51.100.7", "10.0.0.2"), PROXIES));
    }

    @Test
    void forwardedIsPreferredAndItsNodesAreUnwrapped() {
        assertEquals("2001:db8::1", ClientAddress.of("10.0.0.1",
                values("for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.2"), values("9.9.9.9"), PROXIES));
        assertEquals("192.0.2.60", ClientAddress.of("10.0.0.1", values("For=192.0.2.60:8080;by=10.0.0.1"), values(), PROXIES));
    }

    @Test
    void aTrustedPeerWithoutForwardingHeadersIsTheClient() {
        assertEquals("10.0.0.1", ClientAddress.of("10.0.0.1", values(), values(), PROXIES));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.1", values(), values("10.0.0.2"), PROXIES), "all hops trusted");
    }
}
