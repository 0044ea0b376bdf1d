package io.ganeticonfd.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;

/**
 * Where the request decoder gets a Jackson parser for one JSON document of UTF-8 bytes. Either
 * kind yields the same tokens and accepts and refuses the same documents: {@link FreshDocumentParsers} creates a
 * parser per document (as Jackson is usually used), {@link ReusedDocumentParsers} keeps one per thread across
 * documents so the request path creates none ({@code DocumentParsersPropertiesTest} holds them equal).
 * The parser {@link #open} returns reports the end of the document as a {@code null} token.
 */
sealed interface DocumentParsers permits FreshDocumentParsers, ReusedDocumentParsers {

    /** A parser over {@code len} bytes of {@code data} from {@code off}, before its first token. */
    JsonParser open(byte[] data, int off, int len) throws IOException;

    /**
     * Gives the parser back: {@code whole} when it returned the document's end ({@code null}) and
     * nothing failed; otherwise it is left in an unknown state and is not used again.
     */
    void release(JsonParser parser, boolean whole);
}
