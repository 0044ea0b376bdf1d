package io.ganeticonfd.protocol;

import java.util.HexFormat;

/** Hex encoding of HMAC digests, without allocation beyond the result. */
public final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Hex() {
    }

    /** The 20-byte digest written as 40 hex characters (either case), or null if it is not one. */
    public static byte[] decodeDigest(String hex) {
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

    /**
     * Decodes the 20-byte digest written as 40 ASCII hex characters (either case) in {@code len} bytes of
     * {@code hex} from {@code off} into {@code out} from 0, without allocating. Returns false (leaving
     * {@code out} partly written) if they are not such a digest.
     */
    public static boolean decodeDigest(byte[] hex, int off, int len, byte[] out) {
        if (len != HmacKey.DIGEST_BYTES * 2) {
            return false;
        }
        for (int i = 0; i < HmacKey.DIGEST_BYTES; i++) {
            int hi = hex[off + 2 * i];
            int lo = hex[off + 2 * i + 1];
            if (!HexFormat.isHexDigit(hi) || !HexFormat.isHexDigit(lo)) {
                return false;
            }
            out[i] = (byte) ((HexFormat.fromHexDigit(hi) << 4) | HexFormat.fromHexDigit(lo));
        }
        return true;
    }

    /** Writes {@code digest} as lower-case hex into {@code out} at {@code pos}; returns the next position. */
    public static int encode(byte[] digest, byte[] out, int pos) {
        for (byte b : digest) {
            out[pos++] = DIGITS[(b >> 4) & 0xf];
            out[pos++] = DIGITS[b & 0xf];
        }
        return pos;
    }
}
