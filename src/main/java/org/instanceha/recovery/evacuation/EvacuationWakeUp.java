package org.instanceha.recovery.evacuation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.instanceha.nova.Server;
import org.instanceha.recovery.RecoveryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sees an evacuation's end between its checks: every {@code instanceha.recovery.evacuation-watch-interval} (250 ms)
 * while this node has evacuations in flight, one look at Nova for all of them ({@link EvacuationWatch}); the check
 * of each one Nova shows settled (no task running, and on another host or in error, or deleted) is woken at once by
 * moving its timer "Wait for the evacuation" to now and telling the job executor. The checks themselves stay on their poll grid as the fallback,
 * and judge the evacuation as before: a wake that comes too early only runs a check sooner. So an evacuation's end
 * is seen within the watch interval, not the poll interval (whose checks are jobs, with their writes and history,
 * for every evacuation in flight), at one Nova request per watch interval and node however many are in flight.
 * Per node and in memory: a node started anew wakes nothing until its checks watch again.
 */
@Component
public class EvacuationWakeUp {

    private static final Logger log = LoggerFactory.getLogger(EvacuationWakeUp.class);

    private final EvacuationWatch watch;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final ManagementService management;
    private final org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor;
    private final RecoveryProperties properties;
    private final Clock clock;
    /** Server id to the evacuation waited for. */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private ScheduledExecutorService looks;
    private volatile Instant lastWarning;

    private record Waiting(String sourceHost, String processInstanceId) {
    }

    public EvacuationWakeUp(EvacuationWatch watch, org.camunda.bpm.engine.RuntimeService runtime,
                            ManagementService management,
                            org.springframework.beans.factory.ObjectProvider<
                                    org.camunda.bpm.engine.impl.jobexecutor.JobExecutor> jobExecutor,
                            RecoveryProperties properties, Clock clock) {
        this.watch = watch;
        this.runtime = runtime;
        this.management = management;
        this.jobExecutor = jobExecutor == null ? null : jobExecutor.getIfAvailable();
        this.properties = properties;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        Duration interval = properties.evacuationWatchInterval();
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        looks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evacuation-watch");
            t.setDaemon(true);
            return t;
        });
        looks.schedule(this::lookThenWait, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look, then the next after {@link #pause}; whatever the look throws, the looks go on. */
    private void lookThenWait() {
        long began = System.nanoTime();
        try {
            look();
        } catch (Throwable e) {
            log.error("The look at the evacuations in flight failed; looking again later", e);
        } finally {
            Duration pause = pause(properties.evacuationWatchInterval(), Duration.ofNanos(System.nanoTime() - began));
            if (!looks.isShutdown()) {
                looks.schedule(this::lookThenWait, pause.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * The pause after a look: the watch interval, or as long as the look took if that was longer, so that the
     * listings of a slow Nova API (one that answers in 0.4 s during a recovery on the test bed) keep it busy at
     * most half the time and leave it to the requests of everyone else, the rebuilds' own among them.
     */
    static Duration pause(Duration interval, Duration took) {
        return took.compareTo(interval) > 0 ? took : interval;
    }

    @PreDestroy
    void stop() {
        if (looks != null) {
            looks.shutdownNow();
        }
    }

    /** The check found the evacuation of this server from {@code sourceHost} still moving: wake it when it is not. */
    public void waitFor(String serverId, String sourceHost, String processInstanceId) {
        waiting.put(serverId, new Waiting(sourceHost, processInstanceId));
    }

    /** The check found the evacuation settled. */
    public void settled(String serverId) {
        waiting.remove(serverId);
    }

    /** One look at Nova for every evacuation waited for; wakes those that settled. */
    void look() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            forgetEnded();
            if (waiting.isEmpty()) {
                return;
            }
            Map<String, Server> servers = watch.look(properties.evacuationWatchInterval().dividedBy(2));
            waiting.forEach((serverId, w) -> {
                Server server = servers.get(serverId);
                if (server != null && EvacuationProgressRules.novaIsDone(server, w.sourceHost()) && waiting.remove(serverId, w)) {
                    wake(w.processInstanceId());
                }
            });
        } catch (RuntimeException e) {
            // Once a minute at most: during a Nova outage this runs every watch interval.
            Instant now = clock.instant();
            if (lastWarning == null || now.isAfter(lastWarning.plus(Duration.ofMinutes(1)))) {
                lastWarning = now;
                log.warn("Could not look at the evacuations in flight ({}): their checks look on their own",
                        e.getMessage());
            }
        }
    }

    /**
     * Stops watching evacuations whose workflow ended without a check saying so (cancelled, deleted in Cockpit):
     * else this node would look at Nova for them until their deadline, minutes later.
     */
    private void forgetEnded() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        waiting.values().forEach(w -> ids.add(w.processInstanceId()));
        java.util.Set<String> running = new java.util.HashSet<>();
        runtime.createProcessInstanceQuery().processInstanceIds(ids).list().forEach(p -> running.add(p.getId()));
        waiting.forEach((serverId, w) -> {
            if (!running.contains(w.processInstanceId()) && waiting.remove(serverId, w)) {
                watch.settled(serverId);
            }
        });
    }

    /**
     * Moves the workflow's timers due more than 50 ms from now to now; returns how many. A timer due sooner is left
     * alone: it may be picked up meanwhile, and moving a job being run would only make that run fail and repeat.
     */
    public int wake(String processInstanceId) {
        Instant now = clock.instant();
        int woken = 0;
        for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers()
                .duedateHigherThan(Date.from(now.plusMillis(50))).list()) {
            management.setJobDuedate(timer.getId(), Date.from(now));
            woken++;
        }
        if (woken > 0 && jobExecutor != null) {
            jobExecutor.jobWasAdded(); // picked up now, not at the acquisition's next look (up to max-wait later)
        }
        log.debug("Woke {} timer(s) of {}: Nova shows its evacuation settled", woken, processInstanceId);
        return woken;
    }
}
