package cn.chanrong.scf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Transition;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every named transition of receivables, financing offers, vouchers, their parts and warehouse receipts
 * from every state, as a table: the state it leads to, or the code of the rejection a person reads.
 */
class ScfStatusTransitionsTests {

    static <S extends Enum<S>> String outcome(Transition<S> t) {
        return switch (t) {
            case Transition.To<S> to -> to.state().name();
            case Transition.Refused<S> refused -> refused.rejection().code();
        };
    }

    static Rejection rejection(Transition<?> t) {
        return ((Transition.Refused<?>) t).rejection();
    }

    @ParameterizedTest(name = "receivable {0}: confirm → {1}, dispute → {2}, offer → {3}, finance → {4}, pay part → {5}, pay all → {6}")
    @CsvSource({
            "UPLOADED,  CONFIRMED,              DISPUTED,               scf.receivable.not-confirmed, scf.receivable.not-confirmed, UPLOADED,                  SETTLED",
            "CONFIRMED, scf.receivable.decided, scf.receivable.decided, CONFIRMED,                    FINANCED,                     CONFIRMED,                 SETTLED",
            "DISPUTED,  scf.receivable.decided, scf.receivable.decided, scf.receivable.not-confirmed, scf.receivable.not-confirmed, scf.receivable.not-payable, scf.receivable.not-payable",
            "FINANCED,  scf.receivable.decided, scf.receivable.decided, scf.receivable.not-confirmed, scf.receivable.not-confirmed, FINANCED,                  SETTLED",
            "SETTLED,   scf.receivable.decided, scf.receivable.decided, scf.receivable.not-confirmed, scf.receivable.not-confirmed, scf.receivable.not-payable, scf.receivable.not-payable"})
    void receivables(ReceivableStatus from, String confirm, String dispute, String offer, String finance, String payPart,
                     String payAll) {
        String n = "AR2026063000000002";
        assertThat(outcome(from.decide(n, ConfirmationMessage.Decision.CONFIRMED))).isEqualTo(confirm);
        assertThat(outcome(from.decide(n, ConfirmationMessage.Decision.DISPUTED))).isEqualTo(dispute);
        assertThat(outcome(from.offer(n))).isEqualTo(offer);
        assertThat(outcome(from.finance(n))).isEqualTo(finance);
        assertThat(outcome(from.pay(n, false))).isEqualTo(payPart);
        assertThat(outcome(from.pay(n, true))).isEqualTo(payAll);
        if (!from.finance(n).allowed()) {
            // what the person reads: the receivable and the status it is in, on the status field
            assertThat(rejection(from.finance(n))).isEqualTo(Rejection.of("scf.receivable.not-confirmed", "status", n,
                    from.name()));
        }
    }

    @ParameterizedTest(name = "voucher {0}: paid in full → {1}, short → {2}, late in full → {3}, late short → {4}")
    @CsvSource({
            "ISSUED,  SETTLED,         OVERDUE,         voucher.not-overdue, voucher.not-overdue",
            "SETTLED, voucher.settled, voucher.settled, voucher.not-overdue, voucher.not-overdue",
            "OVERDUE, voucher.settled, voucher.settled, SETTLED,             OVERDUE"})
    void vouchers(VoucherStatus from, String full, String shortfall, String lateFull, String lateShort) {
        String n = "EV2026063000000001";
        assertThat(outcome(from.settle(n, false))).isEqualTo(full);
        assertThat(outcome(from.settle(n, true))).isEqualTo(shortfall);
        assertThat(outcome(from.payLate(n, false))).isEqualTo(lateFull);
        assertThat(outcome(from.payLate(n, true))).isEqualTo(lateShort);
    }

    @ParameterizedTest(name = "part {0}: move → {1}, split → {2}, transfer → {3}, discount → {4}, settle → {5}")
    @CsvSource({
            "LIVE,        LIVE,              SPLIT,             TRANSFERRED,       DISCOUNTED,        SETTLED,           true",
            "SPLIT,       voucher.part-spent, voucher.part-spent, voucher.part-spent, voucher.part-spent, voucher.part-spent, false",
            "TRANSFERRED, voucher.part-spent, voucher.part-spent, voucher.part-spent, voucher.part-spent, voucher.part-spent, false",
            "DISCOUNTED,  voucher.part-spent, voucher.part-spent, voucher.part-spent, voucher.part-spent, SETTLED,           true",
            "SETTLED,     voucher.part-spent, voucher.part-spent, voucher.part-spent, voucher.part-spent, voucher.part-spent, false"})
    void voucher_parts(VoucherPartStatus from, String move, String split, String transfer, String discount, String settle,
                       boolean outstanding) {
        assertThat(outcome(from.move(7))).isEqualTo(move);
        assertThat(outcome(from.split(7))).isEqualTo(split);
        assertThat(outcome(from.transfer(7))).isEqualTo(transfer);
        assertThat(outcome(from.discount(7))).isEqualTo(discount);
        assertThat(outcome(from.settle(7))).isEqualTo(settle);
        assertThat(from.outstanding()).isEqualTo(outstanding);
    }

    @ParameterizedTest(name = "receipt {0}: pledge → {1}, ask release → {2}, release → {3}, cancel → {4}, event → {5}")
    @CsvSource({
            "ISSUED,    PLEDGED,                       scf.warehouse.status, scf.warehouse.status, CANCELLED,            ISSUED",
            "PLEDGED,   scf.warehouse.already-pledged, PLEDGED,              RELEASED,             scf.warehouse.status, PLEDGED",
            "RELEASED,  scf.warehouse.status,          scf.warehouse.status, scf.warehouse.status, scf.warehouse.status, RELEASED",
            "CANCELLED, scf.warehouse.status,          scf.warehouse.status, scf.warehouse.status, scf.warehouse.status, scf.warehouse.status"})
    void warehouse_receipts(ReceiptStatus from, String pledge, String askRelease, String release, String cancel,
                            String event) {
        String n = "WR20260630000001";
        assertThat(outcome(from.pledge(n, "202606300000000042", "闽江银行"))).isEqualTo(pledge);
        assertThat(outcome(from.requestRelease(n))).isEqualTo(askRelease);
        assertThat(outcome(from.release(n))).isEqualTo(release);
        assertThat(outcome(from.cancel(n))).isEqualTo(cancel);
        assertThat(outcome(from.record(n))).isEqualTo(event);
    }

    @ParameterizedTest(name = "offer {0}: offer → {1}, decline → {2}, accept → {3}, lapse → {4}")
    @CsvSource({
            "REQUESTED, OFFERED,          DECLINED,         scf.offer.status, LAPSED",
            "OFFERED,   scf.offer.status, scf.offer.status, ACCEPTED,         LAPSED",
            "DECLINED,  scf.offer.status, scf.offer.status, scf.offer.status, scf.offer.status",
            "ACCEPTED,  scf.offer.status, scf.offer.status, scf.offer.status, scf.offer.status",
            "LAPSED,    scf.offer.status, scf.offer.status, scf.offer.status, scf.offer.status",
            "REFUSED,   scf.offer.status, scf.offer.status, scf.offer.status, scf.offer.status"})
    void financing_offers(OfferStatus from, String offer, String decline, String accept, String lapse) {
        assertThat(outcome(from.offer(3))).isEqualTo(offer);
        assertThat(outcome(from.decline(3))).isEqualTo(decline);
        assertThat(outcome(from.accept(3))).isEqualTo(accept);
        assertThat(outcome(from.lapse(3))).isEqualTo(lapse);
        assertThat(from.open()).isEqualTo(from.lapse(3).allowed());
        assertThat(OfferStatus.openNames()).containsExactly("REQUESTED", "OFFERED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UPLOADED", "CONFIRMED", "DISPUTED", "FINANCED", "SETTLED"})
    void stored_text_maps_to_the_status(String stored) {
        Function<String, ReceivableStatus> of = ReceivableStatus::of;
        assertThat(of.apply(stored).name()).isEqualTo(stored);
    }
}
