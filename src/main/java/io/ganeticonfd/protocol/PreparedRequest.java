package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request message of one type and query, serialized once, that writes signed request datagrams
 * for any rsalt and timestamp into a caller's buffer without building JSON. Immutable and thread-safe.
 */
public final class PreparedRequest {

    private static final String RSALT_SLOT = "RSALT-SLOT-7f3a9c41-5b2e-4d8f-a6c0";
    private static final byte[] ENVELOPE = ascii("{\"msg\":\"");
    private static final byte[] SALT = ascii("\",\"salt\":\"");
    private static final byte[] HMAC = ascii("\",\"hmac\":\"");
    private static final byte[] TAIL = ascii("\"}");
    private static final int MAX_SALT_DIGITS = 20;
    private static final ThreadLocal<byte[]> DIGEST = ThreadLocal.withInitial(() -> new byte[HmacKey.DIGEST_BYTES]);

    private final byte[] before;
    private final byte[] after;
    private final byte[] head;
    private final byte[] middle;
    private final ObjectMapper mapper;

    private PreparedRequest(ObjectMapper mapper, String messageBefore, String messageAfter) {
        this.mapper = mapper;
        this.before = messageBefore.getBytes(StandardCharsets.UTF_8);
        this.after = messageAfter.getBytes(StandardCharsets.UTF_8);
        this.head = concat(RequestDecoder.MAGIC, ENVELOPE, escaped(messageBefore));
        this.middle = concat(escaped(messageAfter), SALT);
    }

    /** The request of {@code type} with this wire query (null: no query member), rsalt left open. */
    public static PreparedRequest of(ObjectMapper mapper, RequestType type, JsonNode query) {
        String msg = message(mapper, type, RSALT_SLOT, query);
        int at = msg.indexOf(RSALT_SLOT);
        return new PreparedRequest(mapper, msg.substring(0, at), msg.substring(at + RSALT_SLOT.length()));
    }

    /** The request of {@code type} with this query and this fixed rsalt (written with an empty rsalt). */
    static PreparedRequest withRsalt(ObjectMapper mapper, RequestType type, JsonNode query, String rsalt) {
        return new PreparedRequest(mapper, message(mapper, type, rsalt, query), "");
    }

    /** This exact message text, whatever it holds (written with an empty rsalt). */
    static PreparedRequest ofMessage(ObjectMapper mapper, String msg) {
        return new PreparedRequest(mapper, msg, "");
    }

    /** Whether {@code rsalt} can go into the message and envelope as it is: printable ASCII, no quote or backslash. */
    public static boolean plainRsalt(CharSequence rsalt) {
        for (int i = 0; i < rsalt.length(); i++) {
            char c = rsalt.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The largest datagram {@link #write} produces with an rsalt of {@code rsaltLength} bytes. */
    public int maxBytes(int rsaltLength) {
        return head.length
                + rsaltLength
                + middle.length
                + MAX_SALT_DIGITS
                + HMAC.length
                + 2 * HmacKey.DIGEST_BYTES
                + TAIL.length;
    }

    /**
     * Writes the datagram with {@code rsaltLength} bytes of {@code rsalt} (see {@link #plainRsalt}) as its
     * rsalt and {@code timestamp} as its salt, signed with {@code key}, into {@code out} from 0 (at least
     * {@link #maxBytes} long). Returns its length. Allocates nothing.
     */
    public int write(byte[] out, byte[] rsalt, int rsaltLength, long timestamp, HmacKey key) {
        int pos = put(head, out, 0);
        int rsaltAt = pos;
        System.arraycopy(rsalt, 0, out, pos, rsaltLength);
        pos = put(middle, out, pos + rsaltLength);
        int saltAt = pos;
        pos = decimal(timestamp, out, pos);
        Mac mac = key.mac();
        mac.update(out, saltAt, pos - saltAt);
        return sign(mac, out, rsaltAt, rsaltLength, pos);
    }

    /** Writes the datagram with an empty rsalt and this salt text (escaped as needed); see {@link #write}. */
    int write(byte[] out, String salt, HmacKey key) {
        int pos = put(head, out, 0);
        pos = put(middle, out, pos);
        pos = put(escaped(salt), out, pos);
        Mac mac = key.mac();
        mac.update(salt.getBytes(StandardCharsets.UTF_8));
        return sign(mac, out, 0, 0, pos);
    }

    /** The largest datagram {@link #write(byte[], String, HmacKey)} produces for this salt. */
    int maxBytes(String salt) {
        return maxBytes(0) - MAX_SALT_DIGITS + escaped(salt).length;
    }

    private int sign(Mac mac, byte[] out, int rsaltAt, int rsaltLength, int pos) {
        mac.update(before);
        mac.update(out, rsaltAt, rsaltLength);
        mac.update(after);
        byte[] digest = DIGEST.get();
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        pos = put(HMAC, out, pos);
        return put(TAIL, out, Hex.encode(digest, out, pos));
    }

    /** The text as the contents of a JSON string, escaped as the mapper writes it (astral characters as escaped pairs). */
    private byte[] escaped(String text) {
        try {
            byte[] quoted = mapper.writeValueAsBytes(text);
            return Arrays.copyOfRange(quoted, 1, quoted.length - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a string", e);
        }
    }

    private static String message(ObjectMapper mapper, RequestType type, String rsalt, JsonNode query) {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("protocol", 1);
        msg.put("type", type.code());
        msg.put("rsalt", rsalt);
        if (query != null) {
            msg.set("query", query);
        }
        try {
            return mapper.writeValueAsString(msg) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a request", e);
        }
    }

    private static int decimal(long value, byte[] out, int pos) {
        if (value < 0) {
            out[pos++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return pos + digits;
    }

    private static int put(byte[] src, byte[] out, int pos) {
        System.arraycopy(src, 0, out, pos, src.length);
        return pos + src.length;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            pos = put(p, out, pos);
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
