package cn.chanrong.reference.web;

import cn.chanrong.platform.ApiErrors;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.reference.FinanceCatalogues;
import cn.chanrong.reference.ReferenceData;
import cn.chanrong.shared.Dates;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import cn.chanrong.shared.Rejected;
import cn.chanrong.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The green finance catalogue and the transition and energy-intensive sector catalogues (issue 19 §6): the edition in
 * force on a day — loans applied for before 2025-10-01 keep the previous standard — and its items, paged and filtered;
 * the PBOC's national regulators (and administrators) import an edition's items from CSV, all or nothing.
 */
@RestController
@RequestMapping("/api/v1/reference/green-catalogue")
@Tag(name = "reference", description = "Industry and region codes, LPR, working days")
class FinanceCatalogueApi {

    /** The largest catalogue file taken: the 2025 catalogue's 318 lines are some 20 kB. */
    static final int MAX_BYTES = 1 << 20;

    private final FinanceCatalogues catalogues;
    private final BusinessDate businessDate;
    private final ReferenceData reference;
    private final ApiErrors errors;

    FinanceCatalogueApi(FinanceCatalogues catalogues, BusinessDate businessDate, ReferenceData reference, ApiErrors errors) {
        this.catalogues = catalogues;
        this.businessDate = businessDate;
        this.reference = reference;
        this.errors = errors;
    }

    record EditionJson(String edition, String kind, String name, String document, LocalDate validFrom, LocalDate validTo,
                       boolean inForce) {
    }

    record ItemJson(String edition, String code, int level, String parentCode, String name, String nameZh, String nameEn,
                    String industryCode, String industryName) {
    }

    record ItemsJson(EditionJson edition, List<ItemJson> items, int page, int size, long total) {
    }

    @GetMapping("/editions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Every edition of the green, transition and energy-intensive catalogues with the days it is in force")
    List<EditionJson> editions(Locale locale) {
        LocalDate today = businessDate.today();
        boolean en = "en".equals(locale.getLanguage());
        return catalogues.editions().stream().map(e -> json(e, en, today)).toList();
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Items of an edition — by default the green catalogue in force on a day (default: the business "
            + "date) — filtered by kind (GREEN, TRANSITION, ENERGY_INTENSIVE), level, parent code or a text in either name")
    ItemsJson items(Locale locale, @RequestParam(required = false) String edition, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String date, @RequestParam(required = false) Integer level,
                    @RequestParam(required = false) String parent, @RequestParam(required = false) String q,
                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        List<Rejection> problems = new ArrayList<>();
        LocalDate day = date == null || date.isBlank() ? businessDate.today() : Dates.required(date, "date", problems);
        FinanceCatalogues.Kind k = null;
        if (kind != null && !kind.isBlank()) {
            k = Arrays.stream(FinanceCatalogues.Kind.values()).filter(v -> v.name().equals(kind.strip())).findFirst()
                    .orElse(null);
            if (k == null) {
                problems.add(Rejection.of("enum", "kind", kind, Arrays.toString(FinanceCatalogues.Kind.values())));
            }
        }
        String ed = edition == null || edition.isBlank() ? null : edition.strip();
        if (ed != null && catalogues.editions().stream().noneMatch(e -> e.edition().equals(ed))) {
            problems.add(Rejection.of("reference.catalogue.edition", "edition", ed));
        }
        if (!problems.isEmpty()) {
            throw Rejected.invalid(problems);
        }
        FinanceCatalogues.Kind asked = k == null ? FinanceCatalogues.Kind.GREEN : k;
        FinanceCatalogues.Edition chosen = ed != null
                ? catalogues.editions().stream().filter(e -> e.edition().equals(ed)).findFirst().orElseThrow()
                : catalogues.inForce(asked, day).orElse(null);
        boolean en = "en".equals(locale.getLanguage());
        if (chosen == null) {
            return new ItemsJson(null, List.of(), PageRequest.of(page, size).page(), PageRequest.of(page, size).size(), 0);
        }
        Page<FinanceCatalogues.Item> result = catalogues.items(new FinanceCatalogues.Filter(chosen.edition(), null, day,
                level, parent == null || parent.isBlank() ? null : parent.strip(), q), PageRequest.of(page, size));
        return new ItemsJson(json(chosen, en, day), result.items().stream().map(i -> new ItemJson(i.edition(), i.code(),
                i.level(), i.parentCode(), i.name(en), i.nameZh(), i.nameEn(), i.industryCode(),
                i.industryCode() == null ? null : reference.industry(i.industryCode()).map(x -> x.name(en)).orElse(null)))
                .toList(), result.page(), result.size(), result.total());
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN') or (hasRole('REGULATOR') and hasAuthority('DEPARTMENT_PBOC') "
            + "and hasAuthority('NATIONAL_REGULATOR'))")
    @Operation(summary = "Import an edition's items (columns: " + FinanceCatalogues.COLUMNS + "; code: 1, 1.1, 1.1.1 …, "
            + "each item's parent in the edition or the file; industry_code: GB/T 4754-2017, optional): the PBOC's national "
            + "regulators and administrators; items with a code already held are replaced")
    @ApiResponse(responseCode = "200", description = "Imported: the items created and replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem whose errors name every bad row",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(type = "object")))
    ResponseEntity<Map<String, Object>> importItems(Principal principal, Locale locale, @RequestParam String edition,
                                                    @RequestBody InputStreamResource body,
                                                    @RequestParam(required = false) String encoding,
                                                    @RequestHeader(value = "Content-Type", required = false) String type) {
        byte[] bytes;
        try (InputStream in = body.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw Rejected.invalid(Rejection.of("csv.malformed", "body", e.getClass().getSimpleName()));
        }
        if (bytes.length > MAX_BYTES) {
            throw Rejected.invalid(Rejection.of("reference.catalogue.too-large", "body", MAX_BYTES));
        }
        return ImportReplies.reply("green-catalogue", catalogues.importItems(principal.getName(), edition.strip(), bytes,
                cn.chanrong.platform.Uploads.charset(encoding, type)), errors, locale);
    }

    private static EditionJson json(FinanceCatalogues.Edition e, boolean en, LocalDate day) {
        return new EditionJson(e.edition(), e.kind().name(), e.name(en), e.document(), e.validFrom(), e.validTo(),
                e.inForce(day));
    }
}
