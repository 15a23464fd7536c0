package org.instanceha.nova;

import java.util.Map;

/**
 * How a server is built, as far as its evacuation cares: whether it boots from a volume (Nova shows its
 * {@code image} empty), the disks its flavor gives it on its host (root when it boots from an image, ephemeral,
 * swap), and its flavor's extra specs (a vTPM, accelerators, PCI devices).
 */
public record ServerBuild(boolean volumeBacked, int ephemeralGb, int swapMb, Map<String, String> extraSpecs) {

    /** Booted from an image, with no ephemeral or swap disk and no extra specs. */
    public static final ServerBuild FROM_IMAGE = new ServerBuild(false, 0, 0, Map.of());

    public ServerBuild {
        extraSpecs = Map.copyOf(extraSpecs);
    }

    /** Whether any of its disks lives on the instance storage of its host: a root disk from its image, ephemeral, swap. */
    public boolean hasInstanceDisks() {
        return !volumeBacked || ephemeralGb > 0 || swapMb > 0;
    }
}
