package io.ganeticonfd.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses {@code config.data} (any layout Ganeti 2.7 to 3.x writes) into a {@link ClusterSnapshot}.
 * One streaming pass: what the queries index (node names and roles, instance NICs and disks, DRBD
 * devices) is read straight off the parser; every object of the large maps is only located in the
 * file and served through its {@link ObjectModel} later, off the request path. Lenient: members Ganeti
 * does not know are ignored and missing optional ones take Ganeti's defaults ({@link ConfigDataModel}). Pure: no I/O, thread-safe.
 */
public final class ConfigParser {

    private final ObjectMapper mapper;
    /** The factory of the one streaming pass over a whole file: no member-name table (see the constructor). */
    private final JsonFactory streaming;

    private final boolean redactPrivate;

    /** A parser; with {@code redactPrivate}, private OS parameters and DRBD secrets are served redacted. */
    public ConfigParser(ObjectMapper mapper, boolean redactPrivate) {
        // Entry keys are tens of thousands of distinct UUIDs: interning them costs more than the whole
        // rest of the field names save (JVM-wide intern cache churn), so names are canonicalized per
        // parse only.
        JsonFactory factory = mapper.getFactory()
                .rebuild()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .build();
        this.mapper = mapper.copyWith(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // Nor are they canonicalized in the streaming pass over the whole file (see ConfigFileParser).
        this.streaming = factory.rebuild()
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build();
        this.redactPrivate = redactPrivate;
    }

    /** Parses the bytes of a config file. */
    public ClusterSnapshot parse(byte[] data) throws ConfigException {
        SnapshotBuilder builder = new SnapshotBuilder(mapper, new EntryStore(data, mapper, redactPrivate));
        try (JsonParser p = ConfigFileParser.of(streaming, data)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ConfigException("empty file");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                Member member = ConfigDataModel.CONFIG_DATA.member(name);
                if (member == null || value == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                } else if (ConfigDataModel.ENTRY_MAPS.containsKey(name)) {
                    readEntries(data, p, name, value, builder);
                } else if (name.equals("cluster") && value == JsonToken.START_OBJECT) {
                    builder.cluster(ClusterModel.CLUSTER.serve(mapper.readTree(p), redactPrivate));
                } else {
                    builder.top(name, member.shape().serve(mapper.readTree(p), null, redactPrivate));
                }
            }
            builder.topDefaults(ConfigDataModel.CONFIG_DATA);
            if (p.nextToken() != null) {
                throw new ConfigException("trailing data after the configuration object");
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException("invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " at line " + e.getLocation().getLineNr() + " column "
                                    + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new ConfigException("cannot read: " + e.getMessage());
        }
        return builder.build();
    }

    /**
     * Where {@code p} is in {@code data}: just past the brace {@code brace} of the token it returned.
     * Checked, because the entries are sliced out of the file at these offsets.
     */
    private static int offset(JsonParser p, byte[] data, char brace) {
        long at = p.currentLocation().getByteOffset();
        if (at < 1 || at > data.length || data[(int) at - 1] != brace) {
            throw new IllegalStateException("the JSON parser reported offset " + at + " for a '" + brace + "'");
        }
        return (int) at;
    }

    private static void readEntries(byte[] data, JsonParser p, String section, JsonToken value, SnapshotBuilder builder)
            throws IOException, ConfigException {
        if (value != JsonToken.START_OBJECT) {
            throw new ConfigException("'" + section + "' is not an object");
        }
        builder.section(section);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ConfigException(singular(section) + " " + key + " is not an object");
            }
            int start = offset(p, data, '{') - 1;
            switch (section) {
                case "nodes" -> builder.node(EntryReader.node(p, key));
                case "instances" -> builder.instance(EntryReader.instance(p, key));
                case "disks" -> builder.disk(key, EntryReader.disk(p, true));
                default -> p.skipChildren();
            }
            builder.located(section, key, start, offset(p, data, '}'));
        }
    }

    private static String singular(String section) {
        return section.equals("nodegroups") ? "node group" : section.substring(0, section.length() - 1);
    }
}
