package io.ganeticonfd.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
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

    /**
     * A copy for {@link FedDocument}'s parsers, which read every document inside an added array: one
     * level of nesting more, and no limits on the length or token count of the whole input (a parser
     * reads many documents; each one is bounded by the request size limit).
     */
    static RequestJsonFactory forFedDocuments(JsonFactory settings) {
        RequestJsonFactory copy = new RequestJsonFactory(settings);
        StreamReadConstraints limits = settings.streamReadConstraints();
        copy.setStreamReadConstraints(limits.rebuild()
                .maxNestingDepth(limits.getMaxNestingDepth() + 1)
                .maxDocumentLength(-1)
                .maxTokenCount(-1)
                .build());
        return copy;
    }

    /** JSON, as the factory it copies: Jackson makes non-blocking parsers only for a factory that says so. */
    @Override
    public String getFormatName() {
        return FORMAT_NAME_JSON;
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
