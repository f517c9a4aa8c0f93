package dev.copbot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real browser: Debian's headless Chromium through chromedriver. Signs in through the link
 * {@code /cop dashboard} gives a console user, opens every page, searches, checks another person's private community
 * is absent and a used link does not sign in again, and that pages fit a phone; a screenshot of each page goes to
 * {@code target/screenshots}. Without chromedriver it is skipped (with the reason), except on CI, where it fails.
 */
class DashboardBrowserTest {
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;
    DashboardFixture fx;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean present = CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMEDRIVER + " or " + CHROMIUM + " is missing: .ci/run "
                    + "installs them (apt-get install -y chromium chromium-driver)");
        }
        if (!present) {
            System.out.println("DashboardBrowserTest skipped: " + CHROMEDRIVER + " or " + CHROMIUM + " is missing "
                    + "(apt-get install -y chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "no " + CHROMEDRIVER + " or " + CHROMIUM + ": install chromium chromium-driver");
        Files.createDirectories(SHOTS);
        fx = new DashboardFixture(dir);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    void signIn(String link) throws InterruptedException {
        browser.get(link);
        navigate(() -> browser.findElement(By.cssSelector("form[action='/dashboard/sign-in'] button")).click());
    }

    /**
     * Runs a click or submit and waits for the next page: neither waits for the navigation it starts. The old page
     * carries a mark the new one has not; while the browser is between the two, asking may fail, and is asked again.
     */
    void navigate(Runnable action) throws InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.copbotOldPage = true;");
        action.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(js.executeScript(
                        "return window.copbotOldPage === undefined && document.readyState === 'complete';"))) {
                    return;
                }
            } catch (WebDriverException betweenPages) {
                // the document is being replaced: ask again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no new page within 30 s: " + browser.getCurrentUrl());
    }

    String page() {
        return browser.findElement(By.tagName("body")).getText();
    }

    void shot(String name) throws IOException {
        File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aMemberSignsInFromChatAndUsesEveryPage() throws Exception {
        browser.get(fx.base + "/dashboard/");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/sign-in");
        assertThat(page()).contains("/cop dashboard");
        shot("01-sign-in-ask");

        String link = fx.link("bob");
        browser.get(link);
        shot("02-sign-in-confirm");
        navigate(() -> browser.findElement(By.cssSelector("form[action='/dashboard/sign-in'] button")).click());
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard/");
        assertThat(page()).contains("Communities", "kafka", "Streams, consumers and brokers").doesNotContain("secret-club");
        assertThat(browser.findElements(By.cssSelector("svg.spark"))).hasSize(1);
        shot("03-communities");

        navigate(() -> browser.findElement(By.linkText("Members")).click());
        assertThat(browser.getCurrentUrl()).contains("sort=members");

        navigate(() -> browser.findElement(By.linkText("kafka")).click());
        assertThat(page()).contains("Charter", "Leaders", "alice", "Kafka clinic", "Consumer lag after every deploy",
                "Which schema registry version do we run?");
        shot("04-community");

        browser.get(fx.base + "/dashboard/communities/secret-club");
        assertThat(page()).contains("No such community").doesNotContain("Erin");

        navigate(() -> browser.findElement(By.linkText("Search")).click());
        browser.findElement(By.id("q")).sendKeys("consumer lag");
        navigate(() -> browser.findElement(By.id("q")).submit());
        assertThat(page()).contains("Consumer lag after every deploy", "#kafka,").doesNotContain("secret roadmap", "##");
        shot("05-search");

        navigate(() -> browser.findElement(By.linkText("Your page")).click());
        browser.findElement(By.id("skill")).sendKeys("kafka-streams");
        navigate(() -> browser.findElement(By.id("skill")).submit());
        assertThat(page()).contains("kafka-streams");
        navigate(() -> browser.findElement(By.xpath("//button[text()='Do not list me']")).click());
        assertThat(page()).contains("You are not listed as an expert.");
        shot("06-your-page");

        browser.manage().deleteAllCookies();
        signIn(link);
        assertThat(page()).as("a used link signs nobody in").contains("expired or was already used");
        shot("07-used-link");
    }

    @Test
    void anAdminSeesTheAuditAndALeaderTheMonths() throws Exception {
        signIn(fx.link("admin"));
        navigate(() -> browser.findElement(By.linkText("Audit")).click());
        assertThat(page()).contains("Audit", "Inactive", "Shrinking", "Overlapping", "Charters due for review", "kafka");
        shot("08-audit");

        browser.manage().deleteAllCookies();
        signIn(fx.link("alice"));
        browser.get(fx.base + "/dashboard/communities/kafka");
        assertThat(page()).contains("The last 12 months");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(1);
        shot("09-community-leader");
    }

    @Test
    void pagesFitAPhoneAndTheKeyboardReachesTheContentFirst() throws Exception {
        signIn(fx.link("erin"));
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String path : new String[] {"/dashboard/", "/dashboard/communities/secret-club", "/dashboard/me"}) {
            browser.get(fx.base + path);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow of " + path).isLessThanOrEqualTo(0);
        }
        browser.get(fx.base + "/dashboard/");
        assertThat(page()).contains("secret-club");
        shot("10-phone-communities");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to the content");
        Object unlabelled = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('input:not([type=hidden]), select')]"
                        + ".filter(e => !e.labels || e.labels.length === 0).length;");
        assertThat(((Number) unlabelled).intValue()).as("form fields without a label").isZero();
        browser.get(fx.base + "/dashboard/search");
        Object unlabelledSearch = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('input:not([type=hidden]), select')]"
                        + ".filter(e => !e.labels || e.labels.length === 0).length;");
        assertThat(((Number) unlabelledSearch).intValue()).isZero();
        shot("11-phone-search");
    }
}
