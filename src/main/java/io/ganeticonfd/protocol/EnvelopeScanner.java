package io.ganeticonfd.protocol;

import static io.ganeticonfd.protocol.JsonScan.DEFER;

/**
 * Reads a request envelope in the form every known client writes, straight off its bytes: one
 * object with exactly the members {@code msg}, {@code salt} and {@code hmac} ({@link ObjectScanner}'s
 * form), {@code salt} and {@code hmac} of printable ASCII, {@code msg} of printable ASCII and the escapes
 * {@code \" \\ \/ \b \f \n \r \t} and {@code \}{@code u} of an ASCII char. Anything else (a duplicate or
 * unknown member, other bytes, other escapes, a string longer than the parser's limit, malformed JSON)
 * is left to Jackson. What it reads equals what Jackson reads from the same bytes
 * ({@code RequestScannersPropertiesTest}, {@code DocumentParsersPropertiesTest}, {@code EnvelopeScannerTest}).
 */
final class EnvelopeScanner extends ObjectScanner<CodecScratch> {

    private static final int MSG = 0;
    private static final int SALT = 1;
    private static final int ALL = 0b111;

    private final int maxStringLength;

    /** A scanner leaving strings longer than {@code maxStringLength} (Jackson's limit) to Jackson. */
    EnvelopeScanner(int maxStringLength) {
        super("msg", "salt", "hmac");
        this.maxStringLength = maxStringLength;
    }

    /**
     * Reads the envelope in {@code len} bytes of {@code b} from {@code off} into {@code s}'s msg, salt
     * and hmac, as {@link CodecScratch#takeMsg} and its siblings would; false (with {@code s} in no
     * particular state) when the envelope is not of the form described above.
     */
    boolean read(byte[] b, int off, int len, CodecScratch s) {
        return scan(b, off, len, s) == ALL;
    }

    @Override
    int value(int member, byte[] b, int start, int end, CodecScratch s) {
        if (b[start] != '"') {
            return DEFER;
        }
        return member == MSG ? msg(b, start + 1, end, s) : plain(b, start + 1, end, s, member);
    }

    /** Copies the plain string from {@code i} into the salt or hmac; the position after its quote, or {@link JsonScan#DEFER}. */
    private int plain(byte[] b, int i, int end, CodecScratch s, int member) {
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
    private int msg(byte[] b, int i, int end, CodecScratch s) {
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
