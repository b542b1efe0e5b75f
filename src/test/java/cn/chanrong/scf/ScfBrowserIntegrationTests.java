package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Chromium;
import cn.chanrong.support.IntegrationTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The supply-chain finance workbench in a real headless Chromium (skipped when Debian's chromium is not installed). */
@IntegrationTest
class ScfBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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

    void waitForUrl(String regex) {
        chromium.waitForUrl(regex);
    }

    void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    @Test
    void a_supplier_uploads_a_receivable_and_sees_it_in_its_chinese_receivables_table() throws IOException {
        long core = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'core'").query(Long.class).single();
        browser.get(url("/scf"));
        waitForUrl(".*/login$");
        find("#username").sendKeys("enterprise");
        find("#password").sendKeys("demo");
        find("#login-form button").click();
        find("#who");
        browser.get(url("/scf?lang=zh"));
        waitForUrl(".*/scf\\?lang=zh$");
        assertThat(find("h1").getText()).isEqualTo("供应链金融");
        assertThat(find("#creditor h2").getText()).isEqualTo("我的应收账款（作为债权人）");

        find("#debtorId").sendKeys(Long.toString(core));
        find("#upload-form input[name=amount]").sendKeys("45678.90");
        // date inputs take the ISO value through script: typing depends on the browser's date format
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('#upload-form input[name=deliveredOn]').value = '2026-06-18';"
                        + "document.querySelector('#upload-form input[name=dueOn]').value = '2026-09-30';");
        find("#upload").click();
        waitForUrl(".*/scf/receivables/\\d+$");
        assertThat(find("#saved").getText()).isEqualTo("已保存。");
        assertThat(find("#status").getText()).isEqualTo("待确权");
        String number = find("h1").getText().replace("应收账款", "");

        find("#scf-back").click();
        waitForUrl(".*/scf$");
        WebElement row = find("#receivables tbody tr[data-number='" + number + "']");
        assertThat(row.getText()).contains(number).contains("45,678.90").contains("待确权");
        assertThat(find("#receivables thead").getText()).contains("债务人").contains("到期日");
        screenshot("scf-supplier-zh");
    }
}
