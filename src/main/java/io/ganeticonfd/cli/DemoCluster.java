package io.ganeticonfd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.ganeticonfd.client.HmacKeyFile;

/**
 * The bundled DEMO cluster: a generated config.data and a DEMO HMAC key, unpacked to a temporary
 * directory for {@code --demo}. Never used without that flag.
 */
public final class DemoCluster {

    /** Classpath location of the demo configuration. */
    public static final String CONFIG_RESOURCE = "/demo/config.data";
    /** Classpath location of the demo key. */
    public static final String KEY_RESOURCE = HmacKeyFile.DEMO_RESOURCE;

    private DemoCluster() {}

    /** Unpacks the demo files and returns the settings pointing the daemon at them. */
    public static Map<String, String> install() throws IOException {
        Path dir = Files.createTempDirectory("ganeti-confd-demo-");
        Path config = copy(CONFIG_RESOURCE, dir.resolve("config.data"));
        Path key = copy(KEY_RESOURCE, dir.resolve("hmac.key"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        dir.toFile().deleteOnExit();
        config.toFile().deleteOnExit();
        key.toFile().deleteOnExit();
        return Map.of("confd.config.file", config.toString(), "confd.hmac.key-file", key.toString());
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoCluster.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " missing from the jar");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
