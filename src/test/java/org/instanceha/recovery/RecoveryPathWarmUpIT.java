package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** At start a node makes a recovery's reads of Nova once; a Nova that does not answer does not stop it. */
class RecoveryPathWarmUpIT extends RecoveryScenarioSupport {

    @Autowired
    RecoveryPathWarmUp warmUp;

    @Test
    void theReadsOfARecoveryAreMadeOnceAndTimed() {
        segment("auto", true);

        String said = warmUp.run();

        assertThat(said).matches("Warmed the recovery path with Nova's reads: compute services in [0-9]+ ms, servers of "
                + "compute1 in [0-9]+ ms \\(3\\), one server in [0-9]+ ms, hypervisors in [0-9]+ ms\\.");
    }

    @Test
    void withNoHostRegisteredYetTheFirstHostNovaListsServes() {
        assertThat(warmUp.run()).contains("servers of compute1 in");
    }

    @Test
    void aNovaThatDoesNotAnswerIsLoggedAndNothingElse() {
        segment("auto", true);
        cloud.failNextRequests(20, 503);

        assertThat(warmUp.run()).startsWith("Could not warm the recovery path (").endsWith("the first recovery pays for it.");
    }
}
