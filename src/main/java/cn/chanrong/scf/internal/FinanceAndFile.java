package cn.chanrong.scf.internal;

import cn.chanrong.lending.Loan;
import cn.chanrong.lending.TradeFinance;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.domain.CollateralType;
import cn.chanrong.shared.Rejection;
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
    record Financing(long funderId, List<CollateralRegistry.Request> filings, Refusal refusal, Boolean acceptJunior,
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
     * Refuses at once when another party's claim stops the financing, before the caller checks anything
     * else (see {@link #stop}): the registry counts the refused attempt for the regulators (in a
     * transaction of its own), and the caller's rejection cites the filing that holds the asset.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void refuseIfHeld(long funderId, List<CollateralRegistry.Request> requests, String actor, Refusal refusal,
                      Boolean acceptJunior) {
        for (CollateralRegistry.Request request : requests) {
            stop(funderId, request, refusal, acceptJunior);
        }
    }

    /**
     * Whether another party's claim on the asset stops this financing (FACTS §10). The register ranks
     * every filing; the financing side decides: a claim that owns the asset (a factoring, a lease), or a
     * financing that would own it, is an ownership conflict and refused outright (Civil Code 768); a
     * pledge or mortgage behind another party's senior claim goes ahead only when the funder accepted a
     * junior position, and is refused otherwise, naming the senior filing. A path that takes no junior
     * positions ({@code acceptJunior} null: a warehouse receipt is pledged by handing it over, so it
     * cannot be pledged twice) refuses every claim of another party with its own rejection.
     */
    private void stop(long funderId, CollateralRegistry.Request request, Refusal refusal, Boolean acceptJunior) {
        List<Conflict> conflicts = registry.check(funderId, request);
        if (conflicts.isEmpty()) {
            return;
        }
        CollateralType wanted = CollateralType.parse(request.collateralType()).orElseThrow();
        Conflict owning = conflicts.stream().filter(c -> wanted.nature() == CollateralType.Nature.OWNERSHIP
                || CollateralType.parse(c.collateralType()).map(t -> t.nature() == CollateralType.Nature.OWNERSHIP)
                .orElse(true)).findFirst().orElse(null);
        if (owning == null && acceptJunior == null) {
            owning = conflicts.getFirst();
        }
        if (owning != null) {
            registry.recordRefused(funderId, request, conflicts);
            throw refusal(refusal, owning);
        }
        if (!acceptJunior) {
            registry.recordRefused(funderId, request, conflicts);
            Conflict senior = conflicts.getFirst();
            throw Rejected.conflict(Rejection.of("scf.junior-not-accepted", "acceptJunior", senior.number(), holder(senior)));
        }
    }

    /**
     * Files, books, writes the notice and publishes the event, in that order, in the caller's transaction.
     * A pledge taken behind another party's is filed (the register ranks it) and its position recorded
     * on the loan's pledge.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Financed finance(Financing f) {
        List<Filing> filed = new ArrayList<>();
        for (CollateralRegistry.Request request : f.filings()) {
            stop(f.funderId(), request, f.refusal(), f.acceptJunior());
            filed.add(registry.file(f.funderId(), request, f.booking().actor()));
        }
        TradeFinance.Booking booking = f.booking();
        if (!filed.isEmpty()) {
            String first = filed.getFirst().number();
            booking = booking.filed(first, registry.rankOf(first).position());
        }
        Loan loan = tradeFinance.book(booking);
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
