package org.instanceha.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aMassFailuresHostsTravelWithTheirVerdictByName() throws Exception {
        List<FailureToApprove> hosts = List.of(new FailureToApprove("compute3", Verdict.PROCESS_DOWN, null, "e"));

        String written = json.writeValueAsString(hosts);

        assertThat(written).contains("\"verdict\":\"PROCESS_DOWN\"");
        assertThat(json.readValue(written, new TypeReference<List<FailureToApprove>>() { })).isEqualTo(hosts);
    }

    @Test
    void anApprovalOpenedBeforeVerdictsTravelledByNameStillReads() throws Exception {
        String written = "[{\"hostname\":\"compute3\",\"verdict\":\"process down\",\"firstMiss\":null,"
                + "\"evidence\":\"e\"}]";

        List<FailureToApprove> read = json.readValue(written, new TypeReference<>() { });

        assertThat(read.get(0).verdict()).isEqualTo(Verdict.PROCESS_DOWN);
    }

    @Test
    void anythingElseIsNoVerdict() {
        assertThatThrownBy(() -> Verdict.of("dead")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dead");
    }
}
