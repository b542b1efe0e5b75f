package cn.chanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.ChildPlatform;
import cn.chanrong.support.IntegrationTest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 §4: a large file of bad rows is refused with the first 1,000 errors and a count of the
 * rest, in an answer of a few hundred kilobytes whose {@code detail} is one sentence; and an import
 * streams its upload, so a 64 MB file is checked by a platform whose whole heap could not hold the
 * file once, let alone as text.
 */
@IntegrationTest
class BoundedImportTests {

    static final long MB = 1024 * 1024;
    /**
     * The child's heap: small, with room for the platform's own live data at start-up (about 50 MB
     * until issue 18, over 62 MB since — 64 MB no longer starts it) and still less than the 64 MB body
     * held as bytes and again as text, which is what the old imports did.
     */
    static final int CHILD_HEAP_MB = 96;
    static final String PASSWORD = "bounded-imports-admin";
    /** A collection in the child's {@code -Xlog:gc} (G1 and Serial alike): heap used before and after it. */
    static final Pattern GC = Pattern.compile("Pause.* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    @LocalServerPort
    int port;

    /**
     * A commodity-price file of about {@code size} bytes whose every row is wrong in one way only, a
     * unit of 21 characters (so each row costs one error and no exception): returns the rows written.
     */
    static long badPrices(Path file, long size) throws IOException {
        long rows = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code,date,price,unit\n");
            while (written < size) {
                String line = "CU" + (rows % 97) + ",2025-" + String.format("%02d-%02d", rows % 12 + 1, rows % 28 + 1)
                        + "," + (1000 + rows % 9000) + ".5,tonnes-of-copper-cath\n";
                w.write(line);
                written += line.length();
                rows++;
            }
        }
        return rows;
    }

    /** An enterprise file of about {@code size} bytes: a malformed credit code and an unknown region on every row. */
    static long badEnterprises(Path file, long size) throws IOException {
        long rows = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("credit_code,name,name_en,region_code,industry_code,ownership,founding_date,employees,"
                    + "annual_revenue,chain_tags,group_code,actual_controller\n");
            while (written < size) {
                String line = "BAD" + rows + ",测试企业" + rows + ",,999999,C3421,PRIVATE,2010-01-01,120,50000000,,,\n";
                w.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
                rows++;
            }
        }
        return rows;
    }

    @Test
    void a_ten_megabyte_file_of_bad_rows_is_answered_with_the_first_thousand_errors_and_a_count_of_the_rest()
            throws IOException {
        Path file = Files.createTempFile("bad-prices-", ".csv");
        try {
            long rows = badPrices(file, 10 * MB);
            long started = System.nanoTime();
            var prices = Api.as(port, "admin").header("Accept-Language", "en")
                    .postBytes("/api/v1/commodity-prices/import", "text/csv", Files.readAllBytes(file));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(prices.status()).isEqualTo(422);
            assertThat(prices.header("Content-Type")).startsWith("application/problem+json");
            JsonNode json = prices.json();
            assertThat(json.get("errors").size()).isEqualTo(1000);
            assertThat(json.get("errors").get(999).get("message").asString()).startsWith("Line 1,001:");
            assertThat(json.get("errorsNotListed").asLong()).isEqualTo(rows - 1000);
            assertThat(json.get("detail").asString()).hasSizeLessThan(200).doesNotContain("Line ")
                    .contains(String.format(java.util.Locale.ROOT, "%,d", rows));
            int bytes = prices.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isLessThan((int) MB);
            System.out.printf("commodity-prices/import: %,d-byte file of %,d bad rows -> %d in %,d ms, answer %,d bytes,"
                    + " detail \"%s\"%n", Files.size(file), rows, prices.status(), millis, bytes, json.get("detail").asString());

            rows = badEnterprises(file, 10 * MB);
            started = System.nanoTime();
            var enterprises = Api.as(port, "admin").header("Accept-Language", "en")
                    .postBytes("/api/v1/imports/enterprises", "text/csv", Files.readAllBytes(file));
            millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(enterprises.status()).isEqualTo(422);
            json = enterprises.json();
            assertThat(json.get("rows").asLong()).isEqualTo(rows);
            assertThat(json.get("errors").size()).isEqualTo(1000);
            assertThat(json.get("errorsNotListed").asLong()).isGreaterThanOrEqualTo(2 * rows - 1000);
            bytes = enterprises.body().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isLessThan((int) MB);
            System.out.printf("imports/enterprises: %,d-byte file of %,d bad rows -> %d in %,d ms, answer %,d bytes,"
                    + " %,d errors not listed%n", Files.size(file), rows, enterprises.status(), millis, bytes,
                    json.get("errorsNotListed").asLong());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void a_64_megabyte_upload_is_checked_by_a_platform_whose_heap_could_not_hold_it() throws Exception {
        Path file = Files.createTempFile("bad-prices-", ".csv");
        try (ChildPlatform platform = new ChildPlatform("--chanrong.demo.enabled=false",
                "--chanrong.bootstrap.admin-username=bounded-admin", "--chanrong.bootstrap.admin-password=" + PASSWORD)
                .jvmOptions("-Xmx" + CHILD_HEAP_MB + "m", "-Xlog:gc:stdout")) {
            long rows = badPrices(file, 64 * MB - 64 * 1024);
            long size = Files.size(file);
            assertThat(CHILD_HEAP_MB * MB).as("the heap cannot hold the file as bytes and as text").isLessThan(2 * size);
            int childPort = ChildPlatform.freePort();
            Process child = platform.start("serve", "--server.port=" + childPort);
            platform.awaitHealthy(childPort, child);
            String startup = platform.output(child);
            int before = startup.length();
            Matcher settled = GC.matcher(startup);
            long baseline = 0;
            while (settled.find()) {
                baseline = bytes(settled.group(3), settled.group(4));
            }

            long started = System.nanoTime();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + childPort + "/api/v1/commodity-prices/import"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("bounded-admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/csv").header("Accept-Language", "en").timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;

            String log = platform.output(child).substring(before);
            assertThat(answer.statusCode()).as(log).isEqualTo(422);
            JsonNode json = Api.JSON.readTree(answer.body());
            assertThat(json.get("errors").size()).isEqualTo(1000);
            assertThat(json.get("errorsNotListed").asLong()).isEqualTo(rows - 1000);
            assertThat(child.isAlive()).isTrue();
            assertThat(log).doesNotContain("OutOfMemoryError");

            Matcher gc = GC.matcher(log);
            long peak = 0;
            long live = 0;
            int collections = 0;
            while (gc.find()) {
                peak = Math.max(peak, bytes(gc.group(1), gc.group(2)));
                live = Math.max(live, bytes(gc.group(3), gc.group(4)));
                collections++;
            }
            assertThat(collections).as("the import collects garbage as it streams:\n%s", log).isPositive();
            assertThat(live).as("heap after any collection during the import").isLessThan(baseline + 32 * MB);
            System.out.printf("commodity-prices/import in a child JVM with -Xmx%dm: %,d-byte file of %,d bad rows -> %d"
                            + " in %,d ms, answer %,d bytes; %d collections during it, heap used at most %,d MB before and"
                            + " %,d MB after a collection (%,d MB after the last one before the import)%n", CHILD_HEAP_MB,
                    size, rows, answer.statusCode(), millis, answer.body().length(), collections, peak / MB, live / MB,
                    baseline / MB);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long bytes(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "K" -> n * 1024;
            case "M" -> n * MB;
            default -> n * 1024 * MB;
        };
    }
}
