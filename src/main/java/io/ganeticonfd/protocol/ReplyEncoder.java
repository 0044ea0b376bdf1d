package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Signs a reply body for one request: {@code plj0{"hmac":H,"msg":M,"salt":S}}. Stateless. */
public final class ReplyEncoder {

    private static final byte[] HEAD = ascii("plj0{\"hmac\":\"");
    private static final byte[] MSG = ascii("\",\"msg\":\"");
    private static final byte[] SALT = ascii("\",\"salt\":\"");
    private static final byte[] TAIL = ascii("\"}");

    private ReplyEncoder() {
    }

    /** The signed datagram for {@code body}, salted with the request's {@code rsalt}, signed with {@code key}. */
    public static byte[] encode(ReplyBody body, String rsalt, HmacKey key) {
        byte[] salt = rsalt.getBytes(StandardCharsets.UTF_8);
        byte[] escapedSalt = needsEscape(salt)
                ? JsonStringEncoder.getInstance().quoteAsUTF8(new String(salt, StandardCharsets.UTF_8)) : salt;
        byte[] digest = key.sign(salt, body.message());
        byte[] esc = body.escaped();
        byte[] out = new byte[HEAD.length + 2 * HmacKey.DIGEST_BYTES + MSG.length + esc.length + SALT.length
                + escapedSalt.length + TAIL.length];
        int pos = put(HEAD, out, 0);
        pos = Hex.encode(digest, out, pos);
        pos = put(MSG, out, pos);
        pos = put(esc, out, pos);
        pos = put(SALT, out, pos);
        pos = put(escapedSalt, out, pos);
        put(TAIL, out, pos);
        return out;
    }

    private static boolean needsEscape(byte[] utf8) {
        for (byte b : utf8) {
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
