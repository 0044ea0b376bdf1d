package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.openshift.api.model.monitoring.v1.PodMetricsEndpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;

/** The kustomize base in deploy/kubernetes/base, loaded into fabric8's model and checked against the application. */
class KubernetesManifestsTest {

    static final Path BASE = AppFacts.ROOT.resolve("deploy/kubernetes/base");
    static final String MASTER_CANDIDATE_LABEL = "ganeti.org/master-candidate";
    static final List<String> APP_LABELS = List.of(
            "app.kubernetes.io/name",
            "app.kubernetes.io/component",
            "app.kubernetes.io/part-of",
            "app.kubernetes.io/version");

    static Stream<Path> baseResources() {
        return Manifests.resources(BASE).stream();
    }

    static <T> T baseObject(Class<T> type) {
        return baseResources()
                .map(Manifests::load)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in the base"));
    }

    static DaemonSet daemonSet() {
        return baseObject(DaemonSet.class);
    }

    /** The app labels every object carries (the DaemonSet's), and the selector: the same without version. */
    static Map<String, String> appLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        APP_LABELS.forEach(
                k -> labels.put(k, daemonSet().getMetadata().getLabels().get(k)));
        return labels;
    }

    static Map<String, String> selectorLabels() {
        Map<String, String> s = new LinkedHashMap<>(appLabels());
        s.remove("app.kubernetes.io/version");
        return s;
    }

    @ParameterizedTest
    @MethodSource("baseResources")
    void everyResourceIsAKnownKindWithOnlyKnownFields(Path file) {
        HasMetadata o = Manifests.load(file);
        assertThat(Manifests.unknownFields(o)).as(file.getFileName().toString()).isEmpty();
        assertThat(file.getFileName().toString())
                .as("one object per file, named by kind")
                .isEqualTo(o.getKind().toLowerCase(Locale.ROOT) + ".yaml");
    }

    @Test
    void kustomizationListsEveryManifestOfTheDirectory() throws IOException {
        Kustomization k = Manifests.kustomization(BASE);
        assertThat(Manifests.unknownFields(k)).isEmpty();
        try (Stream<Path> files = Files.list(BASE)) {
            assertThat(files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                            .map(Path::normalize))
                    .containsExactlyInAnyOrderElementsOf(Manifests.resources(BASE));
        }
    }

    @Test
    void everyObjectCarriesTheSameAppLabelsAndNamespace() {
        Map<String, String> labels = appLabels();
        assertThat(labels).doesNotContainValue(null);
        assertThat(labels.get("app.kubernetes.io/version")).isEqualTo(AppFacts.version());
        String namespace = Manifests.kustomization(BASE).getNamespace();
        baseResources().map(Manifests::load).forEach(o -> {
            assertThat(o.getMetadata().getLabels()).as(o.getKind()).containsAllEntriesOf(labels);
            if (!(o instanceof Namespace)) {
                assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo(namespace);
            } else {
                assertThat(o.getMetadata().getName()).isEqualTo(namespace);
            }
        });
        assertThat(daemonSet().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(labels);
    }

    @Test
    void selectorsLeaveOutTheVersion() {
        Map<String, String> selector = selectorLabels();
        assertThat(daemonSet().getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
        assertThat(baseObject(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(selector);
        assertThat(baseObject(PodMonitor.class).getSpec().getSelector().getMatchLabels())
                .isEqualTo(selector);
    }

    @Test
    void imageTagIsTheProjectVersion() {
        var images = Manifests.kustomization(BASE).getImages();
        assertThat(images).hasSize(1);
        assertThat(images.get(0).getName())
                .isEqualTo(PodChecks.container(daemonSet()).getImage());
        assertThat(images.get(0).getNewTag()).isEqualTo(AppFacts.version());
    }

    @Test
    void runsOnMasterCandidatesOnTheHostNetwork() {
        var ds = daemonSet();
        var pod = ds.getSpec().getTemplate().getSpec();
        assertThat(pod.getNodeSelector()).containsEntry(MASTER_CANDIDATE_LABEL, "true");
        assertThat(pod.getHostNetwork()).isTrue();
        assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
        assertThat(pod.getTolerations())
                .extracting(Toleration::getKey, Toleration::getOperator, Toleration::getEffect)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "node-role.kubernetes.io/control-plane", "Exists", "NoSchedule"));
        assertThat(ds.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(ds.getSpec()
                        .getUpdateStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
    }

    @Test
    void portsProbesAndFlagsMatchTheApplication() throws Exception {
        PodChecks.servesWhatTheApplicationServes(daemonSet());
    }

    @Test
    void readsConfigAndKeyFromTheNodesGanetiDirectoryReadOnly() {
        var ds = daemonSet();
        var c = PodChecks.container(ds);
        assertThat(PodChecks.env(c, "CONFD_CONFIG_FILE")).isEqualTo(AppFacts.configFile());
        assertThat(PodChecks.env(c, "CONFD_HMAC_KEY_FILE")).isEqualTo(AppFacts.keyFile());
        for (Volume v : PodChecks.configAndKeyVolumes(ds)) {
            assertThat(v.getHostPath()).as(v.getName()).isNotNull();
            assertThat(v.getHostPath().getType()).isEqualTo("Directory");
            assertThat(AppFacts.configFile()).startsWith(v.getHostPath().getPath() + "/");
        }
    }

    @Test
    void podIsHardened() {
        PodChecks.isHardened(daemonSet());
        ServiceAccount sa = baseObject(ServiceAccount.class);
        assertThat(sa.getAutomountServiceAccountToken()).isFalse();
        assertThat(daemonSet().getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(sa.getMetadata().getName());
    }

    @Test
    void networkPolicyAdmitsOnlyTheQueryAndHttpPorts() {
        NetworkPolicy np = baseObject(NetworkPolicy.class);
        assertThat(np.getSpec().getPolicyTypes()).contains("Ingress");
        assertThat(np.getSpec().getIngress()).hasSize(1);
        assertThat(np.getSpec().getIngress().get(0).getFrom()).isNullOrEmpty();
        assertThat(np.getSpec().getIngress().get(0).getPorts())
                .extracting(NetworkPolicyPort::getProtocol, p -> p.getPort().getIntVal())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("UDP", AppFacts.udpPort()),
                        org.assertj.core.groups.Tuple.tuple("TCP", AppFacts.httpPort()));
    }

    @Test
    void podMonitorScrapesTheMetricsEndpointOnTheHttpPort() {
        PodMonitor pm = baseObject(PodMonitor.class);
        assertThat(pm.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(pm.getSpec().getPodMetricsEndpoints()).hasSize(1);
        PodMetricsEndpoint e = pm.getSpec().getPodMetricsEndpoints().get(0);
        assertThat(e.getPath()).isEqualTo(AppFacts.metricsPath());
        assertThat(PodChecks.port(PodChecks.container(daemonSet()), e.getPort()).getContainerPort())
                .isEqualTo(AppFacts.httpPort());
        assertThat(daemonSet().getMetadata().getLabels())
                .containsKey(pm.getSpec().getJobLabel());
        assertThat(daemonSet().getMetadata().getLabels().get(pm.getSpec().getJobLabel()))
                .as("the job label the alert rules expect")
                .isEqualTo(MonitoringTest.JOB);
    }

    @Test
    void namespaceAllowsHostNetworkPods() {
        Namespace ns = baseObject(Namespace.class);
        assertThat(ns.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "privileged");
    }
}
