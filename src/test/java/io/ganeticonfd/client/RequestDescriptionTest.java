package io.ganeticonfd.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.protocol.MasterField;
import io.ganeticonfd.protocol.QueryArgument;
import io.ganeticonfd.protocol.RequestType;

/** The one description of each request type: argument shape, name, decoding and text. */
class RequestDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void describesEveryTypeOnceUnderItsOwnNameAndSynopsis(RequestType type) {
        RequestDescription<?> d = RequestDescription.of(type);

        assertThat(d.type()).isEqualTo(type);
        assertThat(RequestDescription.all().get(type.code())).isSameAs(d);
        assertThat(d.synopsis()).startsWith(type.cliName());
        assertThat(d.summary()).isNotBlank();
        assertThat(d.argumentName() == null).isEqualTo(d.argument() == RequestDescription.Argument.NONE);
    }

    @Test
    void makesEachArgumentShape() {
        assertThat(RequestDescription.PING.query(null, null, null)).isEqualTo(QueryArgument.None.INSTANCE);
        assertThat(RequestDescription.NODE_ROLE.query("node1", null, null)).isEqualTo(new QueryArgument.Plain("node1"));
        assertThat(RequestDescription.NODE_PIP_BY_INSTANCE_IP.query("192.0.2.1", "br0", null))
                .isEqualTo(new QueryArgument.Dict("br0", "192.0.2.1", List.of(), List.of()));
        assertThat(RequestDescription.CLUSTER_MASTER.query(null, null, List.of(MasterField.MASTER_IP)))
                .isEqualTo(new QueryArgument.Dict(null, null, List.of(), List.of(MasterField.MASTER_IP)));
        assertThat(RequestDescription.CLUSTER_MASTER.query(null, null, null)).isEqualTo(QueryArgument.None.INSTANCE);
    }

    @Test
    void showsDecodedAnswersAndFallsBackToJsonForAnUnexpectedShape() throws Exception {
        assertThat(RequestDescription.PING.text(QueryArgument.None.INSTANCE, json("3000000")))
                .isEqualTo(new AnswerText("config version 3000000", List.of()));
        assertThat(RequestDescription.NODE_ROLE
                        .text(QueryArgument.None.INSTANCE, json("2"))
                        .value())
                .isEqualTo("offline");
        assertThat(RequestDescription.NODE_PIP_LIST
                        .text(QueryArgument.None.INSTANCE, json("[\"a\", \"b\"]"))
                        .lines())
                .containsExactly("a", "b");
        QueryArgument fields = RequestDescription.CLUSTER_MASTER.query(
                null, null, List.of(MasterField.NODE_PRIMARY_IP, MasterField.NAME));
        assertThat(RequestDescription.CLUSTER_MASTER
                        .text(fields, json("[\"172.16.0.1\", \"node1\"]"))
                        .lines())
                .containsExactly("node-primary-ip: 172.16.0.1", "name: node1");
        assertThat(RequestDescription.NODE_PIP_LIST
                        .text(QueryArgument.None.INSTANCE, json("{\"x\": 1}"))
                        .lines())
                .containsExactly("{", "  \"x\" : 1", "}");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
