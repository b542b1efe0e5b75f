package cn.chanrong.cli;

import cn.chanrong.monitoring.domain.AmlSimEvaluation;
import cn.chanrong.monitoring.domain.Detector;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./chanrong monitoring …}: fund-usage monitoring's offline commands; they start no Spring context. */
@Command(name = "monitoring", mixinStandardHelpOptions = true, description = "Fund-usage monitoring: offline evaluation.",
        subcommands = {MonitoringCommand.EvaluateAmlSim.class})
final class MonitoringCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "evaluate-amlsim", mixinStandardHelpOptions = true,
            description = "Run the detections over IBM AMLSim's transactions and score the flagged accounts against its labels "
                    + "(precision, recall, F1 per account); the mapping is in docs/MONITORING.md.")
    static final class EvaluateAmlSim implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "../shared/data/amlsim",
                description = "A directory with nodes.csv and transactions.csv, or one with AMLSim's .tgz (read in place, "
                        + "nothing extracted); default ${DEFAULT-VALUE}")
        Path data;
        @Option(names = "--loan-minimum", defaultValue = "0.00",
                description = "A credit of at least this much stands for a loan paid out (default every credit)")
        BigDecimal loanMinimum;
        @Option(names = "--window-days", defaultValue = "30") int windowDays;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, byte[]> files = read(data);
            if (!files.containsKey("nodes.csv") || !files.containsKey("transactions.csv")) {
                spec.commandLine().getErr().printf("no nodes.csv and transactions.csv in %s%n", data);
                return 2;
            }
            boolean[] laundering = nodes(files.get("nodes.csv"));
            List<AmlSimEvaluation.Transfer> transfers = transfers(files.get("transactions.csv"));
            long started = System.nanoTime();
            var r = AmlSimEvaluation.run(laundering, transfers, Detector.fen(loanMinimum), windowDays);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "AMLSim: %,d accounts (%,d labelled laundering), %,d transfers = %,d events, %,d credits "
                            + "taken as loans paid out (at least %s), window %d days; %.2f s%n", laundering.length,
                    r.borrower().laundering(), transfers.size(), r.events(), r.loans(), loanMinimum.toPlainString(),
                    windowDays, seconds);
            out.printf(Locale.ROOT, "alerts by rule: %s%n", r.alerts());
            r.byRule().forEach((rule, s) -> out.printf(Locale.ROOT,
                    "  %-15s flags %,5d accounts as borrower, %,5d of them laundering (precision %.3f, recall %.3f)%n",
                    rule, s.flagged(), s.truePositives(), s.precision(), s.recall()));
            line(out, "with counterparties", r.withCounterparty());
            line(out, "as borrower", r.borrower());
            AmlSimEvaluation.Score s = r.borrower();
            out.printf(Locale.ROOT, "RESULT amlsim precision=%.4f recall=%.4f f1=%.4f accounts=%d flagged=%d true_positives=%d "
                            + "laundering=%d flagged_with_counterparty=%d recall_with_counterparty=%.4f%n", s.precision(),
                    s.recall(), s.f1(), s.accounts(), s.flagged(), s.truePositives(), s.laundering(),
                    r.withCounterparty().flagged(), r.withCounterparty().recall());
            out.flush();
            return 0;
        }

        private static void line(PrintWriter out, String how, AmlSimEvaluation.Score s) {
            out.printf(Locale.ROOT, "flagged %s: %,d accounts, %,d true and %,d false positives, %,d laundering accounts missed; "
                            + "precision %.4f, recall %.4f, F1 %.4f%n", how, s.flagged(), s.truePositives(), s.falsePositives(),
                    s.falseNegatives(), s.precision(), s.recall(), s.f1());
        }
    }

    /** nodes.csv (nodeid,isFraud,…): the label per account id, ids 0 … n-1. */
    static boolean[] nodes(byte[] csv) throws IOException {
        Map<Integer, Boolean> labels = new HashMap<>();
        int max = -1;
        for (String[] row : rows(csv)) {
            int id = Integer.parseInt(row[0].strip());
            labels.put(id, "1".equals(row[1].strip()));
            max = Math.max(max, id);
        }
        boolean[] laundering = new boolean[max + 1];
        labels.forEach((id, l) -> laundering[id] = l);
        return laundering;
    }

    /** transactions.csv (sourceNodeId,targetNodeId,value,time), values in yuan with at most two decimals. */
    static List<AmlSimEvaluation.Transfer> transfers(byte[] csv) throws IOException {
        List<AmlSimEvaluation.Transfer> transfers = new ArrayList<>();
        for (String[] row : rows(csv)) {
            transfers.add(new AmlSimEvaluation.Transfer(Integer.parseInt(row[0].strip()), Integer.parseInt(row[1].strip()),
                    Detector.fen(new BigDecimal(row[2].strip()).setScale(2, java.math.RoundingMode.HALF_UP)),
                    Integer.parseInt(row[3].strip())));
        }
        return transfers;
    }

    private static List<String[]> rows(byte[] csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            in.readLine(); // the header
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        }
        return rows;
    }

    /**
     * nodes.csv and transactions.csv by name: from the directory itself, else from the first .tgz in it, read in
     * place (a plain ustar reader; the archive is never extracted to disk).
     */
    static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : List.of("nodes.csv", "transactions.csv")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                files.put(name, Files.readAllBytes(dir.resolve(name)));
            }
        }
        if (files.size() == 2 || !Files.isDirectory(dir)) {
            return files;
        }
        Path tgz;
        try (var list = Files.list(dir)) {
            tgz = list.filter(p -> p.getFileName().toString().endsWith(".tgz")).sorted().findFirst().orElse(null);
        }
        if (tgz == null) {
            return files;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(text(header, 124, 12).strip(), 8);
                byte[] body = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                String base = path.substring(path.lastIndexOf('/') + 1);
                if ((header[156] == '0' || header[156] == 0) && List.of("nodes.csv", "transactions.csv").contains(base)) {
                    files.putIfAbsent(base, body);
                }
            }
        }
        return files;
    }

    private static String text(byte[] b, int from, int length) {
        int end = from;
        while (end < from + length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.US_ASCII).strip();
    }
}
