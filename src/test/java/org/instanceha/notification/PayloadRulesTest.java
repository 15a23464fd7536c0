package org.instanceha.notification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.instanceha.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class PayloadRulesTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void computeHostPayloadsFollowMasakarisSchema() throws Exception {
        assertThatCode(() -> PayloadRules.check(NotificationType.COMPUTE_HOST,
                json("{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\", \"cluster_status\": \"OFFLINE\"}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PayloadRules.check(NotificationType.COMPUTE_HOST, json("{\"event\": 1}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not of type 'string'");
        assertThatThrownBy(() -> PayloadRules.check(NotificationType.COMPUTE_HOST,
                json("{\"event\": \"STOPPED\", \"cluster_status\": \"DOWN\"}")))
                .hasMessageContaining("'DOWN' is not one of ['OFFLINE', 'ONLINE']");
    }

    @Test
    void vmAndProcessPayloadsHaveTheirOwnRequiredFields() throws Exception {
        assertThatCode(() -> PayloadRules.check(NotificationType.VM, json("{\"instance_uuid\": "
                + "\"64a48443-f556-4250-993c-fced0d6d9cc1\", \"vir_domain_event\": \"STOPPED_FAILED\", "
                + "\"event\": \"LIFECYCLE\"}"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PayloadRules.check(NotificationType.VM, json("{\"event\": \"LIFECYCLE\"}")))
                .hasMessageContaining("'instance_uuid' is a required property");
        assertThatCode(() -> PayloadRules.check(NotificationType.PROCESS,
                json("{\"process_name\": \"nova-compute\", \"event\": \"STOPPED\"}"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PayloadRules.check(NotificationType.PROCESS,
                json("{\"process_name\": \"nova-compute\", \"event\": \"STOPPED\", \"host_status\": \"NORMAL\"}")))
                .hasMessageContaining("('host_status' was unexpected)");
    }
}
