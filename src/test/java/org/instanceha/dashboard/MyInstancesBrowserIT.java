package org.instanceha.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.instanceha.ApiIntegrationTest;
import org.instanceha.Chromium;
import org.instanceha.HttpApi;
import org.instanceha.KeystoneModeContext;
import org.instanceha.simulator.SimulatedCloud;
import org.instanceha.simulator.SimulatedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project user in a real headless Chromium, in {@code keystone} mode against the simulator's Keystone: logs
 * in with their OpenStack user, password and project, sees only their project's servers with what covers
 * each, and protects one with restart priority 1: the server's metadata in Nova changes. Nova refuses them
 * another project's server.
 */
@Tag("browser")
@KeystoneModeContext
class MyInstancesBrowserIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    SimulatedCloud cloud;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startChromium() throws Exception {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void projectLogIn(String user, String password, String project) {
        chromium.forgetSessions();
        chromium.browser.get(url("/dashboard/login"));
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("project-username")))
                .sendKeys(user);
        chromium.browser.findElement(By.id("project-password")).sendKeys(password);
        chromium.browser.findElement(By.id("project-name")).sendKeys(project);
        chromium.submit(By.id("project-login"));
    }

    @Test
    void aProjectUserProtectsAnInstanceWithPriorityOneAndNovasMetadataChanges() throws Exception {
        cloud.reset();
        ApiIntegrationTest.emptyDatabase(runtimeService, jdbc);
        SimulatedServer others = cloud.addServer("b-secret", "compute1", "1", "alt", Map.of("HA_Enabled", "False"));
        String segment = aSegmentCoversCompute1();
        var browser = chromium.browser;

        projectLogIn("demo", "wrong-password", "demo");
        assertThat(browser.findElement(By.id("project-error")).getText())
                .isEqualTo("Keystone refused this user, password or project.");
        projectLogIn("demo", "secret", "demo");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/my-instances");
        assertThat(browser.findElement(By.id("project-user")).getText()).isEqualTo("demo · demo");
        List<String> names = browser.findElements(By.cssSelector("#instances tr[data-name]")).stream()
                .map(r -> r.getAttribute("data-name")).toList();
        assertThat(names).contains("vm1", "vm3", "vm12").hasSize(12).doesNotContain("b-secret");
        assertThat(browser.getPageSource()).doesNotContain(others.id());
        assertThat(row("vm1").getText()).contains("seg-mine (host compute1)");
        assertThat(row("vm7").getText()).contains("not covered: its host is in no segment");
        assertThat(browser.findElement(By.id("protect-vm3")).isSelected()).isFalse();
        chromium.screenshot("my-instances");

        browser.findElement(By.id("protect-vm3")).click();
        new Select(browser.findElement(By.id("priority-vm3"))).selectByValue("1");
        chromium.submit(By.id("save-vm3"));

        assertThat(browser.findElement(By.cssSelector(".flash.info")).getText()).startsWith("Saved: protection on, "
                + "restart priority 1.");
        assertThat(cloud.serverNamed("vm3").orElseThrow().metadata())
                .containsEntry("HA_Enabled", "True").containsEntry("instanceha:priority", "1");
        assertThat(browser.findElement(By.id("protect-vm3")).isSelected()).isTrue();
        assertThat(new Select(browser.findElement(By.id("priority-vm3"))).getFirstSelectedOption().getText())
                .isEqualTo("1");

        // The same form, aimed at project alt's server: Nova does not know it for demo.
        browser.executeScript("arguments[0].action = arguments[0].action.replace(arguments[1], arguments[2]);",
                browser.findElement(By.cssSelector("#instances tr[data-name='vm3'] form")),
                cloud.serverNamed("vm3").orElseThrow().id(), others.id());
        chromium.submit(By.id("save-vm3"));
        assertThat(browser.findElement(By.id("error")).getText()).contains("could not be found");
        assertThat(cloud.serverNamed("b-secret").orElseThrow().metadata()).containsEntry("HA_Enabled", "False")
                .doesNotContainKey("instanceha:priority");

        // A project user's session opens My instances only.
        browser.get(url("/dashboard/notifications"));
        assertThat(browser.getPageSource()).doesNotContain("seg-mine").doesNotContain("Notifications</h1>");
        browser.get(url("/dashboard/segments/" + segment));
        assertThat(browser.getPageSource()).doesNotContain("compute1");
    }

    private WebElement row(String name) {
        return chromium.browser.findElement(By.cssSelector("#instances tr[data-name='" + name + "']"));
    }

    /** Segment seg-mine with host compute1, through the v1 API with the simulator's admin token. */
    private String aSegmentCoversCompute1() {
        HttpApi api = new HttpApi(port);
        String token = api.issueToken("admin");
        var created = api.post("/v1/segments", """
                {"segment": {"name": "seg-mine", "recovery_method": "auto", "service_type": "COMPUTE"}}""")
                .anonymous().header("X-Auth-Token", token).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String segment = created.json().at("/segment/uuid").asText();
        var host = api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "compute1", "type": "COMPUTE", "control_attributes": "SSH"}}""")
                .anonymous().header("X-Auth-Token", token).send();
        assertThat(host.status()).as(host.toString()).isEqualTo(201);
        return segment;
    }
}
