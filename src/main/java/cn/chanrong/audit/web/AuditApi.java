package cn.chanrong.audit.web;

import cn.chanrong.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "The hash-chained audit trail (administrators)")
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verification")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Check the whole chain and report the first broken link, if any")
    AuditTrail.Verification verify() {
        return trail.verify();
    }

    @GetMapping("/entries")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Latest entries, newest first")
    List<AuditTrail.Entry> entries(@RequestParam(defaultValue = "50") int limit) {
        return trail.latest(limit);
    }
}
