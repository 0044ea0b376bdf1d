package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app, run by failsafe after {@code package}) carries
 * Netty's native epoll transport for both architectures Ganeti nodes run, so arm64 master
 * candidates get SO_REUSEPORT sockets, batched datagram I/O and /dev/log as x86-64 ones do.
 */
class PackagedApplicationIT {

    static final Path LIB = AppFacts.ROOT.resolve("target/quarkus-app/lib/main");

    @Test
    void carriesTheEpollTransportForX8664AndArm64() throws IOException {
        assumeTrue(Files.isDirectory(LIB), "build the application first: ./mvnw package");
        List<Path> epoll;
        try (Stream<Path> jars = Files.list(LIB)) {
            epoll = jars.filter(j -> j.getFileName().toString().contains("netty-transport-native-epoll"))
                    .sorted()
                    .toList();
        }
        assertThat(epoll)
                .extracting(j -> j.getFileName().toString())
                .anyMatch(n -> n.endsWith("-linux-x86_64.jar"))
                .anyMatch(n -> n.endsWith("-linux-aarch_64.jar"));
        for (Path jar : epoll) {
            String arch = jar.getFileName().toString().endsWith("-linux-aarch_64.jar") ? "aarch_64" : "x86_64";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.getEntry("META-INF/native/libnetty_transport_native_epoll_" + arch + ".so"))
                        .as("%s holds the %s library", jar.getFileName(), arch)
                        .isNotNull();
            }
        }
    }
}
