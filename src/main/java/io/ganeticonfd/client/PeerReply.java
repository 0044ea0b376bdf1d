package io.ganeticonfd.client;

import io.ganeticonfd.protocol.ConfdReply;

/** A verified reply and the peer that sent it. */
public record PeerReply(Peer peer, ConfdReply reply) {}
