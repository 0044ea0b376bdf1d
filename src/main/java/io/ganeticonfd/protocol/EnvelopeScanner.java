package io.ganeticonfd.protocol;

import static io.ganeticonfd.protocol.JsonScan.DEFER;

import java.nio.charset.StandardCharsets;

/**
 * Reads a request envelope in the form every known client writes, straight off its bytes: one
 * object with exactly the members {@code msg}, {@code salt} and {@code hmac}, each once, in any
 * order, with whitespace anywhere JSON allows it; {@code salt} and {@code hmac} of printable ASCII,
 * {@code msg} of printable ASCII and the escapes {@code \" \\ \/ \b \f \n \r \t} and {@code \}{@code u}
 * of an ASCII char. For anything else (a duplicate or unknown member, other bytes, other escapes,
 * a string longer than the parser's limit, malformed JSON) it says so and reads nothing, and the
 * decoder parses the envelope with Jackson: this class is a shortcut for the common case, never a
 * second judge of what is valid. What it reads equals what Jackson reads from the same bytes
 * ({@code DocumentParsersPropertiesTest}, {@code EnvelopeScannerTest}).
 */
final class EnvelopeScanner {

    private static final int MSG = 1;
    private static final int SALT = 2;
    private static final int HMAC = 4;
    private static final byte[] MSG_NAME = "\"msg\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SALT_NAME = "\"salt\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HMAC_NAME = "\"hmac\"".getBytes(StandardCharsets.US_ASCII);

    private EnvelopeScanner() {}

    /**
     * Reads the envelope in {@code len} bytes of {@code b} from {@code off} into {@code s}'s msg, salt
     * and hmac, as {@link CodecScratch#takeMsg} and its siblings would; false (with {@code s} in no
     * particular state) when the envelope is not of the form described above.
     */
    static boolean read(byte[] b, int off, int len, CodecScratch s, int maxStringLength) {
        int end = off + len;
        int i = JsonScan.skipWhitespace(b, off, end);
        if (i == end || b[i] != '{') {
            return false;
        }
        int seen = 0;
        while (true) {
            i = JsonScan.skipWhitespace(b, i + 1, end);
            int member = member(b, i, end);
            if (member == 0 || (seen & member) != 0) {
                return false;
            }
            seen |= member;
            i = JsonScan.colon(b, i + name(member).length, end);
            if (i == DEFER || i == end || b[i] != '"') {
                return false;
            }
            i = member == MSG
                    ? msg(b, i + 1, end, s, maxStringLength)
                    : plain(b, i + 1, end, s, member, maxStringLength);
            if (i == DEFER) {
                return false;
            }
            i = JsonScan.afterValue(b, i, end);
            if (i == DEFER) {
                return false;
            }
            if (b[i] == '}') {
                return seen == (MSG | SALT | HMAC) && JsonScan.skipWhitespace(b, i + 1, end) == end;
            }
        }
    }

    /** Which member's quoted name is at {@code i}, or 0. */
    private static int member(byte[] b, int i, int end) {
        if (end - i < MSG_NAME.length || b[i] != '"') {
            return 0;
        }
        int m = switch (b[i + 1]) {
            case 'm' -> MSG;
            case 's' -> SALT;
            case 'h' -> HMAC;
            default -> 0;
        };
        return m != 0 && JsonScan.expect(b, i, end, name(m)) != DEFER ? m : 0;
    }

    private static byte[] name(int member) {
        return switch (member) {
            case MSG -> MSG_NAME;
            case SALT -> SALT_NAME;
            default -> HMAC_NAME;
        };
    }

    /** Copies the plain string from {@code i} into the salt or hmac; the position after its quote, or {@link JsonScan#DEFER}. */
    private static int plain(byte[] b, int i, int end, CodecScratch s, int member, int maxStringLength) {
        int close = JsonScan.plainStringEnd(b, i, end);
        int n = close - i;
        if (close == DEFER || n > maxStringLength) {
            return DEFER;
        }
        if (member == SALT) {
            s.saltLength = copy(b, i, n, s.saltCapacity(n));
        } else {
            if (n == s.hmac.length) {
                copy(b, i, n, s.hmac);
            }
            s.hmacLength = n;
        }
        return close + 1;
    }

    private static int copy(byte[] b, int from, int n, char[] to) {
        for (int k = 0; k < n; k++) {
            to[k] = (char) b[from + k];
        }
        return n;
    }

    /** Unescapes the msg string from {@code i} into {@code s}; the position after its quote, or {@link JsonScan#DEFER}. */
    private static int msg(byte[] b, int i, int end, CodecScratch s, int maxStringLength) {
        char[] out = s.msgCapacity(end - i);
        int n = 0;
        while (i < end) {
            int c = b[i++];
            if (c == '"') {
                if (n > maxStringLength) {
                    return DEFER;
                }
                s.msgLength = n;
                return i;
            }
            if (c == '\\') {
                if (i == end) {
                    return DEFER;
                }
                byte escape = b[i++];
                if (escape == 'u') {
                    c = asciiEscape(b, i, end);
                    i += 4;
                } else {
                    c = unescaped(escape);
                }
                if (c == DEFER) {
                    return DEFER;
                }
            } else if (c < 0x20 || c == 0x7f) {
                return DEFER;
            }
            out[n++] = (char) c;
        }
        return DEFER;
    }

    /** The char a one-letter escape stands for, or {@link JsonScan#DEFER}. */
    private static int unescaped(byte escape) {
        return switch (escape) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> DEFER;
        };
    }

    /** The ASCII char of the four hex digits at {@code i}, or {@link JsonScan#DEFER}. */
    private static int asciiEscape(byte[] b, int i, int end) {
        if (end - i < 4) {
            return DEFER;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Hex.digitValue(b[i + k]);
            if (d < 0) {
                return DEFER;
            }
            v = v << 4 | d;
        }
        return v < 0x80 ? v : DEFER;
    }
}
