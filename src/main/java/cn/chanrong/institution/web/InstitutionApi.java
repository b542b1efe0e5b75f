package cn.chanrong.institution.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.institution.Institution;
import cn.chanrong.institution.InstitutionDetails;
import cn.chanrong.institution.InstitutionType;
import cn.chanrong.institution.Institutions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
        InstitutionType type = b.type() == null ? null
                : Arrays.stream(InstitutionType.values()).filter(t -> t.name().equals(b.type())).findFirst().orElse(null);
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
    @Operation(summary = "Record participation in a policy tool, effective-dated")
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
