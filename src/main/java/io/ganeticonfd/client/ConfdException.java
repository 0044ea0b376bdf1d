package io.ganeticonfd.client;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.ganeticonfd.protocol.ErrorCode;
import io.ganeticonfd.protocol.ReplyStatus;

/**
 * A confd request that gave no usable answer: nobody replied, the chosen reply is an error, its
 * answer has an unexpected shape, or the client was closed. Carries the full result when there is one.
 */
public final class ConfdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request failed. */
    public enum Reason {
        /** No peer sent a verified reply before the request expired. */
        NO_REPLY,
        /** The chosen reply has an error status; see {@link #status()} and {@link #answer()}. */
        ERROR_STATUS,
        /** The chosen reply is OK but its answer is not shaped as the request type defines. */
        BAD_ANSWER,
        /** The client was closed before the request completed. */
        CLOSED
    }

    private final Reason reason;
    private final transient ConfdResult result;

    ConfdException(Reason reason, String message, ConfdResult result) {
        super(message);
        this.reason = reason;
        this.result = result;
    }

    /** The failure of requests cut short by closing the client, or by its I/O loop failing ({@code cause}). */
    static ConfdException closed(Throwable cause) {
        ConfdException e = new ConfdException(
                Reason.CLOSED, cause == null ? "client closed" : "client I/O loop failed: " + cause, null);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** Why the request failed. */
    public Reason reason() {
        return reason;
    }

    /** Everything the request gathered; null for {@link Reason#CLOSED}. */
    public ConfdResult result() {
        return result;
    }

    /** The chosen reply's status, if a reply was chosen. */
    public Optional<ReplyStatus> status() {
        return chosen().map(r -> r.reply().status());
    }

    /** The chosen reply's answer (an error code or message for error replies), if a reply was chosen. */
    public Optional<JsonNode> answer() {
        return chosen().map(r -> r.reply().answer());
    }

    /** The numeric error code of an error reply, when its answer is one. */
    public Optional<ErrorCode> errorCode() {
        return answer().filter(JsonNode::isInt).flatMap(a -> ErrorCode.fromCode(a.asInt()));
    }

    private Optional<PeerReply> chosen() {
        return result == null ? Optional.empty() : result.chosen();
    }
}
