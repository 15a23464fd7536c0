package org.instanceha.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.instanceha.ApiIntegrationTest;
import org.instanceha.Chromium;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): an operator logs in, registers a segment and its hosts, simulates a host failure, and
 * watches the Recovery Progress tab update itself until every VM is Succeeded. Screenshots of each
 * page go to target/screenshots.
 */
@Tag("browser")
class DashboardBrowserIT extends ApiIntegrationTest {

    private static Chromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void startChromium() throws Exception {
        chromium = new Chromium();
        browser = chromium.browser;
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

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    private void logIn(String user, String password) {
        chromium.logInToDashboard(url(""), user, password);
    }

    private void submit(By button) {
        chromium.submit(button);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return chromium.waitUpTo(seconds);
    }

    @Test
    void anOperatorWatchesARecoveryFromTheBrowser() throws Exception {
        chromium.forgetSessions();
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).contains("/dashboard/login");
        screenshot("login");
        logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/notifications");

        browser.get(url("/dashboard/segments"));
        browser.findElement(By.id("segment-name")).sendKeys("web");
        submit(By.id("create-segment"));
        assertThat(browser.findElement(By.id("segment-title")).getText()).isEqualTo("web");
        for (String host : List.of("compute1", "compute2", "compute3", "compute4")) {
            browser.findElement(By.id("host-name")).sendKeys(host);
            submit(By.id("add-host"));
        }
        browser.findElement(By.id("host-name")).sendKeys("compute9");
        submit(By.id("add-host"));
        assertThat(browser.findElement(By.id("error")).getText())
                .isEqualTo("Compute service with name compute9 could not be found.");
        assertThat(browser.findElements(By.cssSelector("#hosts tr[data-host]"))).hasSize(4);
        String segmentPage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("policy-return")).getText()).isEqualTo("auto");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("returnToService"))).selectByValue("ask");
        browser.findElement(By.name("failback")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("failuresToTolerate"))).selectByValue("2");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("failureDomain"))).selectByValue("aggregate");
        submit(By.id("save-policy"));
        assertThat(browser.findElement(By.cssSelector(".flash.info")).getText()).isEqualTo("Policy saved.");
        assertThat(browser.findElement(By.id("policy-return")).getText()).isEqualTo("ask");
        assertThat(browser.findElement(By.id("policy-failback")).getText()).isEqualTo("on");
        assertThat(browser.findElement(By.id("policy-tolerate")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("policy-domain")).getText()).isEqualTo("aggregate");
        screenshot("segment");

        cloud.setEvacuationTime(Duration.ofSeconds(6));
        submit(By.cssSelector("#hosts tr[data-host='compute4'] button.simulate-failure"));
        assertThat(browser.getCurrentUrl()).contains("tab=progress");
        ((JavascriptExecutor) browser).executeScript("window.loadedOnce = 'yes';");
        assertThat(browser.findElement(By.id("auto-refresh")).getText()).isEqualTo("Auto-refreshing every 5s");
        screenshot("progress-running");

        waitUpTo(90).until(b -> b.findElements(By.cssSelector("#evacuations tr[data-status='succeeded']")).size() == 3);
        waitUpTo(30).until(b -> b.findElements(By.id("auto-refresh")).isEmpty());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.loadedOnce;"))
                .as("the tab refreshed itself, the page was not reloaded").isEqualTo("yes");
        assertThat(browser.findElement(By.id("succeeded")).getText()).isEqualTo("3");
        assertThat(browser.findElements(By.id("failed"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#evacuations .move-succeeded .label")))
                .extracting(WebElement::getText).containsOnly("Succeeded");
        screenshot("progress-finished");

        browser.findElement(By.id("tab-overview")).click();
        waitUpTo(10).until(b -> !b.findElements(By.id("timeline")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#timeline tr[data-step]")))
                .extracting(e -> e.getDomAttribute("data-step")).startsWith("Report received")
                .contains("Compute service forced down", "Compute service disabled", "Instances identified",
                        "First evacuation started", "Last evacuation ended").endsWith("Finished");
        screenshot("timeline");

        browser.get(url("/dashboard/vmoves"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#vmoves tbody tr[data-status]"));
        assertThat(rows).hasSize(3);
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement copy = rows.get(0).findElement(By.cssSelector("button.copy"));
        String fullId = copy.getDomAttribute("data-copy");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM vmoves WHERE instance_uuid = :id").param("id", fullId)
                .query(Long.class).single()).isEqualTo(1);
        copy.click();
        waitUpTo(10).until(b -> "Copied".equals(copy.getText()));
        Object clipboard = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertThat(clipboard).isEqualTo(fullId);
        WebElement copyNotification = rows.get(0).findElements(By.cssSelector("button.copy")).get(1);
        copyNotification.click();
        waitUpTo(10).until(b -> "Copied".equals(copyNotification.getText()));
        assertThat(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('failed: ' + e));"))
                .isEqualTo(copyNotification.getDomAttribute("data-copy"))
                .isEqualTo(jdbc.sql("SELECT notification_uuid FROM notifications").query(String.class).single());
        screenshot("vmoves");

        browser.get(url("/dashboard/notifications"));
        assertThat(browser.findElements(By.cssSelector("#notifications .status-finished"))).hasSize(1);
        screenshot("notifications");

        browser.get(segmentPage);
        assertThat(browser.findElement(By.cssSelector("#hosts tr[data-host='compute4'] .return-status")).getText())
                .isEqualTo("out after a recovery");
        cloud.setPower("compute4", false);
        submit(By.cssSelector("#hosts tr[data-host='compute4'] button.simulate-power-on"));
        assertThat(browser.findElement(By.cssSelector(".flash.info")).getText()).startsWith("compute4 is powered on");
        assertThat(cloud.findHost("compute4").orElseThrow().poweredOn()).isTrue();
    }

    @Test
    void anonymousVisitorsLogInFirstAndUsersWithoutTheRoleAreForbidden() throws Exception {
        chromium.forgetSessions();
        browser.get(url("/dashboard/vmoves"));
        assertThat(browser.getCurrentUrl()).contains("/dashboard/login");

        logIn(TestUsers.OPERATOR, TestUsers.OPERATOR_PASSWORD);
        browser.get(url("/dashboard/vmoves"));
        assertThat(browser.findElement(By.id("forbidden")).getText()).contains("may not use the dashboard");
        screenshot("forbidden");

        // A user of its own, so that the wrong password below is logged against nobody else.
        var typo = identityService.newUser("browsertypo" + System.nanoTime());
        typo.setPassword("right-password");
        identityService.saveUser(typo);
        logIn(typo.getId(), "wrong-password");
        assertThat(browser.getCurrentUrl()).contains("error");
    }

    /** A segment over compute2 and compute3; returns its uuid. */
    private String segmentOverCompute2And3() {
        var created = api.post("/v1/segments", """
                {"segment": {"name": "vm-seg", "recovery_method": "auto", "service_type": "COMPUTE"}}""").send();
        String segment = created.json().at("/segment/uuid").asText();
        for (String host : List.of("compute2", "compute3")) {
            novaHasComputeHosts(host);
            assertThat(api.post("/v1/segments/" + segment + "/hosts", """
                    {"host": {"name": "%s", "type": "COMPUTE", "control_attributes": "SSH"}}""".formatted(host))
                    .send().status()).isEqualTo(201);
        }
        return segment;
    }

    private String reported(String type, String host, String payload) {
        var r = api.post("/v1/notifications", """
                {"notification": {"type": "%s", "hostname": "%s", "generated_time": "%s", "payload": %s}}"""
                .formatted(type, host, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC), payload)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().at("/notification/notification_uuid").asText();
    }

    @Test
    void theNotificationPageShowsTheInstanceOfAVmFailureAndTheServiceOfAProcessFailure() throws Exception {
        segmentOverCompute2And3();
        String vm7 = cloud.serverNamed("vm7").orElseThrow().id();
        cloud.crash("vm7");
        cloud.refuseToStart("vm7", true);
        String vmNotification = reported("VM", "compute3", """
                {"event": "LIFECYCLE", "instance_uuid": "%s", "vir_domain_event": "STOPPED_FAILED"}""".formatted(vm7));
        chromium.forgetSessions();
        logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        browser.get(url("/dashboard/notifications/" + vmNotification + "?tab=progress"));
        waitUpTo(60).until(b -> !b.findElements(By.cssSelector("#restarts .move-waiting")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#restarts .move-waiting .label")).getText())
                .isEqualTo("Waiting for operator");
        assertThat(browser.findElement(By.cssSelector("#restarts .task-link")).getAttribute("href"))
                .contains("/camunda/app/tasklist/default/#/?task=");
        assertThat(browser.findElement(By.cssSelector("#restarts .states")).getText()).isEqualTo("active -> stopped");
        assertThat(browser.findElement(By.id("instance")).getText()).contains("vm7", vm7, "compute3",
                "LIFECYCLE (STOPPED_FAILED)");
        assertThat(browser.findElements(By.id("evacuations"))).as("no VM moves table for a VM failure").isEmpty();
        screenshot("vm-failure-waiting");

        String processNotification = reported("PROCESS", "compute2", """
                {"event": "STOPPED", "process_name": "nova-compute"}""");
        browser.get(url("/dashboard/notifications/" + processNotification + "?tab=progress"));
        waitUpTo(60).until(b -> b.findElements(By.id("auto-refresh")).isEmpty()
                && b.findElement(By.id("on-maintenance")).getText().equals("yes"));
        assertThat(browser.findElement(By.id("service")).getText()).contains("nova-compute", "STOPPED", "compute2");
        assertThat(browser.findElements(By.cssSelector("#service-steps tbody tr"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("Disable compute service"))
                .anyMatch(t -> t.contains("Check compute service disabled") && t.contains("disabled"));
        assertThat(browser.findElements(By.id("total"))).as("no VM counts for a process failure").isEmpty();
        screenshot("process-failure");
        chromium.forgetSessions();
    }

    @Test
    void theRecoveryPlanShowsForEveryHostWhetherItsInstancesWouldFit() throws Exception {
        String segment = segmentOverCompute2And3();
        cloud.addComputeHost("roomy", 64, 65536);
        novaHasComputeHosts("roomy");
        assertThat(api.post("/v1/segments/" + segment + "/hosts", """
                {"host": {"name": "roomy", "type": "COMPUTE", "control_attributes": "SSH"}}""").send().status())
                .isEqualTo(201);
        for (String name : List.of("huge", "huge2", "huge3")) { // 4096 MB each: only compute3 has room for one
            cloud.addServer(name, "roomy", "3", "demo", Map.of("HA_Enabled", "True"));
        }
        logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        browser.get(url("/dashboard/segments/" + segment));
        assertThat(browser.findElement(By.id("headroom")).getText()).as("on the segment page too")
                .contains("biggest host, roomy");
        assertThat(browser.findElement(By.id("headroom-percent")).getText()).isEqualTo("-31.2 %");
        browser.findElement(By.id("plan-link")).click();
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("plan")));
        assertThat(browser.findElement(By.id("plan-method")).getText()).isEqualTo("auto");
        assertThat(browser.findElement(By.cssSelector("#plan tr[data-host='compute2'] .verdict")).getText())
                .isEqualTo("Survivable");
        WebElement roomy = browser.findElement(By.cssSelector("#plan tr[data-host='roomy'] .verdict"));
        assertThat(roomy.getText()).isEqualTo("2 instance(s) would not fit");
        roomy.click();
        assertThat(browser.findElements(By.cssSelector("#plan tr[data-host='roomy'] tr[data-instance] td.bad")))
                .hasSize(2).allSatisfy(td -> assertThat(td.getText()).startsWith("nowhere: "));
        assertThat(browser.findElement(By.cssSelector("#plan tr[data-host='roomy'] tr[data-instance='huge']"))
                .getText()).contains("huge", "2", "4096");
        assertThat(browser.findElement(By.id("survivable-count")).getText()).isEqualTo("2 of 3 host(s) survivable");
        // roomy's 12288 MB against the 7168 MB free of compute2 and compute3's 16384 MB (Nova counts 512 MB
        // reserved on each host as used): -31.2 %.
        assertThat(browser.findElement(By.id("headroom")).getText()).contains("biggest host, roomy");
        assertThat(browser.findElement(By.id("headroom-percent")).getText()).isEqualTo("-31.2 %");
        assertThat(browser.findElement(By.id("headroom-verdict")).getText())
                .isEqualTo("(it would not survive losing it)");
        screenshot("recovery-plan");
        chromium.forgetSessions();
    }
}
