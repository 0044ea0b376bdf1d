package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Signs a reply body for one request: {@code plj0{"hmac":H,"msg":M,"salt":S}}. Thread-safe: each thread signs in its own reused buffers. */
public final class ReplyEncoder {

    private static final byte[] HEAD = ascii("plj0{\"hmac\":\"");
    private static final byte[] MSG = ascii("\",\"msg\":\"");
    private static final byte[] SALT = ascii("\",\"salt\":\"");
    private static final byte[] TAIL = ascii("\"}");

    private ReplyEncoder() {}

    /** The signed datagram for {@code body}, salted with the request's {@code rsalt}, signed with {@code key}. */
    public static byte[] encode(ReplyBody body, String rsalt, HmacKey key) {
        CodecScratch scratch = CodecScratch.get();
        byte[] salt = scratch.signed(rsalt.length());
        int saltLength = Utf8.encodeAscii(rsalt, salt, 0);
        if (saltLength < 0 || needsEscape(salt, saltLength)) {
            return encodeEscapingSalt(body, rsalt, key);
        }
        key.sign(salt, saltLength, body.message(), scratch.digest, 0);
        return frame(scratch.digest, body.escaped(), salt, saltLength);
    }

    /** {@link #encode} for an rsalt that is not plain ASCII or needs escaping in JSON. */
    private static byte[] encodeEscapingSalt(ReplyBody body, String rsalt, HmacKey key) {
        byte[] salt = rsalt.getBytes(StandardCharsets.UTF_8);
        byte[] escapedSalt = needsEscape(salt, salt.length)
                ? JsonStringEncoder.getInstance().quoteAsUTF8(new String(salt, StandardCharsets.UTF_8))
                : salt;
        return frame(key.sign(salt, body.message()), body.escaped(), escapedSalt, escapedSalt.length);
    }

    private static byte[] frame(byte[] digest, byte[] esc, byte[] salt, int saltLength) {
        byte[] out = new byte
                [HEAD.length
                        + 2 * HmacKey.DIGEST_BYTES
                        + MSG.length
                        + esc.length
                        + SALT.length
                        + saltLength
                        + TAIL.length];
        int pos = put(HEAD, out, 0);
        pos = Hex.encode(digest, 0, HmacKey.DIGEST_BYTES, out, pos);
        pos = put(MSG, out, pos);
        pos = put(esc, out, pos);
        pos = put(SALT, out, pos);
        System.arraycopy(salt, 0, out, pos, saltLength);
        put(TAIL, out, pos + saltLength);
        return out;
    }

    private static boolean needsEscape(byte[] utf8, int len) {
        for (int i = 0; i < len; i++) {
            byte b = utf8[i];
            if ((b >= 0 && b < 0x20) || b == '"' || b == '\\') {
                return true;
            }
        }
        return false;
    }

    private static int put(byte[] src, byte[] out, int pos) {
        System.arraycopy(src, 0, out, pos, src.length);
        return pos + src.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
