package cn.chanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The isolation matrix: every kind of record, every demo caller — institutions, enterprises,
 * national and regional regulators of the financial and the industry departments — on every object
 * endpoint (reads and writes) and every list endpoint. What each caller should see is worked out
 * here from the records' parties, independently of the code under test: an institution the records
 * it is a party to, an enterprise those about itself, a regulator those whose parties are registered
 * in its region (banks' customer records only for PBOC and NFRA), an administrator all. A record the
 * caller cannot see answers exactly as a record that does not exist.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixIntegrationTests {

    static final List<String> CALLERS = List.of("admin", "regulator", "regulator-miit", "regulator-fj", "regulator-fz",
            "regulator-gd", "bank", "bank2", "bank3", "enterprise", "core");
    static final long MISSING = 987_654_321L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A demo caller as the oracle sees it. */
    record Who(String username, String role, Long enterprise, Long institution, String department, String region) {

        String prefix() {
            if (region == null) {
                return "";
            }
            return region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
        }

        boolean financial() {
            return "PBOC".equals(department) || "NFRA".equals(department);
        }
    }

    /** One record: who is party to it, where it is, and whether it is a bank's customer record. */
    record Rec(String id, Set<Long> institutions, Set<Long> enterprises, Set<String> regions, boolean customer,
               boolean institutionsAll) {

        boolean visibleTo(Who w) {
            return switch (w.role()) {
                case "ADMIN" -> true;
                case "INSTITUTION" -> institutionsAll || institutions.contains(w.institution());
                case "ENTERPRISE" -> enterprises.contains(w.enterprise());
                case "REGULATOR" -> (!customer || w.financial())
                        && regions.stream().anyMatch(r -> r != null && r.startsWith(w.prefix()));
                default -> false;
            };
        }
    }

    final Map<String, Who> callers = new LinkedHashMap<>();
    /** Records per kind, keyed by id. */
    final Map<String, Map<String, Rec>> kinds = new LinkedHashMap<>();

    @BeforeAll
    void load() {
        jdbc.sql("""
                        SELECT username, role, enterprise_id, institution_id, department, region_code FROM app_user
                        WHERE username = ANY(:u)""").param("u", CALLERS.toArray(String[]::new))
                .query(rs -> {
                    callers.put(rs.getString(1), new Who(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Long.class), rs.getString(5), rs.getString(6)));
                });
        assertThat(callers.keySet()).containsExactlyInAnyOrderElementsOf(CALLERS);
        // consent requests of two banks to two enterprises (the demo holds none still open)
        for (String[] ask : new String[][] {{"bank", "enterprise"}, {"bank2", "core"}}) {
            var asked = Api.as(port, ask[0]).post("/api/v1/consents", Map.of("enterpriseId",
                    callers.get(ask[1]).enterprise(), "purpose", "PRE_LOAN", "periodFrom", "2024-01-01",
                    "periodTo", java.time.LocalDate.now().toString(),
                    "expiresOn", java.time.LocalDate.now().plusMonths(2).toString()));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        }
        kind("loans", true, false, """
                SELECT l.id::text, ARRAY[l.institution_id], ARRAY[l.borrower_id],
                       ARRAY[b.region_code, o.region_code]
                FROM loan l JOIN enterprise b ON b.id = l.borrower_id LEFT JOIN enterprise o ON o.id = l.risk_obligor_id""");
        kind("loan-applications", true, false, """
                SELECT a.id::text, ARRAY[a.institution_id], ARRAY[a.borrower_id], ARRAY[b.region_code]
                FROM loan_application a JOIN enterprise b ON b.id = a.borrower_id""");
        kind("facilities", true, false, """
                SELECT f.id::text, ARRAY[f.institution_id], ARRAY[f.borrower_id], ARRAY[b.region_code]
                FROM facility f JOIN enterprise b ON b.id = f.borrower_id""");
        kind("credit-decisions", true, false, """
                SELECT d.id::text, ARRAY[d.institution_id], ARRAY[d.enterprise_id], ARRAY[e.region_code]
                FROM credit_decision d JOIN enterprise e ON e.id = d.enterprise_id""");
        kind("consents", true, false, """
                SELECT c.id::text, ARRAY[c.institution_id], ARRAY[c.enterprise_id], ARRAY[e.region_code]
                FROM consent c JOIN enterprise e ON e.id = c.enterprise_id""");
        kind("receivables", false, false, """
                SELECT r.id::text, ARRAY(SELECT o.institution_id FROM scf_financing_offer o WHERE o.receivable_id = r.id),
                       ARRAY[r.creditor_id, r.debtor_id], ARRAY[c.region_code, d.region_code]
                FROM scf_receivable r JOIN enterprise c ON c.id = r.creditor_id JOIN enterprise d ON d.id = r.debtor_id""");
        kind("receivable-offers", true, false, """
                SELECT o.id::text, ARRAY[o.institution_id], ARRAY[r.creditor_id], ARRAY[c.region_code, d.region_code]
                FROM scf_financing_offer o JOIN scf_receivable r ON r.id = o.receivable_id
                JOIN enterprise c ON c.id = r.creditor_id JOIN enterprise d ON d.id = r.debtor_id""");
        kind("vouchers", false, false, """
                SELECT v.id::text, ARRAY(SELECT x.funder_id FROM scf_voucher_part x WHERE x.voucher_id = v.id
                                          AND x.funder_id IS NOT NULL),
                       ARRAY[v.issuer_id] || ARRAY(SELECT x.holder_id FROM scf_voucher_part x WHERE x.voucher_id = v.id),
                       ARRAY[i.region_code]
                FROM scf_voucher v JOIN enterprise i ON i.id = v.issuer_id""");
        kind("warehouse-receipts", true, false, """
                SELECT r.id::text, ARRAY(SELECT p.institution_id FROM scf_receipt_pledge p WHERE p.receipt_id = r.id),
                       ARRAY_REMOVE(ARRAY[r.owner_id, w.operator_id], NULL), ARRAY[w.region_code]
                FROM scf_warehouse_receipt r JOIN scf_warehouse w ON w.id = r.warehouse_id""");
        kind("denucleated-financings", true, false, """
                SELECT d.id::text, ARRAY[d.institution_id], ARRAY[d.enterprise_id], ARRAY[e.region_code]
                FROM scf_denucleated d JOIN enterprise e ON e.id = d.enterprise_id""");
        kind("invoices", false, false, """
                SELECT i.number, ARRAY(SELECT o.institution_id FROM scf_receivable r
                                         JOIN scf_financing_offer o ON o.receivable_id = r.id
                                        WHERE r.invoice_number IN (i.number, i.red_letter_of)),
                       ARRAY(SELECT e.id FROM enterprise e WHERE e.credit_code IN (i.seller_code, i.buyer_code)),
                       ARRAY(SELECT e.region_code FROM enterprise e WHERE e.credit_code IN (i.seller_code, i.buyer_code))
                FROM scf_invoice i""");
        kind("project-lists", false, false, """
                SELECT l.id::text, ARRAY(SELECT p.institution_id FROM project_push p JOIN project_item i ON i.id = p.item_id
                                          WHERE i.list_id = l.id), ARRAY[]::bigint[], ARRAY[l.region_code]
                FROM project_list l""");
        kind("needs", false, false, """
                SELECT n.id::text, CASE WHEN n.status <> 'OPEN' THEN ARRAY[]::bigint[]
                                        WHEN n.visibility = 'ALL' THEN ARRAY(SELECT id FROM institution)
                                        ELSE n.chosen END,
                       ARRAY[n.enterprise_id], ARRAY[e.region_code]
                FROM financing_need n JOIN enterprise e ON e.id = n.enterprise_id""");
        kind("enterprises", false, true, """
                SELECT e.id::text, ARRAY[]::bigint[], ARRAY[e.id], ARRAY[e.region_code] FROM enterprise e""");
        kind("scf-alerts", true, false, """
                SELECT a.id::text, ARRAY[a.institution_id], ARRAY[]::bigint[], ARRAY[e.region_code]
                FROM scf_alert a LEFT JOIN enterprise e ON e.id = a.enterprise_id""");
        // a regulator sees a confirmed case in the region, never the open queue: open alerts have no region here
        kind("monitoring-alerts", true, false, """
                SELECT a.id::text, ARRAY[a.institution_id], ARRAY[]::bigint[],
                       CASE WHEN a.status = 'CONFIRMED' THEN ARRAY[e.region_code::text] ELSE ARRAY[]::text[] END
                FROM monitoring_alert a JOIN enterprise e ON e.id = a.enterprise_id""");
        // a bank's re-lending ledger: the bank, the financial regulators where it has its head office or a branch
        kind("policy-ledgers", true, false, """
                SELECT g.id::text, ARRAY[g.institution_id], ARRAY[]::bigint[],
                       ARRAY(SELECT r.region_code::text FROM institution_region_view r WHERE r.institution_id = g.institution_id)
                FROM policy_ledger g""");
        // a subsidised loan: the bank, the borrower, the financial regulators where the borrower is
        kind("policy-subsidies", true, false, """
                SELECT s.id::text, ARRAY[s.institution_id], ARRAY[s.borrower_id], ARRAY[e.region_code::text]
                FROM policy_subsidy s JOIN enterprise e ON e.id = s.borrower_id""");
        // a bank's subsidy claims and the prepayments it received: the bank, the financial regulators where it operates
        kind("policy-subsidy-claims", true, false, """
                SELECT c.id::text, ARRAY[c.institution_id], ARRAY[]::bigint[],
                       ARRAY(SELECT r.region_code::text FROM institution_region_view r WHERE r.institution_id = c.institution_id)
                FROM policy_subsidy_claim c""");
        // a guarantee: the bank and each guarantor of the chain, the financial regulators where the bank operates
        kind("policy-guarantees", true, false, """
                SELECT g.id::text, ARRAY[g.institution_id, g.agency_id, g.reguarantor_id, g.fund_id], ARRAY[]::bigint[],
                       ARRAY(SELECT r.region_code::text FROM institution_region_view r WHERE r.institution_id = g.institution_id)
                FROM policy_guarantee g""");
        // a pool claim: the bank, the financial regulators where the borrower is
        kind("policy-pool-claims", true, false, """
                SELECT c.id::text, ARRAY[c.institution_id], ARRAY[]::bigint[], ARRAY[e.region_code::text]
                FROM policy_pool_claim c JOIN enterprise e ON e.id = c.borrower_id""");
        // a case reported to the joint warning mechanism: the reporting bank, every regulator where the enterprise is
        kind("warning-reports", false, false, """
                SELECT r.id::text, ARRAY[r.institution_id], ARRAY[]::bigint[], ARRAY[e.region_code::text]
                FROM warning_report r JOIN enterprise e ON e.id = r.enterprise_id""");
        // a carbon-reduction loan: the bank, the borrower, the financial regulators where the borrower is
        kind("policy-carbon-reductions", true, false, """
                SELECT c.loan_id::text, ARRAY[c.institution_id], ARRAY[c.borrower_id], ARRAY[e.region_code::text]
                FROM policy_carbon_reduction c JOIN enterprise e ON e.id = c.borrower_id""");
        kind("policy-subsidy-prepayments", true, false, """
                SELECT c.id::text, ARRAY[c.institution_id], ARRAY[]::bigint[],
                       ARRAY(SELECT r.region_code::text FROM institution_region_view r WHERE r.institution_id = c.institution_id)
                FROM policy_subsidy_prepayment c""");
        // the demo economy has records of each kind, held by different parties
        kinds.forEach((k, recs) -> assertThat(recs).as(k).isNotEmpty());
    }

    private void kind(String name, boolean customer, boolean institutionsAll, String sql) {
        Map<String, Rec> recs = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            recs.put(rs.getString(1), new Rec(rs.getString(1), longs(rs.getArray(2)), longs(rs.getArray(3)),
                    strings(rs.getArray(4)), customer, institutionsAll));
        });
        kinds.put(name, recs);
    }

    private static Set<Long> longs(java.sql.Array a) throws java.sql.SQLException {
        Set<Long> out = new LinkedHashSet<>();
        for (Object o : (Object[]) a.getArray()) {
            if (o != null) {
                out.add(((Number) o).longValue());
            }
        }
        return out;
    }

    private static Set<String> strings(java.sql.Array a) throws java.sql.SQLException {
        Set<String> out = new LinkedHashSet<>();
        for (Object o : (Object[]) a.getArray()) {
            if (o != null) {
                out.add(o.toString().strip());
            }
        }
        return out;
    }


    record Endpoint(String method, String pattern) {
    }

    List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            for (String p : e.getKey().getPatternValues()) {
                if (!p.startsWith("/api/v1/")) {
                    continue;
                }
                var methods = e.getKey().getMethodsCondition().getMethods();
                methods.forEach(m -> out.add(new Endpoint(m.name(), p)));
            }
        }
        out.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return out;
    }

    /** A path with its first variable set to {@code id} and any later one to a harmless value. */
    static String path(String pattern, String id) {
        String p = pattern.replaceFirst("\\{[^}]+}", id);
        p = p.replaceAll("\\{year}", "2026").replaceAll("\\{[^}]+}", "1");
        return pattern.endsWith("/message") ? p + "?decision=CONFIRMED" : p;
    }

    @Test
    void every_object_endpoint_answers_a_record_out_of_scope_as_one_that_does_not_exist() {
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (Endpoint e : endpoints()) {
            String kind = ScopeMatrixEndpoints.kindOf(e.pattern());
            if (kind == null) {
                continue;
            }
            boolean read = e.method().equals("GET");
            for (Who w : callers.values()) {
                Api api = Api.as(port, w.username());
                // one record the caller may not see, preferring one some other caller of its kind may
                var foreign = kinds.get(kind).values().stream().filter(Predicate.not(r -> r.visibleTo(w))).findFirst();
                if (foreign.isEmpty()) {
                    continue;
                }
                var missing = api.send(e.method(), path(e.pattern(), kind.equals("invoices") ? "99999999999999999999"
                        : String.valueOf(MISSING)), read ? null : Map.of());
                var got = api.send(e.method(), path(e.pattern(), foreign.get().id()), read ? null : Map.of());
                tried++;
                if (got.status() != missing.status() || !code(got).equals(code(missing))) {
                    leaks.add(e.method() + " " + e.pattern() + " as " + w.username() + " on " + kind + " "
                            + foreign.get().id() + ": " + got.status() + " " + code(got) + " (missing: " + missing.status()
                            + " " + code(missing) + ")");
                }
            }
        }
        System.out.println("RESULT scope-matrix-objects requests=" + (tried * 2) + " leaks=" + leaks.size());
        assertThat(tried).isGreaterThan(100);
        assertThat(leaks).as("foreign records that answer unlike missing ones").isEmpty();
    }

    @Test
    void every_record_a_caller_may_see_opens_and_every_other_is_not_found() {
        List<String> wrong = new ArrayList<>();
        Map<String, String> reads = Map.of("loans", "/api/v1/loans/", "loan-applications", "/api/v1/loan-applications/",
                "facilities", "/api/v1/facilities/", "credit-decisions", "/api/v1/credit-decisions/",
                "consents", "/api/v1/consents/", "receivables", "/api/v1/receivables/",
                "vouchers", "/api/v1/vouchers/", "warehouse-receipts", "/api/v1/warehouse-receipts/",
                "denucleated-financings", "/api/v1/denucleated-financings/", "invoices", "/api/v1/invoices/");
        Map<String, String> all = new LinkedHashMap<>(reads);
        all.put("project-lists", "/api/v1/project-lists/");
        all.put("enterprises", "/api/v1/enterprises/");
        all.put("needs", "/api/v1/needs/");
        for (Who w : callers.values()) {
            Api api = Api.as(port, w.username());
            for (var k : all.entrySet()) {
                // a sample of each kind keeps the matrix lean: up to six visible and six foreign records
                List<Rec> sample = new ArrayList<>();
                kinds.get(k.getKey()).values().stream().filter(r -> r.visibleTo(w)).limit(6).forEach(sample::add);
                kinds.get(k.getKey()).values().stream().filter(r -> !r.visibleTo(w)).limit(6).forEach(sample::add);
                for (Rec r : sample) {
                    int status = api.get(k.getValue() + r.id()).status();
                    int expected = r.visibleTo(w) ? 200 : 404;
                    if (status != expected) {
                        wrong.add(w.username() + " GET " + k.getValue() + r.id() + ": " + status + ", expected " + expected);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }


    @Test
    void every_list_holds_exactly_the_records_the_caller_may_see() {
        Set<String> unknown = new TreeSet<>();
        for (Endpoint e : endpoints()) {
            if (e.method().equals("GET") && !e.pattern().contains("{") && !ScopeMatrixEndpoints.LISTS.containsKey(e.pattern())
                    && !ScopeMatrixEndpoints.NOT_RECORD_LISTS.containsKey(e.pattern())) {
                unknown.add(e.pattern());
            }
        }
        assertThat(unknown).as("list endpoints the matrix does not know: add them to LISTS or NOT_RECORD_LISTS").isEmpty();
        List<String> wrong = new ArrayList<>();
        for (Who w : callers.values()) {
            Api api = Api.as(port, w.username());
            for (var l : ScopeMatrixEndpoints.LISTS.entrySet()) {
                Map<String, Rec> recs = kinds.get(l.getValue());
                Set<String> expected = new TreeSet<>();
                recs.values().stream().filter(r -> r.visibleTo(w)).forEach(r -> expected.add(r.id()));
                Set<String> got = new TreeSet<>();
                long total = -1;
                for (int page = 0; page < 50; page++) {
                    // an institution's needs default to those matching its products: ask for all it may see
                    var r = api.get(l.getKey() + "?size=200&page=" + page + (l.getValue().equals("needs") ? "&mine=false" : ""));
                    if (r.status() == 403 && expected.isEmpty()) {
                        break;
                    }
                    if (r.status() != 200) {
                        wrong.add(w.username() + " " + l.getKey() + ": " + r.status());
                        break;
                    }
                    JsonNode body = r.json();
                    total = body.get("total").asLong();
                    for (JsonNode item : body.get("items")) {
                        JsonNode d = item.has("decision") ? item.get("decision") : item;
                        // a record keyed by its loan (a carbon reduction) has no id of its own
                        got.add((d.has("id") ? d.get("id") : d.get("loanId")).asString());
                    }
                    if (body.get("items").size() < 200) {
                        break;
                    }
                }
                if (!got.equals(expected)) {
                    Set<String> extra = new TreeSet<>(got);
                    extra.removeAll(expected);
                    Set<String> absent = new TreeSet<>(expected);
                    absent.removeAll(got);
                    wrong.add(w.username() + " " + l.getKey() + ": not in scope " + first(extra) + ", missing " + first(absent));
                } else if (total >= 0 && total != expected.size()) {
                    wrong.add(w.username() + " " + l.getKey() + ": total " + total + ", expected " + expected.size());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_workbench_page_of_a_record_opens_in_scope_and_is_not_found_outside_it() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("loans", "/loans/");
        pages.put("loan-applications", "/loan-applications/");
        pages.put("receivables", "/scf/receivables/");
        pages.put("vouchers", "/scf/vouchers/");
        pages.put("warehouse-receipts", "/scf/warehouse/");
        pages.put("enterprises", "/enterprises/");
        pages.put("project-lists", "/project-lists/");
        pages.put("needs", "/needs/");
        List<String> wrong = new ArrayList<>();
        for (Who w : callers.values()) {
            var page = cn.chanrong.support.Workbench.loggedIn(port, w.username());
            for (var k : pages.entrySet()) {
                List<Rec> sample = new ArrayList<>();
                kinds.get(k.getKey()).values().stream().filter(r -> r.visibleTo(w)).limit(2).forEach(sample::add);
                kinds.get(k.getKey()).values().stream().filter(r -> !r.visibleTo(w)).limit(2).forEach(sample::add);
                int missing = page.get(k.getValue() + MISSING).statusCode();
                for (Rec r : sample) {
                    int status = page.get(k.getValue() + r.id()).statusCode();
                    // a page the caller's role has no screen for answers 403 whatever the record
                    if (missing == 403 && status == 403) {
                        continue;
                    }
                    int expected = r.visibleTo(w) ? 200 : 404;
                    if (status != expected) {
                        wrong.add(w.username() + " " + k.getValue() + r.id() + ": " + status + ", expected " + expected);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void regulators_are_limited_by_department_and_by_region_at_their_depth() {
        // the matrix above is only as good as its records: the demo must hold records that tell the callers apart
        Who fz = callers.get("regulator-fz");
        Who fj = callers.get("regulator-fj");
        Who miit = callers.get("regulator-miit");
        Who gd = callers.get("regulator-gd");
        Map<String, Rec> loans = kinds.get("loans");
        assertThat(loans.values().stream().filter(r -> r.visibleTo(fj)).count())
                .as("the Fujian financial regulator sees more loans than the Fuzhou one")
                .isGreaterThan(loans.values().stream().filter(r -> r.visibleTo(fz)).count());
        assertThat(loans.values().stream().filter(r -> r.visibleTo(fz)).count()).isPositive();
        assertThat(loans.values().stream().noneMatch(r -> r.visibleTo(miit) || r.visibleTo(gd))).isTrue();
        // an industry department reads no bank's customer records, but its region's profiles and lists
        Api ministry = Api.as(port, "regulator-miit");
        assertThat(ministry.get("/api/v1/credit-decisions").json().get("total").asLong()).isZero();
        assertThat(ministry.get("/api/v1/loans").json().get("total").asLong()).isZero();
        assertThat(ministry.get("/api/v1/project-lists").json().get("total").asLong()).isPositive();
        // the national central bank reads every project list (re-lending is checked against them)
        assertThat(Api.as(port, "regulator").get("/api/v1/project-lists").json().get("total").asLong())
                .isEqualTo(kinds.get("project-lists").size());
        // the credit plan page of a regional regulator names only banks of its region
        Map<String, Object> seen = new HashMap<>();
        for (JsonNode r : Api.as(port, "regulator-gd").get("/api/v1/credit-plans/2026").json()) {
            seen.put(r.get("institutionName").asString(), r.get("institutionId").asLong());
        }
        for (Object inst : seen.values()) {
            assertThat(jdbc.sql("SELECT count(*) FROM institution_region_view WHERE institution_id = :i AND region_code LIKE '44%'")
                    .param("i", inst).query(Long.class).single()).as("institution " + inst).isPositive();
        }
    }

    private static String first(Set<String> s) {
        return s.size() <= 5 ? s.toString() : new ArrayList<>(s).subList(0, 5) + "… (" + s.size() + ")";
    }

    private static String code(Api.Response r) {
        try {
            JsonNode n = r.json();
            return n.has("code") ? n.get("code").asString() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
