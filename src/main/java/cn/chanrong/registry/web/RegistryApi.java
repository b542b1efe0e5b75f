package cn.chanrong.registry.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.registry.CollateralRegistry;
import cn.chanrong.registry.Conflict;
import cn.chanrong.registry.Filing;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "registry", description = "Collateral filings, search by grantor, the double-financing check")
class RegistryApi {

    private final CollateralRegistry registry;
    private final ApiErrors errors;

    RegistryApi(CollateralRegistry registry, ApiErrors errors) {
        this.registry = registry;
        this.errors = errors;
    }

    record FilingRequest(String grantor, String collateralType, String description, List<String> identifiers,
                         String blanketScope, Integer termMonths) {
        CollateralRegistry.Request request() {
            return new CollateralRegistry.Request(grantor, collateralType, description, identifiers, blanketScope, termMonths);
        }
    }

    private static long securedParty(Caller caller) {
        if (!caller.is(Role.INSTITUTION) || !caller.hasAuthority("operator")) {
            throw Rejected.of(Rejected.Kind.FORBIDDEN, Rejection.of("registry.operator-only", null));
        }
        return caller.institutionId();
    }

    @PostMapping(value = "/filings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "File (institution operators); 409 citing the filings of another party that cover the asset")
    ResponseEntity<Filing> file(Caller caller, @RequestBody FilingRequest body) {
        return ResponseEntity.status(201).body(registry.file(securedParty(caller), body.request(), caller.username()));
    }

    @GetMapping("/filings")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Active filings against a grantor, in registration order")
    List<Filing> search(@RequestParam String grantor) {
        cn.chanrong.shared.CreditCode.check(grantor, "grantor").ifPresent(r -> {
            throw Rejected.invalid(r);
        });
        return registry.byGrantor(grantor);
    }

    @PostMapping(value = "/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The double-financing check: every active filing by another party covering the asset")
    Map<String, List<Conflict>> check(Caller caller, @RequestBody FilingRequest body) {
        return Map.of("conflicts", registry.check(caller.institutionId(), body.request()));
    }

    @ExceptionHandler(CollateralRegistry.AlreadyFiled.class)
    ResponseEntity<Map<String, Object>> alreadyFiled(CollateralRegistry.AlreadyFiled e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:chanrong:problem:already-filed");
        body.put("status", 409);
        body.put("code", "already-filed");
        body.put("title", errors.message(Rejection.of("registry.already-filed", null, e.conflicts().get(0).number()),
                locale));
        body.put("conflicts", e.conflicts());
        return ResponseEntity.status(409).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
