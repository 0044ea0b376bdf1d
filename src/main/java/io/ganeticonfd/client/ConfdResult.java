package io.ganeticonfd.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.ganeticonfd.protocol.ConfdRequest;

/**
 * Everything one request gathered: the peers asked, how many replies it waited for, every verified
 * reply in arrival order, and the peers whose answers did not verify or that could not be sent to.
 * {@link #chosen()} picks the answer to use.
 */
public record ConfdResult(
        ConfdRequest request,
        List<Peer> asked,
        int expected,
        List<PeerReply> replies,
        List<Peer> invalid,
        List<Peer> notSent) {

    public ConfdResult {
        asked = List.copyOf(asked);
        replies = List.copyOf(replies);
        invalid = List.copyOf(invalid);
        notSent = List.copyOf(notSent);
    }

    /**
     * The reply to use: the highest serial; among equal serials a status-OK reply, then the one that
     * arrived first. Empty when no peer answered. May be an error reply: check its status.
     */
    public Optional<PeerReply> chosen() {
        PeerReply best = null;
        for (PeerReply r : replies) {
            if (best == null
                    || r.reply().serial() > best.reply().serial()
                    || (r.reply().serial() == best.reply().serial()
                            && r.reply().ok()
                            && !best.reply().ok())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether at least one peer sent a verified reply. */
    public boolean answered() {
        return !replies.isEmpty();
    }

    /** Whether the expected number of replies arrived before the request expired. */
    public boolean complete() {
        return replies.size() >= expected;
    }

    /** One outcome per asked peer, in the order they were asked. */
    public List<PeerOutcome> outcomes() {
        List<PeerOutcome> out = new ArrayList<>(asked.size());
        for (Peer peer : asked) {
            out.add(outcome(peer));
        }
        for (PeerReply r : replies) {
            if (!asked.contains(r.peer())) {
                out.add(new PeerOutcome(r.peer(), PeerOutcome.Status.REPLIED, r.reply()));
            }
        }
        return out;
    }

    private PeerOutcome outcome(Peer peer) {
        for (PeerReply r : replies) {
            if (r.peer().equals(peer)) {
                return new PeerOutcome(peer, PeerOutcome.Status.REPLIED, r.reply());
            }
        }
        if (invalid.contains(peer)) {
            return new PeerOutcome(peer, PeerOutcome.Status.INVALID_REPLY, null);
        }
        return new PeerOutcome(
                peer, notSent.contains(peer) ? PeerOutcome.Status.NOT_SENT : PeerOutcome.Status.NO_REPLY, null);
    }
}
