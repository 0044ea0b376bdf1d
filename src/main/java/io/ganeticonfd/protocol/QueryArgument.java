package io.ganeticonfd.protocol;

import java.util.List;

/** The query argument of a request: absent, a plain string, or a dict. */
public sealed interface QueryArgument {

    /** No argument (member absent or null). */
    record None() implements QueryArgument {
        /** The one instance. */
        public static final None INSTANCE = new None();
    }

    /** A plain string argument: a name, link or JSON pointer. */
    record Plain(String value) implements QueryArgument {}

    /**
     * A dict argument. {@code link} and {@code ip} are null when absent; {@code ips} and
     * {@code fields} are empty when absent.
     */
    record Dict(String link, String ip, List<String> ips, List<MasterField> fields) implements QueryArgument {
        /** The empty dict. */
        public static final Dict EMPTY = new Dict(null, null, List.of(), List.of());

        public Dict {
            ips = List.copyOf(ips);
            fields = List.copyOf(fields);
        }
    }
}
