package org.instanceha.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.instanceha.nova.Server;
import org.junit.jupiter.api.Test;

class MyInstancesTest {

    private static Server server(String name, Map<String, String> metadata) {
        return new Server("id-" + name, name, "ACTIVE", "active", null, 1, null, null, false, metadata, 1, 512, null,
                "p");
    }

    @Test
    void eachServerShowsItsProtectionPriorityAndWhyNothingCoversIt() {
        List<MyInstances.Row> rows = MyInstances.rows(List.of(server("vm10", Map.of()),
                        server("vm2", Map.of("HA_Enabled", "yes", "instanceha:priority", "1")),
                        server("db", Map.of("instanceha:priority", "first"))),
                Map.of("id-vm2", "compute9", "id-db", "compute1"), host -> Optional.empty());

        assertThat(rows).extracting(MyInstances.Row::name).containsExactly("db", "vm2", "vm10");
        assertThat(rows.get(1).protectedOn()).isTrue();
        assertThat(rows.get(1).priority()).isEqualTo(1);
        assertThat(rows.get(1).coveredBy()).isEqualTo("not covered: its host is in no segment");
        assertThat(rows.get(0).priority()).isEqualTo(3);
        assertThat(rows.get(0).priorityProblem()).isEqualTo("db: instanceha:priority 'first' is not 1 to 5; 3 used");
        assertThat(rows.get(2).protectedOn()).isFalse();
        assertThat(rows.get(2).coveredBy()).isEqualTo("not covered: it is on no host");
        assertThat(rows).noneMatch(MyInstances.Row::covered);
    }

    @Test
    void namesWithNumbersSortByTheirNumber() {
        assertThat(MyInstances.byNameAndNumber("vm2", "vm10")).isNegative();
        assertThat(MyInstances.byNameAndNumber("vm10", "vm9")).isPositive();
        assertThat(MyInstances.byNameAndNumber("app", "vm1")).isNegative();
        assertThat(MyInstances.byNameAndNumber("vm", "vm1")).isNegative();
    }
}
