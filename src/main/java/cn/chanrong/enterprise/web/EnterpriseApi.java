package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.Enterprise;
import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.ExpectedVersion;
import cn.chanrong.platform.Idempotency;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "enterprises", description = "The enterprise registry")
class EnterpriseApi {

    private final Enterprises enterprises;
    private final Idempotency idempotency;
    private final Names names;
    private final JsonMapper json;

    EnterpriseApi(Enterprises enterprises, Idempotency idempotency, Names names, JsonMapper json) {
        this.enterprises = enterprises;
        this.idempotency = idempotency;
        this.names = names;
        this.json = json;
    }

    record PageJson(java.util.List<EnterpriseJson> items, int page, int size, long total, long totalPages) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "List enterprises the caller may see, filtered and paged")
    PageJson list(Caller caller, Locale locale,
                  @RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
                  @RequestParam(required = false) String chainTag, @RequestParam(required = false) String sizeClass,
                  @RequestParam(required = false) String growthStage,
                  @RequestParam(required = false) String qualification,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Page<Enterprise> result = enterprises.search(caller, new EnterpriseFilter(creditCode, name, region, industry,
                chainTag, sizeClass, growthStage, qualification), PageRequest.of(page, size));
        return new PageJson(result.items().stream().map(e -> names.json(e, locale)).toList(), result.page(),
                result.size(), result.total(), result.totalPages());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register an enterprise (administrators); send Idempotency-Key to retry safely")
    @ApiResponse(responseCode = "201", description = "Registered; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterpriseJson.class)))
    ResponseEntity<String> create(Caller caller, Locale locale, @RequestBody EnterpriseRequest body,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Idempotency.Response r = idempotency.execute(caller.username(), blankToNull(key), "enterprise.create",
                Idempotency.digest(body), () -> {
                    Enterprise e = enterprises.register(caller, body.input());
                    return new Idempotency.Response(201, "/api/v1/enterprises/" + e.id(),
                            json.writeValueAsString(names.json(e, locale)), false);
                });
        return ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LOCATION, r.location())
                .header("Idempotent-Replayed", Boolean.toString(r.replayed()))
                .body(r.body());
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One enterprise; the ETag carries its version")
    ResponseEntity<EnterpriseJson> get(Caller caller, Locale locale, @PathVariable long id) {
        Enterprise e = enterprises.get(caller, id);
        return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(names.json(e, locale));
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ENTERPRISE')")
    @Operation(summary = "Replace a profile: If-Match with the ETag (412 when stale, 428 when missing) or a version in the body (409 when stale)")
    ResponseEntity<EnterpriseJson> update(Caller caller, Locale locale, @PathVariable long id,
                                          @RequestBody EnterpriseRequest body,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ExpectedVersion expected = ExpectedVersion.of(ifMatch, body.version());
        Enterprise e = enterprises.update(caller, id, body.input(), expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag("\"" + e.version() + "\"").body(names.json(e, locale));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
