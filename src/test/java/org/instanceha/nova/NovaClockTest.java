package org.instanceha.nova;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class NovaClockTest {

    private static ComputeServiceInfo beat(String host, String updatedAt) {
        return new ComputeServiceInfo("id-" + host, host, "nova", true, true, false, null, updatedAt);
    }

    @Test
    void novasClockIsTheDateOfItsAnswerOrElseItsFreshestHeartbeat() {
        List<ComputeServiceInfo> services = List.of(beat("compute1", "2026-12-06T16:31:20.000000"),
                beat("compute2", "2026-12-06T16:33:15.000000"), beat("compute3", null));

        assertThat(NovaServiceList.novaClock("Sun, 06 Dec 2026 16:33:16 GMT", services))
                .isEqualTo(Instant.parse("2026-12-06T16:33:16Z"));
        assertThat(NovaServiceList.novaClock(null, services)).as("nova-api under uwsgi sends no Date")
                .isEqualTo(Instant.parse("2026-12-06T16:33:15Z"));
        assertThat(NovaServiceList.novaClock("not a date", services)).isEqualTo(Instant.parse("2026-12-06T16:33:15Z"));
        assertThat(NovaServiceList.novaClock(null, List.of())).isNull();
    }
}
