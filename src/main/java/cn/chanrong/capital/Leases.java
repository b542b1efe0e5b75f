package cn.chanrong.capital;

import cn.chanrong.capital.domain.LeaseKind;
import cn.chanrong.capital.domain.LeaseStatus;
import cn.chanrong.identity.Caller;
import cn.chanrong.lending.domain.Tier;
import cn.chanrong.lending.schedule.RentalTiming;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Financial leases for equipment (issue 22 §1). A lessor — a financial leasing company, its approver or administrator —
 * signs a lease with an enterprise over equipment identified by serial numbers: the rental schedule comes from the
 * schedule core (rentals in advance or in arrears, a residual value bought out at the end) and the lease is filed in the
 * registry as FINANCIAL_LEASING at signing. Equipment another party already owns through the register (another lessor's
 * lease, a factoring, a retention of title) is refused, the earlier filing named. Read by the lessor, the lessee, the
 * financial regulators of the lessee's region, administrators. Rentals unpaid after their day age, and a lease classifies
 * by its days past due under the loans' rules.
 */
public interface Leases {

    /** {@code lessee} by credit code. */
    record Draft(String lessee, LeaseKind kind, String equipment, List<String> serialNumbers, BigDecimal cost,
                 BigDecimal downPayment, Integer months, Integer periodMonths, BigDecimal annualRatePercent,
                 RentalTiming timing, BigDecimal deposit, BigDecimal residual, LocalDate startOn, Boolean equipmentRenewal) {
    }

    record Rental(int period, LocalDate dueOn, BigDecimal rent, BigDecimal principal, BigDecimal interest,
                  BigDecimal balance, boolean buyOut, BigDecimal paid, LocalDate paidOn) {
    }

    /** A rental payment received by the lessor, applied to the oldest rentals due first. */
    record Payment(BigDecimal amount, LocalDate receivedOn) {
    }

    record Lease(long id, String number, long lessorId, String lessorName, long lesseeId, String lesseeName,
                 LeaseKind kind, String equipment, List<String> serialNumbers, BigDecimal cost, BigDecimal downPayment,
                 BigDecimal financed, int months, int periodMonths, BigDecimal annualRatePercent, RentalTiming timing,
                 BigDecimal deposit, BigDecimal residual, LocalDate startOn, LocalDate maturity, boolean equipmentRenewal,
                 String filingNumber, LeaseStatus status, BigDecimal totalRent, BigDecimal outstanding,
                 BigDecimal overdue, int daysPastDue, Tier tier, String tierRule) {
    }

    Lease sign(Caller caller, Draft draft);

    Page<Lease> leases(Caller caller, PageRequest page);

    Lease lease(Caller caller, long id);

    List<Rental> schedule(Caller caller, long id);

    /**
     * The lessor records a payment received from the lessee: applied to the rentals due on or before the day, oldest
     * first, interest before principal; posted in the lessor's books in the same transaction.
     */
    Lease receive(Caller caller, long id, Payment payment);
}
