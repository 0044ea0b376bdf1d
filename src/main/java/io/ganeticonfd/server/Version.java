package io.ganeticonfd.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, from a resource filtered at build time. */
public final class Version {

    private static final String CURRENT = load();

    private Version() {}

    /** The version string, or "unknown". */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/ganeti-confd-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
