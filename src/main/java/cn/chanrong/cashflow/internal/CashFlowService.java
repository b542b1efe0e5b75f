package cn.chanrong.cashflow.internal;

import cn.chanrong.audit.AuditEvent;
import cn.chanrong.audit.AuditTrail;
import cn.chanrong.cashflow.CashFlows;
import cn.chanrong.cashflow.StatementImported;
import cn.chanrong.cashflow.domain.AccountCurrency;
import cn.chanrong.cashflow.domain.BalanceContinuity;
import cn.chanrong.cashflow.domain.CamtParser;
import cn.chanrong.cashflow.domain.Categorisation;
import cn.chanrong.cashflow.domain.ContinuityBreak;
import cn.chanrong.cashflow.domain.CounterpartyCategoriser;
import cn.chanrong.cashflow.domain.CsvStatement;
import cn.chanrong.cashflow.domain.CsvStatementParser;
import cn.chanrong.cashflow.domain.EntryDraft;
import cn.chanrong.cashflow.domain.Flow;
import cn.chanrong.cashflow.domain.RoundTrip;
import cn.chanrong.cashflow.domain.RoundTripDetector;
import cn.chanrong.cashflow.domain.StatementDraft;
import cn.chanrong.cashflow.domain.StatementFormatException;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Consents;
import cn.chanrong.identity.Role;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Binding accounts and importing statements: parse the whole file first, check that every account
 * is the enterprise's and bound in the statement's currency, that no statement was stored before and
 * that balances continue, then store statements and entries (an entry already stored under the same
 * account and bank reference is kept once; each transaction of a batched entry under that reference
 * and its own key), categorise counterparties, mark round trips, and publish {@link StatementImported}.
 * One transaction: a refused file leaves nothing behind.
 */
@Service
class CashFlowService implements CashFlows {

    private final CashStore store;
    private final Consents consents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SourceWeights weights;
    private final List<CounterpartyCategoriser.Rule> rules;

    CashFlowService(CashStore store, Consents consents, AuditTrail audit, ApplicationEventPublisher events, SourceWeights weights) {
        this.store = store;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
        this.weights = weights;
        this.rules = CounterpartyCategoriser.defaultRules();
    }

    @Override
    @Transactional
    public Account bindAccount(Caller caller, long enterpriseId, String accountNo, String bankName, String currency) {
        if (!(caller.isAdmin() || caller.is(Role.ENTERPRISE) && Long.valueOf(enterpriseId).equals(caller.enterpriseId()))) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("cashflow.bind.own-only", null));
        }
        store.requireEnterprise(enterpriseId);
        List<Rejection> problems = new ArrayList<>();
        String no = accountNo == null ? "" : accountNo.replace(" ", "").strip();
        if (!no.matches("[0-9A-Za-z-]{4,40}")) {
            problems.add(Rejection.of("cashflow.account.format", "accountNo", accountNo == null ? "" : accountNo));
        }
        if (bankName == null || bankName.isBlank()) {
            problems.add(Rejection.of("required", "bankName"));
        }
        String ccy = currency == null || currency.isBlank() ? "CNY" : currency.strip().toUpperCase(java.util.Locale.ROOT);
        if (!ccy.matches("[A-Z]{3}")) {
            problems.add(Rejection.of("cashflow.currency", "currency", currency));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        Long owner = store.ownerOf(no);
        if (owner != null) {
            throw Rejected.conflict(Rejection.of("cashflow.account.bound", "accountNo", no));
        }
        long id = store.insertAccount(enterpriseId, no, bankName.strip(), ccy);
        audit.record(AuditEvent.success(caller.username(), "cashflow.bind-account", "enterprise", enterpriseId, no));
        return store.account(id);
    }

    @Override
    @Transactional
    public List<Account> accounts(Caller caller, long enterpriseId) {
        Consents.Scope scope = consents.requireRead(caller, enterpriseId, "accounts");
        return store.accounts(enterpriseId).stream().filter(a -> scope.coversAccount(a.accountNo())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Account> account(String accountNo) {
        return accountNo == null ? java.util.Optional.empty() : store.account(accountNo.strip());
    }

    @Override
    @Transactional
    public ImportResult importStatements(Caller caller, long enterpriseId, byte[] body, Source requested) {
        return importFile(caller, enterpriseId, Upload.of(body), requested);
    }

    @Override
    @Transactional
    public ImportResult importStatements(Caller caller, long enterpriseId, Upload file, Source requested) {
        return importFile(caller, enterpriseId, file, requested);
    }

    /** The file is parsed from the upload as a stream (StAX for camt, a record at a time for CSV). */
    private ImportResult importFile(Caller caller, long enterpriseId, Upload file, Source requested) {
        store.requireEnterprise(enterpriseId);
        Source source = allowedSource(caller, enterpriseId, requested);
        if (file == null || file.isEmpty()) {
            throw Rejected.invalid(Rejection.of("required", "file"));
        }
        String encoding = null;
        List<StatementDraft> drafts;
        try {
            if (looksLikeXml(file.head(64))) {
                try (java.io.InputStream in = file.open()) {
                    drafts = new CamtParser().parse(in);
                }
            } else {
                CsvStatement csv = new CsvStatementParser().parse(file);
                encoding = csv.encoding();
                drafts = csv.statements();
            }
        } catch (StatementFormatException e) {
            throw Rejected.invalid(Rejection.of("cashflow.format." + e.code(), e.field(), e.messageZh(), e.getMessage()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Long> accounts = new java.util.HashMap<>();
        for (StatementDraft d : drafts) {
            Long owner = store.ownerOf(d.accountId());
            if (owner == null) {
                throw Rejected.invalid(Rejection.of("cashflow.account.unbound", "accountNo", d.accountId()));
            }
            if (owner != enterpriseId) {
                throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("cashflow.account.foreign", "accountNo", d.accountId()));
            }
            long accountId = store.accountId(d.accountId());
            accounts.put(d.accountId(), accountId);
            sameCurrency(d, store.currency(accountId));
            if (store.statementExists(accountId, d.statementId())) {
                throw Rejected.conflict(Rejection.of("cashflow.statement.duplicate", null, d.statementId(), d.accountId()));
            }
            continuity(accountId, d);
        }
        Parties parties = store.parties(enterpriseId);
        CounterpartyCategoriser categoriser = new CounterpartyCategoriser(parties.own(), parties.related(), parties.customers(),
                parties.suppliers(), rules);
        BigDecimal weight = weights.of(source);
        List<Statement> stored = new ArrayList<>();
        int entries = 0;
        int fresh = 0;
        int nonCny = 0;
        for (StatementDraft d : drafts) {
            long accountId = accounts.get(d.accountId());
            List<CashStore.Entry> rows = new ArrayList<>();
            for (EntryDraft e : d.entries()) {
                Categorisation c = categoriser.categorise(e);
                rows.add(new CashStore.Entry(e, c.category().name(), c.reason()));
                if (!"CNY".equals(e.currency())) {
                    nonCny++;
                }
            }
            CashStore.Stored s = store.insertStatement(accountId, d, source, weight, caller.username(), rows);
            entries += d.entries().size();
            fresh += s.newEntries();
            stored.add(store.statement(s.statementId()));
            events.publishEvent(new StatementImported(enterpriseId, accountId, s.statementId(), s.newEntries()));
        }
        int roundTrips = markRoundTrips(enterpriseId, drafts, parties);
        audit.record(AuditEvent.success(caller.username(), "cashflow.import", "enterprise", enterpriseId,
                stored.size() + " statement(s), " + fresh + " new of " + entries + " entries, source " + source));
        return new ImportResult(drafts.getFirst().format(), encoding, stored, entries, fresh, nonCny, roundTrips);
    }

    private Source allowedSource(Caller caller, long enterpriseId, Source requested) {
        if (caller.is(Role.ENTERPRISE) && Long.valueOf(enterpriseId).equals(caller.enterpriseId())) {
            if (requested != null && requested != Source.SELF_UPLOAD) {
                throw Rejected.invalid(Rejection.of("cashflow.source.self", "source", requested.name()));
            }
            return Source.SELF_UPLOAD;
        }
        if (caller.is(Role.INSTITUTION)) {
            consents.requireRead(caller, enterpriseId, "statement upload");
            return Source.BANK_DIRECT;
        }
        if (caller.isAdmin()) {
            return requested == null ? Source.PBOC_PLATFORM : requested;
        }
        throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("forbidden", null));
    }

    /** A statement in another currency than its account's is refused naming both (rule {@link AccountCurrency}). */
    private static void sameCurrency(StatementDraft d, String bound) {
        List<Rejection> problems = new ArrayList<>();
        for (AccountCurrency.Mismatch m : AccountCurrency.check(d, bound)) {
            problems.add(m.entry() == null
                    ? Rejection.of("cashflow.currency.statement", m.field(), m.statementId(), d.accountId(), m.found(), m.bound())
                    : Rejection.of("cashflow.currency.entry", m.field(), m.statementId(), d.accountId(), m.found(), m.bound(),
                            m.entry()).clipped());
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
    }

    /** A statement must add up by itself and start where the account's previous statement ended. */
    private void continuity(long accountId, StatementDraft d) {
        List<StatementDraft> run = new ArrayList<>();
        StatementDraft previous = d.from() == null ? null : store.previous(accountId, d);
        if (previous != null) {
            run.add(previous);
        }
        run.add(d);
        for (ContinuityBreak b : BalanceContinuity.check(run)) {
            if (b.kind().equals("within") || b.kind().equals("between")) {
                throw Rejected.invalid(Rejection.of("cashflow.continuity." + b.kind(), null, b.statementId(),
                        b.expected().toPlainString(), b.actual().toPlainString()));
            }
        }
    }

    private int markRoundTrips(long enterpriseId, List<StatementDraft> drafts, Parties parties) {
        java.time.LocalDate from = drafts.stream().map(StatementDraft::from).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder()).orElse(null);
        java.time.LocalDate to = drafts.stream().map(StatementDraft::to).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        if (from == null || to == null) {
            return 0;
        }
        List<Transaction> window = store.transactions(enterpriseId, from.minusDays(RoundTripDetector.DEFAULT_WINDOW_DAYS),
                to.plusDays(RoundTripDetector.DEFAULT_WINDOW_DAYS), false);
        List<Flow> flows = window.stream().filter(t -> !"OWN_ACCOUNT".equals(t.category()))
                .map(t -> new Flow(t.id() + "", t.bookingDate(), t.amount(), t.counterpartyAccount(), t.counterpartyName()))
                .toList();
        Set<String> accounts = new HashSet<>(parties.relatedAccounts());
        Set<String> names = new HashSet<>(parties.relatedNames());
        List<RoundTrip> trips = new RoundTripDetector(accounts, names).detect(flows).roundTrips();
        List<Long> ids = new ArrayList<>();
        for (RoundTrip t : trips) {
            ids.add(Long.parseLong(t.out().reference()));
            ids.add(Long.parseLong(t.in().reference()));
        }
        store.markRoundTrips(ids);
        return trips.size();
    }

    private static boolean looksLikeXml(byte[] body) {
        for (int i = 0; i < Math.min(body.length, 64); i++) {
            int b = body[i] & 0xff;
            if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                continue;
            }
            return b == '<';
        }
        return false;
    }

    @Override
    @Transactional
    public Page<Statement> statements(Caller caller, long enterpriseId, PageRequest page) {
        Consents.Scope scope = consents.requireRead(caller, enterpriseId, "statements");
        return store.statements(enterpriseId, scope, page);
    }

    @Override
    @Transactional
    public Page<Transaction> transactions(Caller caller, long enterpriseId, TransactionFilter filter, PageRequest page) {
        Consents.Scope scope = consents.requireRead(caller, enterpriseId, "transactions");
        return store.transactionPage(enterpriseId, scope, filter, page);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Transaction> flowsForEvaluation(long enterpriseId, java.time.LocalDate from, java.time.LocalDate to) {
        return store.transactions(enterpriseId, from, to, true);
    }

    @Override
    @Transactional(readOnly = true)
    public long balanceFen(long enterpriseId) {
        return store.balanceFen(enterpriseId);
    }

    /** Who is who around an enterprise, for categorising counterparties and finding round trips. */
    record Parties(Set<String> own, Set<String> related, Set<String> customers, Set<String> suppliers, Set<String> relatedAccounts,
                   Set<String> relatedNames) {
    }

    @Override
    @Transactional
    public void bulkLoad(List<GeneratedAccount> accounts) {
        for (GeneratedAccount a : accounts) {
            store.insertGenerated(a);
        }
    }
}
