package io.ganeticonfd.cli;

import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import io.ganeticonfd.protocol.Hex;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.RequestDecoder;

/**
 * Reads a reply datagram without building JSON objects: the envelope's {@code msg} (unescaped),
 * {@code salt} and {@code hmac}, the HMAC check, and the message's {@code status}. One per socket
 * (it keeps its buffers); not thread-safe.
 */
final class ReplyScanner {

    private static final int MAX_SALT = 128;

    private final byte[] msg = new byte[65_536];
    private final byte[] salt = new byte[MAX_SALT];
    private final byte[] hmac = new byte[2 * HmacKey.DIGEST_BYTES];
    private final byte[] digest = new byte[HmacKey.DIGEST_BYTES];
    private final byte[] expected = new byte[HmacKey.DIGEST_BYTES];
    private int msgLen;
    private int saltLen;
    private int hmacLen;

    /** Reads the envelope of {@code len} bytes of {@code d}; returns null when it has msg, salt and hmac, else why not. */
    String scan(byte[] d, int len) {
        byte[] magic = RequestDecoder.MAGIC;
        if (len < magic.length || d[0] != magic[0] || d[1] != magic[1] || d[2] != magic[2] || d[3] != magic[3]) {
            return "bad magic";
        }
        int p = JsonBytes.ws(d, magic.length, len);
        if (p >= len || d[p] != '{') {
            return "not a JSON object";
        }
        int have = 0;
        p = JsonBytes.ws(d, p + 1, len);
        while (p < len && d[p] != '}') {
            int keyEnd = JsonBytes.skipString(d, p, len);
            if (keyEnd < 0) {
                return "bad envelope key";
            }
            int field = field(d, p + 1, keyEnd - 1);
            p = JsonBytes.ws(d, keyEnd, len);
            if (p >= len || d[p] != ':') {
                return "bad envelope";
            }
            p = JsonBytes.ws(d, p + 1, len);
            int end = field == 0 ? JsonBytes.skipValue(d, p, len) : JsonBytes.skipString(d, p, len);
            if (end >= 0 && field != 0) {
                byte[] into = field == 1 ? msg : field == 2 ? salt : hmac;
                int n = JsonBytes.unescape(d, p + 1, end - 1, into);
                if (n < 0) {
                    return "bad envelope string";
                }
                if (field == 1) {
                    msgLen = n;
                } else if (field == 2) {
                    saltLen = n;
                } else {
                    hmacLen = n;
                }
            }
            if (end < 0) {
                return "bad envelope value";
            }
            have |= field;
            p = JsonBytes.ws(d, end, len);
            if (p < len && d[p] == ',') {
                p = JsonBytes.ws(d, p + 1, len);
            }
        }
        return (have & 7) == 7 ? null : "envelope lacks msg/salt/hmac";
    }

    /** The salt read by the last {@link #scan} (valid up to {@link #saltLength()}). */
    byte[] salt() {
        return salt;
    }

    /** Length of the salt read by the last {@link #scan}. */
    int saltLength() {
        return saltLen;
    }

    /** Whether the last scanned reply's hmac is HMAC-SHA1(salt + msg) with the key of {@code mac}. */
    boolean verifies(Mac mac) {
        if (!Hex.decodeDigest(hmac, 0, hmacLen, expected)) {
            return false;
        }
        mac.update(salt, 0, saltLen);
        mac.update(msg, 0, msgLen);
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        return MessageDigest.isEqual(digest, expected);
    }

    /** The {@code status} of the last scanned message, or -1 if it has none. */
    int status() {
        return JsonBytes.intMember(msg, msgLen, "status");
    }

    /** 1 msg, 2 salt, 4 hmac, 0 anything else (keys with escapes included). */
    private static int field(byte[] d, int from, int to) {
        int n = to - from;
        if (n == 3 && d[from] == 'm' && d[from + 1] == 's' && d[from + 2] == 'g') {
            return 1;
        }
        if (n == 4 && d[from] == 's' && d[from + 1] == 'a' && d[from + 2] == 'l' && d[from + 3] == 't') {
            return 2;
        }
        if (n == 4 && d[from] == 'h' && d[from + 1] == 'm' && d[from + 2] == 'a' && d[from + 3] == 'c') {
            return 4;
        }
        return 0;
    }
}
