package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CLUSTER_MASTER field codes. */
class MasterFieldTest {

    @ParameterizedTest
    @CsvSource({"NAME, 0", "MASTER_IP, 1", "NODE_PRIMARY_IP, 2"})
    void carriesGanetisWireCode(MasterField field, int code) {
        assertThat(field.code()).isEqualTo(code);
    }

    @Test
    void hasUniqueCodes() {
        assertThat(MasterField.values()).hasSize(3);
        assertThat(Arrays.stream(MasterField.values()).mapToInt(MasterField::code))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(MasterField.class)
    void roundTripsThroughItsCode(MasterField field) {
        assertThat(MasterField.fromCode(field.code())).contains(field);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void hasNoFieldForOtherCodes(int code) {
        assertThat(MasterField.fromCode(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"NAME, name", "MASTER_IP, master-ip", "NODE_PRIMARY_IP, node-primary-ip"})
    void isFoundByItsCommandLineNameOrCode(MasterField field, String name) {
        assertThat(field.cliName()).isEqualTo(name);
        assertThat(MasterField.fromName(name)).contains(field);
        assertThat(MasterField.fromName(Integer.toString(field.code()))).contains(field);
        assertThat(MasterField.fromName(field.name())).isEmpty();
    }
}
