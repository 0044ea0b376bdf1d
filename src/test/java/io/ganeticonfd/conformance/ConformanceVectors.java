package io.ganeticonfd.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.HmacKey;

/** Loads the recorded conformance vectors from the test resources. */
public final class ConformanceVectors {

    /** The directories under {@code src/test/resources/conformance}. */
    public static final List<String> DIRECTORIES = List.of("testsuite-2.16", "synthetic-n12-i60-g3-s1");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConformanceVectors() {}

    /** The directory holding one vector set's files. */
    public static Path directory(String name) {
        return Path.of("src/test/resources/conformance", name);
    }

    /** Every case of one directory, in file order. */
    public static List<ConformanceCase> cases(String name) {
        List<ConformanceCase> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(directory(name).resolve("golden.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode g = JSON.readTree(line);
                JsonNode reply = g.get("reply");
                out.add(new ConformanceCase(
                        name,
                        g.get("i").asInt(),
                        g.get("q"),
                        g.get("norm").asText(),
                        reply == null || reply.isNull() ? null : reply));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every case of every directory. */
    public static Stream<ConformanceCase> all() {
        return DIRECTORIES.stream().flatMap(d -> cases(d).stream());
    }

    /** The bytes of a file of one directory. */
    public static byte[] read(String name, String file) {
        try {
            return Files.readAllBytes(directory(name).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key of one directory ({@code hmac.key}): what its requests are signed with. */
    public static HmacKey key(String name) {
        return HmacKey.of(read(name, "hmac.key"));
    }
}
