package io.ganeticonfd.client;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An OK answer rendered for people: either one {@code value} for the heading line, or {@code lines}
 * listed under it. See {@link RequestDescription#text}.
 */
public record AnswerText(String value, List<String> lines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the lines. */
    public AnswerText {
        lines = List.copyOf(lines);
    }

    /** One value for the heading line. */
    static AnswerText value(String value) {
        return new AnswerText(value, List.of());
    }

    /** Lines listed under the heading. */
    static AnswerText lines(List<String> lines) {
        return new AnswerText(null, lines);
    }

    /** An answer of an unexpected shape: indented JSON. */
    static AnswerText json(JsonNode answer) {
        try {
            return lines(List.of(JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(answer)
                    .split("\\R")));
        } catch (JsonProcessingException e) {
            return value(answer.toString());
        }
    }
}
