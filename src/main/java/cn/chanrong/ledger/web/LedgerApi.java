package cn.chanrong.ledger.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.ledger.Ledger;
import cn.chanrong.ledger.TrialBalance;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "ledger", description = "Trial balance and ledger checks")
class LedgerApi {

    private final Ledger ledger;
    private final BusinessDate businessDate;

    LedgerApi(Ledger ledger, BusinessDate businessDate) {
        this.ledger = ledger;
        this.businessDate = businessDate;
    }

    @GetMapping("/trial-balance")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'REGULATOR', 'ADMIN')")
    @Operation(summary = "Trial balance of a book (an institution's own, or any for regulators and administrators)")
    TrialBalance trialBalance(Caller caller, @RequestParam(required = false) Long book,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        long b;
        if (caller.is(Role.INSTITUTION)) {
            if (book != null && !book.equals(caller.institutionId())) {
                throw Rejected.notFound("book", book);
            }
            b = caller.institutionId();
        } else if (book == null) {
            throw Rejected.invalid(Rejection.of("required", "book"));
        } else {
            b = book;
        }
        return ledger.trialBalance(b, asOf == null ? businessDate.today() : asOf);
    }

    @GetMapping("/check")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Check every book: balanced entries, balanced trial balances, subledger keys")
    Ledger.Check check() {
        return ledger.check();
    }
}
