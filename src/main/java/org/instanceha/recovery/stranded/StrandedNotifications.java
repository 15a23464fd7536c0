package org.instanceha.recovery.stranded;

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
import org.instanceha.notification.Notification;
import org.instanceha.notification.NotificationProperties;
import org.instanceha.notification.NotificationRepository;
import org.instanceha.notification.NotificationStatus;
import org.instanceha.notification.ProgressState;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.notification.RecoveryStarter;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.vmove.InstanceRestartRepository;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep over notifications that would otherwise never end, every
 * {@code instanceha.recovery.stranded-check-interval} on each node (0 turns it off):
 * <ul>
 *   <li>expires those still {@code new}, {@code running} or {@code error} after
 *       {@code instanceha.notifications.expire-after}: {@code failed}, their workflow and its open operator
 *       tasks closed with a message, their unfinished VM moves failed;</li>
 *   <li>starts the workflow of those still {@code new} after {@code instanceha.notifications.start-after}
 *       that never had one (the node crashed between storing and starting it);</li>
 *   <li>settles those whose workflow is gone while they still say {@code new} or {@code running}: a
 *       recovery cancelled in Cockpit, or one that ended without recording its end.</li>
 * </ul>
 * Every change is a conditional update of the notification's row, so nodes sweeping at once do not
 * collide, and no in-process lock is needed. A notification with a live workflow or an open task is never
 * touched before it expires.
 */
@Component
public class StrandedNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StrandedNotifications.class);
    /** Notifications looked at per check; the rest wait for the next one. */
    private static final int BATCH = 200;
    /** The name its progress entries go under. */
    public static final String TASK = "Check for stranded notifications";

    private final NotificationRepository notifications;
    private final VmMoveRepository vmoves;
    private final InstanceRestartRepository restarts;
    private final RecoveryProgress progress;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TransactionTemplate transactions;
    private final RecoveryStarter starter;
    private final Duration interval;
    private final Duration startAfter;
    private final Duration expireAfter;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public StrandedNotifications(NotificationRepository notifications, VmMoveRepository vmoves,
                                 InstanceRestartRepository restarts,
                                 RecoveryProgress progress, RuntimeService runtime, HistoryService history,
                                 TransactionTemplate transactions, RecoveryStarter starter,
                                 RecoveryProperties properties, NotificationProperties notificationProperties,
                                 Clock clock) {
        this.notifications = notifications;
        this.vmoves = vmoves;
        this.restarts = restarts;
        this.progress = progress;
        this.runtime = runtime;
        this.history = history;
        this.transactions = transactions;
        this.starter = starter;
        this.interval = properties.strandedCheckInterval();
        this.startAfter = notificationProperties.startAfter();
        this.expireAfter = notificationProperties.expireAfter();
        this.clock = clock;
    }

    /** One sweep: expires, starts, then settles; returns how many notifications it changed. */
    public int sweep() {
        return expireAll() + startNeglected() + settleAll();
    }

    /** Expires every notification past {@code expire-after}; returns how many. */
    public int expireAll() {
        var now = UtcTime.now(clock);
        var createdBefore = now.minus(expireAfter);
        int expired = 0;
        for (String uuid : notifications.expiring(createdBefore, BATCH)) {
            String message = "Expired: not recovered within " + expireAfter.toHours() + " h ("
                    + expireAfter + ", instanceha.notifications.expire-after).";
            Boolean done = transactions.execute(tx -> {
                if (!notifications.expire(uuid, createdBefore, message, now)) {
                    return false;
                }
                // The notification's workflow; deleting it deletes the instance evacuations it called.
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(uuid).rootProcessInstances().list()
                        .forEach(p -> runtime.deleteProcessInstance(p.getId(), message, true));
                String undecided = "The notification expired before an operator decided. " + message;
                int closed = vmoves.closeOperatorWaits(uuid, undecided, now)
                        + restarts.closeOperatorWaits(uuid, undecided, now);
                int failedMoves = vmoves.failUnfinished(uuid, "The notification expired before this evacuation "
                        + "ended; check the instance in Nova.", now);
                restarts.failUnfinished(uuid, "The notification expired before this restart ended; check the "
                        + "instance in Nova.", now);
                progress.record(uuid, TASK, ProgressState.ERROR, 1.0, message
                        + (closed > 0 ? " " + closed + " operator task(s) closed." : "")
                        + (failedMoves > 0 ? " " + failedMoves + " unfinished VM move(s) failed." : ""));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                log.warn("Notification {} expired: failed, its workflow and operator tasks closed", uuid);
                expired++;
            }
        }
        return expired;
    }

    /** Starts the workflow of every notification still new after {@code start-after} that never had one. */
    public int startNeglected() {
        var now = UtcTime.now(clock);
        var untouchedSince = now.minus(startAfter);
        int started = 0;
        for (Notification notification : notifications.neglected(untouchedSince, BATCH)) {
            if (hasLiveWorkflow(notification.uuid()) || lastWorkflow(notification.uuid()) != null) {
                continue;
            }
            Boolean done = transactions.execute(tx -> {
                if (!notifications.claimStart(notification.uuid(), untouchedSince, now)) {
                    return false;
                }
                starter.start(notification);
                progress.record(notification.uuid(), TASK, ProgressState.RUNNING, 0.0, "Started the recovery "
                        + "workflow of this notification, stored " + startAfter + " ago or more without one.");
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                log.warn("Notification {} was still new without a workflow {} after it was stored: started it",
                        notification.uuid(), startAfter);
                started++;
            }
        }
        return started;
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
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(uuid).count() > 0;
    }

    private HistoricProcessInstance lastWorkflow(String uuid) {
        List<HistoricProcessInstance> ended = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(uuid).rootProcessInstances().orderByProcessInstanceStartTime().desc()
                .listPage(0, 1);
        return ended.isEmpty() ? null : ended.get(0);
    }

    private boolean settle(String uuid) {
        HistoricProcessInstance workflow = lastWorkflow(uuid);
        if (workflow == null && notifications.require(uuid).status() == NotificationStatus.NEW
                && notifications.require(uuid).createdAt().isAfter(UtcTime.now(clock).minus(startAfter))) {
            return false; // stored a moment ago: its workflow is about to start, or the start sweep starts it
        }
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
            sweep();
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
