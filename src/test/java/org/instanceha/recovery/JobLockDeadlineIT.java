package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.instanceha.InstanceHaApplication;
import org.instanceha.notification.RecoveryProgress;
import org.instanceha.nova.Compute;
import org.instanceha.nova.ComputeException;
import org.instanceha.nova.ComputeUnavailable;
import org.instanceha.nova.KeystoneSession;
import org.instanceha.simulator.SimulatedCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A task run by the job executor never outlives its job's lock: a call with almost nothing of the lock left
 * (less the commit margin) is not sent, otherwise another node could take the job while this one still runs
 * it. Over real HTTP against the simulated Nova. That each call's timeouts are cut to what is left is
 * {@code CallDeadlineTest}'s.
 */
@Tag("db")
@SpringBootTest(classes = InstanceHaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobLockDeadlineIT {

    @Autowired
    Compute compute;
    @Autowired
    SimulatedCloud simulated;
    @Autowired
    KeystoneSession session;
    @Autowired
    RecoveryProgress progress;

    /** A task that asks Nova for a host's compute service. */
    private RecoveryTask lookUpService() {
        return new RecoveryTask(progress) {
            @Override
            protected void run(TaskRun task) {
                compute.computeService("compute1");
            }
        };
    }

    @BeforeEach
    void freshCloud() {
        simulated.reset();
        session.token();
    }

    @AfterEach
    void leaveJob() {
        Context.removeJobExecutorContext();
        simulated.reset();
    }

    /** Runs {@code task} as the job executor would, in a job whose lock runs out {@code lockLeft} from now. */
    private void runInJob(RecoveryTask task, Duration lockLeft) {
        MessageEntity job = new MessageEntity();
        job.setLockExpirationTime(new Date(System.currentTimeMillis() + lockLeft.toMillis()));
        JobExecutorContext context = new JobExecutorContext();
        context.setCurrentJob(job);
        Context.setJobExecutorContext(context);
        task.execute(mock(DelegateExecution.class));
    }

    @Test
    void aCallThatWouldEndAfterTheLockIsNotSent() {
        simulated.failNextRequests(1, 400);
        Duration left = RecoveryTask.COMMIT_MARGIN.plusMillis(100);

        assertThatThrownBy(() -> runInJob(lookUpService(), left)).isInstanceOf(ComputeUnavailable.class)
                .hasMessageContaining("Not sent: GET /os-services")
                .hasMessageContaining("lock-time-in-millis");
        // The fault the simulator held for the next request is still there: nothing reached Nova.
        assertThatThrownBy(() -> compute.computeService("compute1")).isInstanceOf(ComputeException.class)
                .hasMessageContaining("Nova answered 400");
    }

    @Test
    void aTaskWithTimeLeftCallsNovaAsUsual() {
        runInJob(lookUpService(), Duration.ofSeconds(20));
        assertThat(compute.computeService("compute1")).isPresent();
    }
}
