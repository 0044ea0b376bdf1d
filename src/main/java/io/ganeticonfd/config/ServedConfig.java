package io.ganeticonfd.config;

import io.ganeticonfd.protocol.KeyRing;

/**
 * What the request path reads: the served snapshot with its origin and its prepared answers (one
 * reference, swapped atomically, so a request never mixes two configs), and the HMAC keys. Written
 * only by the {@link ConfigReloader}.
 *
 * @param <A> the prepared answers' type
 */
public final class ServedConfig<A> {

    /** Reason served until the first load. */
    static final String NOT_LOADED = "Configuration not loaded yet";

    /**
     * One served configuration: the snapshot and where it came from (both null while there is none)
     * and the answers prepared for it (never null).
     */
    public record Served<A>(ClusterSnapshot snapshot, SnapshotMeta meta, A answers) {}

    private volatile Served<A> served;
    private volatile KeyRing keys;

    /** Nothing served yet: every request gets {@code preparer}'s "not loaded" answers. */
    public ServedConfig(AnswerPreparer<A> preparer) {
        this.served = new Served<>(null, null, preparer.unavailable(NOT_LOADED));
    }

    private ServedConfig(Served<A> served, KeyRing keys) {
        this.served = served;
        this.keys = keys;
    }

    /** A fixed configuration (for tests and tools): {@code snapshot} with its answers, and these keys. */
    public static <A> ServedConfig<A> fixed(ClusterSnapshot snapshot, AnswerPreparer<A> preparer, KeyRing keys) {
        return new ServedConfig<>(new Served<>(snapshot, null, preparer.prepare(snapshot)), keys);
    }

    /** The served configuration; read it once per request. */
    public Served<A> served() {
        return served;
    }

    /** The served answers (a shortcut for {@code served().answers()}). */
    public A answers() {
        return served.answers();
    }

    /** The served snapshot, or null while none was ever loaded. */
    public ClusterSnapshot snapshot() {
        return served.snapshot();
    }

    /** The keys requests may be signed with (null before the key is loaded). */
    public KeyRing keys() {
        return keys;
    }

    void serve(Served<A> next) {
        served = next;
    }

    void keys(KeyRing next) {
        keys = next;
    }
}
