package cn.chanrong.monitoring.web;

import cn.chanrong.cashflow.domain.CamtParser;
import cn.chanrong.cashflow.domain.EntryDraft;
import cn.chanrong.cashflow.domain.StatementDraft;
import cn.chanrong.cashflow.domain.StatementFormatException;
import cn.chanrong.identity.Caller;
import cn.chanrong.monitoring.Monitoring;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Uploads;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Debit/credit notifications (ISO 20022 camt.054) as a bank's core system sends them: each entry, or each
 * transaction of a batched entry, becomes one payment event and takes the same path as the JSON report.
 * The file is read with cashflow's hardened camt reader (no DTD, bounded size and depth); a file that does
 * not read is refused whole with the place and field, a file of another message type too.
 */
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "monitoring")
class MonitoringNotificationsApi {

    /** camt.054 only: a statement (camt.053) goes to cashflow's import, which keeps balances. */
    static final String CAMT_054 = "camt.054";

    private final Monitoring monitoring;
    private final ApiErrors errors;

    MonitoringNotificationsApi(Monitoring monitoring, ApiErrors errors) {
        this.monitoring = monitoring;
        this.errors = errors;
    }

    @PostMapping(value = "/notifications", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Report payments as a camt.054 debit/credit notification; each entry is checked and run through the detections",
            description = "Each Ntry (or each TxDtls of a batched Ntry) is one event: CRDT/DBIT gives the direction, the "
                    + "notification's account the account, the related party's name and account the counterparty, ValDt "
                    + "(else BookgDt) the value date, AcctSvcrRef (with the transaction's key) the bank reference.")
    MonitoringApi.ReportView notifications(Caller caller, @RequestBody InputStreamResource body, Locale locale) {
        List<StatementDraft> drafts;
        try (Upload file = Uploads.spool(body); InputStream in = file.open()) {
            if (file.isEmpty()) {
                throw Rejected.invalid(Rejection.of("required", "body"));
            }
            drafts = new CamtParser().parse(in);
        } catch (StatementFormatException e) {
            throw Rejected.invalid(Rejection.of("cashflow.format." + e.code(), e.field(), e.messageZh(), e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Monitoring.Incoming> events = events(drafts);
        if (events.size() > MonitoringApi.MAX_EVENTS) {
            throw Rejected.invalid(Rejection.of("monitoring.report.too-many", "body", events.size(), MonitoringApi.MAX_EVENTS));
        }
        return MonitoringApi.view(monitoring.report(caller, events), errors, locale);
    }

    /** The events of camt.054 notifications, in file order; a statement among them refuses the file. */
    static List<Monitoring.Incoming> events(List<StatementDraft> drafts) {
        List<Monitoring.Incoming> events = new ArrayList<>();
        for (StatementDraft d : drafts) {
            if (!d.format().startsWith(CAMT_054)) {
                throw Rejected.invalid(Rejection.of("monitoring.notification.type", "body", d.format()));
            }
            for (EntryDraft e : d.entries()) {
                events.add(event(events.size(), d.accountId(), e));
            }
        }
        if (events.isEmpty()) {
            throw Rejected.invalid(Rejection.of("monitoring.notification.empty", "body"));
        }
        return events;
    }

    private static Monitoring.Incoming event(int index, String account, EntryDraft e) {
        String reference = e.label();
        String raw = reference + " " + e.amount().toPlainString() + " " + e.currency() + " " + e.bookingDate();
        List<Rejection> problems = new ArrayList<>();
        if (reference.length() > 100) {
            problems.add(Rejection.of("length", "bankReference", 1, 100));
        }
        if (account.length() < 4 || account.length() > 40) {
            problems.add(Rejection.of("length", "account", 4, 40));
        }
        if (e.amount().signum() == 0) {
            problems.add(Rejection.of("monitoring.payment.zero", "amount"));
        } else if (e.amount().abs().compareTo(MonitoringApi.MAX_AMOUNT) > 0) {
            problems.add(Rejection.of("range", "amount", "0", MonitoringApi.MAX_AMOUNT.toPlainString(),
                    e.amount().abs().toPlainString()));
        }
        if (!problems.isEmpty()) {
            return new Monitoring.Incoming(index, raw, reference.length() > 100 ? null : reference, null, problems);
        }
        return new Monitoring.Incoming(index, raw, reference, new Monitoring.PaymentEvent(
                e.isCredit() ? Monitoring.Direction.CREDIT : Monitoring.Direction.DEBIT, account,
                clip(e.counterpartyAccount(), 40), clip(e.counterpartyName(), 200), e.amount().abs(), e.currency(),
                e.valueDate() == null ? e.bookingDate() : e.valueDate(), reference, clip(e.remittance(), 500)), List.of());
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
