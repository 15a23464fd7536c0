package org.instanceha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium (Debian's chromium and chromium-driver) for the browser tests. */
public final class Chromium implements AutoCloseable {

    /** Where screenshots go. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver browser;

    public Chromium() throws Exception {
        File chromedriver = new File("/usr/bin/chromedriver");
        assertThat(chromedriver).as("apt-get install -y chromium chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build(),
                options);
        Files.createDirectories(SCREENSHOTS);
    }

    public void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    public WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    /** Clicks a submit button and waits for the next page, so that no element of the old one is used. */
    public void submit(By button) {
        WebElement element = browser.findElement(button);
        element.click();
        waitUpTo(20).until(b -> gone(element));
    }

    /**
     * Whether the element's page was replaced. While the next page loads, chromedriver may answer "Node with
     * given id does not belong to the document" instead of a stale element reference: that is gone too
     * (ExpectedConditions.stalenessOf only knows the latter, and failed the tests now and then).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Logs in to the dashboard. */
    public void logInToDashboard(String baseUrl, String user, String password) {
        forgetSessions();
        browser.get(baseUrl + "/dashboard/login");
        waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("login"));
    }

    /**
     * Leaves the page (one that refreshes itself must not navigate while the next step runs) and drops every
     * cookie of every site: WebDriver's deleteAllCookies only reaches the current page's.
     */
    public void forgetSessions() {
        browser.get("about:blank");
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    @Override
    public void close() {
        browser.quit();
    }
}
