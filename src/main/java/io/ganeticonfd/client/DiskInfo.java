package io.ganeticonfd.client;

import com.fasterxml.jackson.databind.JsonNode;

/** A disk object as confd serializes it (size in MiB), with its most used members pulled out. */
public record DiskInfo(String uuid, String ivName, String devType, long size, String mode, JsonNode json) {}
