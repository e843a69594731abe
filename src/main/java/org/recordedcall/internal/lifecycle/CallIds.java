package org.recordedcall.internal.lifecycle;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A call's id: a UUID of version 7 (RFC 9562), its first 48 bits the milliseconds since the
 * epoch, the other 74 random. Ids made in a later millisecond sort later (within one, in no
 * order), so the database's index on them grows at its end instead of at random pages, and
 * making one takes no lock and no {@code SecureRandom} (which {@link UUID#randomUUID()} uses).
 * An id names a call; it is no secret and grants nothing (the query API has its own access
 * control), and it is not unguessable: {@code ThreadLocalRandom} is no cryptographic generator.
 */
public final class CallIds {

    private CallIds() {
    }

    /** A new id. */
    public static String next() {
        return next(System.currentTimeMillis()).toString();
    }

    static UUID next(long epochMillis) {
        var random = ThreadLocalRandom.current();
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | random.nextInt(1 << 12);
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
