package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** src/main/docker: the JVM and native images' layout, user, ports and documented commands. */
class DockerfileTest {

    static final Path DOCKER = AppFacts.ROOT.resolve("src/main/docker");

    static String exposed() {
        return AppFacts.udpPort() + "/udp " + AppFacts.httpPort();
    }

    static List<String> instructions(String file) throws IOException {
        return Files.readAllLines(DOCKER.resolve(file)).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Test
    void jvmImageRunsTheFourQuarkusLayersAsUser185() throws IOException {
        String text = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        assertThat(text).contains("#   ./mvnw -B package -DskipTests")
                .contains("#   docker build -f src/main/docker/Dockerfile.jvm -t ganeti-confd:" + AppFacts.version() + " .")
                .contains("#   docker run ");
        List<String> lines = instructions("Dockerfile.jvm");
        assertThat(lines.get(0)).startsWith("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        assertThat(lines).filteredOn(l -> l.startsWith("COPY --chown=185 target/quarkus-app/")).extracting(l -> l.split("\\s+")[2])
                .containsExactly("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                        "target/quarkus-app/quarkus/");
        assertThat(lines).contains("EXPOSE " + exposed(), "USER 185",
                "ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]",
                "ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
    }

    @Test
    void nativeImageRunsTheRunnerAsUser1001() throws IOException {
        String text = Files.readString(DOCKER.resolve("Dockerfile.native"));
        assertThat(text).contains("#   ./mvnw -B package -Dnative -DskipTests")
                .contains("#   docker build -f src/main/docker/Dockerfile.native -t ganeti-confd:" + AppFacts.version() + "-native .")
                .contains("#   docker run ");
        List<String> lines = instructions("Dockerfile.native");
        assertThat(lines.get(0)).matches("FROM (registry.access.redhat.com/ubi9/ubi-minimal|quay.io/quarkus/quarkus-micro-image):.+");
        assertThat(lines).contains("EXPOSE " + exposed(), "USER 1001", "ENTRYPOINT [\"./application\"]")
                .anyMatch(l -> l.startsWith("COPY --chown=1001:root") && l.contains("target/*-runner /work/application"));
    }

    @Test
    void buildContextHoldsOnlyTheBuildOutputs() throws IOException {
        List<String> rules = Files.readAllLines(AppFacts.ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(rules.get(0)).isEqualTo("*");
        assertThat(rules.subList(1, rules.size())).allMatch(r -> r.startsWith("!target/"))
                .contains("!target/quarkus-app/*", "!target/*-runner");
    }

    @Test
    void nativeProfileBuildsAnExecutableInsteadOfTheJar() throws IOException {
        String pom = Files.readString(AppFacts.ROOT.resolve("pom.xml"));
        String profile = pom.substring(pom.indexOf("<id>native</id>"));
        assertThat(profile).contains("<quarkus.native.enabled>true</quarkus.native.enabled>")
                .contains("<quarkus.package.jar.enabled>false</quarkus.package.jar.enabled>");
    }
}
