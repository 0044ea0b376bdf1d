package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * One decoder shared by several threads, each decoding and signing in its own buffers: every
 * thread gets exactly the result a lone thread gets, with messages of many lengths interleaved.
 */
class CodecThreadsTest {

    static final long NOW = RequestDecoderTest.NOW;
    static final HmacKey KEY = RequestDecoderTest.KEY;

    @Test
    void decodesAndSignsConcurrentlyAsOneThreadDoes() throws Exception {
        RequestDecoder shared = new RequestDecoder(RequestDecoderTest.JSON.getFactory(), 300, 4096);
        List<byte[]> datagrams = new ArrayList<>();
        List<ConfdRequest> requests = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ConfdRequest request = new ConfdRequest(
                    RequestType.CONFIG_QUERY,
                    new QueryArgument.Plain("/cluster/" + "x\u00e9\ud83d\ude00".repeat(i)),
                    "rsalt-" + i + "-" + "r".repeat(i * 3));
            requests.add(request);
            datagrams.add(RequestDecoderTest.ENCODER.encode(request, NOW, KEY));
            byte[] d = datagrams.get(i);
            assertThat(RequestDecoderTest.accepted(shared.decode(d, 0, d.length, NOW, KeyRing.of(KEY))))
                    .isEqualTo(request);
        }
        ReplyBody body = ReplyBody.ok("\"answer\"", 7);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int start = t;
                results.add(pool.submit(() -> {
                    for (int n = 0; n < 2000; n++) {
                        int i = (start * 31 + n * 7) % datagrams.size();
                        byte[] d = datagrams.get(i);
                        DecodeResult r = shared.decode(d, 0, d.length, NOW, KeyRing.of(KEY));
                        if (!(r instanceof DecodeResult.Accepted a)
                                || !a.request().equals(requests.get(i))) {
                            return false;
                        }
                        byte[] reply = ReplyEncoder.encode(body, a.request().rsalt(), KEY);
                        if (!ReplyEncoderPropertiesTest.CLIENT
                                .decode(reply, reply.length, KEY)
                                .map(c -> c.salt().equals(requests.get(i).rsalt()))
                                .orElse(false)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
