package cn.chanrong.institution.web;

import cn.chanrong.identity.Caller;
import cn.chanrong.institution.Eligibility;
import cn.chanrong.institution.Product;
import cn.chanrong.institution.ProductDraft;
import cn.chanrong.institution.Products;
import cn.chanrong.platform.ExpectedVersion;
import cn.chanrong.platform.Idempotency;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
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
@RequestMapping("/api/v1/products")
@Tag(name = "products", description = "Financing products and their eligibility clauses")
class ProductApi {

    private final Products products;
    private final Idempotency idempotency;
    private final JsonMapper json;

    ProductApi(Products products, Idempotency idempotency, JsonMapper json) {
        this.products = products;
        this.idempotency = idempotency;
        this.json = json;
    }

    record ProductJson(long id, String code, long institutionId, String institutionName, String name, String nameEn,
                       String type, String typeName, String minAmount, String maxAmount, int minTermMonths,
                       int maxTermMonths, String pricing, Integer spreadMinBp, Integer spreadMaxBp,
                       String fixedRatePercent, String security, List<String> targetChains, List<String> targetSizes,
                       List<String> targetStages, List<String> targetRegions, String status, String effectiveFrom, String effectiveTo,
                       List<ProductDraft.Clause> clauses, int version) {
        static ProductJson of(Product p, Locale locale) {
            return new ProductJson(p.id(), p.code(), p.institutionId(), p.institutionName(), p.name(), p.nameEn(),
                    p.type().name(), p.type().name("en".equals(locale.getLanguage())), p.minAmount().toPlainString(),
                    p.maxAmount().toPlainString(), p.minTermMonths(), p.maxTermMonths(), p.pricing(), p.spreadMinBp(),
                    p.spreadMaxBp(), p.fixedRatePercent() == null ? null : p.fixedRatePercent().stripTrailingZeros().toPlainString(),
                    p.security(), p.targetChains(), p.targetSizes(), p.targetStages(), p.targetRegions(), p.status().name(),
                    str(p.effectiveFrom()), str(p.effectiveTo()), p.clauses(), p.version());
        }

        private static String str(Object o) {
            return o == null ? null : o.toString();
        }
    }

    record PageJson(List<ProductJson> items, int page, int size, long total, long totalPages) {
    }

    /**
     * The body of POST and PUT; {@code version} is read on PUT when no If-Match is sent. The amounts are
     * read by the strict JSON binding (plain decimal text or number, at most two decimals).
     */
    record ProductRequest(String code, String name, String nameEn, String type, BigDecimal minAmount, BigDecimal maxAmount,
                          Integer minTermMonths, Integer maxTermMonths, String pricing, Integer spreadMinBp,
                          Integer spreadMaxBp, String fixedRatePercent, String security, List<String> targetChains,
                          List<String> targetSizes, List<String> targetStages, List<String> targetRegions, String effectiveFrom,
                          String effectiveTo, List<ProductDraft.Clause> clauses, Integer version) {
        ProductDraft draft() {
            return new ProductDraft(code, name, nameEn, type, minAmount, maxAmount, minTermMonths, maxTermMonths,
                    pricing, spreadMinBp, spreadMaxBp, fixedRatePercent, security, targetChains, targetSizes,
                    targetStages, targetRegions, effectiveFrom, effectiveTo, clauses);
        }

    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Products the caller may see (published ones, and an institution's own), filtered and paged")
    PageJson list(Caller caller, Locale locale, @RequestParam(required = false) String type,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String chainTag,
                  @RequestParam(required = false) Long institution, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size) {
        Page<Product> r = products.search(caller, new Products.ProductFilter(type, status, chainTag, institution),
                PageRequest.of(page, size));
        return new PageJson(r.items().stream().map(p -> ProductJson.of(p, locale)).toList(), r.page(), r.size(),
                r.total(), r.totalPages());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('INSTITUTION')")
    @Operation(summary = "Create a draft product (institution operators); send Idempotency-Key to retry safely")
    @ApiResponse(responseCode = "201", description = "Created; a retry with the same Idempotency-Key gets the first answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductJson.class)))
    ResponseEntity<String> create(Caller caller, Locale locale, @RequestBody ProductRequest body,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Idempotency.Response r = idempotency.execute(caller.username(), key == null || key.isBlank() ? null : key.strip(),
                "product.create", Idempotency.digest(body), () -> {
                    Product p = products.create(caller, body.draft());
                    return new Idempotency.Response(201, "/api/v1/products/" + p.id(),
                            json.writeValueAsString(ProductJson.of(p, locale)), false);
                });
        return ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LOCATION, r.location()).header("Idempotent-Replayed", Boolean.toString(r.replayed()))
                .body(r.body());
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One product; the ETag carries its version")
    ResponseEntity<ProductJson> get(Caller caller, Locale locale, @PathVariable long id) {
        Product p = products.get(caller, id);
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(ProductJson.of(p, locale));
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Replace a product: If-Match (412 stale, 428 missing) or body version (409 stale)")
    ResponseEntity<ProductJson> update(Caller caller, Locale locale, @PathVariable long id,
                                       @RequestBody ProductRequest body,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ExpectedVersion expected = ExpectedVersion.of(ifMatch, body.version());
        Product p = products.update(caller, id, body.draft(), expected.version(), expected.fromIfMatch());
        return ResponseEntity.ok().eTag("\"" + p.version() + "\"").body(ProductJson.of(p, locale));
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Publish a product (it needs at least one eligibility clause)")
    ProductJson publish(Caller caller, Locale locale, @PathVariable long id) {
        return ProductJson.of(products.publish(caller, id), locale);
    }

    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('INSTITUTION', 'ADMIN')")
    @Operation(summary = "Withdraw a product from the market")
    ProductJson withdraw(Caller caller, Locale locale, @PathVariable long id) {
        return ProductJson.of(products.withdraw(caller, id), locale);
    }

    @GetMapping("/{id}/eligibility")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Whether an enterprise meets the product's clauses, clause by clause (labels of failing ones)")
    Eligibility eligibility(Caller caller, Locale locale, @PathVariable long id, @RequestParam long enterprise) {
        return products.eligibility(caller, id, enterprise, locale);
    }

}
