package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The generated warm-up config is a valid cluster that exercises every part of the parser. */
class ParserWarmUpTest {

    @Test
    void generatesAConfigThatParsesIntoAFullCluster() throws ConfigException {
        ClusterSnapshot s = new ConfigParser(new ObjectMapper(), false).parse(ParserWarmUp.generate());

        assertThat(s.nodes()).hasSize(200);
        assertThat(s.instances()).hasSize(2000);
        assertThat(s.cluster().master().name()).isEqualTo("node0.warm.example");
        assertThat(s.drbdMinors(s.nodes().get("n1"))).isNotEmpty();
        assertThat(s.ipsOnLink("br0")).hasSize(2000);
        s.document().normalizeAll();
        assertThat(s.instances().get("i7").json()).asString().contains("\"tags\":[\"a\",\"z\"]");
    }

    @Test
    void handsEveryRoundsSnapshotToThePreparers() {
        List<ClusterSnapshot> prepared = new ArrayList<>();

        ParserWarmUp.run(new ConfigParser(new ObjectMapper(), false), prepared::add);

        assertThat(prepared).hasSizeGreaterThan(1).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s.instances()).hasSize(2000));
    }
}
