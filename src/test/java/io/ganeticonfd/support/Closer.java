package io.ganeticonfd.support;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.ganeticonfd.client.InProcessServer;

/**
 * Resources a test starts (in-process servers, clients), closed after each test in reverse order.
 * Register as an instance field: {@code @RegisterExtension final Closer closer = new Closer();}.
 * Every resource is closed even if an earlier {@code close()} throws: the first failure is thrown
 * with the later ones added as suppressed.
 */
public final class Closer implements AfterEachCallback {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Starts a server and closes it after the test. */
    public InProcessServer start(InProcessServer.Options options) throws Exception {
        return track(options.start());
    }

    /** Closes {@code resource} after the test (resources tracked later are closed first). */
    public synchronized <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close();
    }

    /** Closes every tracked resource, most recent first, and forgets them. */
    public void close() throws Exception {
        Throwable failure = null;
        while (true) {
            AutoCloseable resource;
            synchronized (this) {
                resource = resources.poll();
            }
            if (resource == null) {
                break;
            }
            try {
                resource.close();
            } catch (Exception | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
