package cn.chanrong.statistics.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.statistics.EnterpriseCount;
import cn.chanrong.statistics.EnterpriseStatistics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "statistics", description = "Supervision statistics")
class StatisticsApi {

    private final EnterpriseStatistics statistics;

    StatisticsApi(EnterpriseStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/statistics/enterprises")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "Registered enterprises by province and size class, within the caller's region")
    List<EnterpriseCount> enterprises(Caller caller) {
        return statistics.byProvinceAndSize(caller);
    }

    @GetMapping("/api/v1/statistics/overview")
    @PreAuthorize("hasAnyRole('REGULATOR', 'ADMIN')")
    @Operation(summary = "Registered enterprises by province, chain and size, within the caller's region")
    cn.chanrong.statistics.Overview overview(Caller caller) {
        return statistics.overview(caller);
    }
}
