package io.ganeticonfd.protocol;

/**
 * The keys requests may be signed with: the current key and, until {@code previousUntilSeconds},
 * the key it replaced (rotation grace period).
 */
public record KeyRing(HmacKey current, HmacKey previous, long previousUntilSeconds) {

    /** A ring with one key. */
    public static KeyRing of(HmacKey key) {
        return new KeyRing(key, null, Long.MIN_VALUE);
    }

    /** A ring whose current key is {@code next}, keeping this ring's current key for the grace period. */
    public KeyRing rotateTo(HmacKey next, long graceUntilSeconds) {
        if (next.sameBytes(current)) {
            return this;
        }
        return new KeyRing(next, current, graceUntilSeconds);
    }

    /** Whether the previous key still verifies requests at this time. */
    public boolean previousActive(long nowSeconds) {
        return previous != null && nowSeconds <= previousUntilSeconds;
    }
}
