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
 * An operator handles an instance the engine could not recover, as they would: the dashboard's Recovery
 * Progress shows it "Waiting for operator", the notification list filters to it, its link opens the task
 * in Camunda Tasklist, the Camunda Form is filled and submitted in Tasklist itself (a host without room
 * first: Tasklist shows why and the task stays open), and the dashboard then shows the instance
 * Succeeded. Screenshots go to target/screenshots (operator-*.png).
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

    private long openTasks(String notification) {
        return api.get("/engine-rest/task/count?processInstanceBusinessKey=" + notification).send().json()
                .get("count").asLong();
    }

    /** Types into a field of a Tasklist page as its scripts see typing: the value, then an input event. */
    private void type(WebElement field, String text) {
        chromium.browser.executeScript("arguments[0].focus(); arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('blur', {bubbles: true}));", field, text);
        try {
            Thread.sleep(500); // form-js takes what was typed after a short debounce
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void click(WebElement element) {
        chromium.browser.executeScript("arguments[0].click();", element);
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
        link.click();

        // Tasklist has its own login. Its pages are served with a CSP sandbox, in which this Chromium
        // does not deliver WebDriver's synthetic key and mouse events; the page's own DOM events work.
        WebElement user = chromium.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        WebElement login = user.findElement(By.xpath("./ancestor::form"));
        type(user, TestUsers.ADMIN);
        type(login.findElement(By.cssSelector("input[ng-model='password']")), TestUsers.ADMIN_PASSWORD);
        click(login.findElement(By.cssSelector("button[type='submit']")));

        chromium.waitUpTo(40).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-container')]//h3[contains(., 'Recover big by hand')]")));
        String shown = browser.findElement(By.cssSelector(".fjs-container")).getText();
        assertThat(shown).contains("compute4", "Attempt 1, not placed", "Attempt 2, not placed",
                "seg-auto (recovery method auto)", "compute5 (10 vCPU, 7680 MB RAM free, reserved)")
                .doesNotContain("{{");
        chromium.screenshot("operator-tasklist-form");

        click(chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.claim"))));
        chromium.waitUpTo(20).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        java.nio.file.Files.writeString(Chromium.SCREENSHOTS.resolve("operator-tasklist-form.html"),
                browser.getPageSource());
        click(browser.findElement(By.xpath("//*[contains(@class,'fjs-container')]//label[contains(., 'Retry on a host I pick')]")));
        type(chromium.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[contains(., 'Host to retry on')]/following::input[1]"))), "compute2");
        type(browser.findElement(By.xpath("//label[contains(., 'Comment')]/following::textarea[1]")),
                "compute6 was racked for this");
        click(chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("button[ng-click='complete()']"))));
        // compute2 has no room: Tasklist shows why, and the task stays open.
        try {
            chromium.waitUpTo(20).until(b -> b.getPageSource().contains("cannot take the instance now"));
        } catch (org.openqa.selenium.TimeoutException e) {
            chromium.screenshot("operator-tasklist-debug");
            java.nio.file.Files.writeString(Chromium.SCREENSHOTS.resolve("operator-tasklist-debug.html"),
                    browser.getPageSource());
            throw e;
        }
        chromium.screenshot("operator-tasklist-refused");
        assertThat(openTasks(notification)).isEqualTo(1);

        type(browser.findElement(By.xpath("//label[contains(., 'Host to retry on')]/following::input[1]")), "compute6");
        chromium.screenshot("operator-tasklist-filled");
        click(browser.findElement(By.cssSelector("button[ng-click='complete()']")));
        chromium.waitUpTo(30).until(b -> openTasks(notification) == 0);

        assertThat(awaitEnd(notification).get("status").asText()).isEqualTo("finished");
        // Logging in to Tasklist renewed the session: the dashboard asks again.
        chromium.logInToDashboard(url(""), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        browser.get(url("/dashboard/notifications/" + notification + "?tab=progress"));
        chromium.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("evacuations")));
        assertThat(browser.findElements(By.cssSelector("#evacuations .move-waiting"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//table[@id='evacuations']//tr[td[1][.='big']]")))
                .extracting(r -> r.findElement(By.cssSelector(".move .label")).getText())
                .contains("Succeeded");
        chromium.screenshot("operator-succeeded");
    }
}
