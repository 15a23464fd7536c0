package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.HttpApi.Response;
import org.junit.jupiter.api.Test;

class MicroversionsIT extends ApiIntegrationTest {

    @Test
    void everyResponseEchoesTheNegotiatedVersionAndVaries() {
        Response plain = api.get("/v1/segments").send();
        assertThat(plain.header("OpenStack-API-Version")).isEqualTo("masakari 1.0");
        assertThat(plain.header("Vary")).isEqualTo("OpenStack-API-Version");

        assertThat(api.get("/v1/segments").version("1.2").send().header("OpenStack-API-Version"))
                .isEqualTo("masakari 1.2");
        assertThat(api.get("/v1/segments").version("latest").send().header("OpenStack-API-Version"))
                .isEqualTo("masakari 1.3");
        assertThat(api.get("/v1/segments").header("OpenStack-API-Version", "compute 2.53, masakari 1.1").send()
                .header("OpenStack-API-Version")).isEqualTo("masakari 1.1");

        Response unauthorized = api.get("/v1/segments").anonymous().version("1.3").send();
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("OpenStack-API-Version")).isEqualTo("masakari 1.3");
        assertThat(unauthorized.header("Vary")).isEqualTo("OpenStack-API-Version");
    }

    @Test
    void aMalformedVersionIsABadRequest() {
        for (String bad : new String[] {"1", "1.x", "one.two", "1.2.3", "v1.2"}) {
            Response r = api.get("/v1/segments").version(bad).send();
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().at("/badRequest/message").asText()).contains("is of invalid format");
            assertThat(r.header("Vary")).isEqualTo("OpenStack-API-Version");
        }
    }

    @Test
    void aVersionOutsideTheRangeIsNotAcceptable() {
        Response r = api.get("/v1/segments").version("1.9").send();

        assertThat(r.status()).isEqualTo(406);
        assertThat(r.json().toString()).isEqualTo("{\"masakariFault\":{\"code\":406,\"message\":"
                + "\"Version 1.9 is not supported by the API. Minimum is 1.0 and maximum is 1.3.\"}}");
        assertThat(api.get("/v1/segments").version("2.0").send().status()).isEqualTo(406);
        assertThat(api.get("/v1/segments").version("0.9").send().status()).isEqualTo(406);
    }
}
