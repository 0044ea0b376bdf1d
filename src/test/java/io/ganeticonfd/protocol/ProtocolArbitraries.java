package io.ganeticonfd.protocol;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of well-formed protocol values for the jqwik properties. */
final class ProtocolArbitraries {

    private ProtocolArbitraries() {}

    /**
     * Text of any Unicode code points (control characters, quotes, backslashes, Latin-1, CJK,
     * astral), never an unpaired surrogate.
     */
    static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings()
                .withCharRange('\u0000', '\u00ff')
                .withCharRange('\u0100', '\ud7ff')
                .withCharRange('\ue000', '\ufffd')
                .ofMaxLength(24);
        return Arbitraries.oneOf(bmp, Combinators.combine(bmp, bmp).as((a, b) -> a + "\ud83d\ude00" + b));
    }

    /** Any query argument of the three shapes. */
    static Arbitrary<QueryArgument> queries() {
        Arbitrary<QueryArgument> none = Arbitraries.just(QueryArgument.None.INSTANCE);
        Arbitrary<QueryArgument> plain = text().map(QueryArgument.Plain::new);
        Arbitrary<QueryArgument> dict = Combinators.combine(
                        text().injectNull(0.5),
                        text().injectNull(0.5),
                        text().list().ofMaxSize(3),
                        Arbitraries.of(MasterField.class).list().ofMaxSize(4))
                .as(QueryArgument.Dict::new);
        return Arbitraries.oneOf(none, plain, dict);
    }

    /** Any request a client can send. */
    static Arbitrary<ConfdRequest> requests() {
        return Combinators.combine(Arbitraries.of(RequestType.class), queries(), text())
                .as(ConfdRequest::new);
    }
}
