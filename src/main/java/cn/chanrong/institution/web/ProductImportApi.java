package cn.chanrong.institution.web;

import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.institution.ProductImports;
import cn.chanrong.platform.ApiErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "imports", description = "CSV imports")
class ProductImportApi {

    private final ProductImports imports;
    private final ApiErrors errors;

    ProductImportApi(ProductImports imports, ApiErrors errors) {
        this.imports = imports;
        this.errors = errors;
    }

    @PostMapping(value = "/api/v1/imports/products", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'INSTITUTION')")
    @Operation(summary = "Import products (part 'products': " + ProductImports.PRODUCT_COLUMNS
            + ") with their clauses (part 'clauses': " + ProductImports.CLAUSE_COLUMNS + ")")
    @ApiResponse(responseCode = "422", description = "Nothing imported: a problem whose errors name every bad row (the first 1,000, the rest counted)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
    ResponseEntity<Map<String, Object>> products(Caller caller, Locale locale, @RequestPart("products") MultipartFile products,
                                                 @RequestPart(value = "clauses", required = false) MultipartFile clauses,
                                                 @RequestParam(required = false) String encoding) throws IOException {
        ImportReport report = imports.importProducts(caller, products.getBytes(),
                clauses == null ? null : clauses.getBytes(), encoding);
        Map<String, Object> body = report.asJson(r -> errors.message(r, locale));
        return report.accepted() ? ResponseEntity.ok(body) : ResponseEntity.status(422).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(errors.asProblem(body, org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "invalid", locale));
    }
}
