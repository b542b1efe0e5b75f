package cn.chanrong.cli;

import cn.chanrong.ChanrongApplication;
import cn.chanrong.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Entry point of the jar and of {@code ./chanrong}. */
@Command(name = "chanrong", mixinStandardHelpOptions = true, version = "chanrong 0.1",
        description = "产融 Chanrong — industry–finance platform",
        subcommands = {Chanrong.Serve.class, Chanrong.Audit.class, Chanrong.LedgerCommand.class, Chanrong.EndOfDayCommand.class, ScheduleCommand.class, ModelCommand.class, GenerateCommand.class, BenchCommand.class, MonitoringCommand.class,
                CommandLine.HelpCommand.class})
public final class Chanrong implements Runnable {

    public static void main(String[] args) {
        String[] command = withCommand(args);
        int code = new CommandLine(new Chanrong()).setUnmatchedOptionsArePositionalParams(true).execute(command);
        if (code != 0 || command.length == 0 || !"serve".equals(command[0])) {
            System.exit(code);
        }
    }

    /**
     * Arguments that start with a Spring property ({@code --server.port=9090}) rather than a command
     * mean {@code serve} with them, as {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=...}
     * and {@code java -jar chanrong.jar --server.port=9090} pass them. Picocli's own options (help,
     * version) and no arguments at all (usage) stay as they are.
     */
    static String[] withCommand(String[] args) {
        if (args.length == 0 || !args[0].startsWith("--") || List.of("--help", "--version").contains(args[0])) {
            return args;
        }
        String[] command = new String[args.length + 1];
        command[0] = "serve";
        System.arraycopy(args, 0, command, 1, args.length);
        return command;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the platform (embedded PostgreSQL unless SPRING_DATASOURCE_URL is set).")
    static final class Serve implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "--property=value", description = "Spring Boot properties, e.g. --server.port=9090")
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            SpringApplication.run(ChanrongApplication.class, springArgs.toArray(String[]::new));
            return 0;
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trail commands.", subcommands = {Audit.Verify.class})
    static final class Audit implements Runnable {
        @Override
        public void run() {
            new CommandLine(this).usage(System.out);
        }

        @Command(name = "verify", mixinStandardHelpOptions = true, description = "Seal pending entries and check the whole hash chain; exit 1 on a broken link.")
        static final class Verify implements Callable<Integer> {
            @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)")
            String dataDir;

            @Parameters(arity = "0..*", paramLabel = "--property=value")
            List<String> springArgs = new ArrayList<>();

            @Override
            public Integer call() {
                try (ConfigurableApplicationContext ctx = Batch.context(dataDir, springArgs)) {
                    AuditTrail trail = ctx.getBean(AuditTrail.class);
                    int sealed = trail.sealPending();
                    AuditTrail.Verification v = trail.verify();
                    if (v.intact()) {
                        System.out.printf("audit chain intact: %d entries checked (%d sealed now, %d still unsealed)%n",
                                v.checked(), sealed, v.unsealed());
                        return 0;
                    }
                    System.out.printf("audit chain BROKEN at sequence %d: %s (%d entries before it are intact)%n",
                            v.firstBrokenSeq(), v.problem(), v.checked());
                    return 1;
                }
            }
        }
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true, description = "Ledger commands.",
            subcommands = {LedgerCommand.Check.class})
    static final class LedgerCommand implements Runnable {
        @Override
        public void run() {
            new CommandLine(this).usage(System.out);
        }

        @Command(name = "check", mixinStandardHelpOptions = true,
                description = "Check every book: balanced entries and trial balances, subledger keys; exit 1 on any problem.")
        static final class Check implements Callable<Integer> {
            @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)")
            String dataDir;

            @Parameters(arity = "0..*", paramLabel = "--property=value")
            List<String> springArgs = new ArrayList<>();

            @Override
            public Integer call() {
                try (ConfigurableApplicationContext ctx = Batch.context(dataDir, springArgs)) {
                    cn.chanrong.ledger.Ledger.Check c = ctx.getBean(cn.chanrong.ledger.Ledger.class).check();
                    if (c.sound()) {
                        System.out.printf("ledger sound: %d books, %d entries, every entry and trial balance balances, subledgers reconcile%n",
                                c.books(), c.entries());
                        return 0;
                    }
                    System.out.printf("ledger has %d problem(s) in %d books, %d entries:%n", c.problems().size(),
                            c.books(), c.entries());
                    c.problems().forEach(p -> System.out.println("  " + p));
                    return 1;
                }
            }
        }
    }

    @Command(name = "eod", mixinStandardHelpOptions = true,
            description = "End of day: bring every active loan to the date (interest, penalty, days past due), classify and provision. Safe to rerun; resumes after a crash.")
    static final class EndOfDayCommand implements Callable<Integer> {
        @Option(names = "--date", description = "Business date to close (default: the platform's business date)")
        java.time.LocalDate date;

        @Option(names = "--data-dir", description = "Data directory of the embedded database (default ./data)")
        String dataDir;

        @Parameters(arity = "0..*", paramLabel = "--property=value")
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Batch.context(dataDir, springArgs)) {
                java.time.LocalDate d = date != null ? date : ctx.getBean(cn.chanrong.reference.BusinessDate.class).today();
                long started = System.nanoTime();
                var run = ctx.getBean(cn.chanrong.lending.EndOfDay.class).run(d, r -> System.out.printf(
                        "  %s: %d of %d loans%n", r.businessDate(), r.loansDone(), r.loansTotal()));
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("end of day %s done: %d loans of %d borrowers in %.1f s (%.0f loans/s)%n", d,
                        run.loansDone(), run.borrowers(), seconds, run.loansDone() / Math.max(seconds, 1e-9));
                return 0;
            }
        }
    }

    /**
     * A Spring context for batch work: no web server, no demo loading, no scheduled statistics rebuild; attaches
     * to a running platform's database.
     */
    static final class Batch {
        private Batch() {
        }

        static ConfigurableApplicationContext context(String dataDir, List<String> extra) {
            List<String> args = new ArrayList<>(extra);
            args.add("--chanrong.demo.enabled=false");
            args.add("--chanrong.db.attach-if-running=true");
            // the platform that serves rebuilds the statistics a batch made stale; a batch does not start a rebuild
            // it would be stopped in the middle of when it ends (after end of day at 10 M loans it was)
            args.add("--chanrong.statistics.auto-refresh=false");
            if (dataDir != null) {
                args.add("--chanrong.data-dir=" + dataDir);
            }
            SpringApplication app = new SpringApplication(ChanrongApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off"));
            return app.run(args.toArray(String[]::new));
        }
    }
}
