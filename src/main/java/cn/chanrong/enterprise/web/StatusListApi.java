package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.enterprise.StatusLists;
import cn.chanrong.enterprise.domain.StatusList;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Uploads;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuing authorities' lists. An industry regulator imports a list file (text/csv, UTF-8 unless
 * {@code encoding=GBK}): 200 with the counts, or 422 naming every bad row's line and column (the first
 * 1,000, the rest counted) with nothing imported. The lists are public, as their issuers publish them.
 */
@RestController
@RequestMapping("/api/v1/status-lists")
@Tag(name = "status lists", description = "Issuing authorities' lists that verify an enterprise's status")
class StatusListApi {

    private final StatusLists lists;
    private final ApiErrors errors;

    StatusListApi(StatusLists lists, ApiErrors errors) {
        this.lists = lists;
        this.errors = errors;
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "Import a list (columns: " + StatusLists.COLUMNS + "; list: SPECIALISED_SME/专精特新, "
            + "LITTLE_GIANT/小巨人, HIGH_TECH/高新技术企业, CHAIN_LEADER/链主, FIRST_SET/首台套, GREEN_FACTORY/绿色工厂); "
            + "industry regulators")
    @ApiResponse(responseCode = "200", description = "Imported: the rows created, updated and unchanged",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem whose errors name every bad row (the first 1,000, the rest counted)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
    ResponseEntity<Map<String, Object>> importList(Caller caller, Locale locale, @RequestBody InputStreamResource body,
                                                   @RequestParam(required = false) String encoding,
                                                   @RequestHeader(value = "Content-Type", required = false) String type) {
        try (Upload file = Uploads.spool(body)) {
            ImportReport report = lists.importList(caller, file, cn.chanrong.platform.Uploads.charset(encoding, type));
            Map<String, Object> json = report.asJson(r -> errors.message(r, locale));
            return report.accepted() ? ResponseEntity.ok(json) : ResponseEntity.status(422)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(errors.asProblem(json, org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "invalid", locale));
        }
    }

    record EntryJson(long id, String list, String listName, String issuer, String document, String creditCode,
                     LocalDate validFrom, LocalDate validTo, String importedBy, Instant importedAt, Long enterpriseId,
                     String enterpriseName) {
        static EntryJson of(StatusLists.Entry e, boolean english) {
            return new EntryJson(e.id(), e.list().name(), e.list().type().name(english), e.issuer(), e.document(),
                    e.creditCode(), e.validFrom(), e.validTo(), e.importedBy(), e.importedAt(), e.enterpriseId(),
                    e.enterpriseName());
        }
    }

    record PageJson(List<EntryJson> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "List rows, filtered by list, credit code and a day they are valid on, paged")
    PageJson list(Caller caller, Locale locale, @RequestParam(required = false) String list,
                  @RequestParam(required = false) String creditCode, @RequestParam(required = false) String validOn,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        StatusList l = null;
        if (list != null && !list.isBlank()) {
            l = StatusList.parse(list).orElseThrow(() -> Rejected.invalid(Rejection.of("enum", "list", list,
                    StatusList.allowed())));
        }
        LocalDate day = EnterpriseDetailsApi.date(validOn, "validOn");
        String code = creditCode == null || creditCode.isBlank() ? null : creditCode.strip();
        Page<StatusLists.Entry> result = lists.list(caller, new StatusLists.Filter(l, code, day), PageRequest.of(page, size));
        boolean en = "en".equals(locale.getLanguage());
        return new PageJson(result.items().stream().map(e -> EntryJson.of(e, en)).toList(), result.page(), result.size(),
                result.total());
    }
}
