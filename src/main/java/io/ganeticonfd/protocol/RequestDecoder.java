package io.ganeticonfd.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Parses and verifies a signed confd request datagram: magic, envelope, HMAC, timestamp and the
 * request itself. Thread-safe (each thread decodes in its own reused buffers, see
 * {@link CodecScratch}); never throws on any input.
 */
public final class RequestDecoder {

    /** The 4-byte prefix of every confd datagram. */
    public static final byte[] MAGIC = {'p', 'l', 'j', '0'};

    private static final DecodeResult.Rejected NOT_JSON = reject(RejectReason.BAD_JSON, "envelope is not JSON");

    /** How a decoder reads the JSON of a request: what the daemon runs, and the two it is held equal to in the tests. */
    enum Reading {
        /** A new Jackson parser per document, as Jackson is usually used: the reference. */
        FRESH_PARSERS,
        /** One Jackson parser per thread, reused from document to document ({@link ReusedDocumentParsers}). */
        REUSED_PARSERS,
        /**
         * The common form read straight off the bytes ({@link EnvelopeScanner}, {@link MessageScanner}),
         * anything else by reused parsers: what the daemon runs.
         */
        SCANNERS_FIRST
    }

    private final DocumentParsers documents;
    private final RequestMessageParser messages;
    /** Null unless the common form is read straight off the bytes. */
    private final EnvelopeScanner envelopes;

    private final long maxSkewSeconds;
    private final int maxRequestBytes;
    private final int maxStringLength;

    /**
     * A decoder accepting timestamps within {@code maxSkewSeconds} and datagrams up to {@code maxRequestBytes},
     * with {@code json}'s features and limits: requests of the common form are read straight off their
     * bytes, anything else by Jackson parsers reused from one request to the next.
     */
    public RequestDecoder(JsonFactory json, long maxSkewSeconds, int maxRequestBytes) {
        this(json, maxSkewSeconds, maxRequestBytes, Reading.SCANNERS_FIRST);
    }

    /** A decoder as above reading JSON as {@code reading} says: the tests hold every way equal to the reference. */
    RequestDecoder(JsonFactory json, long maxSkewSeconds, int maxRequestBytes, Reading reading) {
        RequestJsonFactory plain = new RequestJsonFactory(json);
        FreshDocumentParsers fresh = new FreshDocumentParsers(plain);
        this.documents = reading == Reading.FRESH_PARSERS
                ? fresh
                : new ReusedDocumentParsers(RequestJsonFactory.forFedDocuments(json));
        this.maxSkewSeconds = maxSkewSeconds;
        this.maxRequestBytes = maxRequestBytes;
        this.maxStringLength = plain.streamReadConstraints().getMaxStringLength();
        boolean scan = reading == Reading.SCANNERS_FIRST;
        this.envelopes = scan ? new EnvelopeScanner(maxStringLength) : null;
        this.messages = new RequestMessageParser(fresh, documents, scan ? new MessageScanner(maxStringLength) : null);
    }

    /** Decodes {@code len} bytes of {@code data} from {@code off}, verifying against {@code keys} at {@code nowSeconds}. */
    public DecodeResult decode(byte[] data, int off, int len, long nowSeconds, KeyRing keys) {
        if (len > maxRequestBytes) {
            return reject(RejectReason.OVERSIZE, "datagram larger than the request size limit");
        }
        if (len < MAGIC.length
                || data[off] != MAGIC[0]
                || data[off + 1] != MAGIC[1]
                || data[off + 2] != MAGIC[2]
                || data[off + 3] != MAGIC[3]) {
            return reject(RejectReason.BAD_MAGIC, "no plj0 prefix");
        }
        if (!mayBeUtf8Json(data, off + MAGIC.length, len - MAGIC.length)) {
            return reject(RejectReason.BAD_JSON, "envelope is not UTF-8 JSON text");
        }
        CodecScratch scratch = CodecScratch.get();
        int from = off + MAGIC.length;
        if (envelopes == null || !envelopes.read(data, from, len - MAGIC.length, scratch)) {
            DecodeResult.Rejected envelopeError = readEnvelope(data, from, len - MAGIC.length, scratch);
            if (envelopeError != null) {
                return envelopeError;
            }
        }
        return verify(scratch, nowSeconds, keys);
    }

    /** Reads the envelope into {@code s}: null when it holds msg, salt and hmac strings, else why not. */
    private DecodeResult.Rejected readEnvelope(byte[] data, int off, int len, CodecScratch s) {
        boolean hasMsg = false;
        boolean hasSalt = false;
        boolean hasHmac = false;
        JsonParser p = null;
        boolean whole = false;
        try {
            p = documents.open(data, off, len);
            int top = p.getParsingContext().getNestingDepth();
            JsonToken first = p.nextToken();
            if (first == null) {
                return reject(RejectReason.BAD_JSON, "no envelope after the magic");
            }
            if (first != JsonToken.START_OBJECT) {
                return wrongShape(p, top, "envelope is not an object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    return wrongShape(p, top, "an envelope member is not a string");
                }
                boolean fits = true;
                switch (name) {
                    case "msg" -> {
                        fits = hasMsg || s.takeMsg(p, maxStringLength);
                        hasMsg = true;
                    }
                    case "salt" -> {
                        fits = hasSalt || s.takeSalt(p, maxStringLength);
                        hasSalt = true;
                    }
                    case "hmac" -> {
                        fits = hasHmac || s.takeHmac(p, maxStringLength);
                        hasHmac = true;
                    }
                    default -> {
                        return wrongShape(p, top, "unknown envelope member");
                    }
                }
                if (!fits) {
                    return NOT_JSON;
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return reject(RejectReason.BAD_JSON, "trailing data after the envelope");
            }
            whole = true;
        } catch (IOException | RuntimeException e) {
            return NOT_JSON;
        } finally {
            if (p != null) {
                documents.release(p, whole);
            }
        }
        if (!hasMsg || !hasSalt || !hasHmac) {
            return reject(RejectReason.BAD_ENVELOPE, "envelope lacks msg, salt or hmac");
        }
        return null;
    }

    /**
     * {@link RejectReason#BAD_ENVELOPE} with {@code detail} if the envelope, read on from the token
     * {@code p} is at to its end, is one valid JSON value, else {@link RejectReason#BAD_JSON}: the
     * reason does not depend on how far a parser had read when it returned the token that was
     * refused. {@code top} is the nesting depth of the envelope's own value.
     */
    private static DecodeResult.Rejected wrongShape(JsonParser p, int top, String detail) {
        try {
            JsonToken t = p.currentToken();
            while (true) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    p.getTextLength();
                }
                if (p.getParsingContext().getNestingDepth() == top && !t.isStructStart()) {
                    break;
                }
                t = p.nextToken();
                if (t == null) {
                    return NOT_JSON;
                }
            }
            return p.nextToken() == null ? reject(RejectReason.BAD_ENVELOPE, detail) : NOT_JSON;
        } catch (IOException | RuntimeException e) {
            return NOT_JSON;
        }
    }

    private DecodeResult verify(CodecScratch s, long nowSeconds, KeyRing keys) {
        if (!Hex.isDigest(s.hmac, s.hmacLength)) {
            return reject(RejectReason.BAD_HMAC, "hmac is not a hex SHA-1 digest");
        }
        byte[] signed = s.signed((s.saltLength + s.msgLength) * Utf8.MAX_BYTES_PER_CHAR);
        int saltEnd = Utf8.encode(s.salt, 0, s.saltLength, signed, 0);
        int signedLength = Utf8.encode(s.msg, 0, s.msgLength, signed, saltEnd);
        HmacKey key;
        if (verifies(keys.current(), signed, signedLength, s)) {
            key = keys.current();
        } else if (keys.previousActive(nowSeconds) && verifies(keys.previous(), signed, signedLength, s)) {
            key = keys.previous();
        } else {
            return reject(RejectReason.BAD_HMAC, "hmac does not verify");
        }
        long timestamp = Timestamps.parse(s.salt, 0, s.saltLength);
        if (timestamp == Timestamps.INVALID) {
            return reject(RejectReason.BAD_SALT, "salt is not a timestamp");
        }
        if (!Timestamps.withinSkew(timestamp, nowSeconds, maxSkewSeconds)) {
            return reject(RejectReason.CLOCK_SKEW, "timestamp outside the allowed clock skew");
        }
        return messages.parse(s, signed, saltEnd, signedLength - saltEnd, key);
    }

    private static boolean verifies(HmacKey key, byte[] signed, int signedLength, CodecScratch s) {
        key.sign(signed, 0, signedLength, s.digest, 0);
        return Hex.matches(s.hmac, s.digest, 0);
    }

    /**
     * False when the envelope starts with a non-ASCII byte (as a byte-order mark does) or has a NUL
     * among its first four bytes: neither can begin UTF-8 JSON, and Jackson would otherwise skip the
     * mark or decode the text as UTF-16/32, accepting datagrams Ganeti drops. False too when any byte
     * is one that UTF-8 never uses (C0, C1, F5-FF): Jackson looks member names up by their bytes, padded
     * with FF, before it checks them, so {@code "\xFFmsg"} would be taken for {@code "msg"} (found by
     * fuzzing); Ganeti refuses such text as it is not UTF-8.
     */
    private static boolean mayBeUtf8Json(byte[] data, int from, int len) {
        for (int i = from; i < from + Math.min(len, 4); i++) {
            if (data[i] == 0) {
                return false;
            }
        }
        return (len == 0 || data[from] >= 0) && Utf8.usesOnlyUtf8Bytes(data, from, len);
    }

    static DecodeResult.Rejected reject(RejectReason reason, String detail) {
        return new DecodeResult.Rejected(reason, detail);
    }
}
