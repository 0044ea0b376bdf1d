package io.ganeticonfd.config;

/**
 * Builds the answers served with each snapshot (the query layer's prepared answers): config only
 * carries them, so that a snapshot and its answers are swapped in together.
 *
 * @param <A> the prepared answers' type
 */
public interface AnswerPreparer<A> {

    /** The answers to serve with {@code snapshot}; called off the request path, before it is served. */
    A prepare(ClusterSnapshot snapshot);

    /** The answers while no snapshot can be served; {@code reason} says why, in one line. */
    A unavailable(String reason);
}
