package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.Test;

/** {@code GET/PUT /v1/segments/{id}/policy}: the defaults, partial updates, bad input, and who may do what. */
class SegmentPolicyApiIT extends ApiIntegrationTest {

    private String segment() {
        Response r = api.post("/v1/segments", """
                {"segment": {"name": "seg1", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/segment/uuid").asText();
    }

    private JsonNode policy(String segment) {
        Response r = api.get("/v1/segments/" + segment + "/policy").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("policy");
    }

    @Test
    void aNewSegmentHasTheDefaultsAndAnUpdateChangesOnlyTheFieldsItNames() {
        String segment = segment();

        JsonNode defaults = policy(segment);
        assertThat(defaults.get("segment_uuid").asText()).isEqualTo(segment);
        assertThat(defaults.get("return_to_service").asText()).isEqualTo("auto");
        assertThat(defaults.get("failback").asBoolean()).isFalse();
        assertThat(defaults.get("failures_to_tolerate").asInt()).isEqualTo(1);
        assertThat(defaults.get("failure_domain").asText()).isEqualTo("host");
        assertThat(defaults.get("updated_at").isNull()).isTrue();
        assertThat(defaults.get("instance_storage").asText()).isEqualTo("shared");
        assertThat(defaults.get("service_projects")).isEmpty();
        assertThat(defaults.get("evacuation_actions").toString()).isEqualTo("{\"volume_backed\":\"evacuate\","
                + "\"shared_ephemeral\":\"evacuate\",\"local_ephemeral\":\"ask\",\"not_evacuable\":\"skip\","
                + "\"service_owned\":\"evacuate\"}");

        Response ask = api.put("/v1/segments/" + segment + "/policy", "{\"policy\": {\"return_to_service\": \"ask\"}}")
                .send();
        assertThat(ask.status()).as(ask.toString()).isEqualTo(200);
        assertThat(ask.json().at("/policy/return_to_service").asText()).isEqualTo("ask");
        Response failback = api.put("/v1/3f1c0b5e/segments/" + segment + "/policy", "{\"policy\": {\"failback\": true}}")
                .send();
        assertThat(failback.status()).as(failback.toString()).isEqualTo(200);
        Response tolerance = api.put("/v1/segments/" + segment + "/policy",
                "{\"policy\": {\"failures_to_tolerate\": 2, \"failure_domain\": \"aggregate\"}}").send();
        assertThat(tolerance.status()).as(tolerance.toString()).isEqualTo(200);
        assertThat(api.put("/v1/segments/" + segment + "/policy", "{\"policy\": {\"failures_to_tolerate\": \"0\"}}")
                .send().json().at("/policy/failures_to_tolerate").asInt()).as("digits as a string, like Masakari's integers")
                .isZero();

        Response evacuation = api.put("/v1/segments/" + segment + "/policy", """
                {"policy": {"instance_storage": "local", "service_projects": ["octavia-id"],
                            "service_instance_names": ["amphora-*"],
                            "evacuation_actions": {"local_ephemeral": "evacuate_stopped", "service_owned": "skip"}}}""")
                .send();
        assertThat(evacuation.status()).as(evacuation.toString()).isEqualTo(200);
        assertThat(api.put("/v1/segments/" + segment + "/policy",
                "{\"policy\": {\"evacuation_actions\": {\"volume_backed\": \"ask\"}}}").send().status()).isEqualTo(200);

        JsonNode now = policy(segment);
        assertThat(now.get("instance_storage").asText()).isEqualTo("local");
        assertThat(now.get("service_projects").toString()).isEqualTo("[\"octavia-id\"]");
        assertThat(now.get("service_instance_names").toString()).isEqualTo("[\"amphora-*\"]");
        assertThat(now.at("/evacuation_actions/local_ephemeral").asText()).as("kept by the later update")
                .isEqualTo("evacuate_stopped");
        assertThat(now.at("/evacuation_actions/volume_backed").asText()).isEqualTo("ask");
        assertThat(now.at("/evacuation_actions/service_owned").asText()).isEqualTo("skip");
        assertThat(now.at("/evacuation_actions/not_evacuable").asText()).isEqualTo("skip");
        assertThat(now.get("return_to_service").asText()).isEqualTo("ask");
        assertThat(now.get("failback").asBoolean()).isTrue();
        assertThat(now.get("failures_to_tolerate").asInt()).isZero();
        assertThat(now.get("failure_domain").asText()).isEqualTo("aggregate");
        assertThat(now.get("updated_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    }

    @Test
    void anUnknownFieldOrValueIsRefusedWith400AndChangesNothing() {
        String segment = segment();
        String[] bad = {
                "{\"policy\": {\"return_to_service\": \"sometimes\"}}",
                "{\"policy\": {\"return_to_service\": \"never\", \"colour\": \"blue\"}}",
                "{\"policy\": {\"failback\": \"perhaps\"}}",
                "{\"policy\": {\"return_to_service\": 3}}",
                "{\"policy\": {\"failures_to_tolerate\": 4}}",
                "{\"policy\": {\"failures_to_tolerate\": -1}}",
                "{\"policy\": {\"failures_to_tolerate\": 1.5}}",
                "{\"policy\": {\"failures_to_tolerate\": \"two\"}}",
                "{\"policy\": {\"failures_to_tolerate\": null}}",
                "{\"policy\": {\"failure_domain\": \"rack\"}}",
                "{\"policy\": {\"failure_domain\": [\"host\"]}}",
                "{\"policy\": {\"failures_to_tolerate\": 2, \"failure_domain\": \"row\"}}",
                "{\"policy\": {}}",
                "{\"policy\": \"auto\"}",
                "{\"segment\": {\"return_to_service\": \"never\"}}",
                "{\"policy\": {\"instance_storage\": \"nfs\"}}",
                "{\"policy\": {\"service_projects\": \"octavia\"}}",
                "{\"policy\": {\"service_projects\": [1]}}",
                "{\"policy\": {\"service_projects\": [\"has space\"]}}",
                "{\"policy\": {\"service_instance_names\": [\"\"]}}",
                "{\"policy\": {\"service_instance_names\": [" + "\"a\",".repeat(50) + "\"a\"]}}",
                "{\"policy\": {\"evacuation_actions\": {}}}",
                "{\"policy\": {\"evacuation_actions\": [\"skip\"]}}",
                "{\"policy\": {\"evacuation_actions\": {\"gpu\": \"skip\"}}}",
                "{\"policy\": {\"evacuation_actions\": {\"volume_backed\": \"later\"}}}",
                "{\"policy\": {\"evacuation_actions\": {\"not_evacuable\": \"evacuate\"}}}",
                "[]"};
        for (String body : bad) {
            Response r = api.put("/v1/segments/" + segment + "/policy", body).send();
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
            assertThat(r.text()).as(body).contains("badRequest").doesNotContain("Exception");
        }
        assertThat(api.put("/v1/segments/" + segment + "/policy", "{\"policy\": {\"return_to_service\": \"sometimes\"}}")
                .send().text()).contains("auto", "ask", "never");
        assertThat(api.put("/v1/segments/" + segment + "/policy", "{\"policy\": {\"failures_to_tolerate\": 4}}")
                .send().text()).contains("4 is greater than the maximum of 3");
        assertThat(policy(segment).get("return_to_service").asText()).isEqualTo("auto");
        assertThat(policy(segment).get("failures_to_tolerate").asInt()).isEqualTo(1);
        assertThat(api.put("/v1/segments/" + segment + "/policy",
                "{\"policy\": {\"evacuation_actions\": {\"not_evacuable\": \"evacuate\"}}}").send().text())
                .contains("Nova cannot rebuild a not_evacuable instance elsewhere");
        assertThat(policy(segment).get("updated_at").isNull()).isTrue();
        assertThat(policy(segment).get("instance_storage").asText()).isEqualTo("shared");
    }

    @Test
    void anUnknownSegmentIs404() {
        assertThat(api.get("/v1/segments/1b7f2a1e-0000-4000-8000-000000000000/policy").send().status())
                .isEqualTo(404);
        assertThat(api.put("/v1/segments/1b7f2a1e-0000-4000-8000-000000000000/policy",
                "{\"policy\": {\"failback\": true}}").send().status()).isEqualTo(404);
    }

    @Test
    void readersReadTheAdminWritesAndNobodyWithoutALogin() {
        String segment = segment();

        assertThat(api.get("/v1/segments/" + segment + "/policy").as(TestUsers.READER, TestUsers.READER_PASSWORD)
                .send().status()).isEqualTo(200);
        assertThat(api.put("/v1/segments/" + segment + "/policy", "{\"policy\": {\"return_to_service\": \"never\"}}")
                .as(TestUsers.READER, TestUsers.READER_PASSWORD).send().status()).isEqualTo(403);
        assertThat(api.get("/v1/segments/" + segment + "/policy").anonymous().send().status()).isEqualTo(401);
        assertThat(policy(segment).get("return_to_service").asText()).isEqualTo("auto");
    }
}
