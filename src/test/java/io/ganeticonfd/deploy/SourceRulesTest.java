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
 * Rules the product's sources keep: only the public APIs of its frameworks (no reflection into their
 * private members, no implementation classes: they break on the next upgrade and in native mode), and
 * small files (none over {@value #MAX_LINES} lines).
 */
class SourceRulesTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "setAccessible\\(|getDeclaredField|getDeclaredMethod|import io\\.vertx\\.[a-z.]*\\.impl\\.|import io\\.quarkus\\.[a-z.]*\\.impl\\.");

    @Test
    void mainSourcesUseNoReflectionAndNoImplementationClasses() throws IOException {
        List<String> offences;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offences = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(SourceRulesTest::offences)
                    .toList();
        }
        assertThat(offences).isEmpty();
    }

    static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsOverThreeHundredLines() throws IOException {
        List<String> large;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            large = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> f + ": " + lines(f) + " lines")
                    .toList();
        }
        assertThat(large).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePatternCatchesWhatItMustCatch() {
        assertThat(FORBIDDEN
                        .matcher("import io.vertx.core.datagram.impl.DatagramSocketImpl;")
                        .find())
                .isTrue();
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
