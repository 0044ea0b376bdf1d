#!/usr/bin/python3
"""render-pod.py - the pod that deploy/kubernetes's DaemonSet would create, as `podman kube play` takes it.

usage: kubectl kustomize deploy/kubernetes/base | scripts/render-pod.py --name NAME --image IMAGE \
           --udp-port P --http-port H [--host-path VOLUME=DIR ...] > pod.yaml

Reads kustomize's output (every object of the base or an overlay) on standard input, takes the
DaemonSet's pod template and writes a `kind: Pod` on standard output. Only what podman 4.3 or
this machine cannot take is changed, and every change is printed on standard error, one line
each, starting with "adapted: ":

- kind DaemonSet -> Pod (podman kube play has no DaemonSet); the pod gets the template's
  labels and annotations and NAME;
- the image -> IMAGE (the locally built one instead of the registry name kustomize set);
- hostNetwork with a ports list fails in podman ("PortMappings can only be used with Bridge or
  slirp4netns networking"; Kubernetes accepts it): the list is dropped;
- named probe ports are not resolved by podman: they become the numbers they name;
- the UDP and HTTP ports -> free ports of this machine, bound to 127.0.0.1 (only loopback
  traffic is allowed here): the port variables of the manifest are changed, the bind
  addresses added, the probes follow;
- each --host-path VOLUME=DIR replaces that volume (a hostPath, ConfigMap or Secret) with a
  hostPath volume on DIR: podman copies ConfigMaps once and mishandles Secrets, so the check
  lays out DIR as the kubelet does (timestamped directory, ..data link swapped by rename);
- fields podman ignores are kept (nodeSelector, tolerations, service account, dnsPolicy).
"""
import argparse
import sys

import yaml


def adapt(note):
    print("adapted: " + note, file=sys.stderr)


def daemonset(objects):
    found = [o for o in objects if o and o.get("kind") == "DaemonSet"]
    if len(found) != 1:
        sys.exit("render-pod: expected one DaemonSet in the input, found %d" % len(found))
    return found[0]


def set_env(container, name, value, add_if_missing=False):
    for var in container.setdefault("env", []):
        if var.get("name") == name:
            if str(var.get("value")) != str(value):
                adapt("env %s: %s -> %s" % (name, var.get("value"), value))
            var["value"] = str(value)
            return
    if not add_if_missing:
        sys.exit("render-pod: the manifest sets no %s" % name)
    adapt("env %s=%s added" % (name, value))
    container["env"].append({"name": name, "value": str(value)})


def render(objects, args):
    ds = daemonset(objects)
    template = ds["spec"]["template"]
    spec = template["spec"]
    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": args.name,
            "labels": template.get("metadata", {}).get("labels", {}),
            "annotations": template.get("metadata", {}).get("annotations", {}),
        },
        "spec": spec,
    }
    adapt("DaemonSet %s/%s -> Pod %s (no DaemonSet in podman kube play)"
          % (ds["metadata"].get("namespace", "default"), ds["metadata"]["name"], args.name))
    containers = spec["containers"]
    if len(containers) != 1:
        sys.exit("render-pod: expected one container, found %d" % len(containers))
    c = containers[0]
    adapt("image %s -> %s" % (c["image"], args.image))
    c["image"] = args.image
    c["imagePullPolicy"] = "Never"
    named = {p["name"]: p["containerPort"] for p in c.get("ports", []) if "name" in p}
    if spec.get("hostNetwork") and c.get("ports"):
        adapt("ports list dropped (hostNetwork with ports fails in podman): %s"
              % ", ".join("%s %s/%s" % (p.get("name", "-"), p["containerPort"], p.get("protocol", "TCP"))
                          for p in c["ports"]))
        del c["ports"]
    new_port = {}
    if "confd" in named:
        new_port[named["confd"]] = args.udp_port
    if "http" in named:
        new_port[named["http"]] = args.http_port
    set_env(c, "CONFD_UDP_PORT", args.udp_port)
    set_env(c, "QUARKUS_HTTP_PORT", args.http_port)
    set_env(c, "CONFD_UDP_BIND", "127.0.0.1", add_if_missing=True)
    set_env(c, "QUARKUS_HTTP_HOST", "127.0.0.1", add_if_missing=True)
    for probe_name in ("startupProbe", "readinessProbe", "livenessProbe"):
        probe = c.get(probe_name)
        if not probe or "httpGet" not in probe:
            continue
        port = probe["httpGet"]["port"]
        number = named.get(port, port) if isinstance(port, str) else port
        number = new_port.get(number, number)
        adapt("%s port %s -> %s" % (probe_name, port, number))
        probe["httpGet"]["port"] = number
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    for mapping in args.host_path:
        name, _, path = mapping.partition("=")
        if name not in volumes:
            sys.exit("render-pod: the pod has no volume %r (it has %s)" % (name, ", ".join(volumes)))
        volume = volumes[name]
        kind = next(k for k in volume if k != "name")
        was = volume[kind].get("path") or volume[kind].get("name") or volume[kind].get("secretName")
        adapt("volume %s: %s %s -> hostPath %s" % (name, kind, was, path))
        volume.clear()
        volume.update({"name": name, "hostPath": {"path": path, "type": "Directory"}})
    return pod


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--name", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--udp-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--host-path", action="append", default=[], metavar="VOLUME=DIR")
    args = parser.parse_args()
    pod = render(list(yaml.safe_load_all(sys.stdin)), args)
    yaml.safe_dump(pod, sys.stdout, sort_keys=False)


if __name__ == "__main__":
    main()
