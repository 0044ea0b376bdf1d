package io.ganeticonfd.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.ganeticonfd.protocol.ConfdReply;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyStatus;
import io.ganeticonfd.protocol.RequestType;

class ConfdResultTest {

    private static final ConfdRequest REQUEST =
            new ConfdRequest(RequestType.CLUSTER_MASTER, QueryArgument.None.INSTANCE, "r");
    private static final Peer A = Peer.parse("127.0.0.1:1", 1814);
    private static final Peer B = Peer.parse("127.0.0.2:2", 1814);
    private static final Peer C = Peer.parse("127.0.0.3:3", 1814);

    @Test
    void choosesTheHighestSerial() {
        ConfdResult result = result(List.of(ok(A, "old", 5), ok(B, "new", 7), ok(C, "older", 3)));

        assertThat(result.chosen()).map(PeerReply::peer).contains(B);
    }

    @Test
    void prefersAnOkReplyOverAnErrorWithTheSameSerial() {
        ConfdResult result = result(List.of(error(A), ok(B, "3000000", 0)));

        assertThat(result.chosen()).map(PeerReply::peer).contains(B);
    }

    @Test
    void prefersTheFirstArrivalAmongEqualReplies() {
        ConfdResult result = result(List.of(ok(C, "x", 7), ok(A, "y", 7)));

        assertThat(result.chosen()).map(PeerReply::peer).contains(C);
    }

    @Test
    void choosesAnErrorWhenItIsTheOnlyReply() {
        ConfdResult result = result(List.of(error(A)));

        assertThat(result.chosen()).map(r -> r.reply().status()).contains(ReplyStatus.ERROR);
    }

    @Test
    void hasNoChoiceAndIsNotAnsweredWithoutReplies() {
        ConfdResult result = result(List.of());

        assertThat(result.chosen()).isEmpty();
        assertThat(result.answered()).isFalse();
        assertThat(result.outcomes()).extracting(PeerOutcome::status).containsOnly(PeerOutcome.Status.NO_REPLY);
    }

    @Test
    void listsOneOutcomePerAskedPeerInAskOrder() {
        ConfdResult result =
                new ConfdResult(REQUEST, List.of(A, B, C), 2, List.of(ok(C, "x", 1)), List.of(A), List.of());

        assertThat(result.outcomes())
                .extracting(PeerOutcome::peer, PeerOutcome::status)
                .containsExactly(
                        tuple(A, PeerOutcome.Status.INVALID_REPLY),
                        tuple(B, PeerOutcome.Status.NO_REPLY),
                        tuple(C, PeerOutcome.Status.REPLIED));
        assertThat(result.complete()).isFalse();
    }

    private static ConfdResult result(List<PeerReply> replies) {
        return new ConfdResult(REQUEST, List.of(A, B, C), 2, replies, List.of(), List.of());
    }

    private static PeerReply ok(Peer peer, String answer, long serial) {
        return new PeerReply(peer, new ConfdReply(ReplyStatus.OK, TextNode.valueOf(answer), serial, "r"));
    }

    private static PeerReply error(Peer peer) {
        return new PeerReply(peer, new ConfdReply(ReplyStatus.ERROR, IntNode.valueOf(0), 0, "r"));
    }
}
