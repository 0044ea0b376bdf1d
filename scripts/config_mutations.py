#!/usr/bin/env python3
"""config_mutations.py - seeded, reproducible mutations of Ganeti 3.0 config.data files.

usage: config_mutations.py --seed S --count N --out DIR CONFIG.data [CONFIG.data ...]

Writes DIR/NNNN/{ours.data,ref.data,queries.json,mutation.json} for N mutations spread over the
given configs. Each mutation changes one thing along one axis:
  drop      an optional member of one object is removed
  null      an optional member of one object is set to null
  unknown   a member Ganeti 3.0 does not know is added at one level (top, cluster, node, group,
            instance, NIC, nicparams, network, filter, disk, disk child, data collector, ndparams,
            beparams, ipolicy, ...)
  shape     a shape real clusters have: diskless instance, NIC on a network, routed/openvswitch
            NIC, NIC without IP, IPv6 NIC, cluster without LVM, offline/drained node, non-ASCII,
            very long and prefix names
ours.data is what our daemon serves; ref.data is what Ganeti's daemon serves: the same file
without the unknown members (Ganeti refuses to load those, PROTOCOL.md sections 7 and 11.7).
queries.json asks every request type about the mutated object (and the cluster-wide ones), in
difftest.py's query format. The same seed, count and inputs always give the same files.
The members marked optional below are facts observed on Ganeti 3.0.2's daemon (it loads the file
without them), independent of the Java model under test.
"""
import argparse, copy, json, os, random

OPTIONAL = {
    "top": ["ctime", "mtime"],
    "cluster": ["ctime", "mtime", "tags", "hv_state_static", "disk_state_static", "volume_group_name",
                "drbd_usermode_helper"],
    "node": ["ctime", "mtime", "tags", "hv_state_static", "disk_state_static"],
    "nodegroup": ["ctime", "mtime", "tags", "members", "hv_state_static", "disk_state_static"],
    "instance": ["ctime", "mtime", "tags", "hvparams", "beparams", "osparams", "osparams_private", "nics",
                 "disks", "network_port"],
    "nic": ["ip", "network", "name"],
    "nicparams": ["mode", "link", "vlan"],
    "ndparams": ["spindle_count", "oob_program", "ssh_port", "cpu_speed", "exclusive_storage"],
    "network": ["ctime", "mtime", "tags", "mac_prefix", "network6", "gateway", "gateway6", "reservations",
                "ext_reservations"],
    "disk": ["ctime", "mtime", "children", "nodes", "iv_name", "mode", "name", "spindles", "params"],
    "child": ["ctime", "mtime", "nodes", "iv_name", "mode", "name", "spindles", "params", "children"],
    "group_ipolicy": ["std", "minmax", "spindle-ratio", "vcpu-ratio", "disk-templates"],
}
UNKNOWN_LEVELS = ["top", "cluster", "node", "nodegroup", "instance", "nic", "nicparams", "network", "filter",
                  "disk", "child", "data_collector", "ndparams", "cluster_ndparams", "cluster_nicparams",
                  "beparams", "cluster_beparams", "ipolicy", "ipolicy_std", "group_networks"]
SHAPES = ["diskless", "nic_network", "nic_routed", "nic_ovs", "nic_no_ip", "nic_ipv6", "no_lvm", "node_offline",
          "node_drained", "node_candidate_offline", "non_ascii_instance", "non_ascii_node", "long_name",
          "prefix_instance", "prefix_node", "tags_unsorted"]
UNKNOWN_VALUES = [1, "x", None, True, [1, 2], {"a": {"b": 1}}, 1.5, ""]


class Mutator:
    def __init__(self, cfg, rng):
        self.cfg, self.rng = cfg, rng

    def pick(self, section, pred=lambda k, v: True):
        keys = sorted(k for k, v in self.cfg[section].items() if pred(k, v))
        return self.rng.choice(keys) if keys else None

    def drbd_disk(self):
        return self.pick("disks", lambda k, v: v.get("dev_type") == "drbd" and v.get("children"))

    def instance_with_nics(self):
        return self.pick("instances", lambda k, v: v.get("nics"))

    def owner_of(self, disk):
        return next((k for k, v in sorted(self.cfg["instances"].items()) if disk in v.get("disks", [])), None)

    def target(self, kind):
        """(path to an object of this kind, the instance and node it concerns) or None."""
        c = self.cfg
        if kind == "top":
            return [], None, None
        if kind == "cluster":
            return ["cluster"], None, None
        if kind in ("node", "ndparams"):
            n = self.pick("nodes")
            return ["nodes", n] + (["ndparams"] if kind == "ndparams" else []), None, n
        if kind in ("nodegroup", "group_ipolicy", "group_networks"):
            g = self.pick("nodegroups", lambda k, v: kind != "group_networks" or v.get("networks"))
            if g is None:
                return None
            tail = {"nodegroup": [], "group_ipolicy": ["ipolicy"]}.get(kind)
            if tail is None:
                tail = ["networks", sorted(c["nodegroups"][g]["networks"])[0]]
            return ["nodegroups", g] + tail, None, None
        if kind in ("instance", "beparams"):
            i = self.pick("instances")
            return ["instances", i] + (["beparams"] if kind == "beparams" else []), i, None
        if kind in ("nic", "nicparams"):
            i = self.instance_with_nics()
            n = self.rng.randrange(len(c["instances"][i]["nics"]))
            return ["instances", i, "nics", n] + (["nicparams"] if kind == "nicparams" else []), i, None
        if kind == "network":
            return ["networks", self.pick("networks")], None, None
        if kind == "filter":
            f = self.pick("filters")
            return (["filters", f], None, None) if f else None
        if kind in ("disk", "child"):
            d = self.drbd_disk() if kind == "child" else self.pick("disks")
            tail = ["children", self.rng.randrange(len(c["disks"][d]["children"]))] if kind == "child" else []
            return ["disks", d] + tail, self.owner_of(d), None
        if kind == "data_collector":
            return ["cluster", "data_collectors", self.rng.choice(sorted(c["cluster"]["data_collectors"]))], None, None
        if kind == "cluster_ndparams":
            return ["cluster", "ndparams"], None, None
        if kind == "cluster_nicparams":
            return ["cluster", "nicparams", "default"], None, None
        if kind == "cluster_beparams":
            return ["cluster", "beparams", "default"], None, None
        if kind == "ipolicy":
            return ["cluster", "ipolicy"], None, None
        if kind == "ipolicy_std":
            return ["cluster", "ipolicy", "std"], None, None
        raise ValueError(kind)


def get(obj, path):
    for p in path:
        obj = obj[p]
    return obj


def pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)


def mutate(cfg, rng):
    """Applies one mutation to cfg (a copy); returns (ours, ref, description, paths, instance, node)."""
    m = Mutator(cfg, rng)
    axis = rng.choice(["drop", "null", "unknown", "unknown", "shape"])
    ref = None
    if axis in ("drop", "null"):
        kind = rng.choice(sorted(OPTIONAL))
        t = m.target(kind)
        if t is None:
            return None
        path, inst, node = t
        obj = get(cfg, path)
        member = rng.choice(OPTIONAL[kind])
        if axis == "drop":
            obj.pop(member, None)
        else:
            obj[member] = None
        desc = {"axis": axis, "kind": kind, "member": member, "path": pointer(path)}
        return cfg, cfg, desc, [path, path + [member]], inst, node
    if axis == "unknown":
        ref = copy.deepcopy(cfg)
        kind = rng.choice(UNKNOWN_LEVELS)
        t = m.target(kind)
        if t is None:
            return None
        path, inst, node = t
        name = rng.choice(["zz_unknown", "extra", "x-new-member", "memory", "disk_template", "maintenance"])
        get(cfg, path)[name] = rng.choice(UNKNOWN_VALUES)
        desc = {"axis": axis, "kind": kind, "member": name, "path": pointer(path)}
        return cfg, ref, desc, [path, path + [name]], inst, node
    return shape(m, cfg, rng)


def shape(m, cfg, rng):
    kind = rng.choice(SHAPES)
    c = cfg
    inst = node = None
    paths = []
    if kind == "diskless":
        inst = m.pick("instances", lambda k, v: v.get("disks"))
        c["instances"][inst]["disks"] = []
        paths = [["instances", inst]]
    elif kind.startswith("nic_"):
        inst = m.instance_with_nics()
        nic = c["instances"][inst]["nics"][0]
        if kind == "nic_network":
            nic["network"] = m.pick("networks")
        elif kind == "nic_routed":
            nic["nicparams"] = {"mode": "routed", "link": "rt%d" % rng.randrange(100)}
        elif kind == "nic_ovs":
            nic["nicparams"] = {"mode": "openvswitch", "link": "switch1", "vlan": ".%d" % rng.randrange(4096)}
        elif kind == "nic_no_ip":
            nic.pop("ip", None)
        else:
            nic["ip"] = "2001:db8::%x" % rng.randrange(1, 65535)
        paths = [["instances", inst, "nics", 0]]
    elif kind == "no_lvm":
        for k in ("volume_group_name", "drbd_usermode_helper"):
            c["cluster"].pop(k, None)
        c["cluster"]["enabled_disk_templates"] = [t for t in c["cluster"]["enabled_disk_templates"]
                                                  if t not in ("plain", "drbd")] or ["file"]
        paths = [["cluster"]]
    elif kind.startswith("node_"):
        node = m.pick("nodes", lambda k, v: k != c["cluster"]["master_node"])
        n = c["nodes"][node]
        n["offline" if kind != "node_drained" else "drained"] = True
        if kind == "node_candidate_offline":
            n["master_candidate"] = True
        paths = [["nodes", node]]
    elif kind in ("non_ascii_instance", "long_name", "prefix_instance"):
        inst = m.pick("instances")
        other = c["instances"][m.pick("instances", lambda k, v: k != inst)]["name"]
        c["instances"][inst]["name"] = {
            "non_ascii_instance": "w\u00e9b-\u00fc%d.example.com" % rng.randrange(100),
            "long_name": "i" * rng.randrange(64, 250) + ".example.com",
            "prefix_instance": other.split(".")[0]}[kind]
        paths = [["instances", inst]]
    elif kind in ("non_ascii_node", "prefix_node"):
        node = m.pick("nodes")
        other = c["nodes"][m.pick("nodes", lambda k, v: k != node)]["name"]
        c["nodes"][node]["name"] = ("n\u00f6de%d.example.com" % rng.randrange(100)
                                    if kind == "non_ascii_node" else other + ".sub")
        paths = [["nodes", node]]
    else:
        inst = m.pick("instances")
        c["instances"][inst]["tags"] = ["z", "a", "m", "a", "B"]
        paths = [["instances", inst, "tags"]]
    return cfg, cfg, {"axis": "shape", "kind": kind, "path": pointer(paths[0])}, paths, inst, node


def queries(cfg, paths, inst, node):
    """Every request type, aimed at the mutated object where the type takes an argument."""
    c = cfg
    q = [{"type": 0}, {"type": 3}, {"type": 3, "query": {"3": [0, 1, 2]}}, {"type": 4}, {"type": 5},
         {"type": 6}, {"type": 11}, {"type": 10, "query": "/cluster"}, {"type": 10, "query": "/version"},
         {"type": 10, "query": "/ctime"}, {"type": 10, "query": "/mtime"}, {"type": 10, "query": "/serial_no"}]
    for p in paths:
        q.append({"type": 10, "query": pointer(p)})
        if len(p) >= 2:
            obj = get(c, p[:-1]) if isinstance(get(c, p[:-1]), dict) else None
            if obj is not None and len(p) >= 3:
                pass
    for p in paths[:1]:
        obj = get(c, p) if p else c
        if isinstance(obj, dict):
            for k in sorted(obj):
                if k not in ("nodes", "instances", "disks", "nodegroups", "networks", "filters"):
                    q.append({"type": 10, "query": pointer(p + [k])})
    instances = [inst] if inst else []
    nodes = [node] if node else []
    for i in instances:
        name = c["instances"][i]["name"]
        nodes.append(c["instances"][i]["primary_node"])
        q += [{"type": 9, "query": name}, {"type": 9, "query": i}, {"type": 9, "query": name.split(".")[0]}]
        for nic in c["instances"][i].get("nics") or []:
            if nic and nic.get("ip"):
                q.append({"type": 2, "query": {"1": nic["ip"]}})
                link = (nic.get("nicparams") or {}).get("link")
                if link:
                    q += [{"type": 2, "query": {"0": link, "1": nic["ip"]}}, {"type": 6, "query": link}]
    for n in nodes:
        if n in c["nodes"]:
            name = c["nodes"][n]["name"]
            for t in (1, 7, 8):
                q += [{"type": t, "query": name}, {"type": t, "query": name.split(".")[0]}, {"type": t, "query": n}]
    return q


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", required=True)
    ap.add_argument("configs", nargs="+")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    bases = [json.load(open(p)) for p in a.configs]
    os.makedirs(a.out, exist_ok=True)
    made = 0
    while made < a.count:
        base_index = made % len(bases)
        r = mutate(copy.deepcopy(bases[base_index]), rng)
        if r is None:
            continue
        ours, ref, desc, paths, inst, node = r
        for cfg in (ours, ref):  # a serial per mutation tells when a daemon serves it
            cfg["cluster"]["serial_no"] = 100000 + made
        desc["config"] = a.configs[base_index]
        d = os.path.join(a.out, "%04d" % made)
        os.makedirs(d, exist_ok=True)
        for name, cfg in (("ours.data", ours), ("ref.data", ref)):
            with open(os.path.join(d, name), "w") as f:
                json.dump(cfg, f, indent=1, sort_keys=True)
        with open(os.path.join(d, "queries.json"), "w") as f:
            json.dump(queries(ref, paths, inst, node), f, indent=1)
        with open(os.path.join(d, "mutation.json"), "w") as f:
            json.dump(desc, f, sort_keys=True)
        made += 1
    print("config_mutations: %d mutations in %s (seed %d)" % (made, a.out, a.seed))


if __name__ == "__main__":
    main()
