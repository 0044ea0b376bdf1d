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
        record Found<T>(T value) implements Lookup<T> {
        }

        /** No match. */
        record NotFound<T>() implements Lookup<T> {
        }

        /** Several short-name matches. */
        record Ambiguous<T>() implements Lookup<T> {
        }
    }

    private final Map<String, T> byKey;
    private final Map<String, T> byName = new HashMap<>();
    private final Map<String, T> byShortName = new HashMap<>();

    /** An index over {@code byKey}, whose values are named by {@code name}. */
    public NameIndex(Map<String, T> byKey, Function<T, String> name) {
        this.byKey = byKey;
        Map<String, Boolean> ambiguous = new HashMap<>();
        for (T value : byKey.values()) {
            String n = name.apply(value);
            if (n == null) {
                continue;
            }
            byName.putIfAbsent(n, value);
            for (int i = n.indexOf('.'); i > 0; i = n.indexOf('.', i + 1)) {
                String shortName = n.substring(0, i);
                T previous = byShortName.putIfAbsent(shortName, value);
                if (previous != null && previous != value) {
                    ambiguous.put(shortName, Boolean.TRUE);
                }
            }
        }
        ambiguous.keySet().forEach(k -> byShortName.put(k, null));
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
        if (!byShortName.containsKey(query)) {
            return new Lookup.NotFound<>();
        }
        T shortMatch = byShortName.get(query);
        return shortMatch == null ? new Lookup.Ambiguous<>() : new Lookup.Found<>(shortMatch);
    }

    /** The value with this exact key or, failing that, this exact name; null if none. */
    public T byKeyOrName(String keyOrName) {
        T v = byKey.get(keyOrName);
        return v != null ? v : byName.get(keyOrName);
    }
}
