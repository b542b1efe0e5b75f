package cn.chanrong.scf.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.scf.ScfOverview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "scf-overview", description = "Supply-chain finance figures for regulators")
class ScfOverviewApi {

    private final ScfOverview overview;
    private final cn.chanrong.scf.DailyPass daily;

    ScfOverviewApi(ScfOverview overview, cn.chanrong.scf.DailyPass daily) {
        this.overview = overview;
        this.daily = daily;
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/scf/daily-pass")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Run the daily pass now: pledged receipts revalued, vouchers unpaid past maturity made overdue")
    cn.chanrong.scf.DailyPass.Pass dailyPass() {
        return daily.run();
    }

    @GetMapping("/api/v1/scf/overview")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "Financings by chain and kind, vouchers by tier, payment-term breaches, refused double financing")
    ScfOverview.Overview overview(Caller caller) {
        return overview.overview(caller);
    }
}
