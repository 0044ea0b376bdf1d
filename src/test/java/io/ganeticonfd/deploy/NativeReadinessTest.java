package io.ganeticonfd.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ganeticonfd.http.StatusDocument;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What docs/deploying.md ("Native") relies on: the reflection a native image must be told about. */
class NativeReadinessTest {

    @Test
    void statusDocumentAndItsNestedRecordsAreRegisteredForJackson() {
        RegisterForReflection r = StatusDocument.class.getAnnotation(RegisterForReflection.class);
        assertThat(r).as("the status route serializes StatusDocument itself").isNotNull();
        assertThat(r.ignoreNested())
                .as("ConfigFile, HmacKeyInfo and Udp are registered with it")
                .isFalse();
        assertThat(List.of(StatusDocument.class.getDeclaredClasses()))
                .extracting(Class::getSimpleName)
                .contains("ConfigFile", "HmacKeyInfo", "Udp");
    }
}
