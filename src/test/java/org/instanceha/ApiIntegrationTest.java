package org.instanceha;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.instanceha.simulator.SimulatedCloud;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the tests that start the whole application on a random port and talk to it over HTTP.
 * The database is H2, or PostgreSQL when the {@code postgres} profile is active (Maven's second
 * surefire execution runs every test tagged {@code db} that way); a third execution runs them with
 * {@code instanceha.auth.mode=keystone} (see {@link HttpApi}). Each test starts from empty tables and
 * the simulator's default cloud.
 */
@SpringBootTest(classes = InstanceHaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("db")
public abstract class ApiIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected SimulatedCloud cloud;
    @Autowired
    protected RuntimeService runtimeService;

    protected HttpApi api;

    @BeforeEach
    void cleanDatabaseAndConnect() {
        cloud.reset();
        emptyDatabase(runtimeService, jdbc);
        user(TestUsers.OPERATOR, TestUsers.OPERATOR_PASSWORD, null);
        user(TestUsers.READER, TestUsers.READER_PASSWORD, "instanceha-readers");
        user(TestUsers.MEMBER_A, TestUsers.MEMBER_A_PASSWORD, "project-" + TestUsers.PROJECT_A);
        user(TestUsers.MEMBER_B, TestUsers.MEMBER_B_PASSWORD, "project-" + TestUsers.PROJECT_B);
        api = new HttpApi(port);
    }

    /**
     * Empties our tables, after the workflows of earlier tests (still running on some context's job executor)
     * are deleted; for the tests of another context on the same database too.
     */
    public static void emptyDatabase(RuntimeService runtimeService, JdbcClient jdbc) {
        // Workflows of the previous test may still run on the job executor: delete them until none is left.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().list()) {
                try {
                    runtimeService.deleteProcessInstance(instance.getId(), "test cleanup", true, true);
                } catch (RuntimeException finishedMeanwhile) {
                    // it ended or moved on while we deleted it; the next round sees
                }
            }
            return runtimeService.createProcessInstanceQuery().count() == 0;
        });
        // Where the check for stranded notifications runs on its own, it may record progress meanwhile: again.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            for (String table : new String[] {"evacuation_slot_locks", "recovery_progress", "vmoves", "restart_tiers", "notification_projects", "instance_restarts", "host_returns",
                    "notifications",
                    "hosts", "segment_policies", "segments"}) {
                jdbc.sql("DELETE FROM " + table).update();
            }
            return true;
        });
    }

    /** A Camunda user with this password, in {@code group} (created when missing) unless it is null. */
    private void user(String id, String password, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            var user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        if (group != null && identityService.createGroupQuery().groupId(group).count() == 0) {
            identityService.saveGroup(identityService.newGroup(group));
        }
        if (group != null && identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    /** A Masakari fault: status, {@code {"<faultName>": {"code": status, "message": "...<message>..."}}}. */
    protected static void assertFault(HttpApi.Response r, int status, String faultName, String message) {
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(r.json().at("/" + faultName + "/code").asInt()).isEqualTo(status);
        if (message != null) {
            org.assertj.core.api.Assertions.assertThat(r.json().at("/" + faultName + "/message").asText())
                    .contains(message);
        }
    }

    /** Makes sure the simulated Nova has a nova-compute service on each of these hosts. */
    protected void novaHasComputeHosts(String... names) {
        for (String name : names) {
            if (cloud.findHost(name).isEmpty()) {
                cloud.addComputeHost(name, 10, 8192);
            }
        }
    }

    /** Stores a notification row directly, without a workflow; returns its uuid. */
    protected String storeNotification(String segmentUuid, String hostUuid, String status) {
        String uuid = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO notifications (notification_uuid, generated_time, source_host_uuid, type, payload, status,
                                           failover_segment_uuid, created_at)
                VALUES (:uuid, CURRENT_TIMESTAMP, :host, 'COMPUTE_HOST', '{}', :status, :segment, CURRENT_TIMESTAMP)""")
                .param("uuid", uuid)
                .param("host", hostUuid)
                .param("status", status)
                .param("segment", segmentUuid)
                .update();
        return uuid;
    }
}
