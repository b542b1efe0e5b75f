package cn.chanrong.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MonitoringCommandTests {

    static final Path AMLSIM = Path.of("../shared/data/amlsim");

    /** Consistency of what the evaluation reports, not its figures: they are measured, in docs/MONITORING.md. */
    @Test
    void the_amlsim_evaluation_reports_counts_that_add_up() {
        assumeTrue(Files.isDirectory(AMLSIM), "../shared/data/amlsim is not present: skipping the evaluation");
        StringWriter text = new StringWriter();
        int code = new CommandLine(new MonitoringCommand()).setOut(new PrintWriter(text))
                .execute("evaluate-amlsim", "--data", AMLSIM.toString());
        assertThat(code).isZero();
        String result = text.toString().lines().filter(l -> l.startsWith("RESULT amlsim ")).findFirst().orElseThrow();
        Map<String, String> r = new HashMap<>();
        for (String kv : result.substring("RESULT amlsim ".length()).split(" ")) {
            r.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        int accounts = Integer.parseInt(r.get("accounts"));
        int flagged = Integer.parseInt(r.get("flagged"));
        int tp = Integer.parseInt(r.get("true_positives"));
        int laundering = Integer.parseInt(r.get("laundering"));
        double precision = Double.parseDouble(r.get("precision"));
        double recall = Double.parseDouble(r.get("recall"));
        double f1 = Double.parseDouble(r.get("f1"));

        // the data set as SOURCES.md describes it
        assertThat(accounts).isEqualTo(20_000);
        assertThat(laundering).isEqualTo(1_803);
        // the rules found something, and what they found is scored as reported
        assertThat(flagged).isPositive().isLessThanOrEqualTo(accounts);
        assertThat(tp).isPositive().isLessThanOrEqualTo(Math.min(flagged, laundering));
        assertThat(precision).isCloseTo((double) tp / flagged, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(recall).isCloseTo((double) tp / laundering, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(f1).isCloseTo(2 * precision * recall / (precision + recall), org.assertj.core.data.Offset.offset(1e-3));
        // flagging the counterparty too can only add accounts
        assertThat(Integer.parseInt(r.get("flagged_with_counterparty"))).isGreaterThanOrEqualTo(flagged);
        assertThat(Double.parseDouble(r.get("recall_with_counterparty"))).isGreaterThanOrEqualTo(recall);
    }
}
