package io.ganeticonfd.config;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An instance as the queries need it. {@code primaryNode} is null when the instance names an
 * unknown node; {@code disks} holds the normalized disk objects in instance order, null where a
 * disk UUID is missing from the config; {@code json} is the normalized instance object.
 */
public record Instance(String key, String name, Node primaryNode, long serial, List<Nic> nics,
        List<JsonNode> disks, JsonNode json) {
}
