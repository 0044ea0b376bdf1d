package io.ganeticonfd.protocol;

/** Parses the envelope salt as a timestamp, with the leniency of Ganeti's daemon. */
final class Timestamps {

    /** Returned for a salt that is not a timestamp. */
    static final long INVALID = Long.MIN_VALUE;
    /** Returned for a valid timestamp too large to be near any clock. */
    static final long FAR_FUTURE = Long.MAX_VALUE;

    private static final int MAX_DIGITS = 18;

    private Timestamps() {}

    /**
     * The salt as whole seconds: leading white space and leading zeros are accepted; a sign, a
     * fraction, trailing characters or no digits at all are not.
     */
    static long parse(String salt) {
        int i = 0;
        int n = salt.length();
        while (i < n && isSpace(salt.charAt(i))) {
            i++;
        }
        if (i == n) {
            return INVALID;
        }
        while (i < n - 1 && salt.charAt(i) == '0') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < n; i++) {
            char c = salt.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            if (++digits > MAX_DIGITS) {
                return onlyDigitsFrom(salt, i) ? FAR_FUTURE : INVALID;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@link #parse(String)} of the {@code len} chars of {@code salt} from {@code off}. */
    static long parse(char[] salt, int off, int len) {
        int i = off;
        int n = off + len;
        while (i < n && isSpace(salt[i])) {
            i++;
        }
        if (i == n) {
            return INVALID;
        }
        while (i < n - 1 && salt[i] == '0') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < n; i++) {
            char c = salt[i];
            if (c < '0' || c > '9') {
                return INVALID;
            }
            if (++digits > MAX_DIGITS) {
                return onlyDigits(salt, i, n) ? FAR_FUTURE : INVALID;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether {@code salt} is within {@code maxSkew} seconds of {@code now}. */
    static boolean withinSkew(long salt, long nowSeconds, long maxSkewSeconds) {
        if (salt == FAR_FUTURE) {
            return false;
        }
        return Math.abs(salt - nowSeconds) <= maxSkewSeconds;
    }

    private static boolean onlyDigitsFrom(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyDigits(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00a0';
    }
}
