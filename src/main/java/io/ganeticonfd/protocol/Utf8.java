package io.ganeticonfd.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-8 encoding of chars into a caller's array, byte for byte what {@code String.getBytes(UTF_8)}
 * gives: a surrogate pair becomes 4 bytes, a lone surrogate becomes {@code '?'}.
 */
final class Utf8 {

    /** Most bytes one char can take (a pair takes 4 bytes for 2 chars). */
    static final int MAX_BYTES_PER_CHAR = 3;

    /** Eight bytes of an array at once, for skipping ASCII runs. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    /**
     * Whether none of {@code len} bytes of {@code data} from {@code from} is one that UTF-8 never uses
     * (C0, C1, F5-FF). ASCII runs are checked eight bytes at a time.
     */
    static boolean usesOnlyUtf8Bytes(byte[] data, int from, int len) {
        int end = from + len;
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            if (((long) LONGS.get(data, i) & HIGH_BITS) != 0 && !usesOnlyUtf8BytesEach(data, i, i + Long.BYTES)) {
                return false;
            }
        }
        return usesOnlyUtf8BytesEach(data, i, end);
    }

    private static boolean usesOnlyUtf8BytesEach(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            int b = data[i] & 0xff;
            if (b >= 0xf5 || b == 0xc0 || b == 0xc1) {
                return false;
            }
        }
        return true;
    }

    /** Writes the UTF-8 of {@code len} chars of {@code src} from {@code off} into {@code dst} at {@code pos}; returns the next position. */
    static int encode(char[] src, int off, int len, byte[] dst, int pos) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = src[i];
            if (c < 0x80) {
                dst[pos++] = (byte) c;
            } else if (c < 0x800) {
                dst[pos++] = (byte) (0xc0 | (c >> 6));
                dst[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (!Character.isSurrogate(c)) {
                pos = three(c, dst, pos);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(src[i + 1])) {
                pos = four(Character.toCodePoint(c, src[++i]), dst, pos);
            } else {
                dst[pos++] = '?';
            }
        }
        return pos;
    }

    /** Whether {@code len} chars of {@code src} from {@code off} hold a surrogate that is not part of a pair. */
    static boolean hasLoneSurrogate(char[] src, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = src[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(src[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code s} into {@code dst} at {@code pos} if it is all ASCII and fits; returns the next position, or -1. */
    static int encodeAscii(String s, byte[] dst, int pos) {
        int n = s.length();
        if (n > dst.length - pos) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            dst[pos + i] = (byte) c;
        }
        return pos + n;
    }

    private static int three(char c, byte[] dst, int pos) {
        dst[pos] = (byte) (0xe0 | (c >> 12));
        dst[pos + 1] = (byte) (0x80 | ((c >> 6) & 0x3f));
        dst[pos + 2] = (byte) (0x80 | (c & 0x3f));
        return pos + 3;
    }

    private static int four(int cp, byte[] dst, int pos) {
        dst[pos] = (byte) (0xf0 | (cp >> 18));
        dst[pos + 1] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        dst[pos + 2] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        dst[pos + 3] = (byte) (0x80 | (cp & 0x3f));
        return pos + 4;
    }
}
