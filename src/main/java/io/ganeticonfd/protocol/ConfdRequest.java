package io.ganeticonfd.protocol;

/** A decoded, authenticated confd request. */
public record ConfdRequest(RequestType type, QueryArgument query, String rsalt) {}
