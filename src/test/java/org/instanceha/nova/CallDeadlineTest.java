package org.instanceha.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openstack4j.core.transport.Config;

/**
 * Within a deadline, the timeouts openstack4j gets for each call are cut to what is left; outside of one,
 * the configured timeouts apply; a deadline set inside a sooner one does not extend it.
 */
class CallDeadlineTest {

    private final KeystoneSession session = new KeystoneSession(new OpenStackProperties("http://keystone/v3", "admin",
            "secret", "admin", "Default", "Default", null, "public", Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofMinutes(5), 500, 1.0, 1.0), null, Clock.systemUTC());

    @Test
    void outsideADeadlineTheConfiguredTimeoutsApply() {
        Config config = session.config();
        assertThat(config.getConnectTimeout()).isEqualTo(5000);
        assertThat(config.getReadTimeout()).isEqualTo(10000);
    }

    @Test
    void withinADeadlineEachCallGetsOnlyWhatIsLeft() {
        Config config = CallDeadline.within(Duration.ofSeconds(1), session::config);
        assertThat(config.getConnectTimeout()).isBetween(1, 1000);
        assertThat(config.getReadTimeout()).isBetween(1, 1000);
    }

    @Test
    void aLongerDeadlineInsideASoonerOneDoesNotExtendIt() {
        Config config = CallDeadline.within(Duration.ofSeconds(1),
                () -> CallDeadline.within(Duration.ofSeconds(30), session::config));
        assertThat(config.getReadTimeout()).isBetween(1, 1000);
        assertThat(CallDeadline.within(Duration.ofSeconds(30), session::config).getReadTimeout()).isEqualTo(10000);
    }

    @Test
    void aCallIsNotStartedWithAlmostNothingLeftAndTheDeadlineEndsWithItsWork() {
        assertThatThrownBy(() -> CallDeadline.within(Duration.ofMillis(100), () -> {
            CallDeadline.ensureTimeFor("GET /servers/x");
            return null;
        })).isInstanceOf(ComputeUnavailable.class).hasMessageContaining("Not sent: GET /servers/x");
        CallDeadline.ensureTimeFor("GET /servers/x");
        assertThat(session.config().getReadTimeout()).isEqualTo(10000);
    }
}
