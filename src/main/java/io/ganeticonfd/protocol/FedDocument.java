package io.ganeticonfd.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * A non-blocking Jackson parser read like a blocking one over a single document, and fed the
 * next document when done. Each document is fed between {@code [} and {@code ]}: the bracket
 * after it ends a number or literal the document ends with, anything after the document's own value
 * is refused by Jackson as an array element without a comma (or returned as a further token), and
 * the closing bracket comes back from {@link #nextToken()} as {@code null}, the end of input. A
 * {@code ]} in the document that would close the added bracket, or input that ends inside a value,
 * is refused with a {@link JsonParseException}. The added bracket counts as one level of nesting
 * (the factory's depth limit is raised by one to match, see {@link RequestJsonFactory}).
 */
final class FedDocument extends JsonParserDelegate {

    private static final byte[] OPEN = {'['};
    private static final byte[] CLOSE = {']'};

    private final ByteArrayFeeder feeder;
    private boolean closeFed;

    FedDocument(JsonParser nonBlocking) {
        super(nonBlocking);
        this.feeder = (ByteArrayFeeder) nonBlocking.getNonBlockingInputFeeder();
    }

    /** Feeds the next document; the parser must have returned the previous one's end. */
    void begin(byte[] data, int off, int len) throws IOException {
        feeder.feedInput(OPEN, 0, OPEN.length);
        if (delegate.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalStateException("the parser was not between documents");
        }
        feeder.feedInput(data, off, off + len);
        closeFed = false;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == JsonToken.NOT_AVAILABLE && !closeFed) {
            closeFed = true;
            feeder.feedInput(CLOSE, 0, CLOSE.length);
            t = delegate.nextToken();
        }
        if (t == JsonToken.NOT_AVAILABLE) {
            throw new JsonParseException(this, "unexpected end of the document");
        }
        if (t == JsonToken.END_ARRAY && delegate.getParsingContext().inRoot()) {
            if (!closeFed) {
                throw new JsonParseException(this, "unexpected close marker ']'");
            }
            return null;
        }
        return t;
    }
}
