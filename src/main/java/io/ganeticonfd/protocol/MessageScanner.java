package io.ganeticonfd.protocol;

import static io.ganeticonfd.protocol.JsonScan.DEFER;

import java.nio.charset.StandardCharsets;

/**
 * Reads a signed request message in the form every known client writes, straight off its UTF-8
 * bytes: one object ({@link ObjectScanner}'s form) with the members {@code protocol} and {@code type}
 * (unsigned integers of up to nine digits), {@code rsalt} (a string) and optionally {@code query}
 * ({@code null} or a string), strings of printable ASCII without escapes. Anything else (a dict query,
 * a duplicate or unknown member, a fraction, an exponent, an escape, other bytes, malformed JSON) is
 * left to Jackson. What it reads equals what Jackson reads from the same bytes
 * ({@code RequestScannersPropertiesTest}, {@code DocumentParsersPropertiesTest}, {@code MessageScannerTest}).
 */
final class MessageScanner extends ObjectScanner<CodecScratch> {

    private static final int TYPE = 1;
    private static final int RSALT = 2;
    private static final int QUERY = 3;
    /** The members a request must have: protocol, type and rsalt. */
    private static final int REQUIRED = 0b0111;

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final int maxStringLength;

    /** A scanner leaving strings longer than {@code maxStringLength} (Jackson's limit) to Jackson. */
    MessageScanner(int maxStringLength) {
        super("protocol", "type", "rsalt", "query");
        this.maxStringLength = maxStringLength;
    }

    /**
     * The decoded request in {@code len} bytes of {@code b} from {@code off}, verified with {@code key},
     * read with {@code s}'s fields; null to leave it to Jackson.
     */
    DecodeResult read(byte[] b, int off, int len, HmacKey key, CodecScratch s) {
        s.scannedQuery = QueryArgument.None.INSTANCE;
        int seen = scan(b, off, len, s);
        DecodeResult result = seen != DEFER && (seen & REQUIRED) == REQUIRED
                ? RequestMessageParser.decoded(s.scannedType, s.scannedQuery, s.scannedRsalt, key)
                : null;
        s.scannedRsalt = null;
        s.scannedQuery = null;
        return result;
    }

    @Override
    int value(int member, byte[] b, int start, int end, CodecScratch s) {
        if (member < RSALT) {
            int after = JsonScan.digitsEnd(b, start, end);
            if (after != DEFER && member == TYPE) {
                s.scannedType = JsonScan.intValue(b, start, after);
            }
            return after;
        }
        if (member == QUERY && b[start] != '"') {
            return JsonScan.expect(b, start, end, NULL);
        }
        int close = stringEnd(b, start, end);
        if (close == DEFER) {
            return DEFER;
        }
        String text = new String(b, start + 1, close - start - 1, StandardCharsets.ISO_8859_1);
        if (member == RSALT) {
            s.scannedRsalt = text;
        } else {
            s.scannedQuery = new QueryArgument.Plain(text);
        }
        return close + 1;
    }

    /** The closing quote of a plain string of at most the parser's limit at {@code start}, or {@link JsonScan#DEFER}. */
    private int stringEnd(byte[] b, int start, int end) {
        if (b[start] != '"') {
            return DEFER;
        }
        int close = JsonScan.plainStringEnd(b, start + 1, end);
        return close != DEFER && close - start - 1 <= maxStringLength ? close : DEFER;
    }
}
