package io.ganeticonfd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the packaged daemon so that file permissions apply to it: as user nobody (uid and gid
 * 65534, through util-linux's {@code setpriv}) when the tests run as root, whom permissions do not
 * stop, and as the test's own user otherwise.
 */
public final class Unprivileged {

    /** The uid and gid the daemon runs as when the tests run as root. */
    public static final int NOBODY = 65534;

    private static Path appCopy;

    private Unprivileged() {}

    /** Whether this JVM runs as root. */
    public static boolean root() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the daemon can be run unprivileged here: not root, or root with {@code setpriv}. */
    public static boolean available() {
        return !root() || Stream.of("/usr/bin/setpriv", "/bin/setpriv").anyMatch(p -> Files.isExecutable(Path.of(p)));
    }

    /** Gives {@code paths} to the daemon's user (nothing to do unless root). */
    public static void handOver(Path... paths) {
        if (!root()) {
            return;
        }
        try {
            for (Path p : paths) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the jar with JVM options {@code jvmArgs} and daemon arguments {@code args}. As root,
     * the application is first copied to a directory everyone can read (the checkout may not be).
     */
    public static DaemonProcess start(List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        Path jar = DaemonProcess.JAR;
        if (root()) {
            cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
            jar = readableApp().resolve(DaemonProcess.JAR.getFileName());
        }
        cmd.add(DaemonProcess.javaBinary());
        if (root()) {
            // Vert.x's file cache under /tmp may already exist, made by root's runs (mode rwxrwxrw-).
            cmd.add("-Dvertx.cacheDirBase=" + System.getProperty("java.io.tmpdir") + "/vertx-cache-nobody-"
                    + ProcessHandle.current().pid());
        }
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return DaemonProcess.start(cmd);
    }

    /** One copy of the application per test JVM, deleted when the JVM exits. */
    private static synchronized Path readableApp() {
        if (appCopy == null) {
            appCopy = readableCopy(DaemonProcess.JAR.getParent());
            Path copy = appCopy;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ClusterFiles.deleteTree(copy)));
        }
        return appCopy;
    }

    private static Path readableCopy(Path app) {
        try {
            Path copy = Files.createTempDirectory("confd-app-");
            try (Stream<Path> files = Files.walk(app)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(app.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.setPosixFilePermissions(
                            to, PosixFilePermissions.fromString(Files.isDirectory(to) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
