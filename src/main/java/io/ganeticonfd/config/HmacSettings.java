package io.ganeticonfd.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HMAC key and request authentication ({@code confd.hmac.*}). */
@ConfigMapping(prefix = "confd.hmac")
public interface HmacSettings {

    /** Path of the HMAC key file (its exact bytes are the key); default {@code /var/lib/ganeti/hmac.key}. */
    @WithDefault("/var/lib/ganeti/hmac.key")
    Path keyFile();

    /** Largest accepted difference between a request's timestamp and our clock; default 300 s (Ganeti's). */
    @WithDefault("300S")
    java.time.Duration maxClockSkew();

    /** How long the previous key still verifies requests after the key file changed; default 60 s. */
    @WithDefault("60S")
    Duration rotationGrace();
}
