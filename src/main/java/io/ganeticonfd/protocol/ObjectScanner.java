package io.ganeticonfd.protocol;

import static io.ganeticonfd.protocol.JsonScan.DEFER;

/**
 * Reads one JSON object straight off its UTF-8 bytes when it has the simple form every known client
 * writes: members from a fixed set of names, each at most once, in any order, names without escapes,
 * whitespace wherever JSON allows it and nothing but whitespace after the object. A subclass reads
 * the values ({@link #value}) into a per-thread {@code C}. Anything else, and anything a subclass is not
 * sure of, makes {@link #scan} return {@link JsonScan#DEFER}: the document then goes to Jackson, so a
 * scanner is a shortcut for the common case, never a second judge of what is valid. The template of
 * {@link EnvelopeScanner} and {@link MessageScanner}; stateless and thread-safe.
 */
abstract class ObjectScanner<C> {

    private final byte[][] names;

    /** A scanner of objects whose members are some of {@code names} (at most 31). */
    ObjectScanner(String... names) {
        this.names = JsonScan.quoted(names);
    }

    /**
     * Reads the object in {@code len} bytes of {@code b} from {@code off} into {@code into}: the set of
     * members it has (bit {@code 1 << k} for {@code names[k]}), or {@link JsonScan#DEFER}.
     */
    final int scan(byte[] b, int off, int len, C into) {
        int end = off + len;
        int i = JsonScan.skipWhitespace(b, off, end);
        if (i == end || b[i] != '{') {
            return DEFER;
        }
        int seen = 0;
        while (true) {
            i = JsonScan.skipWhitespace(b, i + 1, end);
            int member = JsonScan.member(b, i, end, names);
            if (member == DEFER || (seen & 1 << member) != 0) {
                return DEFER;
            }
            seen |= 1 << member;
            int start = JsonScan.colon(b, i + names[member].length, end);
            i = start == DEFER || start == end ? DEFER : value(member, b, start, end, into);
            i = i == DEFER ? DEFER : JsonScan.afterValue(b, i, end);
            if (i == DEFER) {
                return DEFER;
            }
            if (b[i] == '}') {
                return JsonScan.skipWhitespace(b, i + 1, end) == end ? seen : DEFER;
            }
        }
    }

    /**
     * Reads the value of {@code names[member]}, which starts at {@code start} (not whitespace, before
     * {@code end}), into {@code into}: the position after the value, or {@link JsonScan#DEFER}.
     */
    abstract int value(int member, byte[] b, int start, int end, C into);
}
