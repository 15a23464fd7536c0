package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostsApiIT extends ApiIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.instanceha.segment.BmcCredentials credentials;
    @org.springframework.beans.factory.annotation.Autowired
    org.instanceha.segment.HostRepository hostRows;

    private String segment;
    private String hostsPath;

    @BeforeEach
    void createSegment() {
        segment = api.post("/v1/segments", """
                {"segment": {"name": "seg1", "recovery_method": "auto", "service_type": "COMPUTE", "description": "harness"}}""")
                .send().json().at("/segment/uuid").asText();
        hostsPath = "/v1/segments/" + segment + "/hosts";
    }

    private Response create(String name, String extra) {
        novaHasComputeHosts(name);
        return api.post(hostsPath, """
                {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": "SSH"%s}}""".formatted(name, extra))
                .send();
    }

    private String createdUuid(String name, String extra) {
        Response r = create(name, extra);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/host/uuid").asText();
    }


    /** A BMC as the openstack CLI sends it: its JSON object as the text of control_attributes. */
    private static String bmcAttributes(String json) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(json).toString();
    }

    @Test
    void aHostsBmcIsKeptWithItsPasswordAndNeverShownIt() {
        String secret = "Bmc-Pa55-" + java.util.UUID.randomUUID();
        String bmc = bmcAttributes("""
                {"protocol": "redfish", "host": "10.0.0.24", "username": "root", "password": "%s", "verify_tls": false}"""
                .formatted(secret));
        novaHasComputeHosts("compute4");
        Response created = api.post(hostsPath, """
                {"host": {"name": "compute4", "type": "COMPUTE", "control_attributes": %s}}""".formatted(bmc)).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String uuid = created.json().at("/host/uuid").asText();
        String shown = created.json().at("/host/control_attributes").asText();
        assertThat(shown).contains("10.0.0.24", "\"password\":\"******\"").doesNotContain(secret);
        Response listed = api.get(hostsPath).send();
        assertThat(listed.toString()).contains("10.0.0.24").doesNotContain(secret);

        // A client that sends back what it was shown, with another user name, keeps the password.
        Response updated = api.put(hostsPath + "/" + uuid, """
                {"host": {"control_attributes": %s}}""".formatted(bmcAttributes(shown.replace("\"root\"",
                "\"operator\"")))).send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.toString()).contains("operator").doesNotContain(secret);
        String stored = jdbc.sql("SELECT control_attributes FROM hosts WHERE uuid = :u").param("u", uuid)
                .query(String.class).single();
        assertThat(stored).as("stored encrypted").contains("operator").doesNotContain(secret);
        assertThat(credentials.of(hostRows.findByUuid(uuid).orElseThrow()).orElseThrow().password()).isEqualTo(secret);

        // The mask with another address would send the stored password there: the password itself is needed.
        Response elsewhere = api.put(hostsPath + "/" + uuid, """
                {"host": {"control_attributes": %s}}""".formatted(bmcAttributes(shown.replace("10.0.0.24",
                "10.0.0.44")))).send();
        assertFault(elsewhere, 400, "badRequest", "'password' is the mask");
        // Nor is a sealed value taken from a caller: copied from another host, it would open to its password.
        String sealed = org.instanceha.segment.ControlAttributes.bmc(stored).orElseThrow().password();
        Response copied = api.put(hostsPath + "/" + uuid, """
                {"host": {"control_attributes": %s}}""".formatted(bmcAttributes(shown.replace("10.0.0.24",
                "10.0.0.44").replace("******", sealed)))).send();
        assertFault(copied, 400, "badRequest", "'password' must be the BMC's password, not a sealed value");
        assertThat(jdbc.sql("SELECT control_attributes FROM hosts WHERE uuid = :u").param("u", uuid)
                .query(String.class).single()).as("nothing changed").isEqualTo(stored);
    }

    @Test
    void aBmcWithAWrongFieldIsRefusedByNameWithoutEchoingItsPassword() {
        String secret = "Bmc-Pa55-" + java.util.UUID.randomUUID();
        novaHasComputeHosts("compute4");
        Response r = api.post(hostsPath, """
                {"host": {"name": "compute4", "type": "COMPUTE", "control_attributes": %s}}""".formatted(
                bmcAttributes("{\"host\": \"10.0.0.24\", \"username\": \"root\", \"password\": \"" + secret
                        + "\", \"port\": \"623\"}"))).send();

        assertFault(r, 400, "badRequest", "'port' must be a whole number");
        assertThat(r.toString()).doesNotContain(secret);
    }

    @Test
    void createdHostHasExactlyMasakarisFieldsWithItsSegmentNested() {
        Response r = create("compute1", ", \"reserved\": false, \"on_maintenance\": false");

        assertThat(r.status()).isEqualTo(201);
        JsonNode host = r.json().get("host");
        JsonNode sample = MasakariSamples.responseBody("masakari-host-create-compute1").get("host");
        var expected = new java.util.ArrayList<>(MasakariSamples.fieldNames(sample));
        expected.add("priority");
        assertThat(MasakariSamples.fieldNames(host)).containsExactlyElementsOf(expected);
        assertThat(host.get("priority").asInt()).isZero();
        assertThat(MasakariSamples.fieldNames(host.get("failover_segment")))
                .containsExactlyElementsOf(MasakariSamples.fieldNames(sample.get("failover_segment")));
        assertThat(host.get("failover_segment_id").asText()).isEqualTo(segment);
        assertThat(host.at("/failover_segment/uuid").asText()).isEqualTo(segment);
        assertThat(host.at("/failover_segment/description").asText()).isEqualTo("harness");
        assertThat(host.get("type").asText()).isEqualTo("COMPUTE");
        assertThat(host.get("control_attributes").asText()).isEqualTo("SSH");
        assertThat(host.get("reserved").asBoolean()).isFalse();
        assertThat(host.get("on_maintenance").asBoolean()).isFalse();
        assertThat(host.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void listShowUpdateAndDeleteWorkWithAndWithoutProjectId() {
        String uuid = createdUuid("compute1", "");

        assertThat(api.get(hostsPath + "/" + uuid).send().json().at("/host/name").asText()).isEqualTo("compute1");
        assertThat(api.get("/v1/p1/segments/" + segment + "/hosts").send().json().get("hosts")).hasSize(1);

        Response updated = api.put("/v1/p1/segments/" + segment + "/hosts/" + uuid,
                "{\"host\": {\"reserved\": \"yes\", \"on_maintenance\": \"True\", \"control_attributes\": \"IPMI\"}}")
                .send();
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/host/reserved").asBoolean()).isTrue();
        assertThat(updated.json().at("/host/on_maintenance").asBoolean()).isTrue();
        assertThat(updated.json().at("/host/control_attributes").asText()).isEqualTo("IPMI");
        assertThat(updated.json().at("/host/name").asText()).isEqualTo("compute1");
        assertThat(updated.json().at("/host/updated_at").isNull()).isFalse();

        assertThat(api.delete(hostsPath + "/" + uuid).send().status()).isEqualTo(204);
        assertFault(api.get(hostsPath + "/" + uuid).send(), 404, "itemNotFound", "No host with id " + uuid + ".");
    }

    @Test
    void aHostMustBeTheHostOfANovaComputeService() {
        Response unknown = api.post(hostsPath,
                "{\"host\": {\"name\": \"not-in-nova\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}")
                .send();
        assertFault(unknown, 400, "badRequest", "Compute service with name not-in-nova could not be found.");

        String uuid = createdUuid("compute1", "");
        assertFault(api.put(hostsPath + "/" + uuid, "{\"host\": {\"name\": \"not-in-nova\"}}").send(), 400,
                "badRequest", "Compute service with name not-in-nova could not be found.");
        assertThat(api.put(hostsPath + "/" + uuid, "{\"host\": {\"name\": \"compute2\"}}").send().status())
                .isEqualTo(200);
        assertThat(api.get(hostsPath).send().json().get("hosts")).hasSize(1);
    }

    @Test
    void aNovaOutageDuringRegistrationIsServiceUnavailableAndStoresNothing() {
        cloud.failNextRequests(3, 500); // a read is tried three times within the call

        Response r = api.post(hostsPath,
                "{\"host\": {\"name\": \"compute1\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}")
                .send();

        assertFault(r, 503, "masakariFault", "The compute service could not be asked");
        assertThat(api.get(hostsPath).send().json().get("hosts")).isEmpty();
    }

    @Test
    void priorityIsAnOptionalIntegerExtension() {
        String uuid = createdUuid("compute1", ", \"priority\": 7");
        assertThat(api.get(hostsPath + "/" + uuid).send().json().at("/host/priority").asInt()).isEqualTo(7);
        assertThat(api.put(hostsPath + "/" + uuid, "{\"host\": {\"priority\": \"-3\"}}").send().json()
                .at("/host/priority").asInt()).isEqualTo(-3);
        assertFault(api.put(hostsPath + "/" + uuid, "{\"host\": {\"priority\": \"high\"}}").send(), 400,
                "badRequest", "is not of type 'integer'");
        assertFault(api.put(hostsPath + "/" + uuid, "{\"host\": {\"priority\": 1.5}}").send(), 400,
                "badRequest", "is not of type 'integer'");
    }

    @Test
    void hostNamesAreUniqueAcrossSegments() {
        String uuid = createdUuid("compute1", "");
        String other = api.post("/v1/segments", """
                {"segment": {"name": "seg2", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();

        Response twin = api.post("/v1/segments/" + other + "/hosts",
                "{\"host\": {\"name\": \"compute1\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}").send();
        assertFault(twin, 409, "conflictingRequest", "Host with name compute1 already exists.");
        createdUuid("compute2", "");
        assertFault(api.put(hostsPath + "/" + uuid, "{\"host\": {\"name\": \"compute2\"}}").send(), 409,
                "conflictingRequest", "Host with name compute2 already exists.");
    }

    @Test
    void aHostIsOnlyFoundUnderItsOwnSegment() {
        String uuid = createdUuid("compute1", "");
        String other = api.post("/v1/segments", """
                {"segment": {"name": "seg2", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .send().json().at("/segment/uuid").asText();

        assertFault(api.get("/v1/segments/" + other + "/hosts/" + uuid).send(), 404, "itemNotFound",
                "Host '" + uuid + "' is not under failover_segment " + other + ".");
        assertFault(api.delete("/v1/segments/" + other + "/hosts/" + uuid).send(), 404, "itemNotFound", null);
        assertFault(api.get("/v1/segments/00000000-0000-0000-0000-000000000000/hosts").send(), 404, "itemNotFound",
                "No failover segment with id 00000000-0000-0000-0000-000000000000.");
        assertFault(api.post("/v1/segments/00000000-0000-0000-0000-000000000000/hosts",
                "{\"host\": {\"name\": \"c9\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}").send(),
                404, "itemNotFound", null);
    }

    @Test
    void invalidHostBodiesAreRejectedWithBadRequest() {
        String[][] cases = {
                {"{\"host\": {\"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}", "'name' is a required property"},
                {"{\"host\": {\"name\": \"c\", \"control_attributes\": \"SSH\"}}", "'type' is a required property"},
                {"{\"host\": {\"name\": \"c\", \"type\": \"COMPUTE\"}}", "'control_attributes' is a required property"},
                {"{\"host\": {\"name\": \"c\", \"type\": \"COMPUTE-1\", \"control_attributes\": \"SSH\"}}",
                        "does not match '^[a-zA-Z0-9]*$'"},
                {"{\"host\": {\"name\": \"c\", \"type\": \"\", \"control_attributes\": \"SSH\"}}", "is too short"},
                {"{\"host\": {\"name\": \"c\", \"type\": \"COMPUTE\", \"control_attributes\": \"\"}}", "is too short"},
                {"{\"host\": {\"name\": \"c\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\", \"reserved\": \"sure\"}}",
                        "Invalid input for field/attribute reserved"},
                {"{\"host\": {\"name\": \"c\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\", \"on_maintenance\": 2}}",
                        "Invalid input for field/attribute on_maintenance"},
                {"{\"host\": {\"name\": \"c\", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\", \"failover_segment_id\": \"x\"}}",
                        "('failover_segment_id' was unexpected)"},
                {"{\"host\": {\"name\": \"c \", \"type\": \"COMPUTE\", \"control_attributes\": \"SSH\"}}",
                        "Can not start or end with whitespace"},
                {"{\"hosts\": {}}", "('hosts' was unexpected)"},
        };
        for (String[] c : cases) {
            assertFault(api.post(hostsPath, c[0]).send(), 400, "badRequest", c[1]);
        }
        String uuid = createdUuid("compute1", "");
        assertFault(api.put(hostsPath + "/" + uuid, "{\"host\": {}}").send(), 400, "badRequest", "at least one of");
        assertThat(api.get(hostsPath).send().json().get("hosts")).hasSize(1);
    }

    @Test
    void booleansAcceptMasakarisStringSpellings() {
        for (String yes : List.of("true", "True", "TRUE", "1", "on", "yes", "y", "t")) {
            String uuid = createdUuid("t-" + yes, ", \"reserved\": \"" + yes + "\"");
            assertThat(api.get(hostsPath + "/" + uuid).send().json().at("/host/reserved").asBoolean()).as(yes).isTrue();
        }
        for (String no : List.of("false", "False", "0", "off", "no", "n", "f")) {
            String uuid = createdUuid("f-" + no, ", \"reserved\": \"" + no + "\"");
            assertThat(api.get(hostsPath + "/" + uuid).send().json().at("/host/reserved").asBoolean()).as(no).isFalse();
        }
    }

    @Test
    void listFiltersByTypeMaintenanceAndReserved() {
        createdUuid("plain", "");
        createdUuid("spare", ", \"reserved\": true");
        createdUuid("down", ", \"on_maintenance\": true");
        novaHasComputeHosts("ssh");
        api.post(hostsPath, "{\"host\": {\"name\": \"ssh\", \"type\": \"SSH\", \"control_attributes\": \"x\"}}").send();

        assertThat(names(api.get(hostsPath + "?reserved=true").send())).containsExactly("spare");
        assertThat(names(api.get(hostsPath + "?on_maintenance=1").send())).containsExactly("down");
        assertThat(names(api.get(hostsPath + "?type=SSH").send())).containsExactly("ssh");
        assertThat(names(api.get(hostsPath + "?reserved=false&on_maintenance=false&type=COMPUTE").send()))
                .containsExactly("plain");
        assertFault(api.get(hostsPath + "?reserved=sometimes").send(), 400, "badRequest", "reserved");
    }

    @Test
    void hostListSortsAndPages() {
        for (String name : List.of("c3", "c1", "c4", "c2", "c5")) {
            createdUuid(name, "");
        }
        assertThat(names(api.get(hostsPath).send())).containsExactly("c5", "c2", "c4", "c1", "c3");
        assertThat(names(api.get(hostsPath + "?sort_key=name&sort_dir=asc").send()))
                .containsExactly("c1", "c2", "c3", "c4", "c5");
        assertFault(api.get(hostsPath + "?sort_key=password").send(), 400, "badRequest",
                "Sort key supplied was not valid.");

        List<String> seen = new ArrayList<>();
        JsonNode page = api.get(hostsPath + "?sort_key=name&sort_dir=asc&limit=2").send().json().get("hosts");
        while (!page.isEmpty()) {
            page.forEach(h -> seen.add(h.get("name").asText()));
            long marker = page.get(page.size() - 1).get("id").asLong();
            page = api.get(hostsPath + "?sort_key=name&sort_dir=asc&limit=2&marker=" + marker).send().json()
                    .get("hosts");
        }
        assertThat(seen).containsExactly("c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void hostsCannotChangeWhileANotificationOfTheirSegmentIsBeingHandled() {
        String uuid = createdUuid("compute1", "");
        storeNotification(segment, uuid, "running");

        String message = "Host " + uuid + " can't be updated as it is in-use to process notifications.";
        assertFault(api.put(hostsPath + "/" + uuid, "{\"host\": {\"reserved\": true}}").send(), 409,
                "conflictingRequest", message);
        assertFault(api.delete(hostsPath + "/" + uuid).send(), 409, "conflictingRequest", message);

        jdbc.sql("UPDATE notifications SET status = 'finished'").update();
        assertThat(api.put(hostsPath + "/" + uuid, "{\"host\": {\"reserved\": true}}").send().status()).isEqualTo(200);
        assertThat(api.delete(hostsPath + "/" + uuid).send().status()).isEqualTo(204);
    }

    private static List<String> names(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("hosts").forEach(h -> names.add(h.get("name").asText()));
        return names;
    }
}
