package cn.chanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ImportIntegrationTests {

    static final String HEADER = EnterpriseImports.ENTERPRISE_COLUMNS;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Result(int status, JsonNode json) {
    }

    Result post(String kind, byte[] body, String query) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/" + kind + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        var r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        return new Result(r.statusCode(), JsonMapper.builder().build().readTree(r.body()));
    }

    static String row(String code, String name, int employees, String tags) {
        return String.join(",", code, "\"" + name + "\"", "\"Import Test, Ltd.\"", "440300", "C3973", "PRIVATE",
                "2020-03-01", Integer.toString(employees), "25000000.00", tags, "", "张三");
    }

    long count(List<String> codes) {
        return jdbc.sql("SELECT count(*) FROM enterprise WHERE credit_code = ANY(:c)").param("c", codes.toArray(String[]::new))
                .query(Long.class).single();
    }

    @Test
    void a_good_file_is_applied_whole_and_a_re_import_changes_nothing() throws Exception {
        List<String> codes = List.of(Fixtures.freshCreditCode("440300"), Fixtures.freshCreditCode("440300"),
                Fixtures.freshCreditCode("440300"));
        String csv = HEADER + "\r\n" + row(codes.get(0), "深圳导入芯片有限公司", 80, "IC;NEW_GEN_IT") + "\r\n"
                + row(codes.get(1), "深圳导入封测有限公司", 150, "IC") + "\r\n"
                + row(codes.get(2), "深圳导入材料有限公司", 40, "") + "\r\n";
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, csv.getBytes(StandardCharsets.UTF_8));
        var first = post("enterprises", withBom, "");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        assertThat(count(codes)).isEqualTo(3);
        var again = post("enterprises", withBom, "");
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.json().get("created").asInt()).isZero();
        long version = jdbc.sql("SELECT version FROM enterprise WHERE credit_code = :c").param("c", codes.get(0))
                .query(Long.class).single();
        assertThat(version).isZero();
        var changed = post("enterprises", csv.replace("深圳导入封测有限公司\",\"Import Test, Ltd.\",440300,C3973,PRIVATE,2020-03-01,150",
                "深圳导入封测有限公司\",\"Import Test, Ltd.\",440300,C3973,PRIVATE,2020-03-01,151").getBytes(StandardCharsets.UTF_8), "");
        assertThat(changed.json().get("updated").asInt()).isEqualTo(1);
        assertThat(changed.json().get("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void gbk_must_be_declared() throws Exception {
        String code = Fixtures.freshCreditCode("440300");
        byte[] gbk = (HEADER + "\n" + row(code, "深圳国标编码有限公司", 10, "") + "\n").getBytes(Charset.forName("GBK"));
        var undeclared = post("enterprises", gbk, "");
        assertThat(undeclared.status()).isEqualTo(422);
        assertThat(undeclared.json().get("errors").get(0).get("code").asString()).isEqualTo("csv.looks-gbk");
        assertThat(count(List.of(code))).isZero();
        var declared = post("enterprises", gbk, "?encoding=GBK");
        assertThat(declared.status()).isEqualTo(200);
        String name = jdbc.sql("SELECT name FROM enterprise WHERE credit_code = :c").param("c", code).query(String.class).single();
        assertThat(name).isEqualTo("深圳国标编码有限公司");
    }

    @Test
    void a_wrong_header_is_refused_naming_the_columns() throws Exception {
        var r = post("enterprises", ("credit_code,name,region\n" + "x,y,z\n").getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(422);
        List<String> columns = new ArrayList<>();
        r.json().get("errors").forEach(e -> columns.add(e.get("column").asString()));
        assertThat(columns).contains("region", "name_en", "region_code", "industry_code", "annual_revenue");
    }

    @Test
    void fifty_thousand_rows_with_one_bad_row_write_nothing_and_name_the_row() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String code = Fixtures.freshCreditCode("440300");
            codes.add(code);
            int employees = i == 31_337 ? -4 : 20 + i % 300;
            csv.append(row(code, "深圳批量导入第" + i + "号有限公司", employees, i % 3 == 0 ? "IC" : "")).append('\n');
        }
        var r = post("enterprises", csv.toString().getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("rows").asInt()).isEqualTo(50_000);
        assertThat(r.json().get("errors").size()).isEqualTo(1);
        var error = r.json().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(31_337 + 2);
        assertThat(error.get("column").asString()).isEqualTo("employees");
        assertThat(error.get("message").asString()).contains("从业人员");
        assertThat(count(codes.subList(0, 1000))).isZero();
    }

    @Test
    void statements_import_checks_the_balance_sheet_and_the_enterprise() throws Exception {
        String code = Fixtures.freshCreditCode("440300");
        post("enterprises", (HEADER + "\n" + row(code, "深圳报表导入有限公司", 60, "") + "\n").getBytes(StandardCharsets.UTF_8), "");
        String header = EnterpriseImports.STATEMENT_COLUMNS;
        String bad = header + "\n" + code + ",2024,1000,900,50,5,10,800,300,400,1,2\n"
                + "91440300MA00000000,2024,1,1,1,1,1,1,1,0,0,0\n";
        var r = post("statements", bad.getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(422);
        List<String> columns = new ArrayList<>();
        r.json().get("errors").forEach(e -> columns.add(e.get("line").asInt() + ":" + e.get("column").asString()));
        assertThat(columns).containsExactly("2:equity", "3:credit_code");
        String good = header + "\n" + code + ",2024,1000,900,50,5,10,800,300,500,1,2\n" + code + ",2023,800,700,40,4,-5,700,300,,0,1\n";
        var ok = post("statements", good.getBytes(StandardCharsets.UTF_8), "");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("created").asInt()).isEqualTo(2);
        assertThat(post("statements", good.getBytes(StandardCharsets.UTF_8), "").json().get("unchanged").asInt()).isEqualTo(2);
    }

    List<String> errors(Result r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("line").asInt() + ":" + e.get("column").asString() + ":"
                + e.get("code").asString()));
        return out;
    }

    /**
     * The import is an edge: it reads each amount cell in the API's grammar and reports what it cannot
     * read with the rules' verdict on the rest of the row, all at once and in the rules' order; the rules
     * only ever see numbers (moved here from ProfileRulesTests, which fed them "12a").
     */
    @Test
    void amounts_the_import_cannot_read_are_reported_with_the_rest_of_the_row() throws Exception {
        String code = Fixtures.freshCreditCode("440300");
        String unknownRegionAndWord = row(Fixtures.freshCreditCode("440300"), "深圳金额读取有限公司", 10, "")
                .replace(",440300,C3973,", ",990000,C3973,").replace("25000000.00", "12a");
        String empty = row(Fixtures.freshCreditCode("440300"), "深圳金额留空有限公司", 10, "").replace("25000000.00", "");
        String exponent = row(Fixtures.freshCreditCode("440300"), "深圳金额指数有限公司", 10, "").replace("25000000.00", "1e3");
        var refused = post("enterprises", (HEADER + "\n" + unknownRegionAndWord + "\n" + empty + "\n" + exponent + "\n")
                .getBytes(StandardCharsets.UTF_8), "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errors(refused)).containsExactly("2:region_code:region-code.unknown",
                "2:annual_revenue:amount.format", "3:annual_revenue:required", "4:annual_revenue:amount.format");

        post("enterprises", (HEADER + "\n" + row(code, "深圳报表读取有限公司", 60, "") + "\n").getBytes(StandardCharsets.UTF_8), "");
        String statements = EnterpriseImports.STATEMENT_COLUMNS + "\n"
                + code + ",2024,1e3,900,50,5,10,800,300,1.234,1,2\n"
                + code + ",2023,800,900,40,4,-5.,700,300,,0,1\n";
        var r = post("statements", statements.getBytes(StandardCharsets.UTF_8), "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(errors(r)).as("an unreadable optional equity comes after the rules; a cell stands where the rules"
                + " would have said required").containsExactly("2:revenue:amount.format", "2:equity:amount.scale",
                "3:net_profit:amount.format", "3:main_business_revenue:statement.main-above-revenue");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
