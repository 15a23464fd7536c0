package org.instanceha.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.instanceha.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * The host monitor's lease on the shared database (H2, and PostgreSQL in its pass): exactly one node judges; a
 * node that leaves hands over at once; a node that dies (its lock row left behind, no longer renewed) is replaced
 * within the lease time. The test's nodes use a region of their own, beside the application's node.
 */
class MonitorLeaseIT extends ApiIntegrationTest {

    private static final DetectionProperties TWO_SECONDS = DetectionProperties.lease(Duration.ofSeconds(2));

    @Autowired
    DataSource dataSource;
    @Autowired
    MonitorLeadership applicationsNode;
    @Autowired
    ApplicationContext context;

    private final String region = "test-" + UUID.randomUUID();
    private final List<LockRegistryLeaderInitiator> started = new ArrayList<>();

    /** An engine node of the test's region: its own lock repository, registry, candidate and initiator. */
    private MonitorLeadership node() throws Exception {
        DefaultLockRepository repository = MonitorLease.lockRepository(dataSource, TWO_SECONDS, region);
        repository.setApplicationContext(context);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        MonitorLeadership candidate = MonitorLease.leadership(repository);
        LockRegistryLeaderInitiator initiator = MonitorLease.leaderInitiator(new JdbcLockRegistry(repository),
                candidate, TWO_SECONDS);
        initiator.start();
        started.add(initiator);
        return candidate;
    }

    @AfterEach
    void stopNodes() {
        started.forEach(LockRegistryLeaderInitiator::stop);
    }

    @Test
    void theApplicationsOwnNodeJudgesWhenItIsAlone() {
        await().atMost(Duration.ofSeconds(20)).until(applicationsNode::leading);
    }

    @Test
    void exactlyOneOfTwoNodesJudgesAndALeavingNodeHandsOverAtOnce() throws Exception {
        MonitorLeadership a = node();
        await().atMost(Duration.ofSeconds(5)).until(a::leading);
        MonitorLeadership b = node();
        Thread.sleep(3000);
        assertThat(b.leading()).as("two leases of the lease time later, still one judge").isFalse();
        assertThat(a.leading()).isTrue();

        started.get(0).stop();

        await().atMost(Duration.ofSeconds(2)).until(b::leading);
        assertThat(a.leading()).isFalse();
    }

    @Test
    void aNodeThatStillBelievesItLeadsAfterItsLeaseWasTakenReportsNothing() throws Exception {
        MonitorLeadership a = node();
        await().atMost(Duration.ofSeconds(5)).until(a::leading);
        assertThat(a.holdsLeaseNow()).as("its lease runs").isTrue();
        // A node paused past its lease time (a frozen VM): meanwhile another node took the lease. What it believes
        // is its own flag, which only its next heartbeat corrects; a paused node's is not there yet.
        DefaultLockRepository paused = MonitorLease.lockRepository(dataSource, TWO_SECONDS, region);
        paused.setApplicationContext(context);
        paused.afterPropertiesSet();
        paused.afterSingletonsInstantiated();
        MonitorLeadership believer = MonitorLease.leadership(paused);
        believer.onGranted(null);

        assertThat(believer.leading()).as("what it believes").isTrue();
        assertThat(believer.holdsLeaseNow()).as("what the database says at the moment of reporting").isFalse();
        assertThat(a.holdsLeaseNow()).isTrue();
    }

    @Test
    void aNodeThatDiesIsReplacedWithinTheLeaseTime() throws Exception {
        MonitorLeadership a = node();
        await().atMost(Duration.ofSeconds(5)).until(a::leading);
        var row = jdbc.sql("SELECT LOCK_KEY, CLIENT_ID FROM INT_LOCK WHERE REGION = ?").param(region)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        started.get(0).stop();
        // stop() lets go of the lock on A's own thread: once it has, A "dies" holding the lease: its row is back,
        // as renewed a moment ago, and nobody renews it any more.
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT COUNT(*) FROM INT_LOCK WHERE REGION = ?")
                .param(region).query(Long.class).single() == 0);
        jdbc.sql("INSERT INTO INT_LOCK (LOCK_KEY, REGION, CLIENT_ID, CREATED_DATE) VALUES (?, ?, ?, ?)")
                .params(row[0], region, row[1], java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)).update();
        long died = System.nanoTime();

        MonitorLeadership b = node();

        Thread.sleep(1000);
        assertThat(b.leading()).as("the dead node's lease still runs").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(b::leading);
        assertThat(Duration.ofNanos(System.nanoTime() - died)).as("within the lease time and a renewal")
                .isLessThan(TWO_SECONDS.lease().plusMillis(1500));
    }
}
