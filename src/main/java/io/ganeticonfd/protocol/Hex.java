package io.ganeticonfd.protocol;

/** Hex encoding of HMAC digests, without allocation beyond the result. */
final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Hex() {
    }

    /** The 20-byte digest written as 40 hex characters (either case), or null if it is not one. */
    static byte[] decodeDigest(String hex) {
        if (hex.length() != HmacKey.DIGEST_BYTES * 2) {
            return null;
        }
        byte[] out = new byte[HmacKey.DIGEST_BYTES];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || hex.charAt(2 * i) > 'f' || hex.charAt(2 * i + 1) > 'f') {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Writes {@code digest} as lower-case hex into {@code out} at {@code pos}; returns the next position. */
    static int encode(byte[] digest, byte[] out, int pos) {
        for (byte b : digest) {
            out[pos++] = DIGITS[(b >> 4) & 0xf];
            out[pos++] = DIGITS[b & 0xf];
        }
        return pos;
    }
}
