package io.ganeticonfd.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** A decoded, verified reply as a client sees it. {@code salt} is the request's rsalt it answers. */
public record ConfdReply(ReplyStatus status, JsonNode answer, long serial, String salt) {

    /** Whether the status is OK. */
    public boolean ok() {
        return status == ReplyStatus.OK;
    }
}
