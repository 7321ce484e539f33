package dev.snow.sim.engine;

/** Something that happens at one instant of virtual time. */
@FunctionalInterface
public interface Event {
    /** Runs the event; {@code now} is the virtual time it was scheduled for. */
    void fire(long now);
}
