package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rsalts of one sender, shaped like UUIDs as Ganeti's clients send them:
 * {@code NNNNNNNN-SSSS-4000-8000-QQQQQQQQQQQQ} (a random run nonce, the sender's stream number and
 * a sequence number, in hex). A reply's salt gives back the sequence number; the salt of another run
 * or stream gives none, so stale replies never match. Thread-safe.
 */
public final class RsaltSequence {

    /** Length of an rsalt. */
    public static final int LENGTH = 36;

    private static final int SEQUENCE_AT = 24;
    private static final long MAX_SEQUENCE = (1L << 48) - 1;

    private final byte[] prefix = new byte[SEQUENCE_AT];
    private final AtomicLong last = new AtomicLong();

    /** The rsalts of stream {@code stream} (0 to 65535) in the run with {@code nonce}. */
    public RsaltSequence(int nonce, int stream) {
        Hex.writeDigits(nonce & 0xffffffffL, 8, prefix, 0);
        prefix[8] = '-';
        Hex.writeDigits(stream, 4, prefix, 9);
        System.arraycopy("-4000-8000-".getBytes(StandardCharsets.US_ASCII), 0, prefix, 13, 11);
    }

    /** A sequence with a random nonce and stream number. */
    public static RsaltSequence random() {
        SecureRandom random = new SecureRandom();
        return new RsaltSequence(random.nextInt(), random.nextInt(1 << 16));
    }

    /** The next rsalt of this sequence, as text. */
    public String next() {
        byte[] out = new byte[LENGTH];
        write(last.incrementAndGet() & MAX_SEQUENCE, out);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** Writes the rsalt of {@code sequence} (1 to 2^48-1) into {@code out} from 0. */
    public void write(long sequence, byte[] out) {
        System.arraycopy(prefix, 0, out, 0, SEQUENCE_AT);
        Hex.writeDigits(sequence, LENGTH - SEQUENCE_AT, out, SEQUENCE_AT);
    }

    /** The sequence number of a salt of this sequence, or 0 when it is not one. */
    public long sequenceOf(CharSequence salt) {
        if (salt == null || salt.length() != LENGTH) {
            return 0;
        }
        for (int i = 0; i < SEQUENCE_AT; i++) {
            if (salt.charAt(i) != prefix[i]) {
                return 0;
            }
        }
        long v = 0;
        for (int i = SEQUENCE_AT; i < LENGTH; i++) {
            int d = Hex.digitValue(salt.charAt(i));
            if (d < 0) {
                return 0;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
