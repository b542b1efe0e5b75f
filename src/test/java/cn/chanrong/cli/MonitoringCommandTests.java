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
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MonitoringCommandTests {

    /**
     * Accounts 0, 1 and 2 launder. 3 pays 0 a loan of 1,000.00; 0 pays 600.00 of it to 1, who sends 500.00 back: a
     * round trip on 0's account. 4 pays 5 a loan of 1,000.00, which 5 scatters to 6 … 10 the next day, 150.00 each: a
     * fan-out, completed by the payment to 10. 2 makes no payment and is missed.
     */
    static final String NODES = """
            nodeid,isFraud,init_balance,fraudStep
            0,1,100.00,1
            1,1,100.00,1
            2,1,100.00,1
            3,0,100.00,-1
            4,0,100.00,-1
            5,0,100.00,-1
            6,0,100.00,-1
            7,0,100.00,-1
            8,0,100.00,-1
            9,0,100.00,-1
            10,0,100.00,-1
            """;
    static final String TRANSACTIONS = """
            sourceNodeId,targetNodeId,value,time
            3,0,1000.0,1
            4,5,1000,1
            0,1,600.00,2
            5,6,150,2
            5,7,150,2
            5,8,150,2
            5,9,150,2
            5,10,150,2
            1,0,500,3
            """;

    static Map<String, String> result(String output) {
        String line = output.lines().filter(l -> l.startsWith("RESULT amlsim ")).findFirst().orElseThrow();
        Map<String, String> r = new HashMap<>();
        for (String kv : line.substring("RESULT amlsim ".length()).split(" ")) {
            r.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return r;
    }

    static String run(String... args) {
        StringWriter text = new StringWriter();
        int code = new CommandLine(new MonitoringCommand()).setOut(new PrintWriter(text)).execute(args);
        assertThat(code).as(text.toString()).isZero();
        return text.toString();
    }

    @Test
    void a_round_trip_of_a_launderer_is_caught_and_a_fan_out_of_an_honest_account_is_a_false_positive(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("nodes.csv"), NODES);
        Files.writeString(dir.resolve("transactions.csv"), TRANSACTIONS);

        String output = run("evaluate-amlsim", "--data", dir.toString());
        Map<String, String> r = result(output);

        assertThat(r).containsEntry("accounts", "11").containsEntry("laundering", "3").containsEntry("flagged", "2")
                .containsEntry("true_positives", "1").containsEntry("precision", "0.5000").containsEntry("recall", "0.3333")
                .containsEntry("f1", "0.4000");
        // the round trip's counterparty (1, laundering) and the fan-out's last payee (10) are flagged beside them
        assertThat(r).containsEntry("flagged_with_counterparty", "4").containsEntry("recall_with_counterparty", "0.6667");
        assertThat(output).contains("alerts by rule: {fan-out=1, round-trip=1}");
    }

    @Test
    void the_files_are_read_in_place_from_amlsim_s_archive(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("20K_test.tgz"), tgz(Map.of("20K_test/nodes.csv", NODES, "20K_test/transactions.csv",
                TRANSACTIONS, "20K_test/metadata.txt", "nodes: 11")));

        Map<String, String> r = result(run("evaluate-amlsim", "--data", dir.toString()));

        assertThat(r).containsEntry("accounts", "11").containsEntry("flagged", "2").containsEntry("true_positives", "1");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing extracted").hasSize(1);
        }
    }

    @Test
    void a_directory_without_the_files_is_refused(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new MonitoringCommand()).setErr(new PrintWriter(err))
                .execute("evaluate-amlsim", "--data", dir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no nodes.csv and transactions.csv");
    }

    /** A gzipped ustar archive of the files, as tar writes it: a 512-byte header each, the body padded to 512. */
    static byte[] tgz(Map<String, String> files) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            for (var f : new java.util.TreeMap<>(files).entrySet()) {
                byte[] body = f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] header = new byte[512];
                put(header, 0, f.getKey());
                put(header, 100, "0000644");
                put(header, 108, "0000000");
                put(header, 116, "0000000");
                put(header, 124, String.format("%011o", body.length));
                put(header, 136, String.format("%011o", 0));
                java.util.Arrays.fill(header, 148, 156, (byte) ' ');
                header[156] = '0';
                put(header, 257, "ustar");
                put(header, 263, "00");
                int sum = 0;
                for (byte b : header) {
                    sum += b & 0xff;
                }
                put(header, 148, String.format("%06o", sum));
                header[154] = 0;
                gz.write(header);
                gz.write(body);
                gz.write(new byte[(512 - body.length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int at, String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }

    static final Path AMLSIM = Path.of("../shared/data/amlsim");

    /** Consistency of what the evaluation reports, not its figures: they are measured, in docs/MONITORING.md. */
    @Test
    void the_amlsim_evaluation_reports_counts_that_add_up() {
        assumeTrue(Files.isDirectory(AMLSIM), "../shared/data/amlsim is not present: skipping the evaluation");
        Map<String, String> r = result(run("evaluate-amlsim", "--data", AMLSIM.toString()));
        int accounts = Integer.parseInt(r.get("accounts"));
        int flagged = Integer.parseInt(r.get("flagged"));
        int tp = Integer.parseInt(r.get("true_positives"));
        int laundering = Integer.parseInt(r.get("laundering"));
        double precision = Double.parseDouble(r.get("precision"));
        double recall = Double.parseDouble(r.get("recall"));
        double f1 = Double.parseDouble(r.get("f1"));

        // the data set: 20,000 accounts, 1,804 with isFraud = 1 in nodes.csv (its metadata.txt says 1,803)
        assertThat(accounts).isEqualTo(20_000);
        assertThat(laundering).isEqualTo(1_804);
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
