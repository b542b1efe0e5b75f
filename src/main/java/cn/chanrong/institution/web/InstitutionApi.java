package cn.chanrong.institution.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.InstitutionDetails;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import cn.chanrong.institution.domain.PolicyToolEligibility;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/institutions")
@Tag(name = "institutions", description = "Financial institutions, branches and policy-tool participation")
class InstitutionApi {

    private final Institutions institutions;

    InstitutionApi(Institutions institutions) {
        this.institutions = institutions;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "All institutions")
    List<Institution> list() {
        return institutions.list();
    }

    /** One row of the eligibility, with the names of its tool and type in the caller's language. */
    record EligibilityJson(String tool, String toolName, String institutionType, String institutionTypeName,
                           String validFrom, String validTo, String source) {
        static EligibilityJson of(PolicyToolEligibility.Rule r, boolean english) {
            return new EligibilityJson(r.tool().name(), r.tool().name(english), r.type().name(), r.type().name(english),
                    r.validFrom().toString(), r.validTo() == null ? null : r.validTo().toString(), r.source());
        }
    }

    record EligibilityPageJson(List<EligibilityJson> items, int page, int size, long total, long totalPages) {
    }

    @GetMapping("/policy-tool-eligibility")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Which institution types may take part in which policy tool, effective-dated, with the"
            + " document each row comes from (FACTS §1); filtered and paged",
            description = "validTo is the first day a row is no longer in force (null: open-ended). A participation"
                    + " (POST /{id}/policy-tools) is refused with institution.policy-tool.ineligible or"
                    + " institution.policy-tool.not-in-force unless a row admits the institution's type on its validFrom.")
    EligibilityPageJson eligibility(Locale locale,
                                    @Parameter(description = "A policy tool code, e.g. TECH_RELENDING")
                                    @RequestParam(required = false) String tool,
                                    @Parameter(description = "An institution type code, e.g. JOINT_STOCK_BANK")
                                    @RequestParam(required = false) String institutionType,
                                    @Parameter(description = "Only the rows in force on this day (YYYY-MM-DD)")
                                    @RequestParam(required = false) String on,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        boolean english = "en".equals(locale.getLanguage());
        Page<PolicyToolEligibility.Rule> r = institutions.toolEligibility(
                new Institutions.EligibilityQuery(tool, institutionType, on), PageRequest.of(page, size));
        return new EligibilityPageJson(r.items().stream().map(x -> EligibilityJson.of(x, english)).toList(), r.page(),
                r.size(), r.total(), r.totalPages());
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An institution with its branches and policy tools")
    InstitutionDetails get(@PathVariable long id) {
        return institutions.details(id);
    }

    record InstitutionRequest(String creditCode, String name, String nameEn, String type) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register an institution (administrators)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Institution> create(Caller caller, @RequestBody InstitutionRequest b) {
        InstitutionType type = b.type() == null || b.type().isBlank() ? null : InstitutionType.parse(b.type().strip())
                // the type is one of a closed list: any other text is refused by name, never taken as missing
                .orElseThrow(() -> cn.chanrong.shared.Rejected.invalid(cn.chanrong.shared.Rejection.of("enum", "type",
                        b.type(), Arrays.toString(InstitutionType.values()))));
        return ResponseEntity.status(201).body(institutions.register(caller, b.creditCode(), b.name(), b.nameEn(), type));
    }

    record BranchRequest(String name, String regionCode) {
    }

    @PostMapping("/{id}/branches")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a branch in a region")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<InstitutionDetails.Branch> branch(Caller caller, @PathVariable long id, @RequestBody BranchRequest b) {
        return ResponseEntity.status(201).body(institutions.addBranch(caller, id, b.name(), b.regionCode()));
    }

    record ToolRequest(String tool, String validFrom, String validTo) {
    }

    @PostMapping("/{id}/policy-tools")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record participation in a policy tool, effective-dated",
            description = "Refused (422, institution.policy-tool.ineligible or institution.policy-tool.not-in-force on"
                    + " the field tool) unless the institution's type may take part in the tool on validFrom; see"
                    + " GET /policy-tool-eligibility.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<InstitutionDetails.Participation> tool(Caller caller, @PathVariable long id, @RequestBody ToolRequest b) {
        return ResponseEntity.status(201).body(institutions.addPolicyTool(caller, id, b.tool(), date(b.validFrom(), "validFrom"),
                date(b.validTo(), "validTo")));
    }

    private static LocalDate date(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw cn.chanrong.shared.Rejected.invalid(cn.chanrong.shared.Rejection.of("date.format", field, raw));
        }
    }
}
