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

    /** An instance before its node and disk references are resolved. */
    record RawInstance(
            String key, String name, String primaryRef, long serial, List<RawNic> nics, List<DiskRef> diskRefs) {}

    /** A NIC's IP and its own link (null where the NIC takes the cluster's default link). */
    record RawNic(String ip, String link) {}

    /** A member of an instance's {@code disks}: a disk UUID, an inline disk object, or something else. */
    sealed interface DiskRef {}

    /** A disk named by its UUID in the config's {@code disks} map (Ganeti 2.12 and later). */
    record DiskUuid(String uuid) implements DiskRef {}

    /** A disk object inside the instance, with its DRBD devices as read (Ganeti before 2.12). */
    record InlineDisk(int index, List<DrbdDevice> drbd) implements DiskRef {}

    /** A member that is neither a UUID nor an object: it makes the config invalid. */
    record InvalidDisk(int index) implements DiskRef {}

    private EntryReader() {}

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
                case "name" -> name = p.getValueAsString(name);
                case "primary_ip" -> primaryIp = text(p, v);
                case "master_candidate" -> candidate = p.getValueAsBoolean();
                case "offline" -> offline = p.getValueAsBoolean();
                case "drained" -> drained = p.getValueAsBoolean();
                case "serial_no" -> serial = p.getValueAsLong();
                default -> {
                    // skipped below, with any member of an unexpected type
                }
            }
            p.skipChildren();
        }
        return new Node(key, name, primaryIp, candidate, offline, drained, serial);
    }

    static RawInstance instance(JsonParser p, String key) throws IOException {
        String name = key;
        String primary = null;
        long serial = 0;
        List<RawNic> nics = new ArrayList<>();
        List<DiskRef> disks = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> name = p.getValueAsString(name);
                case "primary_node" -> primary = text(p, v);
                case "serial_no" -> serial = p.getValueAsLong();
                case "nics" -> nics(p, v, nics);
                case "disks" -> disks(p, v, disks);
                default -> {
                    // skipped below, with any member of an unexpected type
                }
            }
            p.skipChildren();
        }
        return new RawInstance(key, name, primary, serial, nics, disks);
    }

    /** The DRBD devices of a disk tree: the disk itself first (when DRBD), then its children depth first. */
    static List<DrbdDevice> disk(JsonParser p, boolean topLevel) throws IOException {
        String type = "";
        LogicalId id = null;
        List<DrbdDevice> children = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "dev_type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : skip(p, "");
                case "logical_id" -> id = LogicalId.read(p, v);
                case "children" -> children = children(p, v);
                default -> p.skipChildren();
            }
        }
        if (id == null || id.length() < 5 || !Disks.isDrbdType(type)) {
            return children;
        }
        List<DrbdDevice> out = new ArrayList<>(1 + children.size());
        out.add(new DrbdDevice(id.nodeA(), id.nodeB(), id.minorA(), id.minorB(), topLevel));
        out.addAll(children);
        return out;
    }

    private static List<DrbdDevice> children(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<DrbdDevice> children = null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            List<DrbdDevice> child = disk(p, false);
            if (!child.isEmpty()) {
                if (children == null) {
                    children = new ArrayList<>(child.size());
                }
                children.addAll(child);
            }
        }
        return children == null ? List.of() : children;
    }

    /**
     * What a DRBD {@code logical_id} holds ({@code [nodeA, nodeB, port, minorA, minorB, secret]}):
     * the node references as text, the minors as whole numbers (written as numbers or strings),
     * and how many members there are.
     */
    private record LogicalId(String nodeA, String nodeB, long minorA, long minorB, int length) {

        static LogicalId read(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                p.skipChildren();
                return null;
            }
            String nodeA = "";
            String nodeB = "";
            long minorA = 0;
            long minorB = 0;
            int length = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                switch (length++) {
                    case 0 -> nodeA = t.isScalarValue() ? p.getValueAsString("") : skip(p, "");
                    case 1 -> nodeB = t.isScalarValue() ? p.getValueAsString("") : skip(p, "");
                    case 3 -> minorA = wholeNumber(p, t);
                    case 4 -> minorB = wholeNumber(p, t);
                    default -> p.skipChildren();
                }
            }
            return new LogicalId(nodeA, nodeB, minorA, minorB, length);
        }
    }

    /** A number, or a string holding one, truncated to a whole number; 0 for anything else. */
    private static long wholeNumber(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NUMBER_INT ->
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parseLong(p.getText()) : p.getLongValue();
            case VALUE_NUMBER_FLOAT, VALUE_STRING -> parseLong(p.getText());
            default -> {
                p.skipChildren();
                yield 0;
            }
        };
    }

    private static void nics(JsonParser p, JsonToken v, List<RawNic> out) throws IOException {
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
            out.add(new RawNic(ip, link));
        }
    }

    private static void disks(JsonParser p, JsonToken v, List<DiskRef> out) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                out.add(new DiskUuid(p.getText()));
            } else if (p.currentToken() == JsonToken.START_OBJECT) {
                out.add(new InlineDisk(index, disk(p, true)));
            } else {
                p.skipChildren();
                out.add(new InvalidDisk(index));
            }
            index++;
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
