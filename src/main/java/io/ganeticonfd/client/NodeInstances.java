package io.ganeticonfd.client;

import java.util.List;

/** The answer of NODE_INSTANCES: the instances a node runs as primary and those it mirrors as secondary. */
public record NodeInstances(List<InstanceInfo> primaries, List<InstanceInfo> secondaries) {

    public NodeInstances {
        primaries = List.copyOf(primaries);
        secondaries = List.copyOf(secondaries);
    }
}
