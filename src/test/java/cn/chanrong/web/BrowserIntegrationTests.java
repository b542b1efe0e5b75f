package cn.chanrong.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Chromium;
import cn.chanrong.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workbench in a real headless Chromium (skipped when Debian's chromium is not installed). */
@IntegrationTest
class BrowserIntegrationTests {

    @LocalServerPort
    int port;

    Chromium chromium;
    WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebElement find(String css) {
        return chromium.find(css);
    }

    void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    @Test
    void an_sme_finance_manager_logs_in_and_updates_the_headcount() throws IOException {
        browser.get(url("/enterprises"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        find("#username").sendKeys("enterprise");
        find("#password").sendKeys("demo");
        find("#login-form button").click();
        find("#who");
        // headless Chromium asks for English; the user picks Chinese in the header
        browser.get(url("/enterprises"));
        browser.findElement(By.linkText("中文")).click();
        assertThat(find("h1").getText()).isEqualTo("企业名录");
        assertThat(find("#total").getText()).isEqualTo("共 1 家");
        find("#enterprises tbody a").click();
        assertThat(find("#enterprise-name").getText()).isEqualTo("福州精工数控机床有限公司");
        screenshot("enterprise-detail-zh");
        find("#edit").click();
        WebElement employees = find("#employees");
        int before = Integer.parseInt(employees.getDomProperty("value"));
        employees.clear();
        employees.sendKeys(Integer.toString(before + 5));
        find("#save").click();
        assertThat(find("#saved").getText()).isEqualTo("已保存");
        assertThat(browser.getPageSource()).contains(Integer.toString(before + 5));

        find("#edit").click();
        find("#employees").clear();
        find("#employees").sendKeys("-1");
        find("#save").click();
        assertThat(find(".field-error[data-field=employees]").getText()).contains("从业人员应在0到");
        screenshot("enterprise-edit-error-zh");

        // the product page tests eligibility in place (htmx): the page stays, the verdict appears
        browser.get(url("/products?lang=zh"));
        find("#products tbody a").click();
        String productUrl = browser.getCurrentUrl();
        assertThat(browser.findElements(By.id("manage"))).as("an enterprise cannot manage a bank's product").isEmpty();
        assertThat(browser.findElements(By.id("withdraw"))).isEmpty();
        // an enterprise user's page already shows the verdict for its own code; the test button
        // replaces that block in place
        WebElement shown = find("#verdict");
        find("#test").click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(shown));
        assertThat(find("#verdict").getText()).contains("福州精工数控机床有限公司");
        assertThat(browser.getCurrentUrl()).isEqualTo(productUrl);
        screenshot("product-eligibility-zh");

        browser.get(url("/enterprises?lang=en"));
        assertThat(find("h1").getText()).isEqualTo("Enterprise registry");
        assertThat(find("#enterprises tbody td:nth-child(5)").getText()).isEqualTo("Small");
        screenshot("enterprise-list-en");
    }

    void login(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=zh"));
        find("#username").sendKeys(user);
        find("#password").sendKeys("demo");
        find("#login-form button").click();
        find("#who");
    }

    @Test
    void an_sme_reads_its_ranked_products_and_a_regulator_and_the_public_read_the_statistics() throws IOException {
        login("enterprise");
        browser.get(url("/needs?lang=zh"));
        find("#need-form input[name=amount]").sendKeys("3000000");
        find("#need-form input[name=termMonths]").sendKeys("24");
        find("#need-form button").click();
        // the form posts and redirects to the new need's page: wait for it before reading
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/needs/\\d+.*"));
        assertThat(find("h1").getText()).startsWith("融资需求 #");
        List<WebElement> ranked = browser.findElements(By.cssSelector("#matches tbody tr"));
        assertThat(ranked).isNotEmpty();
        assertThat(ranked.get(0).findElements(By.tagName("td")).get(0).getText()).isEqualTo("1");
        assertThat(find("#approval-note").getText()).contains("未使用信用数据");
        screenshot("need-matches-zh");
        find("form[action$='/withdraw'] button").click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id("need-status")).stream().anyMatch(e -> e.getText().equals("已撤回")));

        login("regulator-gd");
        browser.get(url("/statistics?lang=zh"));
        assertThat(find("#freshness").getText()).contains("广东省");
        find("#chart-months canvas");
        find("#chart-funnel canvas");
        assertThat(browser.findElements(By.cssSelector("#breakdown tbody tr"))).isNotEmpty();
        screenshot("statistics-dashboard-zh");
        browser.get(url("/project-lists?lang=zh"));
        assertThat(browser.findElements(By.cssSelector("#overdue tbody tr"))).hasSizeGreaterThanOrEqualTo(2);

        browser.manage().deleteAllCookies();
        browser.get(url("/public/statistics?lang=en"));
        assertThat(find("h1").getText()).isEqualTo("Industry–finance cooperation: public figures");
        assertThat(find("#suppression-note").getText()).contains("fewer than 3 enterprises");
        find("#chart-chains canvas");
        screenshot("statistics-public-en");
    }
}
