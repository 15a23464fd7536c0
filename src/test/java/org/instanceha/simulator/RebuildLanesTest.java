package org.instanceha.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RebuildLanesTest {

    @Test
    void aHostRebuildsAtMostItsLanesAtOnceAndTheOthersWait() {
        RebuildLanes lanes = new RebuildLanes(2);

        assertThat(lanes.untilDone("c1", 0, 300)).isEqualTo(300);
        assertThat(lanes.untilDone("c1", 0, 300)).isEqualTo(300);
        assertThat(lanes.untilDone("c1", 0, 300)).as("the third waits for a lane").isEqualTo(600);
        assertThat(lanes.untilDone("c2", 0, 300)).as("another host has lanes of its own").isEqualTo(300);
        assertThat(lanes.untilDone("c1", 1000, 300)).as("lanes free again later").isEqualTo(300);
    }

    @Test
    void withoutABoundEveryRebuildStartsAtOnce() {
        RebuildLanes lanes = new RebuildLanes(0);
        for (int i = 0; i < 10; i++) {
            assertThat(lanes.untilDone("c1", 0, 300)).isEqualTo(300);
        }
    }
}
