package io.ganeticonfd.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

/** A new blocking Jackson parser per document (of UTF-8 bytes, or of chars), closed when released. */
final class FreshDocumentParsers implements DocumentParsers {

    private final JsonFactory json;

    FreshDocumentParsers(JsonFactory json) {
        this.json = json;
    }

    @Override
    public JsonParser open(byte[] data, int off, int len) throws IOException {
        return json.createParser(data, off, len);
    }

    /** A parser over {@code len} chars of {@code data} from {@code off}, before its first token. */
    JsonParser open(char[] data, int off, int len) throws IOException {
        return json.createParser(data, off, len);
    }

    @Override
    public void release(JsonParser parser, boolean whole) {
        try {
            parser.close();
        } catch (IOException e) {
            // a parser over an array has nothing to close that can fail
        }
    }
}
