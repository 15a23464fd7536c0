package org.instanceha.simulator;

import java.time.Instant;
import java.util.UUID;

/** A compute host with its nova-compute service and hypervisor. */
public final class SimulatedHost {
    final String name;
    final int serviceNumber;
    final String serviceId = UUID.randomUUID().toString();
    final String hypervisorId = UUID.randomUUID().toString();
    final int vcpus;
    final long memoryMb;
    boolean enabled;
    String disabledReason;
    boolean forcedDown;
    Instant heartbeatStoppedAt;
    Instant updatedAt;
    /** What its BMC reports: a host powered off through its BMC sends no heartbeats. */
    volatile boolean poweredOn = true;
    /** The host hangs: its power is on, nothing of it answers. */
    volatile boolean hung;
    /** What its BMC claims instead of the truth (a confused or spoofed BMC); null: the truth. */
    volatile Boolean bmcClaimsOn;

    public long memoryMb() {
        return memoryMb;
    }

    /** What its BMC reports: true when it has power. */
    public boolean poweredOn() {
        return poweredOn;
    }

    /**
     * Its BMC answers power state {@code saysOn} whatever the truth (a confused BMC, or an answer spoofed on its
     * network); null: the truth again. Until the cloud is reset.
     */
    public void bmcClaims(Boolean saysOn) {
        bmcClaimsOn = saysOn;
    }

    /** What its BMC answers when asked for the power state: the truth, unless it was made to lie. */
    public boolean bmcSaysOn() {
        Boolean claim = bmcClaimsOn;
        return claim != null ? claim : poweredOn;
    }

    /** Whether its management address (its sshd) answers: it has power and does not hang. */
    public boolean managementAnswers() {
        return poweredOn && !hung;
    }

    public String name() {
        return name;
    }

    /**
     * Nova's {@code updated_at}: the later of its last heartbeat (one every report interval, on the interval's
     * ticks, while its nova-compute runs) and its last service update, as a real nova-compute reports.
     */
    Instant lastHeartbeat(Instant now, java.time.Duration reportInterval) {
        Instant beatsUntil = heartbeatStoppedAt != null && heartbeatStoppedAt.isBefore(now) ? heartbeatStoppedAt : now;
        long millis = beatsUntil.toEpochMilli();
        Instant lastBeat = Instant.ofEpochMilli(millis - Math.floorMod(millis, Math.max(1, reportInterval.toMillis())));
        return lastBeat.isAfter(updatedAt) ? lastBeat : updatedAt;
    }

    SimulatedHost(String name, int serviceNumber, int vcpus, long memoryMb, Instant now) {
        this.name = name;
        this.serviceNumber = serviceNumber;
        this.vcpus = vcpus;
        this.memoryMb = memoryMb;
        this.updatedAt = now;
    }
}
