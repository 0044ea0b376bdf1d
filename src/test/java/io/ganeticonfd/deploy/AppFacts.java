package io.ganeticonfd.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import io.ganeticonfd.config.ConfigSettings;
import io.ganeticonfd.config.HmacSettings;
import io.ganeticonfd.server.UdpSettings;
import io.ganeticonfd.server.Version;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.health.api.Wellness;

/**
 * What the application really serves and reads, taken from the code: the {@code @WithDefault}s of
 * the mapping interfaces, {@code application.properties}, the health checks' annotations and the
 * project version. Deployment files are checked against these, never against a second copy.
 */
final class AppFacts {

    /** The repository root (Maven runs tests there). */
    static final Path ROOT = Path.of("").toAbsolutePath();

    private static final Properties APPLICATION = load(ROOT.resolve("src/main/resources/application.properties"));

    private AppFacts() {}

    /** The UDP port the daemon binds by default. */
    static int udpPort() {
        return Integer.parseInt(withDefault(UdpSettings.class, "port"));
    }

    /** The HTTP port of health, status and metrics. */
    static int httpPort() {
        return Integer.parseInt(property("quarkus.http.port", "8080"));
    }

    /** Default path of config.data. */
    static String configFile() {
        return withDefault(ConfigSettings.class, "file");
    }

    /** Default path of hmac.key. */
    static String keyFile() {
        return withDefault(HmacSettings.class, "keyFile");
    }

    /** Environment variable of the setting behind {@code method} of a mapping interface. */
    static String env(Class<?> mapping, String method) {
        return property(mapping, method).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Property name behind {@code method}: the mapping prefix plus the kebab-cased method name. */
    static String property(Class<?> mapping, String method) {
        requireMethod(mapping, method);
        String kebab = method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return mapping.getAnnotation(ConfigMapping.class).prefix() + "." + kebab;
    }

    /** The {@code @WithDefault} of {@code method}. */
    static String withDefault(Class<?> mapping, String method) {
        WithDefault d = requireMethod(mapping, method).getAnnotation(WithDefault.class);
        if (d == null) {
            throw new IllegalArgumentException(mapping.getSimpleName() + "." + method + " has no @WithDefault");
        }
        return d.value();
    }

    /** The project version (filtered into the jar at build time). */
    static String version() {
        return Version.current();
    }

    /** Path of the probe served for checks carrying {@code kind} (Liveness, Readiness, Startup, Wellness). */
    static String healthPath(Class<? extends Annotation> kind) {
        String sub;
        if (kind == Liveness.class) {
            sub = property("quarkus.smallrye-health.liveness-path", "live");
        } else if (kind == Readiness.class) {
            sub = property("quarkus.smallrye-health.readiness-path", "ready");
        } else if (kind == Startup.class) {
            sub = property("quarkus.smallrye-health.startup-path", "started");
        } else if (kind == Wellness.class) {
            sub = property("quarkus.smallrye-health.wellness-path", "well");
        } else {
            throw new IllegalArgumentException(kind.getName());
        }
        return healthRoot() + "/" + sub;
    }

    /** The health checks of package {@code http} carrying {@code kind}. */
    static List<Class<?>> healthChecks(Class<? extends Annotation> kind) {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("src/main/java/io/ganeticonfd/http"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                if (name.equals("package-info")) {
                    continue;
                }
                Class<?> c = Class.forName("io.ganeticonfd.http." + name);
                if (c.isAnnotationPresent(kind)) {
                    found.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Path of the Prometheus scrape endpoint. */
    static String metricsPath() {
        return nonApplicationRoot() + "/" + property("quarkus.micrometer.export.prometheus.path", "metrics");
    }

    /** A property of application.properties (the default profile), or {@code fallback}: Quarkus' default. */
    static String property(String key, String fallback) {
        return APPLICATION.getProperty(key, fallback).trim();
    }

    private static String healthRoot() {
        return nonApplicationRoot() + "/" + property("quarkus.smallrye-health.root-path", "health");
    }

    private static String nonApplicationRoot() {
        String root = property("quarkus.http.non-application-root-path", "q");
        return root.startsWith("/") ? root : "/" + root;
    }

    private static java.lang.reflect.Method requireMethod(Class<?> mapping, String method) {
        try {
            return mapping.getMethod(method);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(mapping.getSimpleName() + " has no " + method + "()", e);
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
