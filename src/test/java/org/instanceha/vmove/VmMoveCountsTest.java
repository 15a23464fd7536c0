package org.instanceha.vmove;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class VmMoveCountsTest {

    @Test
    void theSummarySaysHowManyMovedFailedAndAreNotFinished() {
        VmMoveCounts counts = VmMoveCounts.of(Map.of(VmMoveStatus.SUCCEEDED, 2L, VmMoveStatus.FAILED, 1L,
                VmMoveStatus.PENDING, 1L, VmMoveStatus.ONGOING, 3L));

        assertThat(counts.total()).isEqualTo(7);
        assertThat(counts.unfinished()).isEqualTo(4);
        assertThat(counts.summary()).isEqualTo("2 of 7 instance(s) evacuated, 1 failed, 4 not finished.");
        assertThat(VmMoveCounts.of(Map.of(VmMoveStatus.SUCCEEDED, 3L)).summary())
                .isEqualTo("3 of 3 instance(s) evacuated.");
        assertThat(VmMoveCounts.of(Map.of()).isEmpty()).isTrue();
    }

    @Test
    void statusesHaveTheApisWireNames() {
        assertThat(VmMoveStatus.ONGOING.wireName()).isEqualTo("ongoing");
        assertThat(VmMoveStatus.fromWire("succeeded")).contains(VmMoveStatus.SUCCEEDED);
        assertThat(VmMoveStatus.fromWire("running")).isEmpty();
    }
}
