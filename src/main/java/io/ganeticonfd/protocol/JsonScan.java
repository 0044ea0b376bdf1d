package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The few pieces of JSON syntax the request scanners ({@link EnvelopeScanner}, {@link MessageScanner})
 * read straight off UTF-8 bytes. Each method returns a position in the array, or {@link #DEFER} when the
 * bytes are not of the one simple form it reads; the scanners then leave the document to Jackson.
 */
final class JsonScan {

    /** Not of the form read here: the document goes to Jackson. */
    static final int DEFER = -1;

    private JsonScan() {}

    /** The first position from {@code i} that is not JSON whitespace (space, tab, line feed, carriage return). */
    static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return i;
            }
            i++;
        }
        return end;
    }

    /** The position after {@code word} (its exact bytes) at {@code i}, or {@link #DEFER}. */
    static int expect(byte[] b, int i, int end, byte[] word) {
        if (end - i < word.length) {
            return DEFER;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[i + k] != word[k]) {
                return DEFER;
            }
        }
        return i + word.length;
    }

    /** Member names as they appear in JSON, quoted, in UTF-8: the table {@link #member} looks names up in. */
    static byte[][] quoted(String... names) {
        byte[][] table = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            table[k] = ('"' + names[k] + '"').getBytes(StandardCharsets.UTF_8);
        }
        return table;
    }

    /**
     * The index in {@code names} ({@link #quoted}) of the quoted member name at {@code i}, written without
     * escapes, or {@link #DEFER}; the name ends at {@code i} plus the length of {@code names[index]}.
     */
    static int member(byte[] b, int i, int end, byte[][] names) {
        for (int k = 0; k < names.length; k++) {
            if (expect(b, i, end, names[k]) != DEFER) {
                return k;
            }
        }
        return DEFER;
    }

    /**
     * The position after the colon that follows a member name ending before {@code i}, and the
     * whitespace around it; {@link #DEFER} without a colon.
     */
    static int colon(byte[] b, int i, int end) {
        i = skipWhitespace(b, i, end);
        if (i == end || b[i] != ':') {
            return DEFER;
        }
        return skipWhitespace(b, i + 1, end);
    }

    /**
     * The position of the closing quote of a string whose contents start at {@code i} and are only
     * printable ASCII without escapes (0x20 to 0x7E but {@code "} and {@code \}), or {@link #DEFER}.
     */
    static int plainStringEnd(byte[] b, int i, int end) {
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c == '\\' || c == 0x7f) {
                return DEFER;
            }
        }
        return DEFER;
    }

    /**
     * The position after an unsigned integer of one to nine digits at {@code i} (no leading zero, as
     * JSON requires), or {@link #DEFER}; its value is left for {@link #intValue}.
     */
    static int digitsEnd(byte[] b, int i, int end) {
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int n = i - start;
        if (n == 0 || n > 9 || (n > 1 && b[start] == '0')) {
            return DEFER;
        }
        return i;
    }

    /** The value of the digits from {@code from} to {@code to}. */
    static int intValue(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /**
     * The position of the {@code ,} or <code>}</code> (after whitespace) that follows a value ending before
     * {@code i}; {@link #DEFER} when anything else follows.
     */
    static int afterValue(byte[] b, int i, int end) {
        i = skipWhitespace(b, i, end);
        if (i == end) {
            return DEFER;
        }
        return b[i] == ',' || b[i] == '}' ? i : DEFER;
    }
}
