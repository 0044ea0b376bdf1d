package io.ganeticonfd.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.HmacKey;
import io.ganeticonfd.protocol.RequestType;
import io.ganeticonfd.support.DaemonProcess;
import io.ganeticonfd.support.UdpTestClient;

/**
 * The client library on its own: {@code target/ganeti-confd-client-VERSION.jar} holds only the
 * {@code protocol} and {@code client} packages, needs nothing but Jackson, and the README's example
 * program ({@code examples/ClientExample.java}) answers against the packaged daemon with a class path
 * of that jar and Jackson's three jars.
 */
class ClientJarIT {

    private static final Path CLIENT_JAR = Path.of(System.getProperty("client.jar", "target/missing-client.jar"));
    private static final Path EXAMPLE = Path.of("examples/ClientExample.java");
    private static final Path DEMO_KEY = Path.of("src/main/resources/demo/hmac.key");

    @TempDir
    static Path dir;

    private static List<Path> jackson;

    @BeforeAll
    static void findJackson() throws Exception {
        jackson = new ArrayList<>();
        for (Class<?> c : List.of(ObjectMapper.class, JsonFactory.class, JsonProperty.class)) {
            jackson.add(Path.of(
                    c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
    }

    @Test
    void holdsOnlyTheProtocolAndClientPackages() throws IOException {
        assertThat(CLIENT_JAR).isRegularFile();
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(CLIENT_JAR.toFile())) {
            jar.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class"))
                    .forEach(classes::add);
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("io.ganeticonfd.client");
        }
        assertThat(classes)
                .isNotEmpty()
                .allMatch(n -> n.startsWith("io/ganeticonfd/protocol/") || n.startsWith("io/ganeticonfd/client/"));
        assertThat(classes)
                .contains("io/ganeticonfd/client/ConfdClient.class", "io/ganeticonfd/protocol/HmacKey.class");
    }

    @Test
    void everyClassResolvesWithJacksonAndTheJdkOnly() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        String classPath = String.join(
                java.io.File.pathSeparator, jackson.stream().map(Path::toString).toList());
        int exit = jdeps.run(
                new PrintWriter(out),
                new PrintWriter(out),
                "--multi-release",
                "17",
                "-summary",
                "-cp",
                classPath,
                CLIENT_JAR.toString());
        assertThat(exit).as(out.toString()).isZero();
        List<String> targets = out.toString()
                .lines()
                .filter(l -> l.startsWith(CLIENT_JAR.getFileName().toString()))
                .map(l -> l.substring(l.indexOf("->") + 2).strip())
                .map(t -> t.substring(t.lastIndexOf('/') + 1))
                .toList();
        assertThat(targets)
                .as(out.toString())
                .isNotEmpty()
                .allMatch(t -> t.startsWith("java.") || t.startsWith("jackson-"), "the JDK or a Jackson jar")
                .noneMatch(t -> t.contains("not found"));
    }

    @Test
    void theReadmeShowsTheExampleAsItIs() throws IOException {
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String program =
                example.substring(example.indexOf("public class ClientExample")).strip();
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8))
                .contains(program);
    }

    @Test
    void declaresTheJacksonVersionTheBuildUses() throws IOException {
        String pom = Files.readString(Path.of("target/client/pom.xml"), StandardCharsets.UTF_8);
        assertThat(pom)
                .contains("<artifactId>ganeti-confd-client</artifactId>")
                .contains("<version>" + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION + "</version>")
                .doesNotContain("${");
    }

    @Test
    void theReadmeExampleAsksARunningDaemonWithJacksonBesideIt() throws Exception {
        int port = DaemonProcess.freeUdpPort();
        HmacKey key = HmacKey.of(Files.readAllBytes(DEMO_KEY));
        try (DaemonProcess daemon = DaemonProcess.start(
                "--demo",
                "-p",
                Integer.toString(port),
                "-b",
                "127.0.0.1",
                "--http-port",
                Integer.toString(DaemonProcess.freeTcpPort()))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> UdpTestClient.askOnce(port, key, RequestType.PING, Duration.ofSeconds(1)) != null);
            List<String> classPath = new ArrayList<>(List.of(CLIENT_JAR.toString()));
            jackson.forEach(j -> classPath.add(j.toString()));
            Path out = dir.resolve("example.out");
            Process example = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            String.join(java.io.File.pathSeparator, classPath),
                            EXAMPLE.toString(),
                            DEMO_KEY.toString(),
                            "127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            assertThat(example.waitFor(120, TimeUnit.SECONDS))
                    .as("the example finished")
                    .isTrue();
            String printed = Files.readString(out);
            assertThat(example.exitValue()).as(printed).isZero();
            assertThat(printed).contains("master: node1.demo.example").containsIgnoringCase("role: master");
        }
    }
}
