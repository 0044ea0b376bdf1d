package io.ganeticonfd.cli;

/**
 * The rsalts of one bench socket, as confdload writes them: {@code NNNNNNNN-TTTT-4000-8000-SSSSSSSSSSSS}
 * (run nonce, socket number, sequence number in hex). A reply's salt gives back the sequence number;
 * a salt of another run or socket gives none, so stale replies never match.
 */
final class Rsalt {

    /** Length of an rsalt. */
    static final int LENGTH = 36;

    private static final int SEQ_AT = 24;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] prefix = new byte[SEQ_AT];

    /** The rsalts of socket {@code socket} in the run with {@code nonce}. */
    Rsalt(int nonce, int socket) {
        hex(nonce & 0xffffffffL, prefix, 0, 8);
        prefix[8] = '-';
        hex(socket, prefix, 9, 4);
        System.arraycopy("-4000-8000-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, prefix, 13, 11);
    }

    /** Writes the rsalt of {@code seq} (1 to 2^48-1) into {@code out} from 0. */
    void write(long seq, byte[] out) {
        System.arraycopy(prefix, 0, out, 0, SEQ_AT);
        hex(seq, out, SEQ_AT, 12);
    }

    /** The sequence number of a salt of this socket ({@code len} bytes of {@code s} from {@code off}), or 0. */
    long parse(byte[] s, int off, int len) {
        if (len != LENGTH) {
            return 0;
        }
        for (int i = 0; i < SEQ_AT; i++) {
            if (s[off + i] != prefix[i]) {
                return 0;
            }
        }
        long v = 0;
        for (int i = SEQ_AT; i < LENGTH; i++) {
            int c = s[off + i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) {
                return 0;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private static void hex(long v, byte[] out, int at, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (v & 15)];
            v >>>= 4;
        }
    }
}
