package io.ganeticonfd.config;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds nodes or instances as Ganeti does: by exact key (UUID), else exact name, else a unique
 * short name ({@code q} matches {@code n} when {@code n} starts with {@code q + "."}).
 */
public final class NameIndex<T> {

    /** Result of a lookup. */
    public sealed interface Lookup<T> {
        /** Exactly one match. */
        record Found<T>(T value) implements Lookup<T> {}

        /** No match. */
        record NotFound<T>() implements Lookup<T> {}

        /** Several short-name matches. */
        record Ambiguous<T>() implements Lookup<T> {}
    }

    private final Map<String, T> byKey;
    private final Function<T, String> name;
    private final Map<String, T> byName = new HashMap<>();
    private volatile Map<String, T> byShortName;

    /** An index over {@code byKey}, whose values are named by {@code name}; short names are indexed on first use. */
    public NameIndex(Map<String, T> byKey, Function<T, String> name) {
        this.byKey = byKey;
        this.name = name;
        for (T value : byKey.values()) {
            String n = name.apply(value);
            if (n != null) {
                byName.putIfAbsent(n, value);
            }
        }
    }

    /** Builds the short-name index now rather than on first use. */
    void complete() {
        shortNames();
    }

    private Map<String, T> shortNames() {
        Map<String, T> index = byShortName;
        if (index == null) {
            synchronized (this) {
                index = byShortName;
                if (index == null) {
                    index = buildShortNames();
                    byShortName = index;
                }
            }
        }
        return index;
    }

    private Map<String, T> buildShortNames() {
        Map<String, T> byShortName = new HashMap<>();
        Map<String, Boolean> ambiguous = new HashMap<>();
        for (T value : byKey.values()) {
            String n = name.apply(value);
            if (n == null) {
                continue;
            }
            for (int i = n.indexOf('.'); i > 0; i = n.indexOf('.', i + 1)) {
                String shortName = n.substring(0, i);
                T previous = byShortName.putIfAbsent(shortName, value);
                if (previous != null && previous != value) {
                    ambiguous.put(shortName, Boolean.TRUE);
                }
            }
        }
        ambiguous.keySet().forEach(k -> byShortName.put(k, null));
        return byShortName;
    }

    /** Looks {@code query} up by key, name, then short name. */
    public Lookup<T> find(String query) {
        T v = byKey.get(query);
        if (v == null) {
            v = byName.get(query);
        }
        if (v != null) {
            return new Lookup.Found<>(v);
        }
        Map<String, T> shortNames = shortNames();
        if (!shortNames.containsKey(query)) {
            return new Lookup.NotFound<>();
        }
        T shortMatch = shortNames.get(query);
        return shortMatch == null ? new Lookup.Ambiguous<>() : new Lookup.Found<>(shortMatch);
    }

    /** The value with this exact key or, failing that, this exact name; null if none. */
    public T byKeyOrName(String keyOrName) {
        T v = byKey.get(keyOrName);
        return v != null ? v : byName.get(keyOrName);
    }
}
