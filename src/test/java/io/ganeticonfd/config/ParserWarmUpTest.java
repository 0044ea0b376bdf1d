package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The generated warm-up config is a valid Ganeti 3.0 shaped cluster that exercises every part of
 * the parser, and the warm-up hands each round's snapshot to the preparers.
 */
class ParserWarmUpTest {

    final ConfigParser parser = new ConfigParser(new ObjectMapper(), false);

    @Test
    void generatesAFullClusterWithUuidKeys() throws ConfigException {
        ClusterSnapshot s = parser.parse(WarmUpConfig.generate());

        assertThat(s.nodes()).hasSize(WarmUpConfig.NODES);
        assertThat(s.instances()).hasSize(WarmUpConfig.INSTANCES);
        assertThat(s.cluster().master().name()).isEqualTo(WarmUpConfig.nodeName(0));
        assertThat(s.nodes().firstKey()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(s.findNode("node7")).isEqualTo(new NameIndex.Lookup.Found<>(s.nodes().get(WarmUpConfig.nodeKey(7))));
    }

    @Test
    void coversNicsDisksAndDrbdOfEveryKind() throws ConfigException {
        ClusterSnapshot s = parser.parse(WarmUpConfig.generate());
        Node second = s.nodes().get(WarmUpConfig.nodeKey(1));

        assertThat(s.drbdMinors(second)).isNotEmpty();
        assertThat(s.secondaryInstances(second)).isNotEmpty();
        assertThat(s.primaryInstances(second)).isNotEmpty();
        assertThat(s.instanceLinks()).contains("br0", "br2", "rt1");
        assertThat(s.instances().values()).extracting(i -> i.nics().size()).contains(0, 1, 2, 3);
        assertThat(s.instances().values()).extracting(i -> i.disks().size()).contains(0, 1, 2, 3);
        s.document().normalizeAll();
        Instance eighth = s.instances().get(WarmUpConfig.instanceKey(8));
        assertThat(eighth.json()).as("tags sorted").asString().contains("\"tags\":[\"batch\",\"zone-3\"]");
    }

    @Test
    void handsEveryRoundsSnapshotToThePreparers() {
        List<ClusterSnapshot> prepared = new ArrayList<>();

        ParserWarmUp.run(parser, prepared::add);

        assertThat(prepared).hasSizeGreaterThan(1).doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s.instances()).hasSize(WarmUpConfig.INSTANCES));
    }
}
