package io.ganeticonfd.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.RequestType;

/** Parsing of {@code bench --mix} specs and the queries their entries send. */
class BenchMixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String query(BenchMix.Entry e) {
        return QueryText.of(e, JSON).toString();
    }

    @Test
    void parsesTypesWeightsAndArguments() throws Exception {
        BenchMix mix = BenchMix.parse("0:20,node-role=node2.example.com:30,10=/cluster/cluster_name,6");

        assertThat(mix.entries())
                .containsExactly(
                        new BenchMix.Entry(RequestType.PING, null, false, 20),
                        new BenchMix.Entry(RequestType.NODE_ROLE_BYNAME, "node2.example.com", false, 30),
                        new BenchMix.Entry(RequestType.CONFIG_QUERY, "/cluster/cluster_name", false, 1),
                        new BenchMix.Entry(RequestType.INSTANCES_IPS_LIST, null, false, 1));
        assertThat(mix.totalWeight()).isEqualTo(52);
        assertThat(mix.spec()).isEqualTo("0:20,1=node2.example.com:30,10=/cluster/cluster_name:1,6:1");
    }

    @Test
    void mixedPresetIsTheIssueMix() throws Exception {
        assertThat(BenchMix.parse("mixed").spec()).isEqualTo("0:20,3:10,1:30,10:30,5:10");
        assertThat(BenchMix.parse("ping").spec()).isEqualTo("0:100");
    }

    @Test
    void presetCanBeExtended() throws Exception {
        assertThat(BenchMix.parse("mixed,11:5").entries()).hasSize(6);
    }

    @Test
    void weightIsWhatFollowsTheLastColonWhenItIsANumber() throws Exception {
        BenchMix mix = BenchMix.parse("10=/cluster/a:b:2.5,10=/x:y");

        assertThat(mix.entries().get(0).arg()).isEqualTo("/cluster/a:b");
        assertThat(mix.entries().get(0).weight()).isEqualTo(2.5);
        assertThat(mix.entries().get(1).arg()).isEqualTo("/x:y");
        assertThat(mix.entries().get(1).weight()).isEqualTo(1);
    }

    @Test
    void rawJsonQueriesAreValidatedAndKept() throws Exception {
        BenchMix.Entry e = BenchMix.parse("3=@{\"3\": [0, 1]}:4").entries().get(0);

        assertThat(e.raw()).isTrue();
        assertThat(query(e)).isEqualTo("{\"3\":[0,1]}");
        assertThatThrownBy(() -> BenchMix.parse("3=@{bad"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> BenchMix.parse("3=@1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1=node1|\"node1\"",
                "2=192.0.2.7|{\"1\": \"192.0.2.7\"}",
                "6=br0|\"br0\"",
                "10=/cluster/cluster_name|\"/cluster/cluster_name\"",
                "9=inst\"1|\"inst\\\"1\""
            })
    void plainArgumentsAreSentAsTheTypeExpects(String spec, String query) throws Exception {
        assertThat(query(BenchMix.parse(spec).entries().get(0)))
                .isEqualTo(JSON.readTree(query).toString());
    }

    @Test
    void entriesWithoutArgumentSendNoQuery() throws Exception {
        assertThat(QueryText.of(BenchMix.parse("6").entries().get(0), JSON)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|empty entry",
                "0:20,,3|empty entry",
                "12|unknown request type '12'",
                "nosuch:3|unknown request type 'nosuch'",
                "0:0|positive number",
                "0:x|bad weight 'x'",
                "3=foo|master takes no argument",
                "1=:5|empty argument"
            })
    void rejectsMalformedSpecs(String spec, String message) {
        assertThatThrownBy(() -> BenchMix.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void defaultsNeedDiscoveryOnlyForNodeAndInstanceArguments() throws Exception {
        assertThat(MixDefaults.needsDiscovery(BenchMix.parse("0,3,4,5,6,10,11")))
                .isFalse();
        assertThat(MixDefaults.needsDiscovery(BenchMix.parse("0,1"))).isTrue();
        assertThat(MixDefaults.needsDiscovery(BenchMix.parse("0,1=node1"))).isFalse();
        assertThat(MixDefaults.resolve(BenchMix.parse("10:3"), null).spec()).isEqualTo("10=/cluster/cluster_name:3");
    }
}
