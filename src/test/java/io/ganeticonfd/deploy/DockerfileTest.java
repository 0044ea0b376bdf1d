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
        return Files.readAllLines(DOCKER.resolve(file)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
    }

    @Test
    void jvmImageRunsTheFourQuarkusLayersAsUser185ThroughTheLauncher() throws IOException {
        String text = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        assertThat(text)
                .contains("#   ./mvnw -B package -DskipTests")
                .contains("#   docker build -f src/main/docker/Dockerfile.jvm -t ganeti-confd:" + AppFacts.version()
                        + " .")
                .contains("#   docker run ");
        List<String> lines = instructions("Dockerfile.jvm");
        assertThat(lines.get(0))
                .as("the base is a build argument, declared before FROM")
                .startsWith("ARG BASE_IMAGE=registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        assertThat(lines.get(1)).isEqualTo("FROM ${BASE_IMAGE}");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("COPY target/quarkus-app/"))
                .extracting(l -> l.split("\\s+")[1])
                .containsExactly(
                        "target/quarkus-app/lib/",
                        "target/quarkus-app/*.jar",
                        "target/quarkus-app/app/",
                        "target/quarkus-app/quarkus/");
        assertThat(lines)
                .contains(
                        "COPY --chmod=0755 bin/ganeti-confd /deployments/bin/ganeti-confd",
                        "EXPOSE " + exposed(),
                        "USER 185",
                        "ENTRYPOINT [ \"/deployments/bin/ganeti-confd\" ]");
        assertThat(text)
                .as("no entry point script of one vendor's base image")
                .doesNotContain("run-java.sh\" ]")
                .contains("CONFD_JAR=/deployments/quarkus-run.jar")
                .contains("CONFD_FOREGROUND=yes")
                .contains("JAVA_OPTS=\"-XX:MaxRAMPercentage=");
    }

    @Test
    void jvmImageDoesNotAssumeAnArchitecture() throws IOException {
        assertThat(String.join("\n", instructions("Dockerfile.jvm")))
                .doesNotContainIgnoringCase("x86")
                .doesNotContainIgnoringCase("amd64")
                .doesNotContainIgnoringCase("aarch64")
                .doesNotContain("--platform");
    }

    @Test
    void nativeImageRunsTheRunnerAsUser1001() throws IOException {
        String text = Files.readString(DOCKER.resolve("Dockerfile.native"));
        assertThat(text)
                .contains("#   ./mvnw -B package -Dnative -DskipTests")
                .contains("#   docker build -f src/main/docker/Dockerfile.native -t ganeti-confd:" + AppFacts.version()
                        + "-native .")
                .contains("#   docker run ");
        List<String> lines = instructions("Dockerfile.native");
        assertThat(lines.get(0))
                .matches("FROM (registry.access.redhat.com/ubi9/ubi-minimal|quay.io/quarkus/quarkus-micro-image):.+");
        assertThat(lines)
                .contains("EXPOSE " + exposed(), "USER 1001", "ENTRYPOINT [\"./application\"]")
                .anyMatch(
                        l -> l.startsWith("COPY --chown=1001:root") && l.contains("target/*-runner /work/application"));
    }

    @Test
    void buildContextHoldsOnlyTheBuildOutputs() throws IOException {
        List<String> rules = Files.readAllLines(AppFacts.ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        assertThat(rules.get(0)).isEqualTo("*");
        assertThat(rules.subList(1, rules.size()))
                .allMatch(r -> r.startsWith("!target/") || r.equals("!bin/ganeti-confd"))
                .contains("!target/quarkus-app/*", "!target/*-runner", "!bin/ganeti-confd");
    }

    @Test
    void nativeProfileBuildsAnExecutableInsteadOfTheJar() throws IOException {
        String pom = Files.readString(AppFacts.ROOT.resolve("pom.xml"));
        String profile = pom.substring(pom.indexOf("<id>native</id>"));
        assertThat(profile)
                .contains("<quarkus.native.enabled>true</quarkus.native.enabled>")
                .contains("<quarkus.package.jar.enabled>false</quarkus.package.jar.enabled>");
    }
}
