package io.ganeticonfd.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ganeticonfd.conformance.ConformanceVectors;

/** Config files for reload tests: the testsuite-2.16 cluster with a chosen serial, and ways to write them. */
public final class ClusterFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterFiles() {}

    /** The testsuite-2.16 config with its cluster serial set to {@code serial} (all serials have the same width). */
    public static byte[] withSerial(long serial) {
        return withSerial("testsuite-2.16", serial);
    }

    /** The config of conformance directory {@code directory} with its cluster serial set to {@code serial}. */
    public static byte[] withSerial(String directory, long serial) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(ConformanceVectors.read(directory, "config.data"));
            ((ObjectNode) root.get("cluster")).put("serial_no", serial);
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh temporary directory holding the testsuite-2.16 config (serial {@code serial}) and key. */
    public static Path newClusterDir(long serial) {
        try {
            Path dir = Files.createTempDirectory("confd-test-");
            Files.write(dir.resolve("config.data"), withSerial(serial));
            Files.write(dir.resolve("hmac.key"), ConformanceVectors.read("testsuite-2.16", "hmac.key"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {@code file} in place (truncate, then write). */
    public static void writeInPlace(Path file, byte[] data) {
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a temporary file beside {@code file} and renames it over {@code file}, as Ganeti does. */
    public static void renameOver(Path file, byte[] data) {
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code file}, then creates it anew. */
    public static void deleteThenCreate(Path file, byte[] data) {
        try {
            Files.delete(file);
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
