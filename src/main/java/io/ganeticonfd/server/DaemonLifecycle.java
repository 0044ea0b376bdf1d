package io.ganeticonfd.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

import io.ganeticonfd.config.ConfigReloader;
import io.ganeticonfd.config.HmacSettings;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.protocol.RequestDecoder;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Starts and stops the daemon: key, first snapshot, UDP sockets, file reloader; in reverse on
 * shutdown. A missing key or a port that cannot be bound ends start-up with one log line.
 */
@ApplicationScoped
public class DaemonLifecycle {

    private static final long BIND_TIMEOUT_SECONDS = 10;

    private final ConfigReloader<PreparedAnswers> reloader;
    private final ServedConfig<PreparedAnswers> served;
    private final QueryEngine engine;
    private final UdpSettings udp;
    private final HmacSettings hmac;
    private final DaemonSettings daemon;
    private final ConfdMetrics metrics;
    private final Vertx vertx;
    private final List<UdpListener> listeners = new ArrayList<>();
    private final EventLoopHeartbeats heartbeats = new EventLoopHeartbeats();
    private volatile boolean failedToStart;
    private volatile boolean udpBound;
    private volatile UdpBinding binding;
    private volatile Instant startedAt;
    private boolean following;

    @Inject
    public DaemonLifecycle(
            ConfigReloader<PreparedAnswers> reloader,
            ServedConfig<PreparedAnswers> served,
            QueryEngine engine,
            UdpSettings udp,
            HmacSettings hmac,
            DaemonSettings daemon,
            ConfdMetrics metrics,
            Vertx vertx) {
        this.reloader = reloader;
        this.served = served;
        this.engine = engine;
        this.udp = udp;
        this.hmac = hmac;
        this.daemon = daemon;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        startedAt = Instant.now();
        String keyError = reloader.loadInitialKey();
        if (keyError != null) {
            Log.error(keyError);
            failedToStart = true;
            return;
        }
        reloader.reloadConfig();
        JsonFactory requests = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(udp.maxJsonDepth())
                        .maxStringLength(udp.maxJsonStringLength())
                        .build())
                .build();
        RequestDecoder decoder =
                new RequestDecoder(requests, hmac.maxClockSkew().toSeconds(), udp.maxRequestBytes());
        RequestProcessor processor = new RequestProcessor(decoder, engine, served);
        if (!bind(processor)) {
            failedToStart = true;
            return;
        }
        reloader.start();
        following = true;
        if (daemon.demo()) {
            Log.warnf(
                    "DEMO cluster served on UDP port %d with the DEMO key (never use it on a real cluster); try: "
                            + "java -jar target/quarkus-app/quarkus-run.jar query --demo --port %d master",
                    binding.port(), binding.port());
        }
    }

    private boolean bind(RequestProcessor processor) {
        String host = udp.bind().orElse(ListenerPlan.defaultBindAddress());
        boolean nativeTransport = vertx.isNativeTransportEnabled();
        int count = ListenerPlan.listeners(udp.listeners(), nativeTransport);
        SocketTuning tuning = new SocketTuning(udp.maxRequestBytes() + 1, udp.receiveBufferBytes());
        UdpBinding b = new UdpBinding(host, udp.port(), count > 1, tuning);
        try {
            for (int i = 0; i < count; i++) {
                DatagramHandler handler = new DatagramHandler(processor, metrics, tuning.readBytes());
                listeners.add(UdpListener.bind(vertx.nettyEventLoopGroup(), nativeTransport, b, handler, heartbeats)
                        .get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            Log.errorf("Cannot listen on UDP %s port %d: %s", host, udp.port(), cause.getMessage());
            return false;
        }
        binding = b;
        udpBound = true;
        Log.infof(
                "Answering confd queries on UDP [%s]:%d with %d socket(s)%s",
                host, b.port(), count, nativeTransport ? " (epoll)" : "");
        Log.debugf(
                "UDP reads: up to %d datagram(s) of up to %d bytes per system call, kernel buffer %d bytes requested",
                nativeTransport ? tuning.nativeBatch() : 1, tuning.readBytes(), udp.receiveBufferBytes());
        return true;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (following) {
            reloader.close();
        }
        udpBound = false;
        for (UdpListener listener : listeners) {
            listener.close(1000);
        }
    }

    /** Whether start-up failed (the reason was logged). */
    public boolean failedToStart() {
        return failedToStart;
    }

    /** Whether the UDP sockets are bound. */
    public boolean udpBound() {
        return udpBound;
    }

    /** The bound UDP port, or -1. */
    public int udpPort() {
        UdpBinding b = binding;
        return b == null ? -1 : b.port();
    }

    /** The bound UDP address, or null. */
    public String udpAddress() {
        UdpBinding b = binding;
        return b == null ? null : b.host();
    }

    /** Liveness of the event loops running the UDP sockets. */
    public EventLoopHeartbeats heartbeats() {
        return heartbeats;
    }

    /** When the daemon started. */
    public Instant startedAt() {
        return startedAt;
    }
}
