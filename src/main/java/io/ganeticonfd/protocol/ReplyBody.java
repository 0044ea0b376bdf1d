package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A serialized reply message {@code {"protocol":1,"status":S,"answer":A,"serial":N}}, ready to be
 * signed: its UTF-8 bytes (what the HMAC covers) and the same text escaped for the envelope's
 * {@code msg} string. Immutable; bodies that do not depend on the query are built once per snapshot.
 */
public final class ReplyBody {

    private final ReplyStatus status;
    private final long serial;
    private final byte[] message;
    private final byte[] escaped;

    private ReplyBody(ReplyStatus status, String answerJson, long serial) {
        this.status = status;
        this.serial = serial;
        String text = wellFormed("{\"protocol\":1,\"status\":" + status.code() + ",\"answer\":" + answerJson
                + ",\"serial\":" + serial + "}");
        this.message = text.getBytes(StandardCharsets.UTF_8);
        this.escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
    }

    /** A successful reply with this answer (JSON text) and serial. */
    public static ReplyBody ok(String answerJson, long serial) {
        return new ReplyBody(ReplyStatus.OK, answerJson, serial);
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

    /**
     * The text with unpaired surrogates (a query may carry one as a JSON escape, and error messages
     * echo the query) replaced by '?' as UTF-8 encoding does, so both forms of the message agree.
     */
    private static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    /** The reply status. */
    public ReplyStatus status() {
        return status;
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
}
