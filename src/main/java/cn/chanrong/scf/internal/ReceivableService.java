package cn.chanrong.scf.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.platform.PlatformMode;
import cn.chanrong.scf.Receivables;
import cn.chanrong.scf.domain.ConfirmationMessage;
import cn.chanrong.scf.domain.ConfirmationSigning;
import cn.chanrong.scf.domain.PaymentTerms;
import cn.chanrong.shared.Amounts;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ReceivableService implements Receivables {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000.00");
    private static final String CURRENCY = "CNY";

    private final JdbcClient jdbc;
    private final ReceivableStore store;
    private final Parties parties;
    private final SigningKeys keys;
    private final InvoiceService invoices;
    private final FinancingService financing;
    private final Dilutions dilutions;
    private final TradeFinance tradeFinance;
    private final AuditTrail audit;
    private final RegisteredKeys registered;
    private final PlatformMode mode;

    ReceivableService(JdbcClient jdbc, ReceivableStore store, Parties parties, SigningKeys keys, InvoiceService invoices,
                      FinancingService financing, Dilutions dilutions, TradeFinance tradeFinance, AuditTrail audit,
                      RegisteredKeys registered, PlatformMode mode) {
        this.jdbc = jdbc;
        this.store = store;
        this.parties = parties;
        this.keys = keys;
        this.registered = registered;
        this.mode = mode;
        this.invoices = invoices;
        this.financing = financing;
        this.dilutions = dilutions;
        this.tradeFinance = tradeFinance;
        this.audit = audit;
    }

    private static void enterpriseOnly(Caller caller) {
        if (!caller.is(Role.ENTERPRISE)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.enterprise-only", null));
        }
    }

    // ---- invoices

    @Override
    public InvoiceImport importInvoices(Caller caller, String format, byte[] content) {
        return invoices.importInvoices(caller, format, content);
    }

    @Override
    public InvoiceImport importInvoices(Caller caller, String format, cn.chanrong.shared.Upload content) {
        return invoices.importInvoices(caller, format, content);
    }

    @Override
    public InvoiceView invoice(Caller caller, String number) {
        return invoices.view(caller, number);
    }

    // ---- receivables

    @Override
    @Transactional
    public Receivable upload(Caller caller, Upload u) {
        enterpriseOnly(caller);
        List<Rejection> problems = new ArrayList<>();
        boolean byDebtor = u.creditorId() != null && u.debtorId() == null;
        if ((u.creditorId() == null) == (u.debtorId() == null)) {
            throw Rejected.invalid(Rejection.of("scf.receivable.party", "debtorId"));
        }
        long other = byDebtor ? u.creditorId() : u.debtorId();
        String otherField = byDebtor ? "creditorId" : "debtorId";
        Optional<Parties.Party> counterparty = parties.enterprise(other);
        if (counterparty.isEmpty()) {
            problems.add(Rejection.of("scf.enterprise.unknown", otherField, other));
        } else if (other == caller.enterpriseId()) {
            problems.add(Rejection.of("scf.receivable.self", otherField));
        }
        BigDecimal amount = Amounts.parse(u.amount(), "amount", false, MAX_AMOUNT, problems);
        if (amount != null && amount.signum() <= 0) {
            problems.add(Rejection.of("scf.positive", "amount", u.amount()));
        }
        LocalDate today = parties.today();
        if (u.deliveredOn() == null) {
            problems.add(Rejection.of("scf.required", "deliveredOn"));
        } else if (u.deliveredOn().isAfter(today)) {
            problems.add(Rejection.of("date.future", "deliveredOn", u.deliveredOn(), today));
        }
        if (u.dueOn() == null) {
            problems.add(Rejection.of("scf.required", "dueOn"));
        } else if (u.deliveredOn() != null && u.dueOn().isBefore(u.deliveredOn())) {
            problems.add(Rejection.of("date.too-early", "dueOn", u.dueOn(), u.deliveredOn()));
        }
        if (u.contractTermDays() != null && (u.contractTermDays() < 0 || u.contractTermDays() > 3650)) {
            problems.add(Rejection.of("range", "contractTermDays", 0, 3650, u.contractTermDays()));
        }
        Parties.Party me = parties.enterprise(caller.enterpriseId()).orElseThrow();
        if (problems.isEmpty() && u.invoiceNumber() != null && !u.invoiceNumber().isBlank()) {
            Parties.Party creditor = byDebtor ? counterparty.get() : me;
            Parties.Party debtor = byDebtor ? me : counterparty.get();
            checkInvoice(u.invoiceNumber().strip(), creditor, debtor, amount, problems);
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        long seq = jdbc.sql("SELECT nextval('scf_receivable_number')").query(Long.class).single();
        String number = String.format("AR%s%08d", today.toString().replace("-", ""), seq);
        long creditorId = byDebtor ? other : caller.enterpriseId();
        long debtorId = byDebtor ? caller.enterpriseId() : other;
        long id = jdbc.sql("""
                        INSERT INTO scf_receivable (number, creditor_id, debtor_id, invoice_number, contract_no, amount,
                            delivered_on, due_on, contract_term_days, source, status, created_by)
                        VALUES (:n, :c, :d, :inv, :k, :a, :del, :due, :term, :src, 'UPLOADED', :by) RETURNING id""")
                .param("n", number).param("c", creditorId).param("d", debtorId)
                .param("inv", u.invoiceNumber() == null || u.invoiceNumber().isBlank() ? null : u.invoiceNumber().strip())
                .param("k", u.contractNo()).param("a", amount).param("del", u.deliveredOn()).param("due", u.dueOn())
                .param("term", u.contractTermDays()).param("src", byDebtor ? "DEBTOR" : "CREDITOR")
                .param("by", caller.username()).query(Long.class).single();
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.upload", "receivable", number,
                amount.toPlainString() + (byDebtor ? " payable confirmed by the debtor" : "")));
        if (byDebtor && ConfirmationSigning.platformMaySign(mode.demo())) {
            // a debtor uploading its payable confirms it; outside demo mode its own software signs that
            // confirmation next (the text names the receivable's number, which exists only now)
            return sign(caller, store.lock(id), ConfirmationMessage.Decision.CONFIRMED, null, null, "signature");
        }
        return store.get(caller, id);
    }

    private void checkInvoice(String number, Parties.Party creditor, Parties.Party debtor, BigDecimal amount,
                              List<Rejection> problems) {
        record Inv(String seller, String buyer, BigDecimal total, BigDecimal reversed, boolean red) {
        }
        Optional<Inv> inv = jdbc.sql("""
                        SELECT i.seller_code, i.buyer_code, i.total,
                               coalesce((SELECT -sum(r.total) FROM scf_invoice r WHERE r.red_letter_of = i.number), 0),
                               i.red_letter_of IS NOT NULL
                          FROM scf_invoice i WHERE i.number = :n""")
                .param("n", number).query((rs, i) -> new Inv(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBoolean(5))).optional();
        if (inv.isEmpty() || inv.get().red()) {
            problems.add(Rejection.of("scf.receivable.invoice-unknown", "invoiceNumber", number));
            return;
        }
        if (!inv.get().seller().equals(creditor.creditCode()) || !inv.get().buyer().equals(debtor.creditCode())) {
            problems.add(Rejection.of("scf.receivable.invoice-parties", "invoiceNumber", number));
        }
        BigDecimal left = inv.get().total().subtract(inv.get().reversed());
        if (amount.compareTo(left) > 0) {
            problems.add(Rejection.of("scf.receivable.invoice-amount", "amount", amount.toPlainString(),
                    left.toPlainString(), number));
        }
        if (jdbc.sql("SELECT count(*) FROM scf_receivable WHERE invoice_number = :n").param("n", number)
                .query(Long.class).single() > 0) {
            problems.add(Rejection.of("scf.receivable.invoice-used", "invoiceNumber", number));
        }
    }

    private static ConfirmationMessage.Decision decisionOf(String raw) {
        try {
            return ConfirmationMessage.Decision.valueOf(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(Rejection.of("scf.receivable.decision", "decision", raw));
        }
    }

    @Override
    @Transactional
    public Receivable decide(Caller caller, long id, Decision d) {
        enterpriseOnly(caller);
        ConfirmationMessage.Decision decision = decisionOf(d.decision());
        Receivable r = store.find(caller, id).orElseThrow(() -> Rejected.notFound("receivable", id));
        if (r.debtorId() != caller.enterpriseId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.receivable.not-debtor", null, r.number()));
        }
        r = store.lock(id);
        return decideLocked(caller, r, decision, d, "signature");
    }

    private Receivable decideLocked(Caller caller, Receivable r, ConfirmationMessage.Decision decision, Decision d,
                                    String signatureField) {
        if (!"UPLOADED".equals(r.status())) {
            throw Rejected.conflict(Rejection.of("scf.receivable.decided", "status", r.number(), r.status()));
        }
        if (decision == ConfirmationMessage.Decision.DISPUTED && (d.reason() == null || d.reason().isBlank())) {
            throw Rejected.invalid(Rejection.of("scf.required", "reason"));
        }
        return sign(caller, r, decision, d.reason(), d, signatureField);
    }

    /**
     * Checks the debtor's own signature over the canonical message against its registered key (or, in
     * demo mode only, signs with the key the platform holds for it) and records the decision.
     */
    private Receivable sign(Caller caller, Receivable r, ConfirmationMessage.Decision decision, String reason,
                            Decision own, String signatureField) {
        Optional<RegisteredKeys.Active> active = registered.active(r.debtorId());
        ConfirmationSigning.Submitted submitted = own == null ? null
                : new ConfirmationSigning.Submitted(own.signedAt(), own.publicKey(), own.signature());
        ConfirmationSigning.Outcome outcome = ConfirmationSigning.decide(mode.demo(), submitted,
                active.map(RegisteredKeys.Active::key), signatureField, r.number(), Instant.now());
        Instant at;
        SigningKeys.Signed signed;
        ConfirmationSigning.KeyHolder holder;
        switch (outcome) {
            case ConfirmationSigning.Refused refused -> throw Rejected.invalid(refused.rejection());
            case ConfirmationSigning.PlatformSigns platform -> {
                at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                signed = keys.sign(r.debtorId(), canonical(r, at, decision));
                holder = ConfirmationSigning.KeyHolder.PLATFORM;
            }
            case ConfirmationSigning.Verify verify -> {
                at = verify.signedAt().truncatedTo(ChronoUnit.SECONDS);
                if (!keys.verify(verify.key().encoded(), canonical(r, at, decision), verify.signature())) {
                    throw Rejected.invalid(Rejection.of("scf.signature.invalid", signatureField, r.number()));
                }
                signed = new SigningKeys.Signed(keys.signer().algorithm(), verify.key().encoded(), verify.signature());
                holder = verify.holder();
            }
        }
        Long keyId = holder == ConfirmationSigning.KeyHolder.REGISTERED ? active.orElseThrow().id() : null;
        jdbc.sql("""
                        UPDATE scf_receivable SET status = :s, decision_at = :at, decided_by = :by, dispute_reason = :reason,
                            signature = :sig, signature_key = :key, signature_algorithm = :alg,
                            signature_key_holder = :holder, signature_key_id = :keyId, version = version + 1
                        WHERE id = :id""")
                .param("s", decision.name()).param("at", java.sql.Timestamp.from(at)).param("by", caller.username())
                .param("reason", reason).param("sig", signed.signature()).param("key", signed.publicKey())
                .param("alg", signed.algorithm()).param("holder", holder.name()).param("keyId", keyId)
                .param("id", r.id()).update();
        audit.record(AuditEvent.success(caller.username(), "scf.receivable." + decision.name().toLowerCase(),
                "receivable", r.number(), signed.algorithm() + " (" + switch (holder) {
                    case PLATFORM -> "platform-held demo key";
                    case REGISTERED -> "debtor's registered key";
                    case UNREGISTERED -> "unregistered key sent with the decision, demo";
                } + ")" + (reason == null ? "" : ": " + reason)));
        return store.get(caller, r.id());
    }

    private static byte[] canonical(Receivable r, Instant at, ConfirmationMessage.Decision decision) {
        return ConfirmationMessage.canonical(r.number(), r.creditorCode(), r.debtorCode(), r.amount(), CURRENCY,
                r.dueOn(), at, decision);
    }

    @Override
    @Transactional(readOnly = true)
    public String message(Caller caller, long id, String decision, Instant signedAt) {
        Receivable r = store.get(caller, id);
        Instant at = signedAt == null ? Instant.now() : signedAt;
        return new String(ConfirmationMessage.canonical(r.number(), r.creditorCode(), r.debtorCode(), r.amount(),
                CURRENCY, r.dueOn(), at, decisionOf(decision)), StandardCharsets.UTF_8);
    }

    @Override
    @Transactional
    public List<Receivable> decideAll(Caller caller, Decisions decisions) {
        enterpriseOnly(caller);
        List<Long> ids = decisions.ids();
        ConfirmationMessage.Decision d = decisionOf(decisions.decision());
        if (ids == null || ids.isEmpty()) {
            throw Rejected.invalid(Rejection.of("scf.required", "ids"));
        }
        List<Receivable> out = new ArrayList<>();
        // in id order, so two batches never wait on each other in a circle
        for (long id : ids.stream().distinct().sorted().toList()) {
            Receivable r = store.find(caller, id).orElseThrow(() -> Rejected.notFound("receivable", id));
            if (r.debtorId() != caller.enterpriseId()) {
                throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.receivable.not-debtor", null, r.number()));
            }
            String signature = decisions.signatures() == null ? null : decisions.signatures().get(id);
            if (signature == null && decisions.signatures() != null && !decisions.signatures().isEmpty()) {
                // a signed batch is signed throughout: no receivable slips through on a platform-held key
                throw Rejected.invalid(Rejection.of("scf.signature.required", "signatures", r.number()));
            }
            out.add(decideLocked(caller, store.lock(id), d, new Decision(decisions.decision(), decisions.reason(),
                    decisions.signedAt(), decisions.publicKey(), signature), "signatures"));
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify(Caller caller, long id) {
        record Row(String number, String creditor, String debtor, BigDecimal amount, LocalDate due, Instant at,
                   String status, String signature, String key, String algorithm, String holder) {
        }
        // verifiable by every party that may see the receivable; to anyone else it does not exist
        Map<String, Object> scope = new java.util.HashMap<>();
        Row row = jdbc.sql("""
                        SELECT r.number, c.credit_code, d.credit_code, r.amount, r.due_on, r.decision_at, r.status,
                               r.signature, r.signature_key, r.signature_algorithm, r.signature_key_holder
                          FROM scf_receivable r JOIN enterprise c ON c.id = r.creditor_id JOIN enterprise d ON d.id = r.debtor_id
                         WHERE r.id = :id""" + " AND " + ReceivableStore.visible(caller, scope))
                .params(scope).param("id", id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .optional().orElseThrow(() -> Rejected.notFound("receivable", id));
        if (row.signature() == null) {
            throw Rejected.conflict(Rejection.of("scf.receivable.unsigned", null, row.number()));
        }
        String decision = "DISPUTED".equals(row.status()) ? "DISPUTED" : "CONFIRMED";
        byte[] message = ConfirmationMessage.canonical(row.number(), row.creditor(), row.debtor(), row.amount(), CURRENCY,
                row.due(), row.at(), ConfirmationMessage.Decision.valueOf(decision));
        return new Verification(row.number(), decision, row.algorithm(), row.key(), row.signature(),
                new String(message, StandardCharsets.UTF_8), keys.verify(row.key(), message, row.signature()), row.holder());
    }

    @Override
    @Transactional(readOnly = true)
    public Receivable get(Caller caller, long id) {
        return store.get(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Receivable> search(Caller caller, Filter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(ReceivableStore.visible(caller, params));
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" AND r.status = :status");
            params.put("status", filter.status().strip());
        }
        if (filter.role() != null && !filter.role().isBlank()) {
            params.put("me", caller.enterpriseId() == null ? -1L : caller.enterpriseId());
            switch (filter.role().strip()) {
                case "CREDITOR" -> where.append(caller.is(Role.ENTERPRISE) ? " AND r.creditor_id = :me" : " AND FALSE");
                case "DEBTOR" -> where.append(caller.is(Role.ENTERPRISE) ? " AND r.debtor_id = :me" : " AND FALSE");
                case "FUNDER" -> { }
                default -> throw Rejected.invalid(Rejection.of("scf.filter.role", "role", filter.role()));
            }
        }
        long total = jdbc.sql("SELECT count(*)" + ReceivableStore.FROM + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Receivable> items = jdbc.sql("SELECT " + ReceivableStore.COLUMNS + ReceivableStore.FROM + where
                        + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(ReceivableStore::map).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    @Transactional
    public Receivable dilute(Caller caller, long id, String amount, String reason) {
        enterpriseOnly(caller);
        Receivable r = store.get(caller, id);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal a = Amounts.parse(amount, "amount", false, MAX_AMOUNT, problems);
        if (a != null && a.signum() <= 0) {
            problems.add(Rejection.of("scf.positive", "amount", amount));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(Rejection.of("scf.required", "reason"));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (a.compareTo(r.outstanding()) > 0) {
            throw Rejected.invalid(Rejection.of("scf.receivable.over-diluted", "amount", a.toPlainString(),
                    r.outstanding().toPlainString()));
        }
        dilutions.dilute(id, a, reason.strip());
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.dilute", "receivable", r.number(),
                a.toPlainString() + ": " + reason.strip()));
        return store.get(caller, id);
    }

    // ---- financing

    @Override
    public List<Offer> requestFinancing(Caller caller, long receivableId, List<Long> institutionIds) {
        return financing.request(caller, receivableId, institutionIds);
    }

    @Override
    public Offer offer(Caller caller, long offerId, Terms terms) {
        return financing.offer(caller, offerId, terms);
    }

    @Override
    public Offer decline(Caller caller, long offerId, String reason) {
        return financing.decline(caller, offerId, reason);
    }

    @Override
    public Offer accept(Caller caller, long offerId) {
        return financing.accept(caller, offerId);
    }

    @Override
    public Page<Offer> offers(Caller caller, Long receivableId, String status, PageRequest page) {
        return financing.offers(caller, receivableId, status, page);
    }

    @Override
    public List<Check> checklist(Caller caller, long offerId) {
        return financing.checklist(caller, offerId);
    }

    // ---- collection and payment terms

    @Override
    @Transactional
    public Collection pay(Caller caller, long receivableId, String amount, LocalDate paidOn) {
        enterpriseOnly(caller);
        Receivable r = store.get(caller, receivableId);
        if (r.debtorId() != caller.enterpriseId()) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.receivable.not-debtor", null, r.number()));
        }
        r = store.lock(receivableId);
        List<Rejection> problems = new ArrayList<>();
        BigDecimal a = Amounts.parse(amount, "amount", false, MAX_AMOUNT, problems);
        LocalDate today = parties.today();
        LocalDate on = paidOn == null ? today : paidOn;
        if (on.isAfter(today)) {
            problems.add(Rejection.of("date.future", "paidOn", on, today));
        }
        if (a != null && (a.signum() <= 0 || a.compareTo(r.outstanding()) > 0)) {
            problems.add(Rejection.of("scf.receivable.pay-amount", "amount", amount, r.outstanding().toPlainString()));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        if (!List.of("CONFIRMED", "FINANCED", "UPLOADED").contains(r.status())) {
            throw Rejected.conflict(Rejection.of("scf.receivable.not-payable", "status", r.number(), r.status()));
        }
        Long loanId = "FINANCED".equals(r.status()) ? jdbc.sql("""
                        SELECT loan_id FROM scf_financing_offer WHERE receivable_id = :r AND status = 'ACCEPTED'""")
                .param("r", receivableId).query(Long.class).optional().orElse(null) : null;
        BigDecimal toFunder = loanId == null ? BigDecimal.ZERO : tradeFinance.collect(loanId, a, on, caller.username());
        BigDecimal toSeller = a.subtract(toFunder);
        long id = jdbc.sql("""
                        INSERT INTO scf_collection (receivable_id, amount, paid_on, to_funder, to_seller, loan_id, recorded_by)
                        VALUES (:r, :a, :on, :f, :s, :l, :by) RETURNING id""")
                .param("r", receivableId).param("a", a).param("on", on).param("f", toFunder).param("s", toSeller)
                .param("l", loanId).param("by", caller.username()).query(Long.class).single();
        boolean settled = a.compareTo(r.outstanding()) == 0;
        jdbc.sql("""
                        UPDATE scf_receivable SET paid = paid + :a, paid_on = :on, version = version + 1,
                            status = CASE WHEN :settled THEN 'SETTLED' ELSE status END WHERE id = :id""")
                .param("a", a).param("on", on).param("settled", settled).param("id", receivableId).update();
        audit.record(AuditEvent.success(caller.username(), "scf.receivable.pay", "receivable", r.number(),
                a.toPlainString() + " on " + on + ": funder " + toFunder.toPlainString() + ", seller "
                        + toSeller.toPlainString()));
        return new Collection(id, receivableId, a, on, toFunder, toSeller, loanId);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Breach> breaches(Caller caller, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = ReceivableStore.visible(caller, params);
        if (caller.is(Role.INSTITUTION)) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("scf.not-for-institutions", null));
        }
        LocalDate today = parties.today();
        params.put("today", today);
        record Row(long id, String number, String creditor, String debtor, BigDecimal amount, LocalDate delivered,
                   Integer term, boolean debtorLarge, boolean creditorSme, LocalDate paidOn, boolean paid,
                   LocalDate voucher) {
        }
        String debtorSize = cn.chanrong.enterprise.EnterpriseSql.SIZE;
        String creditorSize = debtorSize.replace("e.", "c.");
        List<Row> rows = jdbc.sql("SELECT r.id, r.number, c.name, d.name, r.amount, r.delivered_on, r.contract_term_days, ("
                        + debtorSize.replace("e.", "d.") + ") = 'LARGE', (" + creditorSize + ") <> 'LARGE', r.paid_on,"
                        + " r.paid + r.diluted >= r.amount, r.voucher_paid_on" + ReceivableStore.FROM + " WHERE " + where
                        + " AND r.status <> 'DISPUTED' AND r.delivered_on < CAST(:today AS date) ORDER BY r.delivered_on, r.id")
                .params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), (Integer) rs.getObject(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getObject(10, LocalDate.class), rs.getBoolean(11),
                        rs.getObject(12, LocalDate.class)))
                .list();
        List<Breach> all = new ArrayList<>();
        for (Row r : rows) {
            Optional<PaymentTerms.Breach> b = r.voucher() != null
                    ? PaymentTerms.overdueByVoucher(r.delivered(), r.term(), r.debtorLarge(), r.creditorSme(), false, r.voucher())
                    : PaymentTerms.overdue(r.delivered(), r.term(), r.debtorLarge(), r.creditorSme(), false,
                    r.paid() ? r.paidOn() : null, today);
            b.ifPresent(x -> all.add(new Breach(r.id(), r.number(), r.creditor(), r.debtor(), r.amount(), r.delivered(),
                    x.dueOn(), x.rule().name(), x.daysLate(), x.unpaid(), r.voucher() != null)));
        }
        int from = (int) Math.min(all.size(), page.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), page.page(), page.size(), all.size());
    }
}
