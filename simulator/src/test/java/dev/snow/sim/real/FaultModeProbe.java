package dev.snow.sim.real;

/** Lets tests outside the package ask what the testcontainers mode would say. */
public final class FaultModeProbe {
    private FaultModeProbe() {
    }

    public static boolean noDocker() {
        return ContainerFaults.whyNoDocker() != null;
    }
}
