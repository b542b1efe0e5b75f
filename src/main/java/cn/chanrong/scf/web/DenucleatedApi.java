package cn.chanrong.scf.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.scf.Denucleated;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1/denucleated-financings")
@Tag(name = "denucleated", description = "脱核: financing on the SME's own data credit plus goods, without a core enterprise")
class DenucleatedApi {

    private final Denucleated denucleated;

    DenucleatedApi(Denucleated denucleated) {
        this.denucleated = denucleated;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "Assess an order or receivable from an off-platform buyer: data credit, goods cover, registry check")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<Denucleated.Assessment> assess(Caller caller, @RequestBody Denucleated.Request body) {
        Denucleated.Assessment a = denucleated.assess(caller, body);
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/denucleated-financings/" + a.id()).body(a);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The SME's own assessments, or those sent to the funder")
    Page<Denucleated.Assessment> search(Caller caller, @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return denucleated.search(caller, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One assessment with both sources of credit and the registry check")
    Denucleated.Assessment get(Caller caller, @PathVariable long id) {
        return denucleated.get(caller, id);
    }

    @PostMapping("/{id}/fund")
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "The funder books it: document and receipts filed, loan booked — one transaction")
    Denucleated.Assessment fund(Caller caller, @PathVariable long id) {
        return denucleated.fund(caller, id);
    }
}
