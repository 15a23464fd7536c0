package org.instanceha.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness includes the database and the cloud: the node is not ready while Nova answers 500s, with
 * the reason for a logged-in caller, and ready again once Nova answers; liveness does not depend on it.
 */
class CloudHealthIT extends ApiIntegrationTest {

    @AfterEach
    void novaAnswersAgain() {
        cloud.failNextRequests(0, 500);
    }

    private Response readiness() {
        return api.get("/actuator/health/readiness").anonymous().send();
    }

    @Test
    void readinessGoesDownWhileNovaFailsAndUpAgainAfter() {
        await().atMost(Duration.ofSeconds(20)).until(() -> readiness().status() == 200);
        Response ready = api.get("/actuator/health/readiness").send();
        assertThat(ready.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(ready.json().at("/components/cloud/status").asText()).isEqualTo("UP");

        cloud.failNextRequests(Integer.MAX_VALUE, 500);

        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().status() == 503);
        assertThat(readiness().json().get("status").asText()).isEqualTo("DOWN");
        assertThat(readiness().json().has("components")).as("no details for anonymous callers").isFalse();
        Response why = api.get("/actuator/health/readiness").send();
        assertThat(why.json().at("/components/cloud/details/reason").asText()).startsWith("Nova could not be asked")
                .contains("500");
        Response liveness = api.get("/actuator/health/liveness").anonymous().send();
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");

        cloud.failNextRequests(0, 500);

        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().status() == 200);
    }

    @Test
    void theJobExecutorsStateIsPartOfHealth() {
        Response health = api.get("/actuator/health").send();

        assertThat(health.json().at("/components/jobExecutor/status").asText()).as(health.toString())
                .isEqualTo("UP");
    }
}
