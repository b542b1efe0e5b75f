package cn.chanrong.identity;

import java.util.Map;

/**
 * What the isolation matrix knows of the API's paths: the kind of record an object path names, the list endpoints over
 * records with the kind of their items, and the GET endpoints that are not lists of records, each with why.
 */
final class ScopeMatrixEndpoints {

    private ScopeMatrixEndpoints() {
    }

    /** The kind of record a path's first variable names, from the path's collection. */
    static String kindOf(String pattern) {
        if (pattern.startsWith("/api/v1/monitoring/alerts/{")) {
            return "monitoring-alerts";
        }
        if (pattern.startsWith("/api/v1/policy/ledgers/{")) {
            return "policy-ledgers";
        }
        if (pattern.startsWith("/api/v1/policy/subsidies/{")) {
            return "policy-subsidies";
        }
        if (pattern.startsWith("/api/v1/policy/pool-claims/{")) {
            return "policy-pool-claims";
        }
        if (pattern.startsWith("/api/v1/policy/guarantees/{")) {
            return "policy-guarantees";
        }
        if (pattern.startsWith("/api/v1/policy/subsidy-claims/{")) {
            return "policy-subsidy-claims";
        }
        String[] parts = pattern.replaceFirst("^/api/v1/", "").split("/");
        if (parts.length < 2 || !parts[1].startsWith("{")) {
            return null;
        }
        return switch (parts[0]) {
            case "loans", "loan-applications", "facilities", "credit-decisions", "consents", "receivables",
                 "receivable-offers", "vouchers", "warehouse-receipts", "denucleated-financings", "invoices",
                 "project-lists", "enterprises", "needs" -> parts[0];
            default -> null;
        };
    }

    /** The list endpoints over records, with the kind of their items and how to read an item's id. */
    static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("/api/v1/loans", "loans"), Map.entry("/api/v1/loan-applications", "loan-applications"),
            Map.entry("/api/v1/facilities", "facilities"), Map.entry("/api/v1/credit-decisions", "credit-decisions"),
            Map.entry("/api/v1/consents", "consents"), Map.entry("/api/v1/receivables", "receivables"),
            Map.entry("/api/v1/receivable-offers", "receivable-offers"), Map.entry("/api/v1/vouchers", "vouchers"),
            Map.entry("/api/v1/warehouse-receipts", "warehouse-receipts"),
            Map.entry("/api/v1/denucleated-financings", "denucleated-financings"),
            Map.entry("/api/v1/project-lists", "project-lists"), Map.entry("/api/v1/enterprises", "enterprises"),
            Map.entry("/api/v1/scf-alerts", "scf-alerts"), Map.entry("/api/v1/needs", "needs"),
            Map.entry("/api/v1/monitoring/alerts", "monitoring-alerts"), Map.entry("/api/v1/policy/ledgers", "policy-ledgers"),
            Map.entry("/api/v1/policy/subsidies", "policy-subsidies"),
            Map.entry("/api/v1/policy/subsidy-claims", "policy-subsidy-claims"),
            Map.entry("/api/v1/policy/subsidy-prepayments", "policy-subsidy-prepayments"),
            Map.entry("/api/v1/policy/guarantees", "policy-guarantees"),
            Map.entry("/api/v1/policy/pool-claims", "policy-pool-claims"),
            Map.entry("/api/v1/policy/carbon-reductions", "policy-carbon-reductions"),
            Map.entry("/api/v1/warning/reports", "warning-reports"));

    /**
     * GET endpoints without a variable that are not lists of records, each with why it needs no
     * record scope here (aggregates, reference data, the caller's own things, or scoped by a rule
     * tested elsewhere).
     */
    static final Map<String, String> NOT_RECORD_LISTS = Map.ofEntries(
            Map.entry("/api/v1/reference/regions", "reference data"), Map.entry("/api/v1/reference/lpr", "reference data"),
            Map.entry("/api/v1/reference/industries", "reference data"),
            Map.entry("/api/v1/reference/calendar", "reference data"),
            Map.entry("/api/v1/reference/green-catalogue", "reference data"),
            Map.entry("/api/v1/warning/lists", "scoped by the issuing department (a confidential list) besides party and"
                    + " region, which the matrix does not model (WarningListsIntegrationTests)"),
            Map.entry("/api/v1/warning/signals", "one enterprise's signals, read by the enterprise, its lenders and the"
                    + " regulators of its region, else 404 (WarningSignalsIntegrationTests)"),
            Map.entry("/api/v1/warning/borrowers", "the institution's own borrowers, each assessed; refused to anyone else"
                    + " (WarningSignalsIntegrationTests)"),
            Map.entry("/api/v1/warning/involution", "aggregates summed within the loans' scope (InvolutionWatchIntegrationTests)"),
            Map.entry("/api/v1/warning/cost-settings", "the institution's own settings and the platform's defaults"),
            Map.entry("/api/v1/warning/cases", "read by MIIT's regulators of the region, the enterprise and the assigned"
                    + " specialists' institutions — a department rule the matrix does not model (CoachingCasesIntegrationTests)"),
            Map.entry("/api/v1/warning/cases/funnel", "aggregates of the cases in scope"),
            Map.entry("/api/v1/experts", "the expert pool, no customer data"),
            Map.entry("/api/v1/capital/investors", "the directory of investors and their mandates, no customer data"),
            Map.entry("/api/v1/capital/needs", "shown to qualified investors by a rule of the capital module (refused to"
                    + " any other institution), the enterprise and the regulators of its region (CapitalIntegrationTests)"),
            Map.entry("/api/v1/capital/deals", "the investor's, the enterprise's and the regional regulators' deals"
                    + " (CapitalIntegrationTests)"),
            Map.entry("/api/v1/capital/hardtech-criteria", "reference data: a board's published criteria"),
            Map.entry("/api/v1/capital/evaluations", "the enterprise's own and the regulators' of its region; no institution"
                    + " (ListingIntegrationTests)"),
            Map.entry("/api/v1/capital/listing-pipeline", "the regulators' of the region, qualified investors' by a rule of the"
                    + " capital module, the enterprise's own entry (ListingIntegrationTests)"),
            Map.entry("/api/v1/leasing/contracts", "a lessor's customer records: the lessor's, the lessee's, the financial"
                    + " regulators' of the lessee's region (LeasingIntegrationTests)"),
            Map.entry("/api/v1/insurance/catalogue", "the industry department's published catalogue, no customer data"),
            Map.entry("/api/v1/insurance/policies", "the insurer's, the insured's and the regional regulators' policies"
                    + " (InsuranceIntegrationTests)"),
            Map.entry("/api/v1/warning/scenarios", "an institution its own scenarios and the regulators', a regulator the"
                    + " regulators' national or of its region; their results are read in scope (StressScenariosIntegrationTests)"),
            Map.entry("/api/v1/warning/specialists", "an institution's own specialists; regulators all (no customer data)"),
            Map.entry("/api/v1/warning/exposures", "as /api/v1/warning/lists, the amounts hidden from industry departments"
                    + " (WarningListsIntegrationTests)"),
            Map.entry("/api/v1/reference/green-catalogue/editions", "reference data"),
            Map.entry("/api/v1/policy/carbon-disclosures", "aggregates per bank summed within the carbon-reduction loans' own"
                    + " scope (PolicyGreenIntegrationTests)"),
            Map.entry("/api/v1/public/statistics", "public aggregates"),
            Map.entry("/api/v1/public/statistics/export", "public aggregates"),
            Map.entry("/api/v1/statistics/overview", "aggregates"), Map.entry("/api/v1/statistics/enterprises", "aggregates"),
            Map.entry("/api/v1/statistics/dashboard", "aggregates"),
            Map.entry("/api/v1/statistics/dashboard/export", "aggregates"),
            Map.entry("/api/v1/scf/overview", "aggregates"), Map.entry("/api/v1/registry/statistics", "aggregates"),
            Map.entry("/api/v1/registry/filings", "the registry is public to every login by design"),
            Map.entry("/api/v1/registry/cancellation-tasks", "the institution's own tasks (RegistryIntegrationTests)"),
            Map.entry("/api/v1/products", "published catalogue"), Map.entry("/api/v1/institutions", "directory"),
            Map.entry("/api/v1/institutions/policy-tool-eligibility", "reference data: which institution types may take"
                    + " part in which policy tool"),
            Map.entry("/api/v1/institution-staff", "the institution administrator's own staff"),
            Map.entry("/api/v1/credit-models", "model registry, no customer data"),
            Map.entry("/api/v1/policy/programmes", "public policy programmes, no customer data"),
            Map.entry("/api/v1/policy/dashboard", "aggregates summed within each record kind's own scope"
                    + " (PolicyDashboardIntegrationTests)"),
            Map.entry("/api/v1/policy/pools", "local governments' pools with their public money figures, no customer data"),
            Map.entry("/api/v1/policy/ledgers/quota", "a programme's quota and its use by all banks, an aggregate"),
            Map.entry("/api/v1/monitoring/rules", "detection settings, no customer data: the platform's and the institution's"
                    + " own versions (MonitoringRulesIntegrationTests)"),
            Map.entry("/api/v1/roadshows", "public events"), Map.entry("/api/v1/warehouses", "directory of warehouses"),
            Map.entry("/api/v1/commodity-prices", "market prices"),
            Map.entry("/api/v1/vouchers/parts", "the holder's own parts"),
            Map.entry("/api/v1/vouchers/conservation", "administrator's check"),
            Map.entry("/api/v1/receivables/payment-term-breaches", "scoped as receivables"),
            Map.entry("/api/v1/project-items/overdue", "scoped as project lists"),
            Map.entry("/api/v1/ledger/trial-balance", "the institution's own book"),
            Map.entry("/api/v1/ledger/check", "administrator's check"),
            Map.entry("/api/v1/audit/verification", "administrator's check"), Map.entry("/api/v1/audit/entries", "administrator"),
            Map.entry("/api/v1/demo/progress", "progress of the demo load"),
            Map.entry("/api/v1/signing-keys", "the caller's own keys"),
            Map.entry("/api/v1/status-lists", "the issuing authorities' published lists (专精特新, 高新技术企业…), public"),
            Map.entry("/api/v1/restricted-lists", "the published restricted-industry catalogue (产业结构调整指导目录), public"),
            Map.entry("/api/v1/lending/payment-rules", "the caller's institution's entrusted-payment thresholds and the"
                    + " platform's defaults, no customer data"));
}
