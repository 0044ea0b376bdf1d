package io.ganeticonfd.protocol;

import static io.ganeticonfd.protocol.JsonScan.DEFER;

import java.nio.charset.StandardCharsets;

/**
 * Reads a signed request message in the form every known client writes, straight off its UTF-8
 * bytes: one object with the members {@code protocol} and {@code type} (unsigned integers of up to
 * nine digits), {@code rsalt} (a string) and optionally {@code query} ({@code null} or a string),
 * each once, in any order, strings of printable ASCII without escapes. Anything else (a dict
 * query, a duplicate or unknown member, a fraction, an exponent, an escape, other bytes, malformed
 * JSON) is left to Jackson: {@link #read} returns null. A shortcut for the common case, never a
 * second judge of what is valid; what it reads equals what Jackson reads from the same bytes
 * ({@code DocumentParsersPropertiesTest}, {@code MessageScannerTest}).
 */
final class MessageScanner {

    private static final int PROTOCOL = 1;
    private static final int TYPE = 2;
    private static final int RSALT = 4;
    private static final int QUERY = 8;
    private static final byte[] PROTOCOL_NAME = "\"protocol\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE_NAME = "\"type\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RSALT_NAME = "\"rsalt\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUERY_NAME = "\"query\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private MessageScanner() {}

    /**
     * The decoded request in {@code len} bytes of {@code b} from {@code off}, verified with {@code key};
     * null to leave it to Jackson (also when a string is longer than {@code maxStringLength}).
     */
    static DecodeResult read(byte[] b, int off, int len, HmacKey key, int maxStringLength) {
        int end = off + len;
        int i = JsonScan.skipWhitespace(b, off, end);
        if (i == end || b[i] != '{') {
            return null;
        }
        int seen = 0;
        int type = 0;
        String rsalt = null;
        QueryArgument query = QueryArgument.None.INSTANCE;
        while (true) {
            i = JsonScan.skipWhitespace(b, i + 1, end);
            int member = member(b, i, end);
            if (member == 0 || (seen & member) != 0) {
                return null;
            }
            seen |= member;
            int start = JsonScan.colon(b, i + name(member).length, end);
            if (start == DEFER || start == end) {
                return null;
            }
            switch (member) {
                case PROTOCOL, TYPE -> {
                    i = JsonScan.digitsEnd(b, start, end);
                    if (i != DEFER && member == TYPE) {
                        type = JsonScan.intValue(b, start, i);
                    }
                }
                case RSALT -> {
                    i = stringEnd(b, start, end, maxStringLength);
                    if (i != DEFER) {
                        rsalt = ascii(b, start + 1, i++);
                    }
                }
                default -> {
                    if (b[start] == '"') {
                        i = stringEnd(b, start, end, maxStringLength);
                        if (i != DEFER) {
                            query = new QueryArgument.Plain(ascii(b, start + 1, i++));
                        }
                    } else {
                        i = JsonScan.expect(b, start, end, NULL);
                    }
                }
            }
            i = i == DEFER ? DEFER : JsonScan.afterValue(b, i, end);
            if (i == DEFER) {
                return null;
            }
            if (b[i] == '}') {
                boolean complete = (seen & (PROTOCOL | TYPE | RSALT)) == (PROTOCOL | TYPE | RSALT);
                return complete && JsonScan.skipWhitespace(b, i + 1, end) == end
                        ? RequestMessageParser.decoded(type, query, rsalt, key)
                        : null;
            }
        }
    }

    /** Which member's quoted name is at {@code i}, or 0. */
    private static int member(byte[] b, int i, int end) {
        if (end - i < TYPE_NAME.length || b[i] != '"') {
            return 0;
        }
        int m = switch (b[i + 1]) {
            case 'p' -> PROTOCOL;
            case 't' -> TYPE;
            case 'r' -> RSALT;
            case 'q' -> QUERY;
            default -> 0;
        };
        return m != 0 && JsonScan.expect(b, i, end, name(m)) != DEFER ? m : 0;
    }

    private static byte[] name(int member) {
        return switch (member) {
            case PROTOCOL -> PROTOCOL_NAME;
            case TYPE -> TYPE_NAME;
            case RSALT -> RSALT_NAME;
            default -> QUERY_NAME;
        };
    }

    /** The closing quote of a plain string of at most {@code maxLength} chars at {@code start}, or {@link JsonScan#DEFER}. */
    private static int stringEnd(byte[] b, int start, int end, int maxLength) {
        if (b[start] != '"') {
            return DEFER;
        }
        int close = JsonScan.plainStringEnd(b, start + 1, end);
        return close != DEFER && close - start - 1 <= maxLength ? close : DEFER;
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
