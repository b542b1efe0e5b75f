package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tags from facts: 首贷户 from the credit bureau's flag or the declaration (never with an earlier loan); green from the catalogue code. */
@IntegrationTest
class LoanTagIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LendingSteps steps;

    @BeforeEach
    void setUp() {
        steps = new LendingSteps(port, jdbc);
    }

    boolean tagged(long loan) {
        return steps.as("bank").get("/api/v1/loans/" + loan + "/tags").body().contains("FIRST_LOAN");
    }

    @Test
    void the_bureau_flag_makes_a_first_loan_and_a_second_loan_is_not_one() {
        long borrower = steps.borrower();
        var bureau = steps.as("admin").post("/api/v1/enterprises/" + borrower + "/credit-bureau-summaries", Map.of("asOf",
                "2025-01-31", "loansOutstanding", 0, "lenders", 0, "guaranteesGiven", 0, "overdue90Share", 0,
                "maxDaysOverdue24m", 0, "everBorrowed", false));
        assertThat(bureau.status()).as(bureau.body()).isEqualTo(201);
        long first = steps.disbursedLoan(borrower, null, "1500000.00", 12, "EQUAL_PRINCIPAL", "2025-02-20");
        long second = steps.disbursedLoan(borrower, null, "1500000.00", 12, "EQUAL_PRINCIPAL", "2025-03-20");
        assertThat(tagged(first)).isTrue();
        assertThat(tagged(second)).as("the platform holds an earlier loan").isFalse();
    }

    @Test
    void without_a_bureau_record_the_declaration_decides_and_silence_is_not_a_first_loan() {
        long declared = steps.borrower();
        var m = new java.util.HashMap<>(LendingSteps.application(steps.product("MJ-ZJTX-01"), declared, null, "1500000.00", 12,
                "EQUAL_PRINCIPAL"));
        m.put("firstLoanDeclared", true);
        var app = steps.as("bank").post("/api/v1/loan-applications", m);
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        long id = app.json().get("id").asLong();
        steps.act("bank", id, "PASS", 200);
        steps.act("bank-approver", id, "PASS", 200);
        long loan = steps.as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).json().get("id").asLong();
        assertThat(steps.as("bank").post("/api/v1/loans/" + loan + "/disbursements", Map.of("valueDate", "2025-02-20")).status())
                .isEqualTo(201);
        assertThat(tagged(loan)).isTrue();
        long silent = steps.disbursedLoan(steps.borrower(), null, "1500000.00", 12, "EQUAL_PRINCIPAL", "2025-02-20");
        assertThat(tagged(silent)).isFalse();
        assertThat(jdbc.sql("SELECT first_loan FROM loan WHERE id = :id").param("id", silent).query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1)))
                .single()).as("unknown stays unknown").isEmpty();
    }

    @Test
    void a_green_catalogue_code_of_the_catalogue_in_force_tags_the_loan_green_and_any_other_is_refused() {
        long borrower = steps.borrower();
        var m = new java.util.HashMap<>(LendingSteps.application(steps.product("MJ-ZJTX-01"), borrower, null, "1500000.00", 12,
                "EQUAL_PRINCIPAL"));
        m.put("greenCatalogueCode", "three.two");
        var bad = steps.as("bank").header("Accept-Language", "en").post("/api/v1/loan-applications", m);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"greenCatalogueCode\"");
        m.put("greenCatalogueCode", "9.9.9");
        var unknown = steps.as("bank").header("Accept-Language", "en").post("/api/v1/loan-applications", m);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).as("judged by the 2025 catalogue in force on the business date")
                .contains("lending.green-code-unknown", "Green Finance Endorsed Projects Catalogue (2025)", "2025-10-01");
        m.put("greenCatalogueCode", "3");
        var app = steps.as("bank").post("/api/v1/loan-applications", m);
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        long id = app.json().get("id").asLong();
        assertThat(jdbc.sql("SELECT green_catalogue_edition FROM loan_application WHERE id = :id").param("id", id)
                .query(String.class).single()).as("the edition it was judged by, kept").isEqualTo("GREEN_2025");
        steps.act("bank", id, "PASS", 200);
        steps.act("bank-approver", id, "PASS", 200);
        long loan = steps.as("bank").post("/api/v1/loan-applications/" + id + "/contract", null).json().get("id").asLong();
        assertThat(steps.as("bank").get("/api/v1/loans/" + loan + "/tags").body()).contains("GREEN");
    }
}
