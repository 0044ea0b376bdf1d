package io.ganeticonfd.loadgen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.client.RequestDescription;
import io.ganeticonfd.protocol.RequestEncoder;

/** The query a resolved mix entry sends (null: no query member). */
final class QueryText {

    private QueryText() {}

    /**
     * Raw entries send their JSON; others the query their type's {@link RequestDescription} makes of
     * the argument (node-pip-by-instance-ip: {@code {"1": IP}} on the default link, else a JSON
     * string); no argument sends no query.
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
        return RequestEncoder.queryJson(RequestDescription.of(e.type()).query(e.arg(), null, null));
    }
}
