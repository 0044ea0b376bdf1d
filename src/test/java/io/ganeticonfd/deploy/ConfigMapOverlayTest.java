package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Patch;

/**
 * overlays/configmap, resolved here by applying its JSON patch to the base DaemonSet as kustomize
 * does: config.data from a ConfigMap, hmac.key from a Secret, both as directory mounts.
 */
class ConfigMapOverlayTest {

    static final Path OVERLAY = AppFacts.ROOT.resolve("deploy/kubernetes/overlays/configmap");

    static Patch patch() {
        Kustomization k = Manifests.kustomization(OVERLAY);
        assertThat(Manifests.unknownFields(k)).isEmpty();
        assertThat(k.getPatches()).hasSize(1);
        return k.getPatches().get(0);
    }

    static JsonNode baseDaemonSetTree() {
        return Manifests.tree(KubernetesManifestsTest.BASE.resolve("daemonset.yaml"));
    }

    static DaemonSet resolved() {
        JsonNode ops = Manifests.tree(OVERLAY.resolve(patch().getPath()));
        JsonNode patched = JsonPatch.apply(baseDaemonSetTree(), ops);
        DaemonSet ds = Manifests.convert(patched, DaemonSet.class);
        assertThat(Manifests.unknownFields(ds)).isEmpty();
        return ds;
    }

    @Test
    void overlayPatchesTheBaseDaemonSetOnly() {
        Kustomization k = Manifests.kustomization(OVERLAY);
        assertThat(k.getResources()).containsExactly("../../base");
        Patch p = patch();
        DaemonSet base = KubernetesManifestsTest.daemonSet();
        assertThat(p.getTarget().getKind()).isEqualTo(base.getKind());
        assertThat(p.getTarget().getGroup() + "/" + p.getTarget().getVersion()).isEqualTo(base.getApiVersion());
        assertThat(p.getTarget().getName()).isEqualTo(base.getMetadata().getName());
    }

    @Test
    void readsConfigFromAConfigMapAndTheKeyFromASecret() {
        DaemonSet ds = resolved();
        List<Volume> volumes = PodChecks.configAndKeyVolumes(ds);
        Volume config = volumes.get(0);
        Volume key = volumes.get(1);
        assertThat(config.getConfigMap()).as("config.data from a ConfigMap").isNotNull();
        assertThat(key.getSecret()).as("hmac.key from a Secret").isNotNull();
        var c = PodChecks.container(ds);
        assertThat(config.getConfigMap().getItems())
                .extracting(KeyToPath::getPath)
                .containsExactly(fileName(PodChecks.env(c, "CONFD_CONFIG_FILE")));
        assertThat(key.getSecret().getItems())
                .extracting(KeyToPath::getPath)
                .containsExactly(fileName(PodChecks.env(c, "CONFD_HMAC_KEY_FILE")));
        assertThat(fileName(AppFacts.configFile())).isEqualTo(fileName(PodChecks.env(c, "CONFD_CONFIG_FILE")));
        assertThat(fileName(AppFacts.keyFile())).isEqualTo(fileName(PodChecks.env(c, "CONFD_HMAC_KEY_FILE")));
        assertThat(key.getSecret().getDefaultMode() & 0007)
                .as("the key is not world-readable")
                .isZero();
        assertThat(ds.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup())
                .as("the projected files' group is the daemon's")
                .isEqualTo(ds.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getSecurityContext()
                        .getRunAsGroup());
    }

    @Test
    void leavesNoHostPathAndStaysHardened() throws Exception {
        DaemonSet ds = resolved();
        assertThat(ds.getSpec().getTemplate().getSpec().getVolumes()).allMatch(v -> v.getHostPath() == null);
        PodChecks.isHardened(ds);
        PodChecks.servesWhatTheApplicationServes(ds);
    }

    @Test
    void patchFailsLoudlyWhenTheBaseIsReordered() {
        ObjectNode base = (ObjectNode) baseDaemonSetTree();
        ArrayNode env = (ArrayNode) base.at("/spec/template/spec/containers/0/env");
        JsonNode first = env.remove(0);
        env.add(first);
        JsonNode ops = Manifests.tree(OVERLAY.resolve(patch().getPath()));
        assertThatThrownBy(() -> JsonPatch.apply(base, ops)).hasMessageContaining("test failed");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
