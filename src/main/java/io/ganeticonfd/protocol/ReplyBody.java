package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A serialized reply message {@code {"protocol":1,"status":S,"answer":A,"serial":N}}, ready to be
 * signed: its UTF-8 bytes (what the HMAC covers) and the same text escaped for the envelope's
 * {@code msg} string. Immutable; bodies that do not depend on the query are built once per snapshot.
 */
public final class ReplyBody {

    /** Largest UDP payload over IPv4: a reply datagram must fit in it. */
    public static final int MAX_DATAGRAM_BYTES = 65_507;

    private static final byte[] HEAD = "{\"protocol\":1,\"status\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER = ",\"answer\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERIAL = ",\"serial\":".getBytes(StandardCharsets.US_ASCII);

    private final ReplyStatus status;
    private final boolean tooLarge;
    private final long serial;
    private final byte[] message;
    private final byte[] escaped;

    private ReplyBody(ReplyStatus status, byte[] answerJson, long serial, boolean tooLarge) {
        this.status = status;
        this.serial = serial;
        this.tooLarge = tooLarge;
        byte[] code = Integer.toString(status.code()).getBytes(StandardCharsets.US_ASCII);
        byte[] serialText = Long.toString(serial).getBytes(StandardCharsets.US_ASCII);
        byte[] m = new byte
                [HEAD.length + code.length + ANSWER.length + answerJson.length + SERIAL.length + serialText.length + 1];
        int pos = put(HEAD, m, 0);
        pos = put(code, m, pos);
        pos = put(ANSWER, m, pos);
        pos = put(answerJson, m, pos);
        pos = put(SERIAL, m, pos);
        pos = put(serialText, m, pos);
        m[pos] = '}';
        this.message = m;
        this.escaped = JsonStringEncoder.getInstance().quoteAsUTF8(new String(m, StandardCharsets.UTF_8));
    }

    private ReplyBody(ReplyStatus status, String answerJson, long serial) {
        this(status, answerJson.getBytes(StandardCharsets.UTF_8), serial, false);
    }

    /**
     * A successful reply whose answer is these JSON bytes; an answer that cannot fit in one
     * datagram gives an error reply saying so instead (see {@link #tooLarge()}).
     */
    public static ReplyBody ok(byte[] answerJson, long serial) {
        if (answerJson.length > MAX_DATAGRAM_BYTES) {
            return tooLarge(answerJson.length);
        }
        return new ReplyBody(ReplyStatus.OK, answerJson, serial, false);
    }

    /** The error reply sent instead of an answer of {@code bytes} bytes, too large for one datagram. */
    public static ReplyBody tooLarge(long bytes) {
        return new ReplyBody(
                ReplyStatus.ERROR,
                quote("Answer too large for one datagram (" + bytes + " bytes)").getBytes(StandardCharsets.UTF_8),
                0,
                true);
    }

    /** A successful reply with this answer (JSON text) and serial; see {@link #ok(byte[], long)}. */
    public static ReplyBody ok(String answerJson, long serial) {
        return ok(answerJson.getBytes(StandardCharsets.UTF_8), serial);
    }

    /** An error reply carrying a numeric error code (serial 0). */
    public static ReplyBody error(ErrorCode code) {
        return new ReplyBody(ReplyStatus.ERROR, Integer.toString(code.code()), 0);
    }

    /** An error reply carrying a message (serial 0). */
    public static ReplyBody error(String message) {
        return new ReplyBody(ReplyStatus.ERROR, quote(message), 0);
    }

    /** The JSON string literal for this text. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, sb);
        return sb.append('"').toString();
    }

    /** The reply status. */
    public ReplyStatus status() {
        return status;
    }

    /** Whether this is the error reply replacing an answer too large for a datagram. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** The reply serial. */
    public long serial() {
        return serial;
    }

    /** The message as UTF-8 bytes (shared: do not modify). */
    byte[] message() {
        return message;
    }

    /** The message escaped as the contents of a JSON string (shared: do not modify). */
    byte[] escaped() {
        return escaped;
    }

    /** The message as text. */
    public String text() {
        return new String(message, StandardCharsets.UTF_8);
    }

    /** Size of the message in bytes. */
    public int size() {
        return message.length;
    }

    @Override
    public String toString() {
        return text();
    }

    private static int put(byte[] src, byte[] out, int pos) {
        System.arraycopy(src, 0, out, pos, src.length);
        return pos + src.length;
    }
}
