package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Wire codes and command-line names of the twelve request types. */
class RequestTypeTest {

    @ParameterizedTest
    @CsvSource({
        "PING, 0, ping", "NODE_ROLE_BYNAME, 1, node-role", "NODE_PIP_BY_INSTANCE_IP, 2, node-pip-by-instance-ip",
        "CLUSTER_MASTER, 3, master", "NODE_PIP_LIST, 4, node-pips", "MC_PIP_LIST, 5, mc-pips",
        "INSTANCES_IPS_LIST, 6, instance-ips", "NODE_DRBD, 7, node-drbd", "NODE_INSTANCES, 8, node-instances",
        "INSTANCE_DISKS, 9, instance-disks", "CONFIG_QUERY, 10, config", "DATA_COLLECTORS, 11, data-collectors"
    })
    void carriesGanetisWireCodeAndItsCommandLineName(RequestType type, int code, String cliName) {
        assertThat(type.code()).isEqualTo(code);
        assertThat(type.cliName()).isEqualTo(cliName);
    }

    @Test
    void hasExactlyTwelveTypesWithUniqueCodesAndNames() {
        assertThat(RequestType.values()).hasSize(12);
        assertThat(Arrays.stream(RequestType.values()).mapToInt(RequestType::code))
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(RequestType.values()).map(RequestType::cliName))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void roundTripsThroughItsCode(RequestType type) {
        assertThat(RequestType.fromCode(type.code())).contains(type);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 12, 13, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void hasNoTypeForCodesOutsideZeroToEleven(int code) {
        assertThat(RequestType.fromCode(code)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void isFoundByCommandLineNameEnumNameInAnyCaseAndDecimalCode(RequestType type) {
        assertThat(RequestType.fromName(type.cliName())).contains(type);
        assertThat(RequestType.fromName(type.name())).contains(type);
        assertThat(RequestType.fromName(type.name().toLowerCase(Locale.ROOT))).contains(type);
        assertThat(RequestType.fromName(Integer.toString(type.code()))).contains(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pings", "Ping-", "node_role", "12", "-1", " 3", "3 ", "0x3", "1.0", "master-ip"})
    void findsNothingForOtherNames(String name) {
        assertThat(RequestType.fromName(name)).isEmpty();
    }

    @Test
    void matchesCommandLineNamesExactly() {
        assertThat(RequestType.fromName("Master")).isEmpty();
        assertThat(RequestType.fromName("NODE-ROLE")).isEmpty();
    }
}
