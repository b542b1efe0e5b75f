package cn.chanrong.lending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.ChildPlatform;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of an end-of-day run in the middle, then a rerun: every loan is brought to the
 * date exactly once and the ledger is clean. The run is throttled (one borrower per chunk, a pause
 * between chunks) so that the kill lands between chunks that committed and chunks that did not.
 */
class EndOfDayCrashTests {

    static final String DATE = "2026-06-30";

    @Test
    void a_killed_end_of_day_run_resumes_and_every_loan_is_accrued_exactly_once() throws Exception {
        try (ChildPlatform platform = new ChildPlatform("--chanrong.business-date=" + DATE,
                "--chanrong.demo.enterprises=60", "--chanrong.lending.eod-chunk-borrowers=1")) {
            int port = ChildPlatform.freePort();
            Process serve = platform.start("serve", "--server.port=" + port);
            platform.awaitHealthy(port, serve);
            long active = Api.as(port, "admin").get("/api/v1/loans?status=ACTIVE&size=1").json().get("total").asLong();
            assertThat(active).isGreaterThan(10);

            Process eod = platform.start("eod", "--date", DATE, "--chanrong.lending.eod-chunk-pause-ms=400");
            platform.awaitOutput(eod, DATE + ": ", Duration.ofSeconds(120));
            eod.destroyForcibly();
            assertThat(eod.waitFor(30, TimeUnit.SECONDS)).isTrue();
            var halfway = Api.as(port, "admin").get("/api/v1/lending/end-of-day/" + DATE).json();
            assertThat(halfway.get("status").asString()).isEqualTo("RUNNING");
            assertThat(halfway.get("loansDone").asLong()).isPositive().isLessThan(halfway.get("loansTotal").asLong());

            Process rerun = platform.start("eod", "--date", DATE);
            assertThat(rerun.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(rerun.exitValue()).as(platform.output(rerun)).isZero();
            var done = Api.as(port, "admin").get("/api/v1/lending/end-of-day/" + DATE).json();
            assertThat(done.get("status").asString()).isEqualTo("DONE");
            assertThat(done.get("loansDone").asLong()).isEqualTo(done.get("loansTotal").asLong());
            var loans = Api.as(port, "admin").get("/api/v1/loans?status=ACTIVE&size=200").json().get("items");
            loans.forEach(l -> assertThat(l.get("accruedThrough").asString()).as(l.get("number").asString())
                    .isEqualTo(DATE));

            Process check = platform.start("ledger", "check");
            assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(platform.output(check)).isZero();
            assertThat(platform.output(check)).contains("ledger sound");
        }
    }
}
