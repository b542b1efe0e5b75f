package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.EnterpriseImports;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Uploads;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV imports. The body is the file (text/csv); its encoding is UTF-8 unless {@code encoding=GBK}
 * (or a charset on the Content-Type) says otherwise. 200 with the counts, or 422 listing the first
 * 1,000 errors and counting the rest ({@code errorsNotListed}). The body is streamed to a temporary
 * file, never held in memory.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "imports", description = "CSV imports of the registry (administrators)")
class ImportApi {

    private final EnterpriseImports imports;
    private final ApiErrors errors;

    ImportApi(EnterpriseImports imports, ApiErrors errors) {
        this.imports = imports;
        this.errors = errors;
    }

    @PostMapping(value = "/enterprises", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import enterprises (columns: " + EnterpriseImports.ENTERPRISE_COLUMNS + ")")
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem whose errors name every bad row (the first 1,000, the rest counted)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
    ResponseEntity<Map<String, Object>> enterprises(Caller caller, Locale locale, @RequestBody InputStreamResource body,
                                                    @RequestParam(required = false) String encoding,
                                                    @RequestHeader(value = "Content-Type", required = false) String type) {
        try (Upload file = Uploads.spool(body)) {
            return respond(imports.importEnterprises(caller, file, Uploads.charset(encoding, type)), locale);
        }
    }

    @PostMapping(value = "/statements", consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import annual statements (columns: " + EnterpriseImports.STATEMENT_COLUMNS + ")")
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem whose errors name every bad row (the first 1,000, the rest counted)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
    ResponseEntity<Map<String, Object>> statements(Caller caller, Locale locale, @RequestBody InputStreamResource body,
                                                   @RequestParam(required = false) String encoding,
                                                   @RequestHeader(value = "Content-Type", required = false) String type) {
        try (Upload file = Uploads.spool(body)) {
            return respond(imports.importStatements(caller, file, Uploads.charset(encoding, type)), locale);
        }
    }


    ResponseEntity<Map<String, Object>> respond(ImportReport report, Locale locale) {
        Map<String, Object> body = report.asJson(r -> errors.message(r, locale));
        return report.accepted() ? ResponseEntity.ok(body) : ResponseEntity.status(422)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(errors.asProblem(body, org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "invalid", locale));
    }
}
