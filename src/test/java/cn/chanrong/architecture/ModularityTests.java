package cn.chanrong.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.ChanrongApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ChanrongApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.chanrong");

    @Test
    void modules_form_no_cycle_and_use_only_each_other_s_api() {
        MODULES.verify();
    }

    @Test
    void the_modules_the_issue_names_exist() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "reference", "identity", "audit", "enterprise", "web", "demo", "cli", "platform", "cashflow", "credit");
    }

    @Test
    void domain_packages_and_the_shared_kernel_know_no_framework() {
        noClasses().that().resideInAnyPackage("..domain..", "cn.chanrong.shared..", "cn.chanrong.credit.scorecard..",
                        "cn.chanrong.credit.rules..", "cn.chanrong.credit.features..", "cn.chanrong.credit.decision..",
                        "cn.chanrong.credit.simulation..", "cn.chanrong.lending.schedule..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "jakarta.servlet..", "tools.jackson..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void the_shared_kernel_depends_on_no_module() {
        noClasses().that().resideInAPackage("cn.chanrong.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.chanrong.(*)..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("cn.chanrong.shared..", "java..")
                .check(CLASSES);
    }
}
