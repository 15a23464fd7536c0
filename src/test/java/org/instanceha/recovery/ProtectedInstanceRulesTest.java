package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.instanceha.nova.Server;
import org.junit.jupiter.api.Test;

class ProtectedInstanceRulesTest {

    private static Server server(String name, String vmState, String task, String host, Map<String, String> metadata) {
        return new Server("id-" + name, name, "X", vmState, task, 1, host, host, false, metadata, 1, 512, null, "project-a");
    }

    @Test
    void protectedInstancesComeFirstAndTheOthersOnlyWhenAllAreEvacuated() {
        List<Server> servers = List.of(server("plain", "active", null, "h", Map.of()),
                server("ha", "active", null, "h", Map.of("HA_Enabled", "True")),
                server("broken", "error", null, "h", Map.of()));

        assertThat(ProtectedInstanceRules.select(servers, true, false)).extracting(Server::name)
                .containsExactly("ha", "plain", "broken");
        assertThat(ProtectedInstanceRules.select(servers, false, false)).extracting(Server::name).containsExactly("ha");
        assertThat(ProtectedInstanceRules.select(servers, true, true)).extracting(Server::name)
                .containsExactly("ha", "plain");
    }

    @Test
    void anInstancesRestartPriorityIsOneToFiveAndTheDefaultOtherwise() {
        assertThat(ProtectedInstanceRules.priority(server("a", "active", null, "c1", Map.of()), 3))
                .isEqualTo(new org.instanceha.nova.InstanceProtection.Priority(3, null));
        assertThat(ProtectedInstanceRules.priority(server("a", "active", null, "c1",
                Map.of("instanceha:priority", " 1 ")), 3).value()).isEqualTo(1);
        assertThat(ProtectedInstanceRules.priority(server("a", "active", null, "c1",
                Map.of("instanceha:priority", "5")), 3).value()).isEqualTo(5);
        for (String wrong : List.of("0", "6", "high", "1.5", "-1")) {
            org.instanceha.nova.InstanceProtection.Priority p = ProtectedInstanceRules.priority(server("a", "active", null, "c1",
                    Map.of("instanceha:priority", wrong)), 3);
            assertThat(p.value()).as(wrong).isEqualTo(3);
            assertThat(p.problem()).isEqualTo("a: instanceha:priority '" + wrong + "' is not 1 to 5; 3 used");
        }
    }
}
