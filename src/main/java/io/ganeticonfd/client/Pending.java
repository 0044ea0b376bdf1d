package io.ganeticonfd.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.ganeticonfd.protocol.ConfdReply;
import io.ganeticonfd.protocol.ConfdRequest;

/**
 * One request in flight: whom it asked, what came back, when it expires. Confined to the client's
 * I/O thread once submitted; only {@link #future} is shared.
 */
final class Pending {

    final ConfdRequest request;
    final CompletableFuture<ConfdResult> future = new CompletableFuture<>();
    byte[] datagram;
    long deadlineNanos;

    private final List<Peer> unasked;
    private final List<Peer> asked = new ArrayList<>();
    private final int expected;
    private final List<PeerReply> replies = new ArrayList<>();
    private final Set<Peer> invalid = new LinkedHashSet<>();
    private final Set<Peer> notSent = new LinkedHashSet<>();
    private int retriesLeft;

    /** A request to send to the first {@code coverage} of {@code peers}, then to others on retries. */
    Pending(ConfdRequest request, byte[] datagram, List<Peer> peers, int coverage, int retries) {
        this.request = request;
        this.datagram = datagram;
        this.unasked = new ArrayList<>(peers);
        this.expected = ExpectedReplies.forPeers(coverage);
        this.retriesLeft = retries;
        ask(coverage);
    }

    /** The peers asked so far, in order. */
    List<Peer> asked() {
        return asked;
    }

    /** Records whether sending to {@code peer} worked. */
    void sent(Peer peer, boolean ok) {
        if (ok) {
            notSent.remove(peer);
        } else {
            notSent.add(peer);
        }
    }

    /** Records a verified reply; false for a second reply from the same peer. */
    boolean reply(Peer peer, ConfdReply reply) {
        for (PeerReply r : replies) {
            if (r.peer().equals(peer)) {
                return false;
            }
        }
        invalid.remove(peer);
        replies.add(new PeerReply(peer, reply));
        return true;
    }

    /** Records a datagram from an asked peer that did not verify; false if it changes nothing. */
    boolean invalid(Peer peer) {
        return asked.contains(peer) && replies.stream().noneMatch(r -> r.peer().equals(peer)) && invalid.add(peer);
    }

    /** What to do with a request after a reply or at its deadline. */
    enum Step {
        /** Keep waiting for replies. */
        WAIT,
        /** Send again: nothing more can come from the peers asked, or the deadline passed, and a retry is left. */
        RETRY,
        /** Complete with what arrived. */
        FINISH
    }

    /**
     * The next step: finish once enough replies arrived; before the deadline wait while an asked
     * peer may still answer, else retry early only if there are peers not asked yet; at the
     * deadline retry while retries are left.
     */
    Step step(boolean due) {
        if (replies.size() >= expected) {
            return Step.FINISH;
        }
        boolean settled = replies.size() + invalid.size() + notSent.size() >= asked.size();
        if (!due && !settled) {
            return Step.WAIT;
        }
        return retriesLeft > 0 && (due || !unasked.isEmpty()) ? Step.RETRY : Step.FINISH;
    }

    /**
     * Uses up one retry: every asked peer that has not answered, plus as many new peers as
     * replies are still missing. Empty when there is nobody left to ask.
     */
    List<Peer> retryTargets() {
        retriesLeft--;
        List<Peer> targets = new ArrayList<>();
        for (Peer p : asked) {
            if (!invalid.contains(p) && replies.stream().noneMatch(r -> r.peer().equals(p))) {
                targets.add(p);
            }
        }
        targets.addAll(ask(expected - replies.size()));
        return targets;
    }

    /** What the request gathered so far. */
    ConfdResult result() {
        return new ConfdResult(request, asked, expected, replies, List.copyOf(invalid), List.copyOf(notSent));
    }

    private List<Peer> ask(int count) {
        List<Peer> next = new ArrayList<>(unasked.subList(0, Math.min(count, unasked.size())));
        unasked.removeAll(next);
        asked.addAll(next);
        return next;
    }
}
