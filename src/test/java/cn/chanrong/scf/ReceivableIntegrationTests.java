package cn.chanrong.scf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.scf.domain.Signatures;
import cn.chanrong.scf.domain.Sm2Signer;
import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A receivable from invoice to collection: imported invoice, upload, signed confirmation verified by
 * anyone, offers from two banks, acceptance filed and booked, the second bank refused with the filing
 * cited, a red-letter invoice raising a dilution alert, the debtor's payment settling the funder first.
 */
@IntegrationTest
class ReceivableIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api as(String user) {
        return Api.as(port, user).header("Accept-Language", "en");
    }

    long enterpriseOf(String user) {
        return jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = :u").param("u", user).query(Long.class)
                .single();
    }

    long institutionOf(String user) {
        return jdbc.sql("SELECT institution_id FROM app_user WHERE username = :u").param("u", user).query(Long.class)
                .single();
    }

    String codeOf(long enterprise) {
        return jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :id").param("id", enterprise)
                .query(String.class).single();
    }

    static String invoiceNumber() {
        return "2644" + String.format("%016d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }

    String csv(String number, String seller, String buyer, String exTax, String tax, String total, boolean red,
               String original) {
        return String.join(",", "number", "issued_on", "seller_code", "seller_name", "buyer_code", "buyer_name",
                "amount_ex_tax", "tax", "total", "red", "original_number") + "\n"
                + String.join(",", number, "2026-06-01", seller, "卖方", buyer, "买方", exTax, tax, total,
                String.valueOf(red), original == null ? "" : original) + "\n";
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    void facility(String approver, long borrower) {
        var f = as(approver).post("/api/v1/facilities", Map.of("borrowerId", borrower, "amount", "50000000",
                "validFrom", "2025-01-01", "validTo", "2029-12-31"));
        assertThat(f.status()).as(f.body()).isEqualTo(201);
    }

    @Test
    void a_confirmed_receivable_is_financed_once_diluted_by_a_red_letter_invoice_and_collected_for_the_funder() {
        long sme = enterpriseOf("enterprise");
        long core = enterpriseOf("core");
        Api seller = as("enterprise");
        Api debtor = as("core");
        String invoice = invoiceNumber();

        // an invoice whose buyer code fails the check is refused, nothing stored
        String badCode = codeOf(core).substring(0, 17) + (codeOf(core).endsWith("1") ? "2" : "1");
        var bad = seller.postText("/api/v1/invoices?format=csv", "text/csv",
                csv(invoice, codeOf(sme), badCode, "1000000.00", "130000.00", "1130000.00", false, null));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("Buyer credit code fails the unified social credit code check");
        assertThat(count("SELECT count(*) FROM scf_invoice WHERE number = '" + invoice + "'")).isZero();

        var imported = seller.postText("/api/v1/invoices?format=csv", "text/csv",
                csv(invoice, codeOf(sme), codeOf(core), "1000000.00", "130000.00", "1130000.00", false, null));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        // the creditor uploads; more than the invoice is refused
        Map<String, Object> upload = new HashMap<>();
        upload.put("debtorId", core);
        upload.put("invoiceNumber", invoice);
        upload.put("contractNo", "HT-2026-0601");
        upload.put("amount", "1130000.01");
        upload.put("deliveredOn", "2026-06-01");
        upload.put("dueOn", "2026-11-30");
        assertThat(seller.post("/api/v1/receivables", upload).body()).contains("exceeds what is left of invoice");
        upload.put("amount", "1130000.00");
        var made = seller.post("/api/v1/receivables", upload);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(made.json().get("status").asString()).isEqualTo("UPLOADED");

        // only the debtor confirms; a signature that does not verify is refused and nothing changes
        assertThat(seller.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED")).status())
                .isEqualTo(403);
        Sm2Signer sm2 = new Sm2Signer();
        KeyPair own = sm2.generate();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String message = debtor.get("/api/v1/receivables/" + id + "/message?decision=CONFIRMED&signedAt=" + at).body();
        byte[] wrong = sm2.sign(own.getPrivate(), (message + "tampered").getBytes(StandardCharsets.UTF_8));
        var forged = debtor.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED",
                "signedAt", at.toString(), "publicKey", Signatures.encode(own.getPublic()),
                "signature", Base64.getEncoder().encodeToString(wrong)));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.body()).contains("the signature does not verify");
        assertThat(debtor.get("/api/v1/receivables/" + id).json().get("status").asString()).isEqualTo("UPLOADED");

        // the debtor's own SM2 signature over the canonical message is accepted
        byte[] right = sm2.sign(own.getPrivate(), message.getBytes(StandardCharsets.UTF_8));
        var confirmed = debtor.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED",
                "signedAt", at.toString(), "publicKey", Signatures.encode(own.getPublic()),
                "signature", Base64.getEncoder().encodeToString(right)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        // verifiable by the parties; a bank that has no offer on it does not see it at all
        assertThat(as("bank2").get("/api/v1/receivables/" + id + "/verification").status()).isEqualTo(404);
        var verified = debtor.get("/api/v1/receivables/" + id + "/verification");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("valid").asBoolean()).isTrue();
        assertThat(verified.json().get("algorithm").asString()).isEqualTo("SM3withSM2");
        // confirmed receivables cannot be changed
        assertThat(debtor.post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "DISPUTED",
                "reason", "late")).status()).isEqualTo(409);
        // a tampered stored amount no longer verifies
        jdbc.sql("UPDATE scf_receivable SET amount = amount + 1 WHERE id = :id").param("id", id).update();
        assertThat(debtor.get("/api/v1/receivables/" + id + "/verification").json().get("valid").asBoolean())
                .isFalse();
        jdbc.sql("UPDATE scf_receivable SET amount = amount - 1 WHERE id = :id").param("id", id).update();

        // two funders asked; each offers
        long bank = institutionOf("bank");
        long bank2 = institutionOf("bank2");
        facility("bank-approver", core);
        facility("bank2-approver", core);
        var asked = seller.post("/api/v1/receivables/" + id + "/financing-requests",
                Map.of("institutionIds", List.of(bank, bank2)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long offer1 = offerId(asked, bank);
        long offer2 = offerId(asked, bank2);
        assertThat(as("bank2").get("/api/v1/receivable-offers/" + offer1 + "/checklist").status()).isEqualTo(404);
        Map<String, Object> terms = Map.of("advanceRate", "0.8", "discountRate", "3.6", "recourse", false,
                "kind", "FACTORING", "riskObligor", "DEBTOR");
        assertThat(as("bank").post("/api/v1/receivable-offers/" + offer1 + "/offer",
                Map.of("advanceRate", "1.2", "discountRate", "3.6")).status()).isEqualTo(422);
        assertThat(as("bank").post("/api/v1/receivable-offers/" + offer1 + "/offer", terms).status()).isEqualTo(200);
        assertThat(as("bank2").post("/api/v1/receivable-offers/" + offer2 + "/offer", terms).status()).isEqualTo(200);
        var checklist = as("bank").get("/api/v1/receivable-offers/" + offer1 + "/checklist");
        assertThat(checklist.body()).contains("\"item\":\"REGISTRY\",\"passed\":true")
                .contains("\"item\":\"CONFIRMATION\",\"passed\":true").contains("\"item\":\"INVOICE\",\"passed\":true");

        var accepted = seller.post("/api/v1/receivable-offers/" + offer1 + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String filing = accepted.json().get("filingNumber").asString();
        long loan = accepted.json().get("loanId").asLong();
        BigDecimal advance = new BigDecimal(accepted.json().get("advance").asString());
        assertThat(advance).isEqualByComparingTo("904000.00");
        assertThat(accepted.json().get("notice").asString()).contains("应收账款转让通知").contains(filing);
        assertThat(jdbc.sql("SELECT principal FROM loan WHERE id = :l AND trade_reference LIKE 'receivable:%' "
                        + "AND risk_obligor_id = :c AND institution_id = :b").param("l", loan).param("c", core)
                .param("b", bank).query(BigDecimal.class).single()).isEqualByComparingTo(advance);
        assertThat(count("SELECT count(*) FROM registry_filing WHERE number = '" + filing + "' AND status = 'ACTIVE'"))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM scf_financing_offer WHERE id = :o").param("o", offer2)
                .query(String.class).single()).isEqualTo("LAPSED");

        // the second bank is refused with the filing cited, and the attempt is counted
        long blocked = count("SELECT count(*) FROM registry_blocked_attempt WHERE secured_party = " + bank2);
        var second = seller.post("/api/v1/receivable-offers/" + offer2 + "/accept", Map.of());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("already financed").contains(filing);
        assertThat(count("SELECT count(*) FROM registry_blocked_attempt WHERE secured_party = " + bank2))
                .isEqualTo(blocked + 1);
        assertThat(count("SELECT count(*) FROM loan WHERE institution_id = " + bank2
                + " AND trade_reference = 'receivable:" + accepted.json().get("receivableNumber").asString() + "'"))
                .isZero();

        // a red-letter invoice after financing dilutes the receivable and alerts the funder
        String red = invoiceNumber();
        var reversal = seller.postText("/api/v1/invoices?format=csv", "text/csv",
                csv(red, codeOf(sme), codeOf(core), "-100000.00", "-13000.00", "-113000.00", true, invoice));
        assertThat(reversal.status()).as(reversal.body()).isEqualTo(201);
        assertThat(reversal.json().get("dilutionAlerts").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT amount FROM scf_alert WHERE kind = 'DILUTION' AND institution_id = :b AND subject = :s")
                .param("b", bank).param("s", "receivable:" + accepted.json().get("receivableNumber").asString())
                .query(BigDecimal.class).single()).isEqualByComparingTo("113000.00");
        // reversing more than is left is refused
        var over = seller.postText("/api/v1/invoices?format=csv", "text/csv",
                csv(invoiceNumber(), codeOf(sme), codeOf(core), "-1000000.00", "-130000.00", "-1130000.00", true, invoice));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).contains("would reverse");

        // the debtor pays what it owes: the funder's loan is paid off first, the rest is the seller's
        var owed = debtor.get("/api/v1/receivables/" + id).json();
        assertThat(new BigDecimal(owed.get("diluted").asString())).isEqualByComparingTo("113000.00");
        var paid = debtor.post("/api/v1/receivables/" + id + "/payments", Map.of("amount", "1017000.00"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        BigDecimal toFunder = new BigDecimal(paid.json().get("toFunder").asString());
        assertThat(toFunder).isGreaterThanOrEqualTo(advance);
        assertThat(toFunder.add(new BigDecimal(paid.json().get("toSeller").asString())))
                .isEqualByComparingTo("1017000.00");
        assertThat(jdbc.sql("SELECT status FROM loan WHERE id = :l").param("l", loan).query(String.class).single())
                .isEqualTo("REPAID");
        assertThat(debtor.get("/api/v1/receivables/" + id).json().get("status").asString()).isEqualTo("SETTLED");
    }

    long offerId(Api.Response asked, long institution) {
        for (var o : asked.json()) {
            if (o.get("institutionId").asLong() == institution) {
                return o.get("id").asLong();
            }
        }
        throw new AssertionError("no offer for " + institution + ": " + asked.body());
    }

    @Test
    void a_payable_uploaded_by_a_large_debtor_is_confirmed_and_flagged_past_sixty_days() {
        long sme = enterpriseOf("enterprise");
        Api debtor = as("core");
        Map<String, Object> payable = new HashMap<>();
        payable.put("creditorId", sme);
        payable.put("amount", "250000.00");
        payable.put("deliveredOn", LocalDate.of(2026, 3, 2).toString());
        payable.put("dueOn", LocalDate.of(2026, 5, 1).toString());
        var made = debtor.post("/api/v1/receivables", payable);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(made.json().get("signed").asBoolean()).isTrue();
        long id = made.json().get("id").asLong();
        assertThat(as("enterprise").get("/api/v1/receivables/" + id + "/verification").json().get("valid").asBoolean())
                .isTrue();
        // anyone not a party sees nothing of it but can still not read it
        assertThat(as("bank").get("/api/v1/receivables/" + id).status()).isEqualTo(404);

        var breaches = as("regulator").get("/api/v1/receivables/payment-term-breaches?size=200");
        assertThat(breaches.status()).as(breaches.body()).isEqualTo(200);
        boolean found = false;
        for (var b : breaches.json().get("items")) {
            if (b.get("receivableId").asLong() == id) {
                found = true;
                assertThat(b.get("rule").asString()).isEqualTo("LARGE_60");
                assertThat(b.get("dueOn").asString()).isEqualTo("2026-05-01");
                assertThat(b.get("daysLate").asLong()).isEqualTo(60);
                assertThat(b.get("unpaid").asBoolean()).isTrue();
            }
        }
        assertThat(found).as(breaches.body()).isTrue();
        assertThat(as("bank").get("/api/v1/receivables/payment-term-breaches").status()).isEqualTo(403);

        // bad uploads: both parties, a debt to oneself, a due date before delivery
        Map<String, Object> both = new HashMap<>(payable);
        both.put("debtorId", sme);
        assertThat(debtor.post("/api/v1/receivables", both).body()).contains("Name either the debtor");
        Map<String, Object> early = new HashMap<>(payable);
        early.put("dueOn", "2026-01-01");
        var refused = debtor.post("/api/v1/receivables", early);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Due date");
    }

    @Test
    void regulators_see_financings_by_chain_vouchers_by_tier_and_the_refused_double_financing_of_the_demo() {
        var overview = as("regulator").get("/api/v1/scf/overview");
        assertThat(overview.status()).as(overview.body()).isEqualTo(200);
        var json = overview.json();
        BigDecimal receivables = BigDecimal.ZERO;
        for (var row : json.get("byChain")) {
            if (row.get("kind").asString().equals("RECEIVABLE")) {
                receivables = receivables.add(new BigDecimal(row.get("principal").asString()));
            }
        }
        // every receivable financing in the book is counted (once per chain tag of its borrower, at least once)
        BigDecimal booked = jdbc.sql("SELECT coalesce(sum(principal), 0) FROM loan WHERE trade_reference LIKE 'receivable:%'")
                .query(BigDecimal.class).single();
        assertThat(receivables).isGreaterThanOrEqualTo(booked).isPositive();
        boolean tier3Discounted = false;
        for (var row : json.get("byTier")) {
            if (row.get("tier").asInt() == 3 && new BigDecimal(row.get("discounted").asString()).signum() > 0) {
                tier3Discounted = true;
            }
        }
        assertThat(tier3Discounted).as(overview.body()).isTrue();
        long bank2 = institutionOf("bank2");
        boolean refused = false;
        for (var b : json.get("blocked")) {
            refused |= b.get("institutionId").asLong() == bank2 && b.get("attempts").asLong() >= 1;
        }
        assertThat(refused).as(overview.body()).isTrue();
        assertThat(json.get("paymentTermBreaches").asLong()).isPositive();
        assertThat(as("bank").get("/api/v1/scf/overview").status()).isEqualTo(403);
    }

    /** A receivable of the SME's on the core enterprise, uploaded and confirmed under the debtor's SM2 signature. */
    JsonNodeHolder confirmedReceivable() {
        long sme = enterpriseOf("enterprise");
        long core = enterpriseOf("core");
        String invoice = invoiceNumber();
        assertThat(as("enterprise").postText("/api/v1/invoices?format=csv", "text/csv",
                csv(invoice, codeOf(sme), codeOf(core), "100000.00", "13000.00", "113000.00", false, null)).status())
                .isEqualTo(201);
        Map<String, Object> upload = new HashMap<>();
        upload.put("debtorId", core);
        upload.put("invoiceNumber", invoice);
        upload.put("contractNo", "HT-JR-" + invoice.substring(10));
        upload.put("amount", "113000.00");
        upload.put("deliveredOn", "2026-06-01");
        upload.put("dueOn", "2026-11-30");
        var made = as("enterprise").post("/api/v1/receivables", upload);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        Sm2Signer sm2 = new Sm2Signer();
        KeyPair own = sm2.generate();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String message = as("core").get("/api/v1/receivables/" + id + "/message?decision=CONFIRMED&signedAt=" + at).body();
        byte[] signed = sm2.sign(own.getPrivate(), message.getBytes(StandardCharsets.UTF_8));
        var confirmed = as("core").post("/api/v1/receivables/" + id + "/decision", Map.of("decision", "CONFIRMED",
                "signedAt", at.toString(), "publicKey", Signatures.encode(own.getPublic()),
                "signature", Base64.getEncoder().encodeToString(signed)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return new JsonNodeHolder(id, made.json().get("number").asString(), codeOf(sme));
    }

    record JsonNodeHolder(long id, String number, String sellerCode) {
    }

    /** Bank files a pledge of the receivable first; bank2 is offered it with the given terms and the seller accepts. */
    Api.Response behindAnotherPledge(Map<String, Object> terms) {
        var r = confirmedReceivable();
        var senior = as("bank").post("/api/v1/registry/filings", Map.of("grantor", r.sellerCode(), "collateralType",
                "RECEIVABLES_PLEDGE", "description", "应收账款质押 " + r.number(), "identifiers", List.of(r.number()),
                "termMonths", 12));
        assertThat(senior.status()).as(senior.body()).isEqualTo(201);
        long bank2 = institutionOf("bank2");
        facility("bank2-approver", enterpriseOf("core"));
        var asked = as("enterprise").post("/api/v1/receivables/" + r.id() + "/financing-requests",
                Map.of("institutionIds", List.of(bank2)));
        long offer = offerId(asked, bank2);
        var offered = as("bank2").post("/api/v1/receivable-offers/" + offer + "/offer", terms);
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);
        return as("enterprise").post("/api/v1/receivable-offers/" + offer + "/accept", Map.of());
    }

    /** FACTS §10: a factoring behind a pledge is refused outright; a pledge goes junior only when the funder accepts. */
    @Test
    void a_pledge_behind_another_funder_s_goes_ahead_only_when_the_funder_accepts_the_junior_position() throws Exception {
        var factoring = behindAnotherPledge(Map.of("advanceRate", "0.8", "discountRate", "3.6", "kind", "FACTORING"));
        assertThat(factoring.status()).as("a factoring would own a pledged receivable").isEqualTo(409);
        assertThat(factoring.json().get("errors").get(0).get("code").asString()).isEqualTo("scf.already-filed");

        var notAccepted = behindAnotherPledge(Map.of("advanceRate", "0.8", "discountRate", "3.6", "kind", "PLEDGE"));
        assertThat(notAccepted.status()).isEqualTo(409);
        assertThat(notAccepted.json().get("errors").get(0).get("code").asString()).isEqualTo("scf.junior-not-accepted");

        var junior = behindAnotherPledge(Map.of("advanceRate", "0.8", "discountRate", "3.6", "kind", "PLEDGE",
                "acceptJunior", true));
        assertThat(junior.status()).as(junior.body()).isEqualTo(200);
        long loan = junior.json().get("loanId").asLong();
        assertThat(jdbc.sql("SELECT kind || ':' || priority_position || ':' || filing_number FROM loan_security WHERE loan_id = :l")
                .param("l", loan).query(String.class).single())
                .isEqualTo("PLEDGE:2:" + junior.json().get("filingNumber").asString());
        assertThat(as("bank2").get("/api/v1/loans/" + loan).json().get("guaranteeMethod").asString()).isEqualTo("PLEDGE");
        String page = cn.chanrong.support.Workbench.loggedIn(port, "bank2").get("/loans/" + loan + "?lang=zh").body();
        assertThat(page).as("the loan shows its pledge and the junior position the funder took")
                .contains("id=\"securities\"", "第2顺位（接受后顺位）", junior.json().get("filingNumber").asString(), "质押");
        assertThat(as("bank2").post("/api/v1/receivable-offers/" + junior.json().get("id").asLong() + "/offer",
                Map.of("advanceRate", "0.8", "discountRate", "3.6", "kind", "FACTORING", "acceptJunior", true)).status())
                .isIn(409, 422);
    }
}
