package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The decoder on parsers reused from one document to the next ({@link FedDocument}), and the one
 * reading the common form straight off the bytes first ({@link EnvelopeScanner}, {@link MessageScanner}),
 * against the decoder on a new Jackson parser per document: for any input, in any order, both accept the same
 * datagrams with the same request and key, and refuse the rest for the same reason. Inputs are
 * arbitrary bytes, envelopes and signed messages assembled from JSON fragments (unbalanced
 * brackets, trailing numbers, literals and strings, lone surrogates, nesting at the depth limit)
 * and valid requests cut, extended or changed at random positions. Each property runs a sequence
 * through one thread, so what a reused parser keeps between documents is exercised too.
 * {@code RequestScannersPropertiesTest} generates inputs around the scanners' form.
 */
class DocumentParsersPropertiesTest {

    static final long NOW = 1_700_000_000L;
    /** Large enough for messages nested to the depth limit. */
    static final int MAX_BYTES = 65_536;

    static final HmacKey KEY = ConformanceVectors.key("testsuite-2.16");
    static final KeyRing KEYS = KeyRing.of(KEY);
    static final ObjectMapper JSON = new ObjectMapper();
    static final RequestEncoder ENCODER = new RequestEncoder(JSON);
    static final RequestDecoder FRESH =
            new RequestDecoder(JSON.getFactory(), 300, MAX_BYTES, RequestDecoder.Reading.FRESH_PARSERS);
    static final RequestDecoder REUSED =
            new RequestDecoder(JSON.getFactory(), 300, MAX_BYTES, RequestDecoder.Reading.REUSED_PARSERS);
    static final RequestDecoder SCANNED =
            new RequestDecoder(JSON.getFactory(), 300, MAX_BYTES, RequestDecoder.Reading.SCANNERS_FIRST);

    /** Most datagrams in one generated sequence. */
    private static final int SEQUENCE = 8;

    private static final int DEPTH = JSON.getFactory().streamReadConstraints().getMaxNestingDepth();

    private static final List<String> MESSAGE_FRAGMENTS = List.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            " ",
            "\n",
            "\t",
            "\"protocol\"",
            "\"type\"",
            "\"rsalt\"",
            "\"query\"",
            "\"0\"",
            "\"1\"",
            "\"2\"",
            "\"3\"",
            "\"other\"",
            "1",
            "0",
            "-1",
            "1.5",
            "2.5",
            "1e3",
            "-0.0",
            "1000.4",
            "99999999999999999999",
            "01",
            "1.",
            "null",
            "true",
            "fals",
            "\"x\"",
            "\"node1\"",
            "\"\\ud800\"",
            "\ud800",
            "\"\\u00e9\"",
            "\"\u00e9\"",
            "\"\ud83d\ude00\"",
            "\"\u0001\"",
            "\"",
            "\\",
            "\"a",
            "/*",
            "\u0000");

    private static final List<String> ENVELOPE_FRAGMENTS = List.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            " ",
            "\r\n",
            "\"msg\"",
            "\"salt\"",
            "\"hmac\"",
            "\"other\"",
            "1",
            "-",
            "null",
            "tru",
            "\"\"",
            "\"x\"",
            "\"a",
            "\"\\",
            "\"\\u00\"",
            "\u00e9",
            "\"\ufeff\"",
            "\u007f");

    /**
     * Asserts the decoders on reused parsers and on the scanners first decode {@code datagram} as the
     * one on a fresh parser per document does; returns the fresh decoder's result.
     */
    static DecodeResult assertSameOutcome(byte[] datagram) {
        DecodeResult fresh = FRESH.decode(datagram, 0, datagram.length, NOW, KEYS);
        for (RequestDecoder other : List.of(REUSED, SCANNED)) {
            DecodeResult result = other.decode(datagram, 0, datagram.length, NOW, KEYS);
            if (fresh instanceof DecodeResult.Rejected refused) {
                assertThat(result)
                        .as("%s", new String(datagram, StandardCharsets.UTF_8))
                        .isInstanceOfSatisfying(
                                DecodeResult.Rejected.class,
                                r -> assertThat(r.reason()).isEqualTo(refused.reason()));
            } else {
                assertThat(result)
                        .as("%s", new String(datagram, StandardCharsets.UTF_8))
                        .isEqualTo(fresh);
            }
        }
        return fresh;
    }

    @Property(tries = 300)
    void arbitraryBytesAfterTheMagic(@ForAll("arbitraryDatagrams") List<byte[]> sequence) {
        assertSameOutcomes(sequence);
    }

    @Property(tries = 500)
    void envelopesOfJsonFragments(@ForAll("fragmentEnvelopes") List<byte[]> sequence) {
        assertSameOutcomes(sequence, "BAD_JSON", "BAD_ENVELOPE");
    }

    @Property(tries = 500)
    void signedMessagesOfJsonFragments(@ForAll("fragmentMessages") List<byte[]> sequence) {
        assertSameOutcomes(sequence, "ACCEPTED", "BAD_REQUEST", "UNKNOWN_TYPE");
    }

    @Property(tries = 500)
    void validRequestsCutExtendedAndChanged(@ForAll("changedRequests") List<byte[]> sequence) {
        assertSameOutcomes(sequence, "ACCEPTED", "BAD_JSON", "BAD_HMAC");
    }

    @Property(tries = 100)
    void signedMessagesNestedAroundTheDepthLimit(@ForAll("deepMessages") List<byte[]> sequence) {
        assertSameOutcomes(sequence, "ACCEPTED", "BAD_REQUEST");
    }

    @Provide
    Arbitrary<List<byte[]>> arbitraryDatagrams() {
        return sequences(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(DocumentParsersPropertiesTest::withMagic));
    }

    @Provide
    Arbitrary<List<byte[]>> fragmentEnvelopes() {
        return sequences(joined(ENVELOPE_FRAGMENTS, 30).map(s -> withMagic(s.getBytes(StandardCharsets.UTF_8))));
    }

    @Provide
    Arbitrary<List<byte[]>> fragmentMessages() {
        Arbitrary<String> soup = joined(MESSAGE_FRAGMENTS, 30);
        Arbitrary<String> objects = soup.map(s -> "{" + s);
        Arbitrary<String> queries = Arbitraries.oneOf(
                joined(MESSAGE_FRAGMENTS, 4),
                Arbitraries.of(
                        "null",
                        "\"node1\"",
                        "\"\\ud800\"",
                        "{}",
                        "{\"0\": \"br0\", \"1\": null}",
                        "{\"2\": [\"192.0.2.1\", \"\u00e9\"], \"3\": [0, \"1\", 2.5]}",
                        "{\"3\": [7]}"));
        Arbitrary<String> almostValid = Combinators.combine(
                        Arbitraries.of(0, 1, 5, 12, 99, -1, 2.5),
                        queries,
                        Arbitraries.oneOf(Arbitraries.of("", " ", "\n"), joined(MESSAGE_FRAGMENTS, 3)))
                .as((type, query, after) -> "{\"protocol\": 1, \"type\": " + type + ", \"rsalt\": \"r\", "
                        + "\"query\": " + query + "}" + after);
        return sequences(Arbitraries.oneOf(soup, objects, almostValid).map(DocumentParsersPropertiesTest::signed));
    }

    @Provide
    Arbitrary<List<byte[]>> changedRequests() {
        Arbitrary<byte[]> valid = ProtocolArbitraries.requests().map(r -> ENCODER.encode(r, NOW, KEY));
        Arbitrary<byte[]> changed = Combinators.combine(
                        valid,
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(ENVELOPE_FRAGMENTS))
                .as(DocumentParsersPropertiesTest::change);
        return sequences(Arbitraries.oneOf(valid, changed));
    }

    @Provide
    Arbitrary<List<byte[]>> deepMessages() {
        return Combinators.combine(
                        Arbitraries.integers().between(DEPTH - 3, DEPTH + 1),
                        Arbitraries.integers().between(-1, 1),
                        Arbitraries.of("[", "{\"a\":"))
                .as((open, extraClose, opener) -> {
                    String close = opener.equals("[") ? "]" : "}";
                    return "{\"protocol\": 1, \"type\": 0, \"rsalt\": \"r\", \"query\": null, \"query\": "
                            + opener.repeat(open) + "1" + close.repeat(Math.max(0, open + extraClose)) + "}";
                })
                .map(DocumentParsersPropertiesTest::signed)
                .list()
                .ofMinSize(1)
                .ofMaxSize(SEQUENCE / 2);
    }

    /** A valid datagram cut at, extended at, or with a fragment put in place of a byte at a relative position. */
    private static byte[] change(byte[] datagram, int how, double where, String fragment) {
        String text = new String(datagram, StandardCharsets.UTF_8);
        int at = 4 + (int) (where * (text.length() - 4));
        String result = switch (how) {
            case 0 -> text.substring(0, at);
            case 1 -> text + fragment;
            case 2 -> text.substring(0, at) + fragment + text.substring(at);
            default -> text.substring(0, at) + fragment + text.substring(Math.min(text.length(), at + 1));
        };
        return result.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes the datagrams in order with both decoders ({@link #assertSameOutcome}); across the
     * property's tries, each of {@code outcomes} (a {@link RejectReason} name or {@code ACCEPTED})
     * must occur, so the inputs really reach those paths.
     */
    private static void assertSameOutcomes(List<byte[]> sequence, String... outcomes) {
        sequence.forEach(d -> Statistics.collect(label(assertSameOutcome(d))));
        for (String outcome : outcomes) {
            Statistics.coverage(c -> c.check(outcome).count(n -> n > 0));
        }
    }

    /** Sequences of 1 to {@link #SEQUENCE} datagrams, decoded in order on one thread. */
    private static Arbitrary<List<byte[]>> sequences(Arbitrary<byte[]> datagrams) {
        return datagrams.list().ofMinSize(1).ofMaxSize(SEQUENCE);
    }

    private static String label(DecodeResult result) {
        return result instanceof DecodeResult.Rejected r ? r.reason().name() : "ACCEPTED";
    }

    private static Arbitrary<String> joined(List<String> fragments, int maxCount) {
        return Arbitraries.of(fragments).list().ofMaxSize(maxCount).map(parts -> String.join("", parts));
    }

    static byte[] signed(String msg) {
        return ENCODER.sign(msg, Long.toString(NOW), KEY);
    }

    private static byte[] withMagic(byte[] envelope) {
        byte[] out = new byte[RequestDecoder.MAGIC.length + envelope.length];
        System.arraycopy(RequestDecoder.MAGIC, 0, out, 0, RequestDecoder.MAGIC.length);
        System.arraycopy(envelope, 0, out, RequestDecoder.MAGIC.length, envelope.length);
        return out;
    }
}
