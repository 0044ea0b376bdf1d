package io.ganeticonfd.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The configuration file ({@code confd.config.*}). */
@ConfigMapping(prefix = "confd.config")
public interface ConfigSettings {

    /** Path of config.data; default {@code /var/lib/ganeti/config.data}. */
    @WithDefault("/var/lib/ganeti/config.data")
    Path file();

    /** Serve private OS parameters and DRBD secrets as {@code "<redacted>"}; default false (Ganeti serves them). */
    @WithDefault("false")
    boolean redactPrivate();
}
