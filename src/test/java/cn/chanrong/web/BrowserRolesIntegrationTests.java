package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.chanrong.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every demo role in a real headless Chromium, in Chinese and in English: what each sees in the
 * navigation, the registry and the catalogue, and what it may not open. Screenshots go to
 * target/screenshots/roles.
 */
@IntegrationTest
class BrowserRolesIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // user | overview | admin | new product | enterprises visible | only province
            "admin | true | true | false | many | ",
            "regulator | true | false | false | many | ",
            "regulator-gd | true | false | false | many | 44",
            "bank | false | false | true | many | ",
            "bank-approver | false | false | false | many | ",
            "bank2 | false | false | true | many | ",
            "enterprise | false | false | false | one | 35",
            "core | false | false | false | one | 35"})
    void each_demo_role_sees_its_own_world_in_both_languages(String user, boolean overview, boolean admin,
                                                             boolean newProduct, String enterprises, String province)
            throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("chanrong-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1366,900", "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        try {
            browser.get(url("/login?lang=zh"));
            find(browser, "#username").sendKeys(user);
            find(browser, "#password").sendKeys("demo");
            find(browser, "#login-form button").click();
            find(browser, "#who");
            for (String lang : List.of("zh", "en")) {
                browser.get(url("/?lang=" + lang));
                assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                        .isEqualTo(lang.equals("zh") ? "zh-CN" : "en");
                assertThat(find(browser, "h1").getText()).contains(lang.equals("zh") ? "欢迎" : "Welcome");
                assertThat(browser.findElements(By.id("nav-overview")).isEmpty()).isEqualTo(!overview);
                assertThat(browser.findElements(By.id("nav-admin")).isEmpty()).isEqualTo(!admin);
                shot(browser, user + "-home-" + lang);

                browser.get(url("/enterprises"));
                List<WebElement> rows = browser.findElements(By.cssSelector("#enterprises tbody tr"));
                if (enterprises.equals("one")) {
                    assertThat(rows).hasSize(1);
                } else {
                    assertThat(rows.size()).isGreaterThan(1);
                }
                shot(browser, user + "-enterprises-" + lang);

                browser.get(url("/products"));
                assertThat(browser.findElements(By.id("new-product")).isEmpty()).isEqualTo(!newProduct);
                assertThat(browser.findElements(By.cssSelector("#products tbody tr"))).isNotEmpty();
                shot(browser, user + "-products-" + lang);

                if (overview) {
                    browser.get(url("/overview"));
                    find(browser, "#chart-chains canvas");
                    List<WebElement> provinces = browser.findElements(By.cssSelector("#by-province tbody tr"));
                    assertThat(provinces).isNotEmpty();
                    if (province != null && !province.isBlank()) {
                        provinces.forEach(p -> assertThat(p.getDomAttribute("data-code")).startsWith(province));
                    }
                    shot(browser, user + "-overview-" + lang);
                } else {
                    browser.get(url("/overview"));
                    assertThat(browser.getPageSource()).doesNotContain("chart-chains");
                }
                if (!admin) {
                    browser.get(url("/admin"));
                    assertThat(browser.findElements(By.id("users"))).isEmpty();
                }
            }
        } finally {
            browser.quit();
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static WebElement find(WebDriver browser, String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    static void shot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of("target/screenshots/roles");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
