package cn.chanrong.enterprise.web;

import cn.chanrong.enterprise.EnterpriseImports;
import cn.chanrong.enterprise.ImportReport;
import cn.chanrong.identity.Caller;
import cn.chanrong.platform.ApiErrors;
import cn.chanrong.shared.Upload;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import screen: upload a CSV, see the counts or every bad row. */
@Controller
class ImportPages {

    private final EnterpriseImports imports;
    private final ApiErrors errors;

    ImportPages(EnterpriseImports imports, ApiErrors errors) {
        this.imports = imports;
        this.errors = errors;
    }

    record ErrorLine(int line, String column, String message) {
    }

    @GetMapping("/admin/imports")
    @PreAuthorize("hasRole('ADMIN')")
    String page(Model model) {
        model.addAttribute("enterpriseColumns", EnterpriseImports.ENTERPRISE_COLUMNS);
        model.addAttribute("statementColumns", EnterpriseImports.STATEMENT_COLUMNS);
        return "admin/imports";
    }

    @PostMapping("/admin/imports")
    @PreAuthorize("hasRole('ADMIN')")
    String upload(Caller caller, Locale locale, @RequestParam("file") MultipartFile file, @RequestParam String kind,
                  @RequestParam(required = false) String encoding, Model model) throws IOException {
        String charset = encoding == null || encoding.isBlank() ? null : encoding;
        ImportReport report;
        try (Upload upload = Upload.spool(file.getInputStream())) {
            report = "statements".equals(kind) ? imports.importStatements(caller, upload, charset)
                    : imports.importEnterprises(caller, upload, charset);
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("errorLines", report.errors().stream().limit(1000)
                .map(e -> new ErrorLine(e.line(), e.column(), errors.message(e.rejection(), locale))).toList());
        return page(model);
    }
}
