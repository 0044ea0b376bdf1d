package io.ganeticonfd.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.RequestType;

/** The query a resolved mix entry sends (null: no query member). */
final class QueryText {

    private QueryText() {
    }

    /**
     * Raw entries send their JSON; node-pip-by-instance-ip sends {@code {"1": IP}} (the default link);
     * other arguments go as a JSON string; no argument sends no query.
     */
    static JsonNode of(BenchMix.Entry e, ObjectMapper mapper) {
        if (e.arg() == null) {
            return null;
        }
        if (e.raw()) {
            try {
                return mapper.readTree(e.arg());
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("--mix entry " + e.spec() + ": the query is not valid JSON");
            }
        }
        if (e.type() == RequestType.NODE_PIP_BY_INSTANCE_IP) {
            return mapper.createObjectNode().put("1", e.arg());
        }
        return mapper.getNodeFactory().textNode(e.arg());
    }
}
