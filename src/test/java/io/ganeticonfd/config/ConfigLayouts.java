package io.ganeticonfd.config;

/**
 * One small cluster written in each config layout Ganeti 2.7 to 3.0 produces (PROTOCOL.md §9):
 * three nodes (node1 master and candidate, node2 candidate, node3 offline), inst1 on node1 with a
 * DRBD disk mirrored to node2 (minors 0 and 1, secret {@code s3cret}) and one IP on the default
 * link, inst2 on node2 with a plain disk and no IP.
 */
enum ConfigLayouts {

    /** 2.7 – 2.8: nodes and instances keyed by name, master a name, inline disks, {@code drbd8}/{@code lvm}. */
    GANETI_2_7(2070000, false, false, "drbd8", "lvm", true),
    /** 2.9 – 2.11: UUID keys, inline disks. */
    GANETI_2_9(2110000, true, false, "drbd8", "lvm", true),
    /** 2.12 – 2.13: UUID keys, top-level disks map, disk_template still on instances. */
    GANETI_2_12(2120000, true, true, "drbd8", "lvm", true),
    /** 2.14 – 3.0: UUID keys, top-level disks, {@code drbd}/{@code plain}, no disk_template. */
    GANETI_3_0(3000000, true, true, "drbd", "plain", false);

    static final String N1 = "1f3c0ab2-0000-4000-8000-000000000001";
    static final String N2 = "2e7d1bc3-0000-4000-8000-000000000002";
    static final String N3 = "3d9e2cd4-0000-4000-8000-000000000003";
    static final String I1 = "a1000000-0000-4000-8000-00000000000a";
    static final String I2 = "b2000000-0000-4000-8000-00000000000b";
    static final String D1 = "d1000000-0000-4000-8000-0000000000d1";
    static final String D2 = "d2000000-0000-4000-8000-0000000000d2";

    final long version;
    final boolean uuidKeys;
    final boolean topLevelDisks;
    final String drbdType;
    final String plainType;
    final boolean diskTemplate;

    ConfigLayouts(
            long version,
            boolean uuidKeys,
            boolean topLevelDisks,
            String drbdType,
            String plainType,
            boolean diskTemplate) {
        this.version = version;
        this.uuidKeys = uuidKeys;
        this.topLevelDisks = topLevelDisks;
        this.drbdType = drbdType;
        this.plainType = plainType;
        this.diskTemplate = diskTemplate;
    }

    /** The key (and reference) of node 1..3 in this layout. */
    String node(int n) {
        return uuidKeys ? new String[] {N1, N2, N3}[n - 1] : "node" + n + ".example.com";
    }

    /** The key of instance 1..2 in this layout. */
    String instance(int n) {
        return uuidKeys ? new String[] {I1, I2}[n - 1] : "inst" + n + ".example.com";
    }

    /** The config file text. */
    String config() {
        String drbd = """
                {"dev_type": "%s", "logical_id": ["%s", "%s", 11000, 0, 1, "s3cret"], "iv_name": "disk/0",
                 "size": 1024, "mode": "rw", %s
                 "children": [{"dev_type": "%s", "logical_id": ["xenvg", "data"], "size": 1024},
                              {"dev_type": "%s", "logical_id": ["xenvg", "meta"], "size": 128}]}""".formatted(
                        drbdType,
                        node(1),
                        node(2),
                        topLevelDisks ? "\"uuid\": \"" + D1 + "\", \"serial_no\": 6," : "",
                        plainType,
                        plainType);
        String plain = """
                {"dev_type": "%s", "logical_id": ["xenvg", "inst2.disk0"], "iv_name": "disk/0", "size": 512, "mode": "rw"%s}""".formatted(plainType, topLevelDisks ? ", \"uuid\": \"" + D2 + "\"" : "");
        String disks = topLevelDisks ? "\"disks\": {\"" + D1 + "\": " + drbd + ", \"" + D2 + "\": " + plain + "}," : "";
        String extra30 = version >= 2130000 ? """
                "data_collectors": {"drbd": {"active": false, "interval": 5000000.0}},""" : "";
        return """
                {
                  "version": %d,
                  "serial_no": 51,
                  "ctime": 1343869045.604884,
                  %s
                  "cluster": {
                    "cluster_name": "cluster.example.com",
                    "master_node": "%s",
                    "master_ip": "192.0.2.10",
                    "master_netdev": "eth0",
                    "serial_no": 17,
                    "enabled_hypervisors": ["xen-pvm"],
                    "nicparams": {"default": {"link": "br0", "mode": "bridged"}},
                    %s
                    "tags": ["b", "a"]
                  },
                  "nodes": {
                    "%s": {"name": "node1.example.com", "primary_ip": "192.0.2.1", "master_candidate": true,
                           "offline": false, "drained": false, "serial_no": 3},
                    "%s": {"name": "node2.example.com", "primary_ip": "192.0.2.2", "master_candidate": true,
                           "offline": false, "drained": false, "serial_no": 4},
                    "%s": {"name": "node3.example.com", "primary_ip": "192.0.2.3", "master_candidate": false,
                           "offline": true, "drained": false, "serial_no": 5}
                  },
                  "instances": {
                    "%s": {"name": "inst1.example.com", "primary_node": "%s", "os": "debian-image",
                           "hypervisor": "xen-pvm", %s "serial_no": 9,
                           "nics": [{"mac": "aa:00:00:00:00:01", "ip": "198.51.100.5", "nicparams": {}}],
                           "disks": [%s]},
                    "%s": {"name": "inst2.example.com", "primary_node": "%s", "os": "debian-image",
                           "hypervisor": "xen-pvm", %s "serial_no": 2,
                           "nics": [{"mac": "aa:00:00:00:00:02", "nicparams": {}}],
                           "disks": [%s]}
                  }
                }
                """.formatted(
                        version,
                        disks,
                        node(1),
                        extra30,
                        node(1),
                        node(2),
                        node(3),
                        instance(1),
                        node(1),
                        diskTemplate ? "\"disk_template\": \"drbd\"," : "",
                        topLevelDisks ? "\"" + D1 + "\"" : drbd,
                        instance(2),
                        node(2),
                        diskTemplate ? "\"disk_template\": \"plain\"," : "",
                        topLevelDisks ? "\"" + D2 + "\"" : plain);
    }
}
