package cn.chanrong.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With consent an institution gets a reproducible, explained decision on a demo enterprise; without,
 * it sees nothing; after revocation, nothing again. Models go live only with a second person's approval.
 */
@IntegrationTest
class CreditDecisionIntegrationTests {

    @LocalServerPort
    int port;

    /** The core enterprise's own: other test classes work with the SME user's enterprise. */
    long sme() {
        return Api.as(port, "core").get("/api/v1/enterprises").json().get("items").get(0).get("id").asLong();
    }

    long consent(long sme) {
        return consent(sme, "bank");
    }

    long consent(long sme, String institution) {
        var asked = Api.as(port, institution).post("/api/v1/consents", Map.of("enterpriseId", sme, "purpose", "PRE_LOAN",
                "periodFrom", "2020-01-01", "periodTo", LocalDate.now().toString(),
                "expiresOn", LocalDate.now().plusMonths(2).toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long id = asked.json().get("id").asLong();
        assertThat(Api.as(port, "core").post("/api/v1/consents/" + id + "/grant", Map.of()).status()).isEqualTo(200);
        return id;
    }

    static Map<String, Object> terms(long sme) {
        return Map.of("enterpriseId", sme, "amount", 500000, "months", 12, "purpose", "WORKING_CAPITAL", "secured", false);
    }

    @Test
    void with_consent_a_decision_is_explained_reproducible_and_overridable_and_revocation_ends_it() {
        long sme = sme();
        Api bank = Api.as(port, "bank").header("Accept-Language", "en");
        var refused = bank.post("/api/v1/credit-decisions", terms(sme));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("No live consent");
        assertThat(bank.get("/api/v1/enterprises/" + sme + "/credit-report").status()).isEqualTo(403);

        long consent = consent(sme);
        var made = bank.post("/api/v1/credit-decisions", terms(sme));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        var d = made.json().get("decision");
        assertThat(d.get("outcome").asString()).isIn("APPROVE", "REFER", "DECLINE");
        assertThat(d.get("score").asInt()).isBetween(200, 900);
        assertThat(d.get("probabilityOfDefault").asDouble()).isBetween(0.0, 1.0);
        assertThat(d.get("inputs").get("months_of_data").asDouble()).isGreaterThanOrEqualTo(12);
        assertThat(d.get("limitMethod").asString()).isEqualTo("WORKING_CAPITAL_ESTIMATE");
        assertThat(made.body()).contains("\"kind\":\"SCORE\"", "\"kind\":\"LIMIT\"", "Grade ", "recommended limit");
        long id = d.get("id").asLong();

        var again = bank.get("/api/v1/credit-decisions/" + id + "/reproduction");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("same").asBoolean()).as(again.body()).isTrue();

        assertThat(bank.post("/api/v1/credit-decisions/" + id + "/override", Map.of("outcome", "APPROVE", "reason", "有核心企业订单支持"))
                .status()).as("an operator cannot override").isEqualTo(403);
        Api approver = Api.as(port, "bank-approver").header("Accept-Language", "en");
        var shortReason = approver.post("/api/v1/credit-decisions/" + id + "/override", Map.of("outcome", "APPROVE", "reason", "ok"));
        assertThat(shortReason.status()).isEqualTo(422);
        assertThat(shortReason.body()).contains("Reason");
        var overridden = approver.post("/api/v1/credit-decisions/" + id + "/override",
                Map.of("outcome", "APPROVE", "reason", "有核心企业确权订单支持"));
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
        assertThat(overridden.json().get("decision").get("override").get("by").asString()).isEqualTo("bank-approver");
        assertThat(approver.post("/api/v1/credit-decisions/" + id + "/override", Map.of("outcome", "DECLINE", "reason", "再次推翻"))
                .status()).isEqualTo(409);

        var report = bank.get("/api/v1/enterprises/" + sme + "/credit-report");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("report").get("monthlyIn").size()).isEqualTo(12);
        assertThat(report.json().get("improve").size()).isGreaterThan(0);
        assertThat(Api.as(port, "core").get("/api/v1/enterprises/" + sme + "/credit-report").status()).isEqualTo(200);
        assertThat(Api.as(port, "bank2").get("/api/v1/credit-decisions/" + id).status()).isEqualTo(404);

        assertThat(Api.as(port, "core").post("/api/v1/consents/" + consent + "/revocation", Map.of()).status()).isEqualTo(200);
        assertThat(bank.post("/api/v1/credit-decisions", terms(sme)).status()).isEqualTo(403);
    }

    @Test
    void terms_are_checked_field_by_field() {
        long sme = sme();
        long consent = consent(sme, "bank2");
        var bad = Api.as(port, "bank2").header("Accept-Language", "en").post("/api/v1/credit-decisions",
                Map.of("enterpriseId", sme, "amount", -5, "months", 500));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"amount\"", "\"field\":\"months\"", "\"field\":\"purpose\"");
        assertThat(Api.as(port, "core").post("/api/v1/consents/" + consent + "/revocation", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void a_pending_challenger_goes_live_only_by_a_second_person_s_approval() {
        Api admin = Api.as(port, "admin").header("Accept-Language", "en");
        var models = admin.get("/api/v1/credit-models").json();
        List<Long> pending = new java.util.ArrayList<>();
        models.forEach(m -> {
            if ("PENDING".equals(m.get("status").asString())) {
                pending.add(m.get("id").asLong());
            }
            if ("APPROVED".equals(m.get("status").asString())) {
                assertThat(m.get("approvedBy").asString()).isNotEqualTo(m.get("trainedBy").asString());
            }
        });
        assertThat(pending).isNotEmpty();
        var detail = admin.get("/api/v1/credit-models/" + pending.getFirst());
        assertThat(detail.json().get("document").get("format").asString()).isEqualTo("chanrong-scorecard/1");
        assertThat(detail.json().get("validation").get("outOfTimeAllSegments").get("auc").asDouble()).isGreaterThan(0.6);
        assertThat(detail.json().get("validation").get("ownership").size()).isGreaterThan(0);
        assertThat(Api.as(port, "bank").post("/api/v1/credit-models/" + pending.getFirst() + "/approval",
                Map.of("effectiveFrom", "2026-01-01")).status()).isEqualTo(403);
        var approved = admin.post("/api/v1/credit-models/" + pending.getFirst() + "/approval", Map.of("effectiveFrom", "2030-01-01"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo("admin");
        assertThat(admin.post("/api/v1/credit-models/" + pending.getFirst() + "/approval", Map.of("effectiveFrom", "2030-01-01"))
                .status()).isEqualTo(409);
    }

    @Test
    void tax_and_bureau_facts_load_whole_or_not_at_all_and_never_from_the_enterprise_itself() {
        long sme = sme();
        Api admin = Api.as(port, "admin").header("Accept-Language", "en");
        var bad = admin.postText("/api/v1/enterprises/" + sme + "/tax-records", "text/csv",
                "month,tax_paid,invoice_sales\n2019-01,1200.00,40000.00\n2019-13,5,5\n2019-02,-3,10\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("line 3", "2019-13", "line 4", "-3");
        var good = admin.postText("/api/v1/enterprises/" + sme + "/tax-records", "text/csv",
                "month,tax_paid,invoice_sales\n2019-01,1200.00,40000.00\n2019-02,1300.00,41000.50\n");
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().get("stored").asInt()).isEqualTo(2);
        assertThat(Api.as(port, "core").postText("/api/v1/enterprises/" + sme + "/tax-records", "text/csv",
                "month,tax_paid,invoice_sales\n2019-03,1,1\n").status()).as("not self-declared").isEqualTo(403);
        assertThat(admin.put("/api/v1/enterprises/" + sme + "/tax-grades/2019", Map.of("grade", "Z")).status()).isEqualTo(422);
        assertThat(admin.put("/api/v1/enterprises/" + sme + "/tax-grades/2019", Map.of("grade", "A")).status()).isEqualTo(200);
        var share = admin.post("/api/v1/enterprises/" + sme + "/credit-bureau-summaries", Map.of("asOf", "2019-12-31",
                "loansOutstanding", 1000000, "lenders", 2, "guaranteesGiven", 0, "overdue90Share", 1.5, "maxDaysOverdue24m", 0,
                "everBorrowed", true));
        assertThat(share.status()).isEqualTo(422);
        assertThat(share.body()).contains("\"field\":\"overdue90Share\"");
        assertThat(admin.post("/api/v1/enterprises/" + sme + "/credit-bureau-summaries", Map.of("asOf", "2019-12-31",
                "loansOutstanding", 1000000, "lenders", 2, "guaranteesGiven", 0, "overdue90Share", 0.1, "maxDaysOverdue24m", 30,
                "everBorrowed", true)).status()).isEqualTo(201);
    }
}
