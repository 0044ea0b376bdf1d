package io.ganeticonfd.client;

import com.fasterxml.jackson.databind.JsonNode;

/** An instance object as confd serializes it, with its most used members pulled out. */
public record InstanceInfo(String name, String uuid, String primaryNode, JsonNode json) {}
