package org.instanceha.recovery.evacuation;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.instanceha.recovery.RecoveryProperties;
import org.instanceha.vmove.VmMove;
import org.instanceha.vmove.VmMoveRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wakes an instance that waits for an evacuation slot ("Wait for a free slot", the message
 * {@value #MESSAGE}) as soon as a slot is freed, instead of every waiting instance asking again and
 * again: with hundreds of instances waiting, those polls were most of the engine's work. Once the
 * transaction that freed the slot has committed, one waiting instance of the same notification is woken
 * (else one of the notification that has waited longest among those below their own bound: the cloud-wide
 * bound may be what held it, and a waiter of a notification at its own bound could not use the slot), one
 * after the other on a thread of its own; the woken instance claims the slot in that same command ("Claim evacuation slot" has
 * no job of its own). A wake that fails (the instance was woken by another node) changes nothing: the
 * timer "Look for a slot again" ({@code instanceha.recovery.slot-wait-interval}) is the fallback.
 */
@Component
public class SlotWakeUp {

    public static final String MESSAGE = "evacuationSlotFreed";

    private static final Logger log = LoggerFactory.getLogger(SlotWakeUp.class);

    private final RuntimeService runtime;
    private final ManagementService management;
    private final VmMoveRepository vmoves;
    private final RecoveryProperties properties;
    private final ExecutorService wakes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evacuation-slot-wake-up");
        t.setDaemon(true);
        return t;
    });

    public SlotWakeUp(RuntimeService runtime, ManagementService management, VmMoveRepository vmoves,
                      RecoveryProperties properties) {
        this.runtime = runtime;
        this.management = management;
        this.vmoves = vmoves;
        this.properties = properties;
    }

    /**
     * The move's evacuation settled (moved or failed): its slot is free from now on, though the move goes
     * on to its outcome; if it held one, a waiter is woken once the running command has committed.
     */
    void evacuationSettled(VmMove move, LocalDateTime now) {
        if (vmoves.evacuationSettled(move.uuid(), now)) {
            slotFreed(move.notificationUuid());
        }
    }

    /** A task of the running command freed a slot of {@code notificationUuid}: wake a waiter after commit. */
    private void slotFreed(String notificationUuid) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> wakes.execute(() -> wake(notificationUuid)));
    }

    private void wake(String notificationUuid) {
        try {
            List<Execution> waiting = waitingOf(notificationUuid);
            if (waiting.isEmpty()) {
                waiting = waitingBelowTheirBound();
            }
            for (Execution execution : waiting) {
                runtime.messageEventReceived(MESSAGE, execution.getId());
            }
        } catch (RuntimeException e) {
            log.debug("Could not wake an instance waiting for an evacuation slot (it looks again on its own): {}",
                    e.toString());
        }
    }

    /** One waiting execution of the notification that has waited longest among those below their own bound. */
    private List<Execution> waitingBelowTheirBound() {
        for (String notification : vmoves.withRoomForAnEvacuation(properties.maxParallelEvacuations(), 20)) {
            List<Execution> waiting = waitingOf(notification);
            if (!waiting.isEmpty()) {
                return waiting;
            }
        }
        return List.of();
    }

    /**
     * One execution of the notification that waits for a freed slot. A native query: the execution query
     * with both a subscription and a business key filter had H2 test every execution of every waiting
     * instance (most of the wake-up's time with hundreds waiting), where this join starts from the
     * subscriptions of that name and the executions' business key index.
     */
    private List<Execution> waitingOf(String notificationUuid) {
        String executions = management.getTableName(ExecutionEntity.class);
        return runtime.createNativeExecutionQuery().sql("SELECT RES.* FROM " + executions + " RES"
                        + " INNER JOIN " + management.getTableName(EventSubscriptionEntity.class)
                        + " S ON S.EXECUTION_ID_ = RES.ID_ INNER JOIN " + executions + " P ON P.ID_ = RES.PROC_INST_ID_"
                        + " WHERE S.EVENT_TYPE_ = 'message' AND S.EVENT_NAME_ = #{name} AND P.BUSINESS_KEY_ = #{key}")
                .parameter("name", MESSAGE).parameter("key", notificationUuid).listPage(0, 1);
    }

    @PreDestroy
    void stop() {
        wakes.shutdownNow();
    }
}
