package io.ganeticonfd.protocol;

import java.util.HexFormat;

/** Hex encoding of HMAC digests and rsalt digits, without allocation beyond the result. */
final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Hex() {}

    /** The 20-byte digest written as 40 hex characters (either case), or null if it is not one. */
    static byte[] decodeDigest(String hex) {
        if (hex.length() != HmacKey.DIGEST_BYTES * 2) {
            return null;
        }
        byte[] out = new byte[HmacKey.DIGEST_BYTES];
        for (int i = 0; i < out.length; i++) {
            char hi = hex.charAt(2 * i);
            char lo = hex.charAt(2 * i + 1);
            if (!HexFormat.isHexDigit(hi) || !HexFormat.isHexDigit(lo)) {
                return null;
            }
            out[i] = (byte) ((HexFormat.fromHexDigit(hi) << 4) | HexFormat.fromHexDigit(lo));
        }
        return out;
    }

    /** Whether the first {@code len} chars of {@code hex} are 40 hex digits (either case), as {@link #decodeDigest} accepts. */
    static boolean isDigest(char[] hex, int len) {
        if (len != HmacKey.DIGEST_BYTES * 2) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (!HexFormat.isHexDigit(hex[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the 40 hex digits of {@code hex} (checked with {@link #isDigest}) spell the 20 bytes of
     * {@code digest} from {@code off}; takes the same time wherever they differ.
     */
    static boolean matches(char[] hex, byte[] digest, int off) {
        int diff = 0;
        for (int i = 0; i < HmacKey.DIGEST_BYTES; i++) {
            int b = (HexFormat.fromHexDigit(hex[2 * i]) << 4) | HexFormat.fromHexDigit(hex[2 * i + 1]);
            diff |= b ^ (digest[off + i] & 0xff);
        }
        return diff == 0;
    }

    /** Writes {@code digest} as lower-case hex into {@code out} at {@code pos}; returns the next position. */
    static int encode(byte[] digest, byte[] out, int pos) {
        return encode(digest, 0, digest.length, out, pos);
    }

    /** Writes {@code len} bytes of {@code digest} from {@code off} as lower-case hex into {@code out} at {@code pos}. */
    static int encode(byte[] digest, int off, int len, byte[] out, int pos) {
        for (int i = off; i < off + len; i++) {
            byte b = digest[i];
            out[pos++] = DIGITS[(b >> 4) & 0xf];
            out[pos++] = DIGITS[b & 0xf];
        }
        return pos;
    }

    /** Writes the low {@code digits} hex digits of {@code value} (lower case) into {@code out} at {@code pos}. */
    static void writeDigits(long value, int digits, byte[] out, int pos) {
        for (int i = pos + digits - 1; i >= pos; i--) {
            out[i] = DIGITS[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    /** The value of an ASCII hex digit (either case), or -1. */
    static int digitValue(int c) {
        return c >= 0 && c < 128 && HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
