package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The product uses only the public APIs of its frameworks: no reflection into their private
 * members and no implementation classes (they break on the next upgrade and in native mode).
 */
class PublicApiOnlyTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "setAccessible\\(|getDeclaredField|getDeclaredMethod|import io\\.vertx\\.[a-z.]*\\.impl\\.|import io\\.quarkus\\.[a-z.]*\\.impl\\.");

    @Test
    void mainSourcesUseNoReflectionAndNoImplementationClasses() throws IOException {
        List<String> offences;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offences = files.filter(f -> f.toString().endsWith(".java")).flatMap(PublicApiOnlyTest::offences).toList();
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void thePatternCatchesWhatItMustCatch() {
        assertThat(FORBIDDEN.matcher("import io.vertx.core.datagram.impl.DatagramSocketImpl;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("field.setAccessible(true);").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import io.vertx.core.Vertx;").find()).isFalse();
    }

    private static Stream<String> offences(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> FORBIDDEN.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
