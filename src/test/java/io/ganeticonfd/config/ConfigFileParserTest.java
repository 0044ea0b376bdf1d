package io.ganeticonfd.config;

import static io.ganeticonfd.config.ConfigParserTest.loadError;
import static io.ganeticonfd.config.ConfigParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ganeticonfd.conformance.ConformanceVectors;

/**
 * {@link ConfigFileParser}: the non-blocking parser given a whole file reads it as a blocking one
 * would. Its end-of-input answer ({@code NOT_AVAILABLE}) never lets a truncated file through, trailing
 * whitespace is fine, and the byte offsets the entries are sliced at hold in any layout.
 */
class ConfigFileParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void refusesEveryTruncationOfAConfigInOneLine() {
        String config = ConfigLayouts.GANETI_3_0.config();
        int last = config.lastIndexOf('}');

        for (int cut = 1; cut <= last; cut++) {
            String prefix = config.substring(0, cut);
            if (!prefix.isBlank()) {
                assertThat(loadError(prefix)).as("cut at %d", cut).startsWith("invalid JSON: ");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n", " \r\n\t \n"})
    void acceptsWhitespaceAfterTheConfig(String after) throws ConfigException {
        assertThat(parse(ConfigLayouts.GANETI_3_0.config() + after).cluster().version())
                .isEqualTo(3000000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", " {}", "\n1", "]"})
    void refusesAnythingElseAfterTheConfig(String after) {
        assertThat(loadError(ConfigLayouts.GANETI_3_0.config() + after))
                .matches("invalid JSON: .*|trailing data after the configuration object");
    }

    @Test
    void servesTheSameDocumentFromACompactAndAnIndentedFile() throws Exception {
        for (String dir : ConformanceVectors.DIRECTORIES) {
            JsonNode tree = JSON.readTree(ConformanceVectors.read(dir, "config.data"));
            String compact = JSON.writeValueAsString(tree);
            String indented = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            String spaced = indented.replace(": ", " :\t").replace(",\n", "\r\n ,");

            JsonNode served = parse(compact).document().toTree();

            assertThat(parse(indented).document().toTree()).as(dir).isEqualTo(served);
            assertThat(parse(spaced).document().toTree()).as(dir).isEqualTo(served);
            assertThat(new ConfigParser(JSON, false)
                            .parse(ConformanceVectors.read(dir, "config.data"))
                            .document()
                            .toTree())
                    .isEqualTo(served);
        }
    }

    @Test
    void slicesEntriesAtByteOffsetsAfterMultiByteText() throws ConfigException {
        String config = ConfigLayouts.GANETI_3_0.config();
        String shifted =
                "{\"\u00e9t\u00e9\": \"\u00e9\u00e9\u00e9 \ud83d\ude00\", " + config.substring(config.indexOf('{') + 1);

        JsonNode served = parse(shifted).document().toTree();

        assertThat(served.path("nodes"))
                .isNotEmpty()
                .isEqualTo(parse(config).document().toTree().path("nodes"));
        assertThat(served.path("instances"))
                .isEqualTo(parse(config).document().toTree().path("instances"));
    }
}
