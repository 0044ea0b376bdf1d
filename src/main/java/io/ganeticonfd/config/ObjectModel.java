package io.ganeticonfd.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One kind of Ganeti config object as Ganeti 3.0's typed model has it: its members, in the order
 * Ganeti writes them. {@link #serve} turns a stored object into the object Ganeti's daemon serves
 * for it: known members only, absent or null ones with their defaults, each served by its shape.
 */
record ObjectModel(String kind, List<Member> members) {

    ObjectModel {
        members = List.copyOf(members);
    }

    /** A model from groups of members. */
    @SafeVarargs
    static ObjectModel of(String kind, Collection<Member>... groups) {
        List<Member> all = new ArrayList<>();
        for (Collection<Member> g : groups) {
            all.addAll(g);
        }
        return new ObjectModel(kind, all);
    }

    /** The member called {@code name}, or null if this kind has none. */
    Member member(String name) {
        for (Member m : members) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** The served form of {@code stored} (which may be changed in the process); {@code redact} hides private values. */
    ObjectNode serve(ObjectNode stored, boolean redact) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Member m : members) {
            JsonNode value = served(m, stored, redact);
            if (value != null) {
                out.set(m.name(), value);
            }
        }
        return out;
    }

    /** The served value of member {@code m} of {@code stored}, or null when it is not served. */
    static JsonNode served(Member m, ObjectNode stored, boolean redact) {
        JsonNode value = stored.get(m.name());
        if (value == null || value.isNull()) {
            return m.presence() == Presence.DEFAULTED ? m.fallback().deepCopy() : null;
        }
        JsonNode out = m.shape().serve(value, stored, redact);
        if (m.presence() == Presence.OMITTED_WHEN_EMPTY && out.isContainerNode() && out.isEmpty()) {
            return null;
        }
        return out;
    }
}
