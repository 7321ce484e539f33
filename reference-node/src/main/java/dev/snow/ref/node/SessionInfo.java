package dev.snow.ref.node;

import dev.snow.ref.handshake.Direction;

/** One live session as {@code sessions} reports it. */
public record SessionInfo(String node, int nodeId, int creation, Direction direction, long connection) {
}
