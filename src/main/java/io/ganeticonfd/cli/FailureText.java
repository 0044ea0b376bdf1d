package io.ganeticonfd.cli;

import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.client.ConfdException;
import io.ganeticonfd.client.ConfdResult;
import io.ganeticonfd.client.PeerOutcome;
import io.ganeticonfd.client.PeerReply;
import io.ganeticonfd.protocol.ErrorCode;

/** One-line descriptions of failed requests and error answers, for operators. */
final class FailureText {

    private FailureText() {}

    /** Why a request failed, on one line. */
    static String of(ConfdException e) {
        return switch (e.reason()) {
            case NO_REPLY -> noReply(e.result());
            case ERROR_STATUS ->
                e.result().chosen().map(FailureText::errorReply).orElse(e.getMessage());
            case BAD_ANSWER, CLOSED -> oneLine(e.getMessage());
        };
    }

    /** "no reply from ..." naming each asked peer's outcome. */
    static String noReply(ConfdResult result) {
        String peers = result.outcomes().stream()
                .map(o -> o.peer() + " " + outcomeName(o.status()))
                .collect(Collectors.joining(", "));
        return "no reply (" + peers + "); check the peers, the port and the HMAC key";
    }

    /** "error from PEER: ANSWER" for an error reply. */
    static String errorReply(PeerReply reply) {
        return reply.reply().status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " from " + reply.peer() + ": "
                + errorAnswer(reply.reply().answer());
    }

    /** An error answer: a numeric code with its meaning, or the daemon's message on one line. */
    static String errorAnswer(JsonNode answer) {
        if (answer.isInt()) {
            return ErrorCode.fromCode(answer.asInt())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + c.code() + ")")
                    .orElse("code " + answer.asInt());
        }
        return oneLine(answer.isTextual() ? answer.asText() : answer.toString());
    }

    /** The wire-like name of a peer outcome: replied, invalid-reply, no-reply, not-sent. */
    static String outcomeName(PeerOutcome.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
