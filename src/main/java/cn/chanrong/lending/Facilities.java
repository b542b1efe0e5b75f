package cn.chanrong.lending;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Credit lines: opened by an institution's approver, drawn by contracts, restored by repaid principal when revolving. */
public interface Facilities {

    /** A borrower's line ({@code borrowerId}) or a group's ({@code groupId}), not both. */
    record Request(Long borrowerId, Long groupId, BigDecimal amount, Boolean revolving, LocalDate validFrom, LocalDate validTo) {
        public Request(Long borrowerId, BigDecimal amount, Boolean revolving, LocalDate validFrom, LocalDate validTo) {
            this(borrowerId, null, amount, revolving, validFrom, validTo);
        }
    }

    Facility open(Caller caller, Request request);

    Facility get(Caller caller, long id);

    Page<Facility> search(Caller caller, Long borrowerId, PageRequest page);

    /** The lines in the caller's scope a contract could draw on today: active, in force, something left; borrower first. */
    java.util.List<Facility> drawable(Caller caller);
}
