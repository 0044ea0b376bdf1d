package io.ganeticonfd.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * Reads a whole config file in one streaming pass. It is Jackson's non-blocking parser given all
 * the file's bytes at once, read like a blocking one: unlike Jackson's blocking byte parser it runs
 * without a member-name table, which for a file of ~20,000 distinct UUID keys every parse would build
 * anew (no table that large is kept between parsers) by growing copies, each a humongous object for
 * G1, and whose look-ups deoptimize on the first large file after start-up. Given all its input, the
 * non-blocking parser still answers {@code NOT_AVAILABLE} once where the input ends (after trailing
 * whitespace, or inside a truncated value) before it reports the end or the error: this reader reads
 * on past it. It also refuses any number no JSON reader can hold (an exponent beyond {@code int}
 * range, e.g. {@code 1e4444…4}), so that such a file is refused at load, as Ganeti refuses it, instead
 * of failing when an entry is normalized after the swap. Only decimals long enough and written with
 * an exponent are converted to check them: timestamps pass with a scan.
 */
final class ConfigFileParser extends JsonParserDelegate {

    /** An exponent needs at least ten digits to leave {@code int} range: {@code 1e} plus ten. */
    private static final int SHORTEST_OUT_OF_RANGE = 12;

    private ConfigFileParser(JsonParser parser) {
        super(parser);
    }

    /** A reader of all of {@code data} with a non-blocking parser of {@code json}. */
    static ConfigFileParser of(JsonFactory json, byte[] data) throws IOException {
        JsonParser p = json.createNonBlockingByteArrayParser();
        ByteArrayFeeder feeder = (ByteArrayFeeder) p.getNonBlockingInputFeeder();
        feeder.feedInput(data, 0, data.length);
        feeder.endOfInput();
        return new ConfigFileParser(p);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == JsonToken.NOT_AVAILABLE) {
            t = delegate.nextToken();
            if (t == JsonToken.NOT_AVAILABLE) {
                throw new JsonParseException(delegate, "unexpected end of the file");
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT && delegate.getTextLength() >= SHORTEST_OUT_OF_RANGE && hasExponent()) {
            try {
                delegate.getDecimalValue();
            } catch (NumberFormatException e) {
                throw new JsonParseException(delegate, "number out of range: " + abbreviated(delegate.getText()));
            }
        }
        return t;
    }

    /** Skips like {@link JsonParser#skipChildren()}, through {@link #nextToken()} so that skipped numbers are checked too. */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = delegate.currentToken();
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken t = nextToken();
            if (t == null) {
                return this;
            }
            if (t.isStructStart()) {
                open++;
            } else if (t.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    /** Whether the current number is written with an exponent (timestamps are not), read without copying. */
    private boolean hasExponent() throws IOException {
        char[] text = delegate.getTextCharacters();
        int end = delegate.getTextOffset() + delegate.getTextLength();
        for (int i = delegate.getTextOffset(); i < end; i++) {
            if (text[i] == 'e' || text[i] == 'E') {
                return true;
            }
        }
        return false;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
