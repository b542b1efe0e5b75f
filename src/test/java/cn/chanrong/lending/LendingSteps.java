package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The steps of a loan's life through the API, as the demo users take them. */
/** Steps through the lending API shared by the tests of lending and of the modules that follow loans. */
public final class LendingSteps {

    private final int port;
    private final JdbcClient jdbc;

    public LendingSteps(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    public Api as(String user) {
        return Api.as(port, user);
    }

    public long borrower() {
        var r = as("admin").post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100")));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    public long product(String code) {
        return jdbc.sql("SELECT id FROM product WHERE code = :c").param("c", code).query(Long.class).single();
    }

    public long facility(long borrower, String amount) {
        var r = as("bank-approver").post("/api/v1/facilities", Map.of("borrowerId", borrower, "amount", amount,
                "validFrom", "2025-01-01", "validTo", "2027-12-31"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> application(long product, long borrower, Long facility, String amount, int months,
                                           String method) {
        Map<String, Object> m = new HashMap<>();
        m.put("productId", product);
        m.put("borrowerId", borrower);
        m.put("facilityId", facility);
        m.put("amount", amount);
        m.put("termMonths", months);
        m.put("rateType", "LPR_1Y");
        m.put("spreadBp", 50);
        m.put("method", method);
        m.put("purpose", "WORKING_CAPITAL");
        m.put("paymentMode", "SELF");
        return m;
    }

    JsonNode act(String user, long application, String decision, int expected) {
        var r = as(user).post("/api/v1/loan-applications/" + application + "/acts",
                Map.of("decision", decision, "comment", "经调查，经营正常 / checked"));
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r.json();
    }

    /** Applies with {@code body} as the bank's operator, passes the approval chain and contracts; returns the loan id. */
    public long contract(Map<String, Object> body) {
        var app = as("bank").post("/api/v1/loan-applications", body);
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        long id = app.json().get("id").asLong();
        act("bank", id, "PASS", 200);
        if (app.json().get("steps").size() == 3) {
            act("bank-reviewer", id, "PASS", 200);
        }
        act("bank-approver", id, "PASS", 200);
        var loan = as("bank").post("/api/v1/loan-applications/" + id + "/contract", null);
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        return loan.json().get("id").asLong();
    }

    private long disburse(long loanId, Map<String, Object> payout) {
        var d = as("bank").post("/api/v1/loans/" + loanId + "/disbursements", payout);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        return loanId;
    }

    /** Applies, passes the chain, contracts and disburses on {@code valueDate}; returns the loan id. */
    public long disbursedLoan(long borrower, Long facility, String amount, int months, String method, String valueDate) {
        return disburse(contract(application(product("MJ-ZJTX-01"), borrower, facility, amount, months, method)),
                Map.of("valueDate", valueDate));
    }

    /** As {@link #disbursedLoan}, for the purpose given (WORKING_CAPITAL, EQUIPMENT_RENEWAL, …). */
    public long disbursedLoanFor(long borrower, String amount, String valueDate, String purpose) {
        Map<String, Object> body = application(product("MJ-ZJTX-01"), borrower, null, amount, 12, "EQUAL_PRINCIPAL");
        body.put("purpose", purpose);
        return disburse(contract(body), Map.of("valueDate", valueDate));
    }

    /** As {@link #disbursedLoan}, a tech-transformation loan with a green catalogue code (null: none). */
    public long disbursedGreenLoan(long borrower, String amount, String valueDate, String greenCode) {
        Map<String, Object> body = application(product("MJ-ZJTX-01"), borrower, null, amount, 12, "EQUAL_PRINCIPAL");
        body.put("purpose", "TECH_TRANSFORMATION");
        body.put("greenCatalogueCode", greenCode);
        return disburse(contract(body), Map.of("valueDate", valueDate));
    }

    /** Applies, passes the chain and contracts a loan (not disbursed); returns the loan id. */
    public long contracted(long borrower, Long facility, String amount) {
        return contract(application(product("MJ-ZJTX-01"), borrower, facility, amount, 12, "EQUAL_PRINCIPAL"));
    }

    /** As {@link #disbursedLoan}, paying out to the payees listed (name, account, amount, mode ENTRUSTED or SELF). */
    public long disbursedLoanTo(long borrower, String amount, String valueDate, java.util.List<Map<String, Object>> payees) {
        return disburse(contract(application(product("MJ-ZJTX-01"), borrower, null, amount, 12, "EQUAL_PRINCIPAL")),
                Map.of("valueDate", valueDate, "payees", payees));
    }

    public JsonNode loan(long id) {
        return as("bank").get("/api/v1/loans/" + id).json();
    }

    void endOfDay(String date) {
        var r = as("admin").post("/api/v1/lending/end-of-day", Map.of("businessDate", date));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
