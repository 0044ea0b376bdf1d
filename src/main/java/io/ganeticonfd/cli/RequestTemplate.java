package io.ganeticonfd.cli;

import java.nio.charset.StandardCharsets;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.protocol.Hex;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.RequestDecoder;

/**
 * One mix entry's request, serialized once: the message text around its rsalt, raw (what the HMAC
 * covers) and escaped for the envelope. {@link #write} fills in an rsalt and a timestamp and signs,
 * into a caller's buffer, without building any JSON.
 */
final class RequestTemplate {

    private static final String PLACEHOLDER = "RSALT-PLACEHOLDER-0123456789abcdef0";
    private static final byte[] SALT = ascii("\", \"salt\": \"");
    private static final byte[] HMAC = ascii("\", \"hmac\": \"");
    private static final byte[] TAIL = ascii("\"}");

    private final byte[] pre;
    private final byte[] post;
    private final byte[] head;
    private final byte[] middle;

    private RequestTemplate(String msg) {
        int at = msg.indexOf(PLACEHOLDER);
        String before = msg.substring(0, at);
        String after = msg.substring(at + PLACEHOLDER.length());
        this.pre = before.getBytes(StandardCharsets.UTF_8);
        this.post = after.getBytes(StandardCharsets.UTF_8);
        JsonStringEncoder enc = JsonStringEncoder.getInstance();
        this.head = concat(concat(RequestDecoder.MAGIC, ascii("{\"msg\": \"")), enc.quoteAsUTF8(before));
        this.middle = concat(enc.quoteAsUTF8(after), SALT);
    }

    /** The template for a resolved mix entry (its query as {@link QueryText} renders it). */
    static RequestTemplate of(BenchMix.Entry entry, ObjectMapper mapper) {
        ObjectNode msg = mapper.createObjectNode();
        msg.put("protocol", 1);
        msg.put("type", entry.type().code());
        msg.put("rsalt", PLACEHOLDER);
        String query = QueryText.of(entry);
        try {
            if (query != null) {
                msg.set("query", mapper.readTree(query));
            }
            return new RequestTemplate(mapper.writeValueAsString(msg) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a request", e);
        }
    }

    /** The largest datagram {@link #write} produces (timestamps up to 19 digits). */
    int maxBytes() {
        return head.length + Rsalt.LENGTH + middle.length + 19 + HMAC.length + 2 * HmacKey.DIGEST_BYTES + TAIL.length;
    }

    /**
     * Writes the signed datagram for {@code rsalt} (bytes 0..35) and the timestamp {@code salt}
     * (bytes 0..saltLen-1) into {@code out} from 0; {@code digest} is scratch of 20 bytes. Returns the length.
     */
    int write(byte[] out, byte[] rsalt, byte[] salt, int saltLen, Mac mac, byte[] digest) {
        mac.update(salt, 0, saltLen);
        mac.update(pre);
        mac.update(rsalt, 0, Rsalt.LENGTH);
        mac.update(post);
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        int pos = put(head, out, 0);
        System.arraycopy(rsalt, 0, out, pos, Rsalt.LENGTH);
        pos = put(middle, out, pos + Rsalt.LENGTH);
        System.arraycopy(salt, 0, out, pos, saltLen);
        pos = put(HMAC, out, pos + saltLen);
        return put(TAIL, out, Hex.encode(digest, out, pos));
    }

    private static int put(byte[] src, byte[] out, int pos) {
        System.arraycopy(src, 0, out, pos, src.length);
        return pos + src.length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
