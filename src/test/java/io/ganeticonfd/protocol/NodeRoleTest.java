package io.ganeticonfd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Node role codes answered by NODE_ROLE_BYNAME. */
class NodeRoleTest {

    @ParameterizedTest
    @CsvSource({"MASTER, 0", "CANDIDATE, 1", "OFFLINE, 2", "DRAINED, 3", "REGULAR, 4"})
    void carriesGanetisWireCode(NodeRole role, int code) {
        assertThat(role.code()).isEqualTo(code);
    }

    @Test
    void hasUniqueCodes() {
        assertThat(NodeRole.values()).hasSize(5);
        assertThat(Arrays.stream(NodeRole.values()).mapToInt(NodeRole::code)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(NodeRole.class)
    void roundTripsThroughItsCode(NodeRole role) {
        assertThat(NodeRole.fromCode(role.code())).contains(role);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 5, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void hasNoRoleForOtherCodes(int code) {
        assertThat(NodeRole.fromCode(code)).isEmpty();
    }
}
