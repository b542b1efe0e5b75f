package cn.chanrong.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code model evaluate} on the public datasets in ../shared/data (skipped when absent): the pipeline
 * must reach the figures recorded in docs/MODEL_VALIDATION.md, and the last line must parse.
 */
class ModelCommandTests {

    static final Path DATA = Path.of("../shared/data");
    static final Pattern LAST = Pattern.compile("AUC=(\\d\\.\\d{4}) KS=(\\d\\.\\d{4}) GINI=(-?\\d\\.\\d{4})");

    record Run(int exit, String out, String err) {
        double auc() {
            String[] lines = out.strip().split("\n");
            Matcher m = LAST.matcher(lines[lines.length - 1]);
            assertThat(m.matches()).as("last line: " + lines[lines.length - 1]).isTrue();
            return Double.parseDouble(m.group(1));
        }
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new ModelCommand()).execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Path shared(String file) {
        Path p = DATA.resolve(file);
        assumeTrue(Files.exists(p), "../shared/data is absent: public-data validation skipped");
        return p;
    }

    @Test
    void german_credit_cross_validates_like_published_logistic_regression() {
        Run r = run("evaluate", "--data", shared("german_credit/german.data").toString(), "--label", "target", "--bad-value", "2");
        assertThat(r.exit()).isZero();
        assertThat(r.auc()).isBetween(0.77, 0.81);
    }

    @Test
    void taiwan_credit_cards_cross_validate_above_three_quarters() {
        Run r = run("evaluate", "--data", shared("taiwan_credit_default/UCI_Credit_Card.csv").toString(), "--label", "Y",
                "--ignore", "ID", "--folds", "5");
        assertThat(r.exit()).isZero();
        assertThat(r.auc()).isBetween(0.75, 0.79);
    }

    @Test
    void polish_bankruptcy_arff_with_missing_ratios_cross_validates() {
        Run r = run("evaluate", "--data", shared("polish_bankruptcy/1year.arff").toString(), "--label", "bankruptcy", "--folds", "5");
        assertThat(r.exit()).isZero();
        assertThat(r.auc()).isBetween(0.83, 0.92);
    }

    @Test
    void boosting_challenger_ranks_polish_bankruptcies_far_better_than_the_scorecard() {
        Run r = run("evaluate", "--model", "boosting", "--data", shared("polish_bankruptcy/1year.arff").toString(), "--label",
                "bankruptcy", "--folds", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.auc()).isBetween(0.93, 0.98);
    }

    @Test
    void boosting_challenger_on_german_credit_stays_close_to_the_scorecard() {
        Run r = run("evaluate", "--model", "boosting", "--data", shared("german_credit/german.data").toString(), "--label", "target",
                "--bad-value", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.auc()).isBetween(0.77, 0.82);
    }

    @Test
    void train_prints_the_scorecard_and_ends_with_the_figures(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,leverage,region,default\n");
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 2000; i++) {
            double lev = random.nextDouble();
            String region = random.nextBoolean() ? "east" : "west";
            double p = 1 / (1 + Math.exp(-(-2 + 3 * lev + ("west".equals(region) ? 0.8 : 0))));
            csv.append(i).append(',').append(lev).append(',').append(region).append(',').append(random.nextDouble() < p ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("book.csv");
        Files.writeString(file, csv);
        Run r = run("train", "--data", file.toString(), "--label", "default", "--bad-value", "yes", "--ignore", "id");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("* leverage", "* region", "Scorecard: 600 points at odds 50:1");
        assertThat(r.auc()).isGreaterThan(0.7);
    }

    /**
     * Most of the risk is an interaction of leverage and region (leverage hurts in the west, helps in the
     * east) that a monotone scorecard cannot express; only tenure has a plain monotone effect.
     */
    static Path interactionBook(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,leverage,region,tenure,default\n");
        java.util.Random random = new java.util.Random(6);
        for (int i = 0; i < 3000; i++) {
            double lev = random.nextDouble();
            String region = random.nextBoolean() ? "east" : "west";
            int tenure = random.nextInt(20);
            double eta = -1.5 + ("west".equals(region) ? 4 * lev : 3 * (1 - lev)) - 0.08 * tenure;
            csv.append(i).append(',').append(lev).append(',').append(region).append(',').append(tenure).append(',')
                    .append(random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("book.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void boosting_trains_and_evaluates_and_ends_with_the_figures(@TempDir Path dir) throws Exception {
        Path file = interactionBook(dir);
        Run train = run("train", "--model", "boosting", "--data", file.toString(), "--label", "default", "--bad-value", "yes",
                "--ignore", "id");
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("gradient-boosted trees", "Features by total split gain", "leverage", "region");
        assertThat(train.auc()).isGreaterThan(0.7);
        Run evaluate = run("evaluate", "--model", "boosting", "--data", file.toString(), "--label", "default", "--bad-value", "yes",
                "--ignore", "id", "--folds", "5");
        assertThat(evaluate.exit()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("Challenger: gradient-boosted trees", "Stratified 5-fold");
        assertThat(evaluate.auc()).isGreaterThan(0.7);
        Run card = run("evaluate", "--data", file.toString(), "--label", "default", "--bad-value", "yes", "--ignore", "id",
                "--folds", "5");
        assertThat(card.exit()).as(card.err()).isZero();
        assertThat(evaluate.auc()).as("the challenger sees the interaction").isGreaterThan(card.auc() + 0.05);
    }

    @Test
    void an_unknown_model_exits_two_naming_the_option(@TempDir Path dir) throws Exception {
        Path file = interactionBook(dir);
        for (String command : new String[] {"train", "evaluate"}) {
            Run r = run(command, "--model", "forest", "--data", file.toString(), "--label", "default", "--bad-value", "yes");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--model").contains("scorecard or boosting").contains("forest");
        }
    }

    @Test
    void a_file_whose_label_has_one_class_exits_two_naming_the_label(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.csv");
        Files.writeString(file, "x,y\n1,0\n2,0\n");
        Run r = run("evaluate", "--data", file.toString(), "--label", "y");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("label y").contains("one class");
    }
}
