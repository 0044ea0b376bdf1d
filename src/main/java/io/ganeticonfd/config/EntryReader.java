package io.ganeticonfd.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads what the queries need from a node, instance or disk object straight off the parser,
 * skipping everything else without building a tree. Lenient: members of an unexpected type are
 * skipped. Each method starts on the object's START_OBJECT and ends on its END_OBJECT.
 */
final class EntryReader {

    /**
     * An instance before its node and disk references are resolved. A disk ref is a UUID, an
     * {@link InlineDisk}, or null for a member that is neither (which makes the config invalid).
     */
    record RawInstance(String key, String name, String primaryRef, long serial, List<String[]> nics,
            List<Object> diskRefs) {
    }

    /** A disk object's DRBD devices, as read (an inline disk of a 2.x instance). */
    record InlineDisk(int index, List<DrbdDevice> drbd) {
    }

    private EntryReader() {
    }

    static Node node(JsonParser p, String key) throws IOException {
        String name = key;
        String primaryIp = null;
        boolean candidate = false;
        boolean offline = false;
        boolean drained = false;
        long serial = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> name = v.isScalarValue() ? p.getValueAsString(name) : skip(p, name);
                case "primary_ip" -> primaryIp = text(p, v);
                case "master_candidate" -> candidate = p.getValueAsBoolean();
                case "offline" -> offline = p.getValueAsBoolean();
                case "drained" -> drained = p.getValueAsBoolean();
                case "serial_no" -> serial = p.getValueAsLong();
                default -> p.skipChildren();
            }
            p.skipChildren();
        }
        return new Node(key, name, primaryIp, candidate, offline, drained, serial);
    }

    static RawInstance instance(JsonParser p, String key) throws IOException {
        String name = key;
        String primary = null;
        long serial = 0;
        List<String[]> nics = new ArrayList<>();
        List<Object> disks = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> name = v.isScalarValue() ? p.getValueAsString(name) : skip(p, name);
                case "primary_node" -> primary = text(p, v);
                case "serial_no" -> serial = p.getValueAsLong();
                case "nics" -> nics(p, v, nics);
                case "disks" -> disks(p, v, disks);
                default -> p.skipChildren();
            }
        }
        return new RawInstance(key, name, primary, serial, nics, disks);
    }

    /** The DRBD devices of a disk tree: the disk itself first (when DRBD), then its children depth first. */
    static List<DrbdDevice> disk(JsonParser p, boolean topLevel) throws IOException {
        String type = "";
        List<String> id = new ArrayList<>(6);
        List<DrbdDevice> children = new ArrayList<>(0);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "dev_type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : skip(p, "");
                case "logical_id" -> logicalId(p, v, id);
                case "children" -> {
                    if (v == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() == JsonToken.START_OBJECT) {
                                children.addAll(disk(p, false));
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        boolean drbd = Disks.isDrbdType(type) && id.size() >= 5;
        if (!drbd) {
            return children.isEmpty() ? List.of() : children;
        }
        List<DrbdDevice> out = new ArrayList<>(1 + children.size());
        out.add(new DrbdDevice(id.get(0), id.get(1), parseLong(id.get(3)), parseLong(id.get(4)), topLevel));
        out.addAll(children);
        return out;
    }

    private static void nics(JsonParser p, JsonToken v, List<String[]> out) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String ip = null;
            String link = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken fv = p.nextToken();
                if (field.equals("ip")) {
                    ip = text(p, fv);
                } else if (field.equals("nicparams") && fv == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String param = p.currentName();
                        JsonToken pv = p.nextToken();
                        if (param.equals("link")) {
                            link = text(p, pv);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            out.add(new String[] {ip, link});
        }
    }

    private static void disks(JsonParser p, JsonToken v, List<Object> out) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                out.add(new InlineDisk(index, disk(p, true)));
            } else {
                p.skipChildren();
                out.add(null);
            }
            index++;
        }
    }

    private static void logicalId(JsonParser p, JsonToken v, List<String> out) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.currentToken().isScalarValue() ? p.getValueAsString("") : skip(p, ""));
        }
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        return v.isScalarValue() ? p.getValueAsString() : skip(p, null);
    }

    private static String skip(JsonParser p, String fallback) throws IOException {
        p.skipChildren();
        return fallback;
    }

    private static long parseLong(String s) {
        try {
            return (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
