package cn.chanrong.reference.web;

import cn.chanrong.platform.ApiErrors;
import cn.chanrong.platform.Uploads;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.reference.RestrictedLists;
import cn.chanrong.reference.domain.RestrictedCategory;
import cn.chanrong.reference.domain.RestrictedEntry;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import cn.chanrong.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
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
 * Restricted-industry catalogues (产业结构调整指导目录: 淘汰类, 限制类). The issuing departments — a
 * regulator of NDRC or MIIT — and platform administrators import a catalogue file (text/csv, UTF-8
 * unless {@code encoding=GBK}): 200 with the counts and the import's id, or 422 naming every bad row's
 * line and column (the first 1,000, the rest counted) with nothing imported. The catalogues are public,
 * as their issuers publish them. The department is read from the caller's authorities
 * ({@code DEPARTMENT_<code>}): this module sits below identity.
 */
@RestController
@RequestMapping("/api/v1/restricted-lists")
@Tag(name = "restricted lists", description = "Restricted-industry catalogues (淘汰类, 限制类) that refuse credit")
class RestrictedListApi {

    private final RestrictedLists lists;
    private final ReferenceData reference;
    private final ApiErrors errors;

    RestrictedListApi(RestrictedLists lists, ReferenceData reference, ApiErrors errors) {
        this.lists = lists;
        this.reference = reference;
        this.errors = errors;
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN') or (hasRole('REGULATOR') and hasAnyAuthority('DEPARTMENT_NDRC', 'DEPARTMENT_MIIT'))")
    @Operation(summary = "Import a catalogue (columns: " + RestrictedLists.COLUMNS + "; category: ELIMINATED/淘汰类, "
            + "RESTRICTED/限制类; industry_code: a GB/T 4754-2017 code at any level; products, processes: keywords "
            + "separated by ';'); NDRC or MIIT regulators and administrators")
    @ApiResponse(responseCode = "200", description = "Imported: the rows created, updated and unchanged, and the import's id",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem whose errors name every bad row (the first 1,000, the rest counted)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    ResponseEntity<Map<String, Object>> importList(Principal principal, Locale locale, @RequestBody InputStreamResource body,
                                                   @RequestParam(required = false) String encoding,
                                                   @RequestHeader(value = "Content-Type", required = false) String type) {
        try (Upload file = Uploads.spool(body)) {
            RestrictedLists.Imported imported = lists.importList(principal.getName(), file, Uploads.charset(encoding, type));
            return ImportReplies.reply("restricted-lists", imported, errors, locale);
        }
    }

    record EntryJson(long id, String catalogue, String document, String category, String categoryName, String itemNo,
                     String item, String industryCode, String industryName, List<String> products, List<String> processes,
                     LocalDate validFrom, LocalDate validTo, long importId, String importedBy, Instant importedAt) {
    }

    record PageJson(List<EntryJson> items, int page, int size, long total) {
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Catalogue entries, filtered by category, industry (entries at, above or below the code) and "
            + "a day they are in force on, paged")
    PageJson list(Locale locale, @RequestParam(required = false) String category,
                  @RequestParam(required = false) String industry, @RequestParam(required = false) String asOf,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RestrictedCategory c = null;
        if (category != null && !category.isBlank()) {
            c = RestrictedCategory.parse(category).orElseThrow(() -> Rejected.invalid(Rejection.of("enum", "category",
                    category, RestrictedCategory.allowed())));
        }
        String code = industry == null || industry.isBlank() ? null : industry.strip();
        if (code != null && !code.matches("[A-T][0-9]{0,4}")) {
            throw Rejected.invalid(Rejection.of("restricted.industry-code", "industry", code));
        }
        LocalDate day = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                day = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                throw Rejected.invalid(Rejection.of("date.format", "asOf", asOf));
            }
        }
        Page<RestrictedLists.Listed> result = lists.list(new RestrictedLists.Filter(c, code, day), PageRequest.of(page, size));
        boolean en = "en".equals(locale.getLanguage());
        return new PageJson(result.items().stream().map(l -> json(l, en)).toList(), result.page(), result.size(),
                result.total());
    }

    private EntryJson json(RestrictedLists.Listed l, boolean en) {
        RestrictedEntry e = l.entry();
        return new EntryJson(l.id(), e.catalogue(), e.document(), e.category().name(), e.category().name(en), e.itemNo(),
                e.item(), e.industryCode(), reference.industry(e.industryCode()).map(i -> i.name(en)).orElse(null),
                e.products(), e.processes(), e.validFrom(), e.validTo(), l.importId(), l.importedBy(), l.importedAt());
    }

}
