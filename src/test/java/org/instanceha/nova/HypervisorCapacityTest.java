package org.instanceha.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HypervisorCapacityTest {

    @Test
    void theSchedulersRoomIsThePhysicalCapacityTimesTheAllocationRatios() {
        // The test bed's compute4 as Nova shows it: 10 vCPUs, 8 GB, 5 tiny servers (2.5 GB) and 512 MB reserved.
        HypervisorCapacity bed = new HypervisorCapacity("compute4", "compute4", 10, 5, 8192, 3072, true, true);

        assertThat(bed.withAllocationRatios(1.0, 1.0)).isEqualTo(bed);
        HypervisorCapacity nova = bed.withAllocationRatios(16.0, 1.5);
        assertThat(nova.freeVcpus()).as("Nova's default cpu_allocation_ratio").isEqualTo(155);
        assertThat(nova.freeMemoryMb()).as("12288 MB schedulable, 3072 used").isEqualTo(9216);
        assertThat(bed.withAllocationRatios(0.5, 1.0).freeVcpus()).as("held back below the physical count").isZero();
    }

    @Test
    void aRatioThatIsNotAPositiveNumberStopsTheStart() {
        for (double ratio : new double[] {0, -1, Double.NaN, 1001}) {
            assertThatThrownBy(() -> new OpenStackProperties(null, "admin", null, "admin", "Default", "Default", null,
                    "public", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5), 500, ratio, 1.0))
                    .as("%s", ratio).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16.0 and 1.5");
        }
    }
}
