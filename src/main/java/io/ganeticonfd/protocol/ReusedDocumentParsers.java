package io.ganeticonfd.protocol;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

/**
 * One {@link FedDocument} parser per thread, used for document after document, so reading a
 * document creates no parser, context or buffer. A parser that did not read its document to the
 * end is dropped (a new one is made for the next document), and every parser is replaced after
 * {@link #DOCUMENTS_PER_PARSER} documents so that nothing it accumulates (member names in its
 * symbol table, position counters) grows without bound.
 */
final class ReusedDocumentParsers implements DocumentParsers {

    /** Documents one parser reads before it is replaced. */
    static final int DOCUMENTS_PER_PARSER = 1 << 16;

    private final JsonFactory json;
    private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(Slot::new);

    ReusedDocumentParsers(JsonFactory json) {
        this.json = json;
    }

    @Override
    public JsonParser open(byte[] data, int off, int len) throws IOException {
        Slot slot = slots.get();
        if (slot.parser == null || slot.documents >= DOCUMENTS_PER_PARSER) {
            slot.parser = new FedDocument(json.createNonBlockingByteArrayParser());
            slot.documents = 0;
        }
        slot.documents++;
        slot.parser.begin(data, off, len);
        return slot.parser;
    }

    @Override
    public void release(JsonParser parser, boolean whole) {
        if (!whole) {
            Slot slot = slots.get();
            if (slot.parser == parser) {
                slot.parser = null;
            }
        }
    }

    /** The calling thread's parser and how many documents it has begun. */
    private static final class Slot {
        FedDocument parser;
        int documents;
    }
}
