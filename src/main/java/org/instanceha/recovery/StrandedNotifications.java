package org.instanceha.recovery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.instanceha.common.UtcTime;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles notifications whose workflow is gone while they still say {@code new} or {@code running}:
 * a recovery cancelled in Cockpit, or one that ended without recording its end. Without this they would
 * say {@code running} for ever, and block changes to their segment. Runs every
 * {@code instanceha.recovery.stranded-check-interval} on each node (0 turns it off); the status changes
 * only from {@code new} or {@code running}, so nodes checking at once do not collide.
 */
@Component
public class StrandedNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StrandedNotifications.class);
    /** Notifications looked at per check; the rest wait for the next one. */
    private static final int BATCH = 200;
    /** The name its progress entries go under. */
    static final String TASK = "Check for stranded notifications";

    private final NotificationRepository notifications;
    private final VmMoveRepository vmoves;
    private final RecoveryProgress progress;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public StrandedNotifications(NotificationRepository notifications, VmMoveRepository vmoves,
                                 RecoveryProgress progress, RuntimeService runtime, HistoryService history,
                                 TransactionTemplate transactions, RecoveryProperties properties, Clock clock) {
        this.notifications = notifications;
        this.vmoves = vmoves;
        this.progress = progress;
        this.runtime = runtime;
        this.history = history;
        this.transactions = transactions;
        this.interval = properties.strandedCheckInterval();
        this.clock = clock;
    }

    /** Checks every unfinished notification once; returns how many it settled. */
    public int settleAll() {
        int settled = 0;
        for (String uuid : notifications.unfinished(BATCH)) {
            if (!hasLiveWorkflow(uuid) && settle(uuid)) {
                settled++;
            }
        }
        return settled;
    }

    private boolean hasLiveWorkflow(String uuid) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(HostFailureRecovery.PROCESS_KEY)
                .processInstanceBusinessKey(uuid).count() > 0;
    }

    private boolean settle(String uuid) {
        List<HistoricProcessInstance> ended = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(HostFailureRecovery.PROCESS_KEY).processInstanceBusinessKey(uuid)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1);
        HistoricProcessInstance workflow = ended.isEmpty() ? null : ended.get(0);
        StrandedNotificationRules.Settlement settlement = StrandedNotificationRules.settle(
                workflow == null ? null : workflow.getState(), workflow == null ? null : workflow.getDeleteReason(),
                vmoves.countByStatus(uuid), progress.lastState(uuid).orElse(null));
        Boolean done = transactions.execute(tx -> {
            var now = UtcTime.now(clock);
            if (!notifications.updateStatus(uuid, settlement.status(), settlement.message(), now)) {
                return false;
            }
            int failedMoves = vmoves.failUnfinished(uuid, settlement.unfinishedMoveMessage(), now);
            progress.record(uuid, TASK, settlement.progressState(), 1.0, settlement.message()
                    + (failedMoves > 0 ? " " + failedMoves + " unfinished VM move(s) failed." : ""));
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            log.warn("Notification {} said new or running, but its workflow {}: now {}: {}", uuid,
                    workflow == null ? "does not exist" : "ended " + workflow.getState()
                            + (workflow.getDeleteReason() != null ? " (" + workflow.getDeleteReason() + ")" : ""),
                    settlement.status().wireName(), settlement.message());
        }
        return Boolean.TRUE.equals(done);
    }

    private void checkQuietly() {
        try {
            settleAll();
        } catch (RuntimeException e) {
            log.warn("Checking for stranded notifications failed; trying again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            log.info("The check for stranded notifications is off (instanceha.recovery.stranded-check-interval)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stranded-notifications");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
