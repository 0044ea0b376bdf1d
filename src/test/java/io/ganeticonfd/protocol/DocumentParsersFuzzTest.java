package io.ganeticonfd.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets (Jazzer) holding the decoders on reused parsers and on the scanners first equal to
 * the decoder on a fresh Jackson parser per document, as {@link DocumentParsersPropertiesTest} does for generated inputs:
 * same acceptance, same request and key, same reason for a refusal. In the normal test run they
 * replay the committed seeds in {@code DocumentParsersFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes them (see docs/security.md).
 */
class DocumentParsersFuzzTest {

    /** Any datagram. */
    @FuzzTest(maxDuration = "5m")
    void reusedParsersDecodeAnyDatagramAsFreshOnes(byte[] datagram) {
        DocumentParsersPropertiesTest.assertSameOutcome(datagram);
    }

    /** Any message text, signed with the right key, so every message reaches the message parser. */
    @FuzzTest(maxDuration = "5m")
    void reusedParsersDecodeAnySignedMessageAsFreshOnes(FuzzedDataProvider data) {
        String msg = data.consumeRemainingAsString();
        DocumentParsersPropertiesTest.assertSameOutcome(DocumentParsersPropertiesTest.signed(msg));
    }
}
