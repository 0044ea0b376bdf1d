package io.ganeticonfd.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.ganeticonfd.protocol.ConfdReply;
import io.ganeticonfd.protocol.ConfdRequest;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.ReplyStatus;
import io.ganeticonfd.protocol.RequestType;

/** The per-request policy: when to wait, retry or finish, and whom a retry asks. */
class PendingTest {

    private static final ConfdRequest REQUEST = new ConfdRequest(RequestType.PING, QueryArgument.None.INSTANCE, "r");
    private static final List<Peer> PEERS = List.of(peer(1), peer(2), peer(3), peer(4));

    @Test
    void asksTheFirstCoveragePeersAndExpectsGanetisCount() {
        Pending p = new Pending(REQUEST, new byte[0], PEERS, 3, 0);

        assertThat(p.asked()).containsExactly(peer(1), peer(2), peer(3));
        assertThat(p.result().expected()).isEqualTo(2);
    }

    @Test
    void waitsUntilEnoughRepliesThenFinishes() {
        Pending p = new Pending(REQUEST, new byte[0], PEERS, 3, 0);

        p.reply(peer(1), reply());
        assertThat(p.step(false)).isEqualTo(Pending.Step.WAIT);
        p.reply(peer(2), reply());
        assertThat(p.step(false)).isEqualTo(Pending.Step.FINISH);
    }

    @Test
    void countsASecondReplyFromTheSamePeerOnce() {
        Pending p = new Pending(REQUEST, new byte[0], PEERS, 2, 0);

        assertThat(p.reply(peer(1), reply())).isTrue();
        assertThat(p.reply(peer(1), reply())).isFalse();
        assertThat(p.step(false)).isEqualTo(Pending.Step.WAIT);
    }

    @Test
    void finishesEarlyWhenEveryAskedPeerIsAccountedForAndNoRetryCanHelp() {
        Pending p = new Pending(REQUEST, new byte[0], PEERS.subList(0, 2), 2, 3);

        p.reply(peer(1), reply());
        p.invalid(peer(2));

        assertThat(p.step(false)).isEqualTo(Pending.Step.FINISH);
    }

    @Test
    void retriesEarlyWithPeersNotAskedYetWhenTheAskedOnesCannotAnswer() {
        Pending p = new Pending(REQUEST, new byte[0], PEERS, 2, 1);
        p.reply(peer(1), reply());
        p.sent(peer(2), false);

        assertThat(p.step(false)).isEqualTo(Pending.Step.RETRY);
        assertThat(p.retryTargets()).containsExactly(peer(2), peer(3));
        assertThat(p.step(true)).isEqualTo(Pending.Step.FINISH);
    }

    @Test
    void atTheDeadlineRetriesSilentPeersWhileRetriesAreLeft() {
        Pending p = new Pending(REQUEST, new byte[0], PEERS.subList(0, 1), 1, 1);

        assertThat(p.step(true)).isEqualTo(Pending.Step.RETRY);
        assertThat(p.retryTargets()).containsExactly(peer(1));
        assertThat(p.step(true)).isEqualTo(Pending.Step.FINISH);
    }

    @Test
    void ignoresInvalidDatagramsFromPeersNotAsked() {
        Pending p = new Pending(REQUEST, new byte[0], PEERS, 1, 0);

        assertThat(p.invalid(peer(4))).isFalse();
        assertThat(p.result().invalid()).isEmpty();
    }

    private static Peer peer(int n) {
        return Peer.parse("127.0.0." + n + ":1814", 1814);
    }

    private static ConfdReply reply() {
        return new ConfdReply(ReplyStatus.OK, TextNode.valueOf("x"), 1, "r");
    }
}
