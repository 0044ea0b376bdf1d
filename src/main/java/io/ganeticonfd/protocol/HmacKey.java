package io.ganeticonfd.protocol;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A confd HMAC-SHA1 key: the exact bytes of {@code hmac.key}. Never printed; {@link #fingerprint()}
 * identifies it without revealing it.
 */
public final class HmacKey {

    /** Length of an HMAC-SHA1 digest in bytes. */
    public static final int DIGEST_BYTES = 20;

    private static final String ALGORITHM = "HmacSHA1";
    private static final int BLOCK_BYTES = 64;
    /** Each thread's SHA-1, for the allocation-free {@code sign} of the request path (RFC 2104 over it). */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(HmacKey::newSha1);

    private final byte[] bytes;
    private final String fingerprint;
    private final ThreadLocal<Mac> macs;
    private final byte[] innerPad;
    private final byte[] outerPad;

    private HmacKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.fingerprint = computeFingerprint(this.bytes);
        SecretKeySpec spec = new SecretKeySpec(this.bytes, ALGORITHM);
        Mac prototype = newMac(spec);
        this.macs = ThreadLocal.withInitial(() -> copyOf(prototype, spec));
        this.innerPad = pad(this.bytes, 0x36);
        this.outerPad = pad(this.bytes, 0x5c);
    }

    /** A key made of these bytes (an empty key is refused). */
    public static HmacKey of(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty HMAC key");
        }
        return new HmacKey(bytes);
    }

    /** A key made of the UTF-8 bytes of this text. */
    public static HmacKey of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The Mac of the calling thread, initialised with this key; reset after each {@code doFinal}. */
    Mac mac() {
        return macs.get();
    }

    /** HMAC-SHA1 over the concatenation of two byte strings. */
    public byte[] sign(byte[] first, byte[] second) {
        Mac mac = mac();
        mac.update(first);
        mac.update(second);
        return mac.doFinal();
    }

    /**
     * Writes the HMAC-SHA1 of {@code len} bytes of {@code data} from {@code off} into {@code out} at
     * {@code outOff}, allocating nothing (unlike {@code Mac.doFinal}, which makes an array per digest).
     */
    void sign(byte[] data, int off, int len, byte[] out, int outOff) {
        MessageDigest sha1 = SHA1.get();
        sha1.update(innerPad);
        sha1.update(data, off, len);
        finish(sha1, out, outOff);
    }

    /** Writes the HMAC-SHA1 of {@code firstLen} bytes of {@code first} then all of {@code second} into {@code out} at {@code outOff}. */
    void sign(byte[] first, int firstLen, byte[] second, byte[] out, int outOff) {
        MessageDigest sha1 = SHA1.get();
        sha1.update(innerPad);
        sha1.update(first, 0, firstLen);
        sha1.update(second);
        finish(sha1, out, outOff);
    }

    /** The outer hash of RFC 2104 over the inner one, both written at {@code out[outOff]}. */
    private void finish(MessageDigest sha1, byte[] out, int outOff) {
        try {
            sha1.digest(out, outOff, DIGEST_BYTES);
            sha1.update(outerPad);
            sha1.update(out, outOff, DIGEST_BYTES);
            sha1.digest(out, outOff, DIGEST_BYTES);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a digest", e);
        }
    }

    /** The key padded to a SHA-1 block (hashed first if longer, as RFC 2104 says) and XORed with {@code pad}. */
    private static byte[] pad(byte[] key, int pad) {
        byte[] k = key.length > BLOCK_BYTES ? newSha1().digest(key) : key;
        byte[] out = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            out[i] = (byte) ((i < k.length ? k[i] : 0) ^ pad);
        }
        return out;
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    }

    /** Whether {@code digest} is the HMAC of {@code first + second}, compared in constant time. */
    public boolean verifies(byte[] first, byte[] second, byte[] digest) {
        return MessageDigest.isEqual(sign(first, second), digest);
    }

    /** A short, non-reversible identifier of this key: the first 8 bytes of its SHA-256, in hex. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Whether this key has the same bytes as another. */
    public boolean sameBytes(HmacKey other) {
        return other != null && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "HmacKey[sha256:" + fingerprint + "]";
    }

    private static String computeFingerprint(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(Arrays.copyOf(sha, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
    }

    private static Mac copyOf(Mac prototype, SecretKeySpec spec) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(spec);
        }
    }
}
