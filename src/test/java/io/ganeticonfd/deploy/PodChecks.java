package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.ganeticonfd.cli.DaemonFlags;
import io.ganeticonfd.cli.UsageException;
import io.ganeticonfd.config.ConfigSettings;
import io.ganeticonfd.config.HmacSettings;
import io.ganeticonfd.server.UdpSettings;

/** Checks every variant of the DaemonSet must pass, against what the application serves and reads. */
final class PodChecks {

    /** Name of the daemon's container. */
    static final String CONTAINER = "confd";

    private PodChecks() {}

    static Container container(DaemonSet ds) {
        return ds.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(CONTAINER))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + CONTAINER));
    }

    static String env(Container c, String name) {
        return c.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElse(null);
    }

    static ContainerPort port(Container c, String name) {
        return c.getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + name));
    }

    /** Ports, probes, environment and flags agree with the application. */
    static void servesWhatTheApplicationServes(DaemonSet ds) throws UsageException {
        Container c = container(ds);
        ContainerPort udp = port(c, "confd");
        assertThat(udp.getProtocol()).isEqualTo("UDP");
        assertThat(udp.getContainerPort()).isEqualTo(AppFacts.udpPort());
        ContainerPort http = port(c, "http");
        assertThat(http.getProtocol()).isEqualTo("TCP");
        assertThat(http.getContainerPort()).isEqualTo(AppFacts.httpPort());
        assertThat(c.getPorts())
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.getHostPort())
                        .as("hostNetwork: hostPort equals containerPort")
                        .isEqualTo(p.getContainerPort()));
        assertThat(env(c, AppFacts.env(UdpSettings.class, "port"))).isIn(null, String.valueOf(AppFacts.udpPort()));
        assertThat(env(c, "QUARKUS_HTTP_PORT")).isIn(null, String.valueOf(AppFacts.httpPort()));

        assertProbe(c.getStartupProbe(), Startup.class);
        assertProbe(c.getReadinessProbe(), Readiness.class);
        assertProbe(c.getLivenessProbe(), Liveness.class);

        DaemonFlags flags = DaemonFlags.parse(
                Optional.ofNullable(c.getArgs()).orElse(List.of()).toArray(String[]::new));
        assertThat(flags.help()).isFalse();
        assertThat(flags.version()).isFalse();
        assertThat(flags.demo()).as("never the DEMO cluster").isFalse();
        assertThat(flags.port()).as("the port comes from one place").isNull();
        assertThat(flags.configFile()).as("paths come from the environment").isNull();
        assertThat(flags.hmacKeyFile()).isNull();
        assertThat(c.getCommand()).as("the image's entry point runs the jar").isNullOrEmpty();
    }

    private static void assertProbe(Probe probe, Class<? extends java.lang.annotation.Annotation> kind) {
        assertThat(AppFacts.healthChecks(kind))
                .as("the application has a %s check", kind.getSimpleName())
                .isNotEmpty();
        assertThat(probe).as(kind.getSimpleName() + " probe").isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(AppFacts.healthPath(kind));
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(probe.getTimeoutSeconds()).isPositive();
    }

    /** {@code setting}'s environment variable names a file inside a read-only mount of volume kind {@code volumeKind}. */
    static Volume fileOnReadOnlyMount(DaemonSet ds, Class<?> mapping, String method) {
        Container c = container(ds);
        String path = env(c, AppFacts.env(mapping, method));
        assertThat(path).as(AppFacts.env(mapping, method)).isNotNull().startsWith("/");
        String dir = path.substring(0, path.lastIndexOf('/'));
        VolumeMount mount = c.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(dir))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted at " + dir + " for " + path));
        assertThat(mount.getReadOnly()).as("%s mounted read-only", dir).isTrue();
        assertThat(mount.getSubPath())
                .as("a directory mount follows renames and ..data swaps")
                .isNull();
        return ds.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
    }

    /** Config and key: both settings point into read-only mounts. */
    static List<Volume> configAndKeyVolumes(DaemonSet ds) {
        return List.of(
                fileOnReadOnlyMount(ds, ConfigSettings.class, "file"),
                fileOnReadOnlyMount(ds, HmacSettings.class, "keyFile"));
    }

    /** Pod security, resources and the writable /tmp. */
    static void isHardened(DaemonSet ds) {
        PodSpec pod = ds.getSpec().getTemplate().getSpec();
        Container c = container(ds);
        assertThat(pod.getAutomountServiceAccountToken())
                .as("automountServiceAccountToken")
                .isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot())
                .as("runAsNonRoot")
                .isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as("runAsUser").isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        var sc = c.getSecurityContext();
        assertThat(sc.getAllowPrivilegeEscalation())
                .as("allowPrivilegeEscalation")
                .isFalse();
        assertThat(sc.getReadOnlyRootFilesystem()).as("readOnlyRootFilesystem").isTrue();
        assertThat(sc.getPrivileged()).isIn(null, false);
        assertThat(sc.getCapabilities().getDrop()).as("capabilities.drop").containsExactly("ALL");
        assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();

        VolumeMount tmp = c.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the JVM needs a writable /tmp"));
        Volume tmpVolume = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(tmp.getName()))
                .findFirst()
                .orElseThrow();
        assertThat(tmpVolume.getEmptyDir()).isNotNull();
        assertThat(tmp.getReadOnly()).isIn(null, false);

        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        for (String r : List.of("cpu", "memory")) {
            assertThat(Quantity.getAmountInBytes(requests.get(r)))
                    .as(r + " request <= limit")
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(r)));
        }
        assertThat(env(c, "JAVA_OPTS")).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(pod.getVolumes()).noneMatch(v -> v.getHostPath() != null && !isReadOnlyMounted(c, v.getName()));
    }

    private static boolean isReadOnlyMounted(Container c, String volume) {
        return c.getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume))
                .allMatch(m -> Boolean.TRUE.equals(m.getReadOnly()));
    }
}
