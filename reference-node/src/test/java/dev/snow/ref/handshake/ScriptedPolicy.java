package dev.snow.ref.handshake;

import dev.snow.ref.wire.Status;
import java.util.ArrayList;
import java.util.List;

/** A policy whose answers the test sets, recording what it was asked. */
final class ScriptedPolicy implements HandshakePolicy {
    Status status = Status.OK;
    Registration registration = Registration.REGISTERED;
    final List<String> asked = new ArrayList<>();

    @Override
    public Status admit(NodeName peer, int creation) {
        asked.add("admit " + peer + " " + creation);
        return status;
    }

    @Override
    public Registration register(NodeName peer, int creation, Direction direction) {
        asked.add("register " + peer + " " + creation + " " + direction.wireName());
        return registration;
    }
}
