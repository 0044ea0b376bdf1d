package io.ganeticonfd.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.ContentReference;

/**
 * The request decoder's copy of a {@link JsonFactory} (same features, constraints and buffer
 * recycling) whose parsers carry no reference to their input: the decoder never reports a parse
 * error's location, so the per-parser {@link ContentReference} it would allocate is not needed.
 */
final class RequestJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    RequestJsonFactory(JsonFactory settings) {
        super(settings, null);
    }

    @Override
    protected ContentReference _createContentReference(Object contentAccessor) {
        return ContentReference.redacted();
    }

    @Override
    protected ContentReference _createContentReference(Object contentAccessor, int offset, int length) {
        return ContentReference.redacted();
    }
}
