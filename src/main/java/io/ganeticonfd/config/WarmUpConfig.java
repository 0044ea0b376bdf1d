package io.ganeticonfd.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A generated mid-sized cluster shaped like the {@code config.data} Ganeti 3.0 writes: UUID keys,
 * nodes in groups, instances with zero to three NICs (bridged, routed, Open vSwitch, on networks or
 * not, with or without an IP) and zero to three disks of every template (DRBD with its two LVs,
 * plain, file, RBD, ...), node groups, networks with their reservation bitmaps, filters, and
 * fractional timestamps everywhere. Parsing it exercises the same code paths, with the same value
 * types, as a real configuration, so that what the JIT compiles for it also suits the real one.
 */
final class WarmUpConfig {

    static final int NODES = 200;
    static final int INSTANCES = 2000;
    static final int GROUPS = 4;
    static final int NETWORKS = 3;

    private static final String[] TEMPLATES = {"drbd", "plain", "drbd", "file", "rbd", "drbd", "ext", "sharedfile",
        "blockdev", "gluster"};
    private static final String[] NIC_MODES = {"bridged", "routed", "openvswitch"};

    private WarmUpConfig() {
    }

    /** The key (UUID) of node {@code n}. */
    static String nodeKey(int n) {
        return uuid(1, n);
    }

    /** The key (UUID) of instance {@code i}. */
    static String instanceKey(int i) {
        return uuid(2, i);
    }

    /** The name of node {@code n}. */
    static String nodeName(int n) {
        return "node" + n + ".warm-up.example";
    }

    static byte[] generate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INSTANCES * 2500);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            cluster(g);
            g.writeNumberField("ctime", 1500000000.123456);
            g.writeObjectFieldStart("disks");
            for (int i = 0; i < INSTANCES; i++) {
                for (int d = 0; d < diskCount(i); d++) {
                    g.writeFieldName(diskKey(i, d));
                    disk(g, i, d);
                }
            }
            g.writeEndObject();
            g.writeObjectFieldStart("filters");
            g.writeObjectFieldStart(uuid(9, 0));
            g.writeArrayFieldStart("action");
            g.writeString("RATE_LIMIT");
            g.writeNumber(3);
            g.writeEndArray();
            g.writeNumberField("priority", 10);
            g.writeStringField("uuid", uuid(9, 0));
            g.writeNumberField("watermark", 1001);
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("instances");
            for (int i = 0; i < INSTANCES; i++) {
                g.writeFieldName(instanceKey(i));
                instance(g, i);
            }
            g.writeEndObject();
            g.writeNumberField("mtime", 1600000000.654321);
            g.writeObjectFieldStart("networks");
            for (int n = 0; n < NETWORKS; n++) {
                g.writeObjectFieldStart(networkKey(n));
                stamps(g, n);
                g.writeStringField("ext_reservations", "1" + "0".repeat(254) + "1");
                g.writeStringField("network", "10." + n + ".0.0/24");
                g.writeStringField("name", "net" + n);
                g.writeStringField("reservations", "0".repeat(256));
                g.writeNumberField("serial_no", n + 1);
                g.writeStringField("uuid", networkKey(n));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("nodegroups");
            for (int n = 0; n < GROUPS; n++) {
                g.writeObjectFieldStart(groupKey(n));
                g.writeStringField("alloc_policy", "preferred");
                stamps(g, n);
                g.writeObjectFieldStart("ipolicy");
                g.writeArrayFieldStart("disk-templates");
                g.writeString("drbd");
                g.writeString("plain");
                g.writeEndArray();
                g.writeEndObject();
                g.writeStringField("name", "group" + n);
                g.writeObjectFieldStart("networks");
                g.writeObjectFieldStart(networkKey(n % NETWORKS));
                nicParams(g, n);
                g.writeEndObject();
                g.writeEndObject();
                g.writeNumberField("serial_no", n + 1);
                g.writeStringField("uuid", groupKey(n));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("nodes");
            for (int n = 0; n < NODES; n++) {
                g.writeFieldName(nodeKey(n));
                node(g, n);
            }
            g.writeEndObject();
            g.writeNumberField("serial_no", 7);
            g.writeNumberField("version", 3000000);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cluster(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("cluster");
        g.writeObjectFieldStart("beparams");
        g.writeObjectFieldStart("default");
        g.writeBooleanField("auto_balance", true);
        g.writeNumberField("maxmem", 128);
        g.writeNumberField("vcpus", 1);
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("cluster_name", "warm-up.example");
        g.writeObjectFieldStart("data_collectors");
        for (String c : new String[] {"cpu-avg-load", "diskstats", "drbd"}) {
            g.writeObjectFieldStart(c);
            g.writeBooleanField("active", !c.equals("drbd"));
            g.writeNumberField("interval", 5000000.0);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("enabled_hypervisors");
        g.writeString("kvm");
        g.writeString("xen-pvm");
        g.writeEndArray();
        g.writeStringField("master_ip", "192.0.2.254");
        g.writeStringField("master_node", nodeKey(0));
        g.writeObjectFieldStart("nicparams");
        g.writeObjectFieldStart("default");
        g.writeStringField("link", "br0");
        g.writeStringField("mode", "bridged");
        g.writeStringField("vlan", "");
        g.writeEndObject();
        g.writeEndObject();
        g.writeNumberField("serial_no", 42);
        g.writeArrayFieldStart("tags");
        g.writeString("b");
        g.writeString("a");
        g.writeEndArray();
        g.writeStringField("uuid", uuid(0, 0));
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, int n) throws IOException {
        g.writeStartObject();
        stamps(g, n);
        g.writeBooleanField("drained", n % 50 == 7);
        g.writeStringField("group", groupKey(n % GROUPS));
        g.writeBooleanField("master_candidate", n < 10);
        g.writeBooleanField("master_capable", n < 20);
        g.writeStringField("name", nodeName(n));
        g.writeObjectFieldStart("ndparams");
        if (n % 3 == 0) {
            g.writeNumberField("spindle_count", 2);
        }
        g.writeEndObject();
        g.writeBooleanField("offline", n % 40 == 9);
        g.writeBooleanField("powered", true);
        g.writeStringField("primary_ip", "192.0.2." + (n % 250));
        g.writeStringField("secondary_ip", "198.51.100." + (n % 250));
        g.writeNumberField("serial_no", n + 1);
        tags(g, n);
        g.writeStringField("uuid", nodeKey(n));
        g.writeBooleanField("vm_capable", true);
        g.writeEndObject();
    }

    private static void instance(JsonGenerator g, int i) throws IOException {
        g.writeStartObject();
        g.writeStringField("admin_state", i % 5 == 0 ? "down" : "up");
        g.writeStringField("admin_state_source", "admin");
        g.writeObjectFieldStart("beparams");
        if (i % 4 == 0) {
            g.writeNumberField("maxmem", 512);
        }
        g.writeEndObject();
        stamps(g, i);
        g.writeArrayFieldStart("disks");
        for (int d = 0; d < diskCount(i); d++) {
            g.writeString(diskKey(i, d));
        }
        g.writeEndArray();
        g.writeBooleanField("disks_active", true);
        g.writeObjectFieldStart("hvparams");
        if (i % 3 == 0) {
            g.writeStringField("kernel_args", "ro console=ttyS0");
        }
        g.writeEndObject();
        g.writeStringField("hypervisor", "kvm");
        g.writeStringField("name", "inst" + i + ".warm-up.example");
        g.writeNumberField("network_port", 11000 + i);
        g.writeArrayFieldStart("nics");
        for (int k = 0; k < i % 4; k++) {
            nic(g, i, k);
        }
        g.writeEndArray();
        g.writeStringField("os", "debootstrap+default");
        g.writeObjectFieldStart("osparams");
        g.writeStringField("dhcp", "yes");
        g.writeEndObject();
        g.writeObjectFieldStart("osparams_private");
        g.writeEndObject();
        g.writeStringField("primary_node", nodeKey(i % NODES));
        g.writeNumberField("serial_no", i % 30 + 1);
        tags(g, i);
        g.writeStringField("uuid", instanceKey(i));
        g.writeEndObject();
    }

    private static void nic(JsonGenerator g, int i, int k) throws IOException {
        g.writeStartObject();
        if ((i + k) % 9 == 0) {
            g.writeNullField("ip");
        } else {
            g.writeStringField("ip", "10." + k + "." + (i / 250) + "." + (i % 250));
        }
        g.writeStringField("mac", String.format("aa:00:00:%02x:%02x:%02x", k, (i >> 8) & 0xff, i & 0xff));
        if (k == 2) {
            g.writeStringField("name", "nic-" + i);
        }
        if (k == 1) {
            g.writeStringField("network", networkKey(i % NETWORKS));
        }
        g.writeObjectFieldStart("nicparams");
        if (k > 0) {
            nicParams(g, i + k);
        }
        g.writeEndObject();
        g.writeStringField("uuid", uuid(3, i * 4 + k));
        g.writeEndObject();
    }

    private static void nicParams(JsonGenerator g, int n) throws IOException {
        String mode = NIC_MODES[n % NIC_MODES.length];
        g.writeStringField("link", mode.equals("routed") ? "rt" + (n % 5) : "br" + (n % 3));
        g.writeStringField("mode", mode);
        g.writeStringField("vlan", mode.equals("openvswitch") ? ".100" : "");
    }

    private static void disk(JsonGenerator g, int i, int d) throws IOException {
        String template = TEMPLATES[(i + d) % TEMPLATES.length];
        String primary = nodeKey(i % NODES);
        String secondary = nodeKey((i + 1) % NODES);
        g.writeStartObject();
        if (template.equals("drbd")) {
            g.writeArrayFieldStart("children");
            lv(g, i, d, "data", 2048, primary, secondary);
            lv(g, i, d, "meta", 128, primary, secondary);
            g.writeEndArray();
        }
        stamps(g, i + d);
        g.writeStringField("dev_type", template);
        g.writeStringField("iv_name", "disk/" + d);
        g.writeArrayFieldStart("logical_id");
        switch (template) {
            case "drbd" -> {
                g.writeString(primary);
                g.writeString(secondary);
                g.writeNumber(11000 + i * 3 + d);
                g.writeNumber((i / NODES) * 3 + d);
                g.writeNumber((i / NODES) * 3 + d + 1);
                g.writeString("0123456789abcdef0123456789abcdef0123" + (i % 10) + d);
            }
            case "plain" -> {
                g.writeString("xenvg");
                g.writeString(diskKey(i, d) + ".disk" + d);
            }
            default -> {
                g.writeString("loop");
                g.writeString("/srv/ganeti/" + template + "/inst" + i + ".disk" + d);
            }
        }
        g.writeEndArray();
        g.writeStringField("mode", "rw");
        g.writeArrayFieldStart("nodes");
        g.writeString(primary);
        if (template.equals("drbd")) {
            g.writeString(secondary);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("params");
        g.writeEndObject();
        g.writeNumberField("serial_no", d + 1);
        g.writeNumberField("size", 1024L << (i % 4));
        g.writeStringField("uuid", diskKey(i, d));
        g.writeEndObject();
    }

    private static void lv(JsonGenerator g, int i, int d, String role, int size, String... nodes) throws IOException {
        g.writeStartObject();
        stamps(g, i);
        g.writeStringField("dev_type", "plain");
        g.writeArrayFieldStart("logical_id");
        g.writeString("xenvg");
        g.writeString(diskKey(i, d) + ".disk" + d + "_" + role);
        g.writeEndArray();
        g.writeArrayFieldStart("nodes");
        for (String n : nodes) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("params");
        g.writeEndObject();
        g.writeNumberField("serial_no", 1);
        g.writeNumberField("size", size);
        g.writeStringField("uuid", uuid(5, i * 8 + d * 2 + (role.equals("data") ? 0 : 1)));
        g.writeEndObject();
    }

    private static void stamps(JsonGenerator g, int n) throws IOException {
        g.writeNumberField("ctime", 1500000000 + n * 37 + (n % 1000) / 1000.0 + 0.000123);
        g.writeNumberField("mtime", 1510000000 + n * 41 + (n % 997) / 1000.0 + 0.000456);
    }

    private static void tags(JsonGenerator g, int n) throws IOException {
        g.writeArrayFieldStart("tags");
        for (int t = 0; t < n % 3; t++) {
            g.writeString(t == 0 ? "zone-" + (n % 5) : "batch");
        }
        g.writeEndArray();
    }

    private static int diskCount(int i) {
        return i % 10 == 9 ? 0 : 1 + i % 3;
    }

    private static String diskKey(int i, int d) {
        return uuid(4, i * 4 + d);
    }

    private static String groupKey(int n) {
        return uuid(6, n);
    }

    private static String networkKey(int n) {
        return uuid(7, n);
    }

    /** A deterministic random-looking UUID for entry {@code n} of kind {@code kind}. */
    private static String uuid(int kind, int n) {
        long mixed = (kind * 0x9E3779B97F4A7C15L) ^ (n * 0xC2B2AE3D27D4EB4FL);
        return new UUID(mixed ^ (mixed >>> 29) | 0x4000L, (mixed * 0xBF58476D1CE4E5B9L) ^ n).toString();
    }
}
