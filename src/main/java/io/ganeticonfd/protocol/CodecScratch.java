package io.ganeticonfd.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;

/**
 * The buffers one thread reuses to decode a request and sign its reply, so the request path
 * allocates no arrays of its own. Obtained with {@link #get()}; never shared between threads.
 */
final class CodecScratch {

    private static final ThreadLocal<CodecScratch> PER_THREAD = ThreadLocal.withInitial(CodecScratch::new);

    /** The envelope's {@code msg}, {@code salt} and {@code hmac} strings, and their lengths. */
    char[] msg = new char[512];

    char[] salt = new char[32];
    final char[] hmac = new char[HmacKey.DIGEST_BYTES * 2];
    int msgLength;
    int saltLength;
    int hmacLength;
    /** The signed bytes (salt then msg, UTF-8) of a request, or the rsalt of a reply. */
    byte[] signed = new byte[1024];
    /** A digest computed by {@link HmacKey#sign(byte[], int, int, byte[], int)}. */
    final byte[] digest = new byte[HmacKey.DIGEST_BYTES];
    /** The type, rsalt and query of a message {@link MessageScanner} read (valid only while it reads one). */
    int scannedType;

    String scannedRsalt;
    QueryArgument scannedQuery;

    private CodecScratch() {}

    /** The calling thread's buffers. */
    static CodecScratch get() {
        return PER_THREAD.get();
    }

    /** {@link #signed}, grown to hold at least {@code n} bytes (its contents are lost). */
    byte[] signed(int n) {
        if (signed.length < n) {
            signed = new byte[Math.max(n, 2 * signed.length)];
        }
        return signed;
    }

    /** {@link #msg}, grown to hold at least {@code n} chars (its contents are lost). */
    char[] msgCapacity(int n) {
        if (msg.length < n) {
            msg = new char[Math.max(n, 2 * msg.length)];
        }
        return msg;
    }

    /** {@link #salt}, grown to hold at least {@code n} chars (its contents are lost). */
    char[] saltCapacity(int n) {
        if (salt.length < n) {
            salt = new char[Math.max(n, 2 * salt.length)];
        }
        return salt;
    }

    /** Copies the string token {@code p} is at into {@link #msg}; false when longer than {@code maxLength}. */
    boolean takeMsg(JsonParser p, int maxLength) throws IOException {
        int len = p.getTextLength();
        if (len > maxLength) {
            return false;
        }
        System.arraycopy(p.getTextCharacters(), p.getTextOffset(), msgCapacity(len), 0, len);
        msgLength = len;
        return true;
    }

    /** Copies the string token {@code p} is at into {@link #salt}; false when longer than {@code maxLength}. */
    boolean takeSalt(JsonParser p, int maxLength) throws IOException {
        int len = p.getTextLength();
        if (len > maxLength) {
            return false;
        }
        System.arraycopy(p.getTextCharacters(), p.getTextOffset(), saltCapacity(len), 0, len);
        saltLength = len;
        return true;
    }

    /**
     * Copies the string token {@code p} is at into {@link #hmac} if it has the length of a hex
     * digest (only its length is kept otherwise); false when longer than {@code maxLength}.
     */
    boolean takeHmac(JsonParser p, int maxLength) throws IOException {
        int len = p.getTextLength();
        if (len > maxLength) {
            return false;
        }
        if (len == hmac.length) {
            System.arraycopy(p.getTextCharacters(), p.getTextOffset(), hmac, 0, len);
        }
        hmacLength = len;
        return true;
    }
}
