package io.ganeticonfd.client;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.ConfdReply;
import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.ReplyDecodeResult;
import io.ganeticonfd.protocol.ReplyDecoder;

/**
 * Reads a datagram received by the client: the verified reply, or, for a datagram that does not
 * verify, only the salt it claims (so the request it pretends to answer can note the bad peer).
 */
final class DatagramReader {

    /** A verified reply (its salt is the rsalt it answers), or an unverified claimed salt (may be null). */
    record Read(String salt, ConfdReply reply) {}

    private final ReplyDecoder decoder;
    private final HmacKey key;

    DatagramReader(ObjectMapper mapper, HmacKey key) {
        this.decoder = new ReplyDecoder(mapper);
        this.key = key;
    }

    Read read(byte[] data, int len) {
        ReplyDecodeResult read = decoder.read(data, 0, len, key);
        if (read instanceof ReplyDecodeResult.Verified v) {
            return new Read(v.reply().salt(), v.reply());
        }
        return new Read(((ReplyDecodeResult.Refused) read).claimedSalt(), null);
    }
}
