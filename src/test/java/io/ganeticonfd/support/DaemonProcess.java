package io.ganeticonfd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged daemon ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process, for ITs. */
public final class DaemonProcess implements AutoCloseable {

    /** The jar built by {@code package}. */
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final Path output;

    private DaemonProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the jar with {@code args}; output (both streams) goes to a temporary file. */
    public static DaemonProcess start(String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return start(cmd);
    }

    /** Starts the jar with JVM options ({@code -Dname=value}, ...) before {@code -jar}, and {@code args}. */
    public static DaemonProcess startWithJvmOptions(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return start(cmd);
    }

    /** Runs {@code command}; output (both streams) goes to a temporary file. */
    static DaemonProcess start(List<String> command) {
        try {
            Path out = Files.createTempFile("confd-it-", ".log");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            return new DaemonProcess(p, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the jar with {@code args} to completion (at most 60 s) and returns its exit code and output. */
    public static Result run(String... args) {
        try (DaemonProcess d = start(args)) {
            if (!d.process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("still running after 60 s: " + List.of(args));
            }
            return new Result(d.process.exitValue(), d.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Exit code and combined output of a finished run. */
    public record Result(int exitCode, String output) {}

    /** The underlying process. */
    public Process process() {
        return process;
    }

    /** Everything printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free UDP port on 127.0.0.1. */
    public static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free TCP port. */
    public static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
