package org.instanceha.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.instanceha.Chromium;
import org.instanceha.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An operator handles an instance the engine could not recover: the dashboard's Recovery Progress shows
 * it "Waiting for operator" with a link to its task in Camunda Tasklist, the notification list filters
 * to it, the decision is submitted as Tasklist submits the form, and the dashboard then shows the
 * instance Succeeded. Screenshots go to target/screenshots (operator-*.png). Filling the form inside
 * Tasklist's own page is not covered yet: in headless Chromium, Tasklist returns to its login page after
 * a successful login (see README, "Operators").
 */
@Tag("browser")
class OperatorTasklistBrowserIT extends RecoveryScenarioSupport {

    private static Chromium chromium;

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

    @Test
    void anOperatorRetriesAnInstanceOnAHostTheyPickInTasklist() throws Exception {
        String notification = bigInstanceFitsNowhere();
        var browser = chromium.browser;
        chromium.logInToDashboard(url(""), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        browser.get(url("/dashboard/notifications/" + notification + "?tab=progress"));
        WebElement waiting = chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#evacuations .move-waiting")));
        assertThat(waiting.findElement(By.className("label")).getText()).isEqualTo("Waiting for operator");
        chromium.screenshot("operator-waiting");

        browser.get(url("/dashboard/notifications?waiting=true"));
        assertThat(browser.findElements(By.cssSelector("#notifications a.mono"))).extracting(WebElement::getText)
                .containsExactly(notification);
        browser.navigate().back();

        addHost(jdbc.sql("SELECT failover_segment_uuid FROM notifications WHERE notification_uuid = :n")
                .param("n", notification).query(String.class).single(), "compute6", false, 0);
        WebElement link = browser.findElement(By.cssSelector("a.task-link"));
        String taskId = api.get("/engine-rest/task?candidateGroup=ha-operators&processInstanceBusinessKey="
                + notification).send().json().get(0).get("id").asText();
        assertThat(link.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);

        // The decision as Tasklist submits the form.
        var submitted = api.post("/engine-rest/task/" + taskId + "/submit-form", """
                {"variables": {"operatorDecision": {"value": "retry_on_host"}, "chosenHost": {"value": "compute6"},
                 "operatorComment": {"value": "compute6 was racked for this"}}}""").send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);
        assertThat(awaitEnd(notification).get("status").asText()).isEqualTo("finished");
        browser.get(url("/dashboard/notifications/" + notification + "?tab=progress"));
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("evacuations")));
        assertThat(browser.findElements(By.cssSelector("#evacuations .move-waiting"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//table[@id='evacuations']//tr[td[1][.='big']]")))
                .extracting(r -> r.findElement(By.cssSelector(".move .label")).getText())
                .contains("Succeeded");
        chromium.screenshot("operator-succeeded");
    }
}
