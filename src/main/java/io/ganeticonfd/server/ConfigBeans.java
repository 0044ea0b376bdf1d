package io.ganeticonfd.server;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.config.ConfigReloader;
import io.ganeticonfd.config.ConfigSettings;
import io.ganeticonfd.config.HmacSettings;
import io.ganeticonfd.config.ReloadSettings;
import io.ganeticonfd.config.ServedConfig;
import io.ganeticonfd.query.PreparedAnswers;
import io.ganeticonfd.query.QueryEngine;

/**
 * The daemon's served configuration and its reloader, with the query engine's prepared answers:
 * config does not know the query layer, so they are put together here.
 */
@Singleton
public class ConfigBeans {

    private final QueryEngine engine = new QueryEngine();

    /** The query engine that answers from, and prepares, the served answers. */
    @Produces
    @Singleton
    QueryEngine engine() {
        return engine;
    }

    /** What the request path reads. */
    @Produces
    @Singleton
    ServedConfig<PreparedAnswers> served() {
        return new ServedConfig<>(engine);
    }

    /** Loads and follows config.data and hmac.key into the served configuration. */
    @Produces
    @Singleton
    ConfigReloader<PreparedAnswers> reloader(
            ConfigSettings config,
            HmacSettings hmac,
            ReloadSettings reload,
            ObjectMapper mapper,
            ServedConfig<PreparedAnswers> served) {
        return new ConfigReloader<>(config, hmac, reload, mapper, engine, served);
    }
}
