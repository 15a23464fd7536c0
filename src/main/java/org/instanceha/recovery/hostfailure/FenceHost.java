package org.instanceha.recovery.hostfailure;

import static org.instanceha.recovery.WorkflowNames.*;
import static org.instanceha.recovery.hostfailure.HostFailureRecovery.*;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.instanceha.fencing.Bmc;
import org.instanceha.fencing.Fencing;
import org.instanceha.fencing.FencingException;
import org.instanceha.fencing.FencingProperties;
import org.instanceha.fencing.PowerState;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.recovery.Reads;
import org.instanceha.recovery.RecoveryTask;
import org.instanceha.recovery.TaskRun;
import org.instanceha.recovery.Writes;
import org.instanceha.segment.BmcCredentials;
import org.instanceha.segment.Host;
import org.instanceha.segment.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Fence host": makes sure the failed host is powered off before anything of it is rebuilt elsewhere. A host
 * with a BMC, whatever the report says: its power state is read; if on, it is powered off, and read again at each
 * run until it says Off, within {@code instanceha.fencing.power-off-timeout}. One run makes at most two BMC calls.
 * An attempt that fails (no answer, wrong credentials, still on after the bound) is retried after a delay, and
 * when none is left an operator is asked. A host without a BMC goes on only on the report's word, which
 * "Register notification" let through for {@code host_status: NORMAL} alone. Every answer goes to
 * {@code fencingEvidence}, the workflow details and the log.
 */
@Reads({"notificationUuid", "hostname", "fencingAttempt", "fencingDeadline", "powerOffSent", "fencingEvidence"})
@Writes({"fencingOutcome", "fencingAttempt", "fencingDeadline", "powerOffSent", "fencingEvidence"})
@Component
public class FenceHost extends RecoveryTask {

    private static final Logger log = LoggerFactory.getLogger(FenceHost.class);
    /** The evidence the form shows: the last answers only, so that the variable stays small. */
    private static final int EVIDENCE_LINES = 30;

    private final NotificationRepository notifications;
    private final HostRepository hosts;
    private final BmcCredentials credentials;
    private final Fencing fencing;
    private final FencingProperties properties;
    private final Clock clock;

    public FenceHost(RecoveryProgress progress, NotificationRepository notifications, HostRepository hosts,
                     BmcCredentials credentials, Fencing fencing, FencingProperties properties, Clock clock) {
        super(progress);
        this.notifications = notifications;
        this.hosts = hosts;
        this.credentials = credentials;
        this.fencing = fencing;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run(TaskRun task) {
        String hostname = task.required(HOSTNAME);
        int attempt = attemptOf(task);
        var host = hosts.findByUuid(notifications.require(task.notificationUuid()).sourceHostUuid());
        Optional<Bmc> bmc;
        try {
            bmc = host.flatMap(credentials::of);
        } catch (RuntimeException e) {
            // Its stored settings cannot be used (a password the secrets key no longer opens, say): no retry helps.
            Evidence evidence = new Evidence(task.text(FENCING_EVIDENCE), null, clock);
            evidence.add("BMC settings cannot be used: " + e.getMessage());
            failed(task, hostname, attempt, evidence, "its BMC settings cannot be used: " + e.getMessage(), false);
            return;
        }
        if (bmc.isEmpty()) {
            task.set(FENCING_OUTCOME, FencingOutcome.NO_BMC);
            task.success("Host " + hostname + " has no BMC: going on the report's word (host_status NORMAL) that it "
                    + "is fenced.");
            return;
        }
        Instant now = clock.instant();
        Instant deadline = task.text(FENCING_DEADLINE) == null ? now.plus(properties.powerOffTimeout())
                : task.instant(FENCING_DEADLINE);
        Evidence evidence = new Evidence(task.text(FENCING_EVIDENCE), bmc.get(), clock);
        try {
            PowerState state = fencing.powerState(bmc.get());
            evidence.add("power state: " + state.shown());
            if (state == PowerState.OFF) {
                off(task, hostname, bmc.get(), evidence);
                return;
            }
            if (!task.flag(POWER_OFF_SENT)) {
                fencing.powerOff(bmc.get());
                evidence.add("power off: accepted");
                task.set(POWER_OFF_SENT, true);
                task.setInstant(FENCING_DEADLINE, deadline);
                notYet(task, hostname, bmc.get(), evidence, "powered it off; waiting for the BMC to say Off");
                return;
            }
            if (now.isBefore(deadline)) {
                task.setInstant(FENCING_DEADLINE, deadline);
                notYet(task, hostname, bmc.get(), evidence, "still On; waiting for the BMC to say Off");
                return;
            }
            failed(task, hostname, attempt, evidence, "the BMC still says On " + properties.powerOffTimeout()
                    .toSeconds() + " s after the power off", true);
        } catch (FencingException e) {
            evidence.add(e.failure().shown() + ": " + e.getMessage());
            failed(task, hostname, attempt, evidence, e.getMessage(),
                    e.failure() != FencingException.Failure.UNUSABLE);
        }
    }

    private static int attemptOf(TaskRun task) {
        String attempt = task.text(FENCING_ATTEMPT);
        return attempt == null ? 1 : Integer.parseInt(attempt);
    }

    private void off(TaskRun task, String hostname, Bmc bmc, Evidence evidence) {
        task.set(FENCING_EVIDENCE, evidence.text());
        task.set(FENCING_DEADLINE, null);
        task.set(POWER_OFF_SENT, false);
        task.set(FENCING_OUTCOME, FencingOutcome.OFF);
        log.info("Host {} fenced: BMC {} says Off", hostname, bmc);
        task.success("Host " + hostname + " fenced: its BMC (" + bmc.summary() + ") answered Off at "
                + evidence.lastAt() + ".");
    }

    private void notYet(TaskRun task, String hostname, Bmc bmc, Evidence evidence, String what) {
        task.set(FENCING_EVIDENCE, evidence.text());
        task.set(FENCING_OUTCOME, FencingOutcome.NOT_YET);
        task.running(0.5, "Host " + hostname + ", BMC " + bmc.summary() + ": " + what + ".");
    }

    /** @param retryable whether another attempt may do better (a BMC whose settings cannot be used never does) */
    private void failed(TaskRun task, String hostname, int attempt, Evidence evidence, String why, boolean retryable) {
        boolean retry = retryable && attempt < properties.attempts();
        task.set(FENCING_EVIDENCE, evidence.text());
        task.set(FENCING_DEADLINE, null);
        task.set(POWER_OFF_SENT, false);
        task.set(FENCING_ATTEMPT, retry ? attempt + 1 : attempt);
        task.set(FENCING_OUTCOME, retry ? FencingOutcome.RETRY : FencingOutcome.ASK_OPERATOR);
        log.warn("Fencing {} failed, attempt {} of {}: {}", hostname, attempt, properties.attempts(), why);
        task.error("Fencing " + hostname + " failed (attempt " + attempt + " of " + properties.attempts() + "): " + why
                + (retry ? " Trying again in " + properties.retryDelay().toSeconds() + " s."
                : " Nothing is evacuated until an operator confirms the host is powered off."));
    }

    /** What the BMC answered, one line per call with its time, the last {@link #EVIDENCE_LINES} kept. */
    private static final class Evidence {
        private final StringBuilder lines;
        private final Bmc bmc;
        private final Clock clock;
        private Instant lastAt;

        Evidence(String before, Bmc bmc, Clock clock) {
            this.lines = new StringBuilder(before == null ? "" : before);
            this.bmc = bmc;
            this.clock = clock;
        }

        void add(String answer) {
            lastAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            lines.append(lastAt).append(' ').append(bmc == null ? "BMC" : bmc.summary()).append(' ').append(answer)
                    .append('\n');
        }

        Instant lastAt() {
            return lastAt;
        }

        String text() {
            String[] all = lines.toString().split("\n");
            return all.length <= EVIDENCE_LINES ? lines.toString()
                    : String.join("\n", java.util.Arrays.copyOfRange(all, all.length - EVIDENCE_LINES, all.length))
                    + "\n";
        }
    }
}
