package cn.chanrong.credit.internal;

import cn.chanrong.credit.scorecard.Trainer;
import cn.chanrong.credit.simulation.ModelDevelopment;
import cn.chanrong.credit.simulation.Population;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Role;
import cn.chanrong.identity.Users;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's data credit: develops the scorecards on a simulated panel (trained on 2021–2023 year-ends,
 * validated out of time on 2024), registers them as trained by {@code model-developer} and approved by
 * {@code admin} from 2025-01-01, registers a second challenger left pending, and writes cash flows,
 * tax and bureau data for the demo enterprises — the demo users' own (from identity) and the first few at once,
 * the rest in the background.
 */
@Component
class CreditDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(CreditDemoContributor.class);
    static final String DEVELOPER = "model-developer";
    static final List<LocalDate> YEAR_ENDS = List.of(LocalDate.of(2021, 12, 31), LocalDate.of(2022, 12, 31),
            LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31));

    private final ModelRegistry models;
    private final DemoCashFlows cashFlows;
    private final Users users;
    private final JdbcClient jdbc;
    private final BusinessDate businessDate;
    private final int firms;
    private final int foreground;
    /** The models being developed since the context started, when the demo will need them; else null. */
    private java.util.concurrent.FutureTask<Developed> developing;

    CreditDemoContributor(ModelRegistry models, DemoCashFlows cashFlows, Users users, JdbcClient jdbc,
                          BusinessDate businessDate, cn.chanrong.platform.PlatformMode mode,
                          @Value("${chanrong.credit.demo.firms:6000}") int firms,
                          @Value("${chanrong.credit.demo.foreground:40}") int foreground) {
        this.models = models;
        this.cashFlows = cashFlows;
        this.users = users;
        this.jdbc = jdbc;
        this.businessDate = businessDate;
        this.firms = firms;
        this.foreground = foreground;
        // A fresh demo needs the models; developing them is pure computation (no database), so it starts now,
        // beside the rest of the start-up, instead of holding up the demo's foreground by its seconds.
        if (mode.demo() && models.count() == 0) {
            developing = new java.util.concurrent.FutureTask<>(this::develop);
            Thread t = new Thread(developing, "demo-credit-models");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void contribute(Path economy) {
        if (models.count() == 0) {
            register(developed());
        }
        LocalDate asOf = businessDate.today().withDayOfMonth(1).minusDays(1);
        Set<Long> first = new TreeSet<>(users.enterprisesWithUsers());
        first.addAll(jdbc.sql("SELECT id FROM enterprise_party_view ORDER BY id LIMIT :n").param("n", foreground).query(Long.class).list());
        for (long id : first) {
            if (!hasCashFlows(id)) {
                cashFlows.write(id, asOf);
            }
        }
    }

    @Override
    public void background(Path economy, DoubleConsumer progress) {
        LocalDate asOf = businessDate.today().withDayOfMonth(1).minusDays(1);
        List<Long> rest = jdbc.sql("""
                        SELECT e.id FROM enterprise_party_view e WHERE NOT EXISTS (SELECT 1 FROM cash_account_view a WHERE a.enterprise_id = e.id)
                         ORDER BY e.id""").query(Long.class).list();
        for (int i = 0; i < rest.size(); i++) {
            cashFlows.write(rest.get(i), asOf);
            if (i % 50 == 0) {
                progress.accept((double) i / rest.size());
            }
        }
        progress.accept(1.0);
    }

    /** Whether the enterprise has cash-flow data already. */
    private boolean hasCashFlows(long enterpriseId) {
        return jdbc.sql("SELECT count(*) FROM cash_account_view WHERE enterprise_id = :e").param("e", enterpriseId).query(Long.class).single() > 0;
    }

    /** The models started at construction, or developed now. */
    private Developed developed() {
        var task = developing;
        developing = null;
        if (task == null) {
            return develop();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the demo credit models could not be developed", e.getCause());
        }
    }

    /** The champion models per segment and the lean challenger, developed on the simulated population. */
    private record Developed(Population population, ModelDevelopment.Result champions, ModelDevelopment.Result lean,
                             long nanos) {
    }

    /** Pure computation: no database. */
    private Developed develop() {
        long started = System.nanoTime();
        Population p = Population.generate(firms, YEAR_ENDS, DemoCashFlows.SEED);
        ModelDevelopment.Result r = ModelDevelopment.develop(p, 2024, Trainer.Settings.DEFAULT);
        Trainer.Settings d = Trainer.Settings.DEFAULT;
        Trainer.Settings lean = new Trainer.Settings(d.binning(), 0.05, d.maxCorrelation(), 6, 0.05, d.scaling());
        return new Developed(p, r, ModelDevelopment.develop(p, 2024, lean), System.nanoTime() - started);
    }

    private void register(Developed developed) {
        Population p = developed.population();
        ModelDevelopment.Result r = developed.champions();
        Caller approver = new Caller("admin", Role.ADMIN, null, null, null, null, Set.of());
        for (ModelDevelopment.SegmentModel m : r.models()) {
            var model = models.register(m.segment(), "CHAMPION", m.card(), ValidationReport.of(p, r, m, firms), DEVELOPER);
            models.approve(approver, model.id(), LocalDate.of(2025, 1, 1));
        }
        var leanResult = developed.lean();
        models.register(ModelDevelopment.ALL, "CHALLENGER", leanResult.models().getFirst().card(),
                ValidationReport.of(p, leanResult, leanResult.models().getFirst(), firms), DEVELOPER);
        log.info("Demo credit models developed on {} firm-years in {} ms: out-of-time AUC {}", p.year().length,
                developed.nanos() / 1_000_000, String.format("%.4f", r.outOfTime().auc()));
    }
}
