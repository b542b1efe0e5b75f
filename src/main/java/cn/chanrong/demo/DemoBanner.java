package cn.chanrong.demo;

import cn.chanrong.platform.PlatformMode;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where the platform listens and, in demo mode, the demo logins. */
@Component
class DemoBanner {

    private final PlatformMode mode;

    DemoBanner(PlatformMode mode) {
        this.mode = mode;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        StringBuilder b = new StringBuilder("\n================ 产融 Chanrong is ready ================\n");
        b.append("  Workbench: http://localhost:").append(port).append("/\n");
        b.append("  API docs:  http://localhost:").append(port).append("/swagger-ui.html\n");
        b.append("  Database:  ").append(mode.embeddedDatabase() ? "embedded PostgreSQL, data in " + mode.dataDirectory()
                : "external PostgreSQL").append('\n');
        if (mode.demo()) {
            b.append("  Demo logins (password \"").append(DemoLoader.PASSWORD).append("\"):\n")
                    .append("    admin          platform administrator\n")
                    .append("    regulator      PBOC, national\n")
                    .append("    regulator-gd   MIIT bureau, Guangdong\n")
                    .append("    bank           operator, Minjiang City Commercial Bank\n")
                    .append("    bank-admin     administrator of the bank's staff, Minjiang City Commercial Bank\n")
                    .append("    bank-reviewer  reviewer, Minjiang City Commercial Bank\n")
                    .append("    bank-approver  approver, Minjiang City Commercial Bank\n")
                    .append("    bank2          operator, Haixia Rural Commercial Bank\n")
                    .append("    bank2-approver approver, Haixia Rural Commercial Bank\n")
                    .append("    bank3          operator, Qiyuan Bank (joint-stock; takes part in the re-lending)\n")
                    .append("    bank3-approver approver, Qiyuan Bank\n")
                    .append("    investor       investment director, Minjiang Innovation Venture Capital\n")
                    .append("    investor2      investment manager, Fujian industrial guidance fund\n")
                    .append("    enterprise     finance manager, Fuzhou Precision CNC (SME)\n")
                    .append("    core           treasurer, Minjiang Heavy Equipment (core enterprise)\n");
        }
        b.append("=========================================================");
        System.out.println(b);
    }
}
