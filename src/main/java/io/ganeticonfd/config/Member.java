package io.ganeticonfd.config;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One member of a Ganeti config object: its name, whether it must be there, its default (served
 * when absent or null, for {@link Presence#DEFAULTED}) and how its value is served.
 */
record Member(String name, Presence presence, JsonNode fallback, Shape shape) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Member required(String name) {
        return new Member(name, Presence.REQUIRED, null, Shape.VALUE);
    }

    static Member required(String name, Shape shape) {
        return new Member(name, Presence.REQUIRED, null, shape);
    }

    static Member optional(String name) {
        return new Member(name, Presence.OPTIONAL, null, Shape.VALUE);
    }

    static Member optional(String name, Shape shape) {
        return new Member(name, Presence.OPTIONAL, null, shape);
    }

    static Member defaulted(String name, JsonNode fallback, Shape shape) {
        return new Member(name, Presence.DEFAULTED, fallback, shape);
    }

    /** A member defaulting to the empty object. */
    static Member emptyObjectByDefault(String name, Shape shape) {
        return defaulted(name, NODES.objectNode(), shape);
    }

    /** A member defaulting to the empty list. */
    static Member emptyListByDefault(String name, Shape shape) {
        return defaulted(name, NODES.arrayNode(), shape);
    }

    /** A free-form map Ganeti leaves out of its output when empty or absent. */
    static Member omittedWhenEmpty(String name) {
        return new Member(name, Presence.OMITTED_WHEN_EMPTY, null, Shape.VALUE);
    }

    /** Every member named, required, served as it is stored (numbers normalized). */
    static List<Member> requiredValues(String... names) {
        return List.of(names).stream().map(Member::required).toList();
    }

    /** Every member named, optional, served as it is stored (numbers normalized). */
    static List<Member> optionalValues(String... names) {
        return List.of(names).stream().map(Member::optional).toList();
    }

    /** {@code ctime} and {@code mtime}: 0 when absent, through Ganeti's picosecond time type. */
    static List<Member> timestamps() {
        return List.of(
                defaulted("ctime", NODES.numberNode(0), Shape.TIMESTAMP),
                defaulted("mtime", NODES.numberNode(0), Shape.TIMESTAMP));
    }

    /** The tag set: empty when absent, sorted and without duplicates. */
    static Member tags() {
        return emptyListByDefault("tags", Shape.TAG_SET);
    }
}
