package cn.chanrong.scf.internal;

import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.Filing;
import cn.chanrong.scf.ScfEvent;
import cn.chanrong.scf.domain.DebtorNotice;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one step every supply-chain financing ends in — receivable, voucher discount, warehouse pledge,
 * de-nucleated: file at the registry for the funder, book the loan through the loan core's
 * {@link TradeFinance}, write the debtor's notice and publish the financing's event, all in the caller's
 * transaction, so a financing, its filings, its booking and its event commit together or not at all.
 * A filing refused because another party holds the asset is answered with the caller's rejection,
 * citing that filing and its holder.
 */
@Component
class FinanceAndFile {

    /** How a path refuses a financing whose asset another party holds: the conflict and the holder's name. */
    @FunctionalInterface
    interface Refusal {
        Rejection cite(Conflict conflict, String holder);
    }

    /**
     * A financing ready to commit: the funder's filings (none for a voucher discount, whose platform
     * record is its title), the refusal that cites a conflict, the booking (figures from
     * {@code FinanceCalculator}), the debtor's notice if the path gives one, and the event to publish.
     */
    record Financing(long funderId, List<CollateralRegistry.Request> filings, Refusal refusal,
                     TradeFinance.Booking booking, DebtorNotice notice, Function<Financed, ScfEvent> event) {

        Financing {
            filings = List.copyOf(filings);
        }
    }

    /** What was filed and booked, and the notice written (null when the path has none). */
    record Financed(List<Filing> filings, Loan loan, String notice) {

        /** The first filing's number (the receivable's, the receipt's), or null when nothing was filed. */
        String filingNumber() {
            return filings.isEmpty() ? null : filings.getFirst().number();
        }

        List<String> filingNumbers() {
            return filings.stream().map(Filing::number).toList();
        }
    }

    private final CollateralRegistry registry;
    private final TradeFinance tradeFinance;
    private final PartyStore parties;
    private final ApplicationEventPublisher events;

    FinanceAndFile(CollateralRegistry registry, TradeFinance tradeFinance, PartyStore parties,
                   ApplicationEventPublisher events) {
        this.registry = registry;
        this.tradeFinance = tradeFinance;
        this.parties = parties;
        this.events = events;
    }

    /**
     * Refuses at once when another party holds what {@code requests} describe, before the caller checks
     * anything else: the registry counts the refused attempt for the regulators (in a transaction of its
     * own), and the caller's rejection cites the filing that holds the asset.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void refuseIfHeld(long funderId, List<CollateralRegistry.Request> requests, String actor, Refusal refusal) {
        for (CollateralRegistry.Request request : requests) {
            List<Conflict> conflicts = registry.check(funderId, request);
            if (!conflicts.isEmpty()) {
                registry.recordRefused(funderId, request, conflicts);
                throw refusal(refusal, conflicts.getFirst());
            }
        }
    }

    /** Files, books, writes the notice and publishes the event, in that order, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Financed finance(Financing f) {
        List<Filing> filed = new ArrayList<>();
        for (CollateralRegistry.Request request : f.filings()) {
            // the register would rank a second secured party behind the first; a financing does not take
            // that junior place: another party's filing on the asset refuses it, counted for regulators
            List<Conflict> conflicts = registry.check(f.funderId(), request);
            if (!conflicts.isEmpty()) {
                registry.recordRefused(f.funderId(), request, conflicts);
                throw refusal(f.refusal(), conflicts.getFirst());
            }
            filed.add(registry.file(f.funderId(), request, f.booking().actor()));
        }
        // a pledge is recorded on the loan with the filing that perfects it
        Loan loan = tradeFinance.book(filed.isEmpty() ? f.booking() : f.booking().filed(filed.getFirst().number()));
        String notice = f.notice() == null || filed.isEmpty() ? null : f.notice().text(filed.getFirst().number());
        Financed done = new Financed(List.copyOf(filed), loan, notice);
        if (f.event() != null) {
            events.publishEvent(f.event().apply(done));
        }
        return done;
    }

    private Rejected refusal(Refusal refusal, Conflict c) {
        return Rejected.conflict(refusal.cite(c, holder(c)));
    }

    /** Who holds a conflicting filing: the external secured party's name, the institution's, or its id. */
    String holder(Conflict c) {
        return c.securedPartyName() != null ? c.securedPartyName()
                : parties.institutionName(c.securedParty()).orElse("#" + c.securedParty());
    }
}
