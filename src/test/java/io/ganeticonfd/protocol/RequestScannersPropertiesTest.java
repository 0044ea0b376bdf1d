package io.ganeticonfd.protocol;

import static io.ganeticonfd.protocol.DocumentParsersPropertiesTest.KEY;
import static io.ganeticonfd.protocol.DocumentParsersPropertiesTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The scanners ({@link EnvelopeScanner}, {@link MessageScanner}) on inputs in and around the form
 * they read: correctly signed requests whose members come in any order, once, twice or not at all,
 * with unknown members, whitespace of every kind, numbers in and out of the scanned form, strings with
 * and without escapes, raw multi-byte and control characters, and envelopes written with Jackson's
 * escaping, Python's ({@code ensure_ascii}) or escapes chosen at random. Every datagram must decode
 * exactly as the decoder on a fresh Jackson parser per document decodes it
 * ({@link DocumentParsersPropertiesTest#assertSameOutcome}); the statistics make sure that both the
 * scanners and Jackson decide a good share of them (the thresholds lie many standard deviations below
 * the shares seen, 18-41 %, so that no seed fails them).
 */
class RequestScannersPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SPACE = List.of("", "", "", " ", "  ", "\n", "\t", "\r\n");

    private static final List<String> NUMBERS = List.of("0", "1", "1", "1", "0", "5", "12", "99", "123456789");

    private static final List<String> ODD_NUMBERS = List.of(
            "-1", "01", "00", "1.0", "1e2", "1E2", "1234567890", "2147483648", "true", "\"1\"", "null", "1x", "", "-");

    private static final List<String> PLAIN_STRING_PARTS = List.of(
            "", "r", "node1.example.com", "1a2fb487-60b9-44de-b6b7-badbcbedb7bc", "/cluster/cluster_name", " ", "~");

    private static final List<String> ODD_STRING_PARTS = List.of(
            "\\\"",
            "\\\\",
            "\\/",
            "\\n",
            "\\u0041",
            "\\u00e9",
            "\u00e9",
            "\u0001",
            "\u007f",
            "\ud83d\ude00",
            "\\x",
            "\\",
            "\"");

    private static final List<String> ODD_QUERIES =
            List.of("nul", "nullx", "null1", "{}", "{\"0\": \"br0\"}", "1", "[]", "true", "\"a");

    @Property(tries = 1500)
    void scannedAndParsedRequestsDecodeAsJacksonDecodesThem(@ForAll("envelopes") byte[] datagram) {
        DecodeResult result = DocumentParsersPropertiesTest.assertSameOutcome(datagram);
        boolean envelopeScanned = new EnvelopeScanner(Integer.MAX_VALUE)
                .read(
                        datagram,
                        RequestDecoder.MAGIC.length,
                        datagram.length - RequestDecoder.MAGIC.length,
                        CodecScratch.get());
        Statistics.label("envelope").collect(envelopeScanned ? "scanned" : "parsed");
        Statistics.label("outcome")
                .collect(result instanceof DecodeResult.Rejected r ? r.reason().name() : "ACCEPTED");
        Statistics.label("envelope").coverage(c -> {
            c.check("scanned").percentage(p -> p > 15);
            c.check("parsed").percentage(p -> p > 20);
        });
        Statistics.label("outcome").coverage(c -> {
            c.check("ACCEPTED").percentage(p -> p > 4);
            c.check("BAD_REQUEST").count(n -> n > 0);
            c.check("UNKNOWN_TYPE").count(n -> n > 0);
            c.check("BAD_ENVELOPE").count(n -> n > 0);
            c.check("BAD_HMAC").count(n -> n > 0);
        });
    }

    @Property(tries = 1500)
    void scannedMessagesDecodeAsJacksonDecodesThem(@ForAll("messages") String msg) {
        byte[] bytes = msg.getBytes(StandardCharsets.UTF_8);
        DecodeResult scanned =
                new MessageScanner(Integer.MAX_VALUE).read(bytes, 0, bytes.length, KEY, CodecScratch.get());
        Statistics.collect(scanned == null ? "parsed" : "scanned");
        Statistics.coverage(c -> {
            c.check("scanned").percentage(p -> p > 8);
            c.check("parsed").percentage(p -> p > 15);
        });
        DecodeResult decoded =
                DocumentParsersPropertiesTest.assertSameOutcome(DocumentParsersPropertiesTest.signed(msg));
        if (scanned != null && !msg.isEmpty() && msg.charAt(0) == '{') {
            assertThat(scanned).as(msg).isEqualTo(decoded);
        }
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> numbers =
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(NUMBERS)), Tuple.of(1, Arbitraries.of(ODD_NUMBERS)));
        Arbitrary<String> strings = Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.of(PLAIN_STRING_PARTS)), Tuple.of(1, Arbitraries.of(ODD_STRING_PARTS)))
                .list()
                .ofMaxSize(2)
                .map(parts -> "\"" + String.join("", parts) + "\"");
        Arbitrary<String> rsalts =
                Arbitraries.frequencyOf(Tuple.of(8, strings), Tuple.of(1, Arbitraries.of(ODD_NUMBERS)));
        Arbitrary<String> queries = Arbitraries.frequencyOf(
                Tuple.of(3, strings), Tuple.of(2, Arbitraries.just("null")), Tuple.of(1, Arbitraries.of(ODD_QUERIES)));
        Arbitrary<List<String>> members = Combinators.combine(
                        times(member("protocol", numbers), 1, 16, 1),
                        times(member("type", numbers), 1, 16, 1),
                        times(member("rsalt", rsalts), 1, 16, 1),
                        times(member("query", queries), 4, 8, 1),
                        times(member("other", strings), 30, 2, 1))
                .as((p, t, r, q, o) -> {
                    List<String> all = new ArrayList<>(p);
                    all.addAll(t);
                    all.addAll(r);
                    all.addAll(q);
                    all.addAll(o);
                    return all;
                })
                .flatMap(Arbitraries::shuffle);
        return Combinators.combine(
                        members,
                        Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(SPACE))),
                        Arbitraries.of(SPACE),
                        tails())
                .as((list, before, after, tail) -> before + "{" + String.join("," + after, list) + after + "}" + tail);
    }

    /** The member not at all, once or twice, with these weights. */
    private static Arbitrary<List<String>> times(Arbitrary<String> member, int never, int once, int twice) {
        return Arbitraries.frequencyOf(
                Tuple.of(never, Arbitraries.just(List.<String>of())),
                Tuple.of(once, member.list().ofSize(1)),
                Tuple.of(twice, member.list().ofSize(2)));
    }

    @Provide
    Arbitrary<byte[]> envelopes() {
        return Combinators.combine(
                        messages(),
                        Arbitraries.of(Escaping.class),
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.of(SPACE),
                        Arbitraries.longs(),
                        tails())
                .as(RequestScannersPropertiesTest::envelope);
    }

    /** A datagram carrying {@code msg}, its members shuffled by {@code seed}, one of them spoiled when {@code change < 3}. */
    private static byte[] envelope(String msg, Escaping escaping, int change, String space, long seed, String tail) {
        String salt = Long.toString(NOW);
        byte[] digest = KEY.sign(salt.getBytes(StandardCharsets.UTF_8), msg.getBytes(StandardCharsets.UTF_8));
        String hmac = HexFormat.of().formatHex(digest);
        List<String> members = new ArrayList<>(List.of(
                "\"msg\"" + space + ":" + space + escaping.quote(msg, seed),
                "\"salt\":" + space + (change == 0 ? "\"\\u0031" + salt.substring(1) + "\"" : "\"" + salt + "\""),
                "\"hmac\": "
                        + switch (change) {
                            case 1 -> "\"" + hmac.toUpperCase() + "\"";
                            case 2 -> "\"" + hmac.substring(1) + "\"";
                            default -> "\"" + hmac + "\"";
                        }));
        switch ((int) Math.floorMod(seed, 16)) {
            case 0 -> members.add("\"salt\": \"1\"");
            case 1 -> members.remove(1);
            case 2 -> members.add("\"other\": \"x\"");
            case 3 -> members.set(2, "\"hmac\": 1");
            case 4 -> members.set(0, "\"m\\u0073g\": " + Escaping.JACKSON.quote(msg, seed));
            default -> {}
        }
        Collections.shuffle(members, new Random(seed));
        String text = space + "{" + String.join("," + space, members) + "}" + (change == 9 ? tail : "");
        byte[] envelope = text.getBytes(StandardCharsets.UTF_8);
        byte[] datagram = new byte[RequestDecoder.MAGIC.length + envelope.length];
        System.arraycopy(RequestDecoder.MAGIC, 0, datagram, 0, RequestDecoder.MAGIC.length);
        System.arraycopy(envelope, 0, datagram, RequestDecoder.MAGIC.length, envelope.length);
        return datagram;
    }

    private static Arbitrary<String> member(String name, Arbitrary<String> values) {
        return Combinators.combine(Arbitraries.of(SPACE), values).as((s, v) -> "\"" + name + "\":" + s + v);
    }

    private static Arbitrary<String> tails() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("", "", "\n", " \r\n")),
                Tuple.of(1, Arbitraries.of("}", ",", "x", "\u0000", "{}", "1")));
    }

    /** How a client writes the msg string. */
    enum Escaping {
        /** As Jackson writes it: quotes, backslashes and control characters escaped. */
        JACKSON {
            @Override
            String quote(String msg, long seed) {
                try {
                    return JSON.writeValueAsString(msg);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        },
        /** As Python's json module writes it: also every non-ASCII char as a lower-case \\u escape. */
        PYTHON {
            @Override
            String quote(String msg, long seed) {
                StringBuilder out = new StringBuilder("\"");
                for (char c : msg.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : c);
                    }
                }
                return out.append('"').toString();
            }
        },
        /** Python's, with some chars escaped although they need not be, in upper- or lower-case hex. */
        RANDOM {
            @Override
            String quote(String msg, long seed) {
                Random random = new Random(seed);
                StringBuilder out = new StringBuilder("\"");
                String python = PYTHON.quote(msg, seed);
                for (int i = 1; i < python.length() - 1; i++) {
                    char c = python.charAt(i);
                    if (c == '\\') {
                        int n = python.charAt(i + 1) == 'u' ? 6 : 2;
                        out.append(python, i, i + n);
                        i += n - 1;
                    } else if (random.nextInt(8) == 0) {
                        out.append(c == '/' && random.nextBoolean() ? "\\/" : String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                return out.append('"').toString();
            }
        };

        abstract String quote(String msg, long seed);
    }
}
