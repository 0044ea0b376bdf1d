package io.ganeticonfd.server;

import java.util.Map;

import io.ganeticonfd.conformance.ConformanceVectors;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Replays the synthetic 12-node, 60-instance vectors over UDP. */
@QuarkusTest
@TestProfile(UdpSyntheticConformanceTest.SyntheticProfile.class)
class UdpSyntheticConformanceTest extends UdpReplay {

    @Override
    String directory() {
        return "synthetic-n12-i60-g3-s1";
    }

    /** The daemon on the generated cluster. */
    public static class SyntheticProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String dir = ConformanceVectors.directory("synthetic-n12-i60-g3-s1").toString();
            return Map.of("confd.config.file", dir + "/config.data", "confd.hmac.key-file", dir + "/hmac.key");
        }
    }
}
