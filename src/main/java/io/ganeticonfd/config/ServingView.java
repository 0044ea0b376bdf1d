package io.ganeticonfd.config;

import io.ganeticonfd.protocol.KeyRing;
import io.ganeticonfd.protocol.ReplyBody;

/** What the request path reads: the snapshot being served (null if none), its fallback reply, and the keys. */
public interface ServingView {

    /** The snapshot to answer from, or null when no configuration was ever loaded. */
    ClusterSnapshot snapshot();

    /** The error reply for every request while {@link #snapshot()} is null. */
    ReplyBody unavailableReply();

    /** The keys requests may be signed with. */
    KeyRing keys();

    /** A fixed view, for tests and tools. */
    static ServingView of(ClusterSnapshot snapshot, KeyRing keys) {
        ReplyBody unavailable = ReplyBody.error("Configuration not loaded");
        return new ServingView() {
            @Override
            public ClusterSnapshot snapshot() {
                return snapshot;
            }

            @Override
            public ReplyBody unavailableReply() {
                return unavailable;
            }

            @Override
            public KeyRing keys() {
                return keys;
            }
        };
    }
}
