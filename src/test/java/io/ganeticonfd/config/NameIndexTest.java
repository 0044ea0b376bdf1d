package io.ganeticonfd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ganeti's lookup order: exact key, exact name, then a unique short name (PROTOCOL.md §4). */
class NameIndexTest {

    record Item(String key, String name) {}

    static final Item NODE1_COM = new Item("6b3e-0001", "node1.example.com");
    static final Item NODE1_ORG = new Item("6b3e-0002", "node1.example.org");
    static final Item NODE2 = new Item("6b3e-0003", "node2.example.com");
    static final Item DB = new Item("6b3e-0004", "db");
    static final Item DB_LONG = new Item("6b3e-0005", "db.example.com");
    static final Item DEEP = new Item("6b3e-0006", "a.b.c.example.net");

    final NameIndex<Item> index = index(NODE1_COM, NODE1_ORG, NODE2, DB, DB_LONG, DEEP);

    static NameIndex<Item> index(Item... items) {
        Map<String, Item> byKey = new TreeMap<>();
        for (Item i : items) {
            byKey.put(i.key(), i);
        }
        return new NameIndex<>(byKey, Item::name);
    }

    static NameIndex.Lookup<Item> found(Item item) {
        return new NameIndex.Lookup.Found<>(item);
    }

    @Test
    void findsByKey() {
        assertThat(index.find("6b3e-0003")).isEqualTo(found(NODE2));
    }

    @Test
    void findsByExactName() {
        assertThat(index.find("node1.example.org")).isEqualTo(found(NODE1_ORG));
        assertThat(index.find("node2.example.com")).isEqualTo(found(NODE2));
    }

    @Test
    void findsByUniqueShortName() {
        assertThat(index.find("node2")).isEqualTo(found(NODE2));
        assertThat(index.find("node2.example")).isEqualTo(found(NODE2));
        assertThat(index.find("a")).isEqualTo(found(DEEP));
        assertThat(index.find("a.b.c")).isEqualTo(found(DEEP));
    }

    @Test
    void reportsAmbiguousShortNames() {
        assertThat(index.find("node1")).isInstanceOf(NameIndex.Lookup.Ambiguous.class);
        assertThat(index.find("node1.example")).isInstanceOf(NameIndex.Lookup.Ambiguous.class);
    }

    @Test
    void prefersAnExactNameOverShortNameMatches() {
        assertThat(index.find("db")).isEqualTo(found(DB));
        assertThat(index.find("db.example")).isEqualTo(found(DB_LONG));
    }

    @Test
    void prefersAKeyOverAName() {
        Item named = new Item("k1", "k2");
        Item keyed = new Item("k2", "other.example.com");

        assertThat(index(named, keyed).find("k2")).isEqualTo(found(keyed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NODE2", "Node2.example.com", "node2.EXAMPLE.com", "6B3E-0003"})
    void matchesCaseSensitively(String query) {
        assertThat(index.find(query)).isInstanceOf(NameIndex.Lookup.NotFound.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "node2.",
                "node2.example.",
                "nod",
                "node",
                "node2.exa",
                "",
                ".",
                "example.com",
                "com",
                "node2.example.com.",
                " node2",
                "node2 "
            })
    void findsNothingForPartialLabelsTrailingDotsOrEmptyString(String query) {
        assertThat(index.find(query)).isInstanceOf(NameIndex.Lookup.NotFound.class);
    }

    @Test
    void looksUpByKeyOrNameButNeverByShortName() {
        assertThat(index.byKeyOrName("6b3e-0001")).isSameAs(NODE1_COM);
        assertThat(index.byKeyOrName("node2.example.com")).isSameAs(NODE2);
        assertThat(index.byKeyOrName("node2")).isNull();
        assertThat(index.byKeyOrName("unknown")).isNull();
    }

    @Test
    void skipsValuesWithoutName() {
        Map<String, Item> byKey = new LinkedHashMap<>();
        byKey.put("k", new Item("k", null));

        NameIndex<Item> idx = new NameIndex<>(byKey, Item::name);

        assertThat(idx.find("k")).isEqualTo(found(byKey.get("k")));
        assertThat(idx.find("null")).isInstanceOf(NameIndex.Lookup.NotFound.class);
    }
}
