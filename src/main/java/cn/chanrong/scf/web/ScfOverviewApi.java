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

    ScfOverviewApi(ScfOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/v1/scf/overview")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "Financings by chain and kind, vouchers by tier, payment-term breaches, refused double financing")
    ScfOverview.Overview overview(Caller caller) {
        return overview.overview(caller);
    }
}
