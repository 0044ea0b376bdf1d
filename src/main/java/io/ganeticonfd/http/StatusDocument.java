package io.ganeticonfd.http;

import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON served at {@code GET /status}. Every member is documented in the README's Operating
 * section; absent values are null. Registered for reflection (with its nested records) because
 * the status route serializes it with the ObjectMapper itself, which a native image cannot do
 * for types Quarkus does not see as REST return types. {@code serial} is the cluster serial (what
 * replies carry), {@code configSerial} the file's top-level serial (member names kept for operators).
 */
@RegisterForReflection
public record StatusDocument(
        String daemonVersion,
        boolean serving,
        Long serial,
        Long configSerial,
        Long configVersion,
        String clusterName,
        String masterNode,
        Integer nodes,
        Integer instances,
        ConfigFile configFile,
        Instant loadedAt,
        Double snapshotAgeSeconds,
        Map<String, Long> reloads,
        String lastReloadResult,
        String lastError,
        Instant lastErrorAt,
        HmacKeyInfo hmacKey,
        Udp udp,
        double uptimeSeconds,
        boolean redactPrivate) {

    /** The configuration file and its state on disk. */
    public record ConfigFile(
            String path,
            Instant servedMtime,
            Long servedBytes,
            boolean ok,
            boolean newerThanSnapshot,
            String watchMode) {}

    /** The keys in use, by fingerprint only. */
    public record HmacKeyInfo(
            String file,
            String fingerprint,
            String previousFingerprint,
            Instant previousAcceptedUntil,
            String error,
            long rotations) {}

    /** The UDP listener. */
    public record Udp(boolean bound, String address, int port) {}
}
