package io.ganeticonfd.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waiting on client futures in tests, with a bound so that a hang fails instead of blocking. */
final class Futures {

    static final Duration BOUND = Duration.ofSeconds(10);

    private Futures() {}

    /** The value of {@code f}, which must succeed within the bound. */
    static <T> T value(CompletableFuture<T> f) {
        try {
            return f.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not succeed: " + e, e);
        }
    }

    /** The {@link ConfdException} {@code f} fails with, within the bound. */
    static ConfdException confdFailure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class).cause().isInstanceOf(ConfdException.class);
        return (ConfdException) t.getCause();
    }
}
