package cn.chanrong.cli;

import cn.chanrong.credit.scorecard.Boosting;
import cn.chanrong.credit.scorecard.BoostingCrossValidation;
import cn.chanrong.credit.scorecard.BoostingTuner;
import cn.chanrong.credit.scorecard.CrossValidation;
import cn.chanrong.credit.scorecard.DataFormatException;
import cn.chanrong.credit.scorecard.Dataset;
import cn.chanrong.credit.scorecard.DatasetReader;
import cn.chanrong.credit.scorecard.Report;
import cn.chanrong.credit.scorecard.Scorecard;
import cn.chanrong.credit.scorecard.Trainer;
import cn.chanrong.credit.scorecard.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./chanrong model train|evaluate}: scorecards (the champion) or gradient-boosted trees (the
 * challenger, {@code --model boosting}) trained on a file, with no database and no Spring.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Train and evaluate scorecards (or the boosting challenger) on data files.",
        subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class, ModelCommand.Demo.class})
final class ModelCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The options both commands share. */
    static final class Input {
        @Option(names = "--data", required = true, description = "The file: CSV with a header, ARFF, or space-separated") Path data;
        @Option(names = "--label", required = true, description = "Label column name, or 'last' for a file without a header")
        String label;
        @Option(names = "--bad-value", defaultValue = "1", description = "The label value meaning default (default 1; German credit: 2)")
        String badValue;
        @Option(names = "--format", description = "csv | arff | space (default: from the file name)") String format;
        @Option(names = "--ignore", split = ",", description = "Columns to leave out, e.g. an ID") List<String> ignore;
        @Option(names = "--model", defaultValue = "scorecard",
                description = "scorecard (the champion, default) | boosting (gradient-boosted trees, the challenger)")
        String model;
        @Option(names = "--min-iv", defaultValue = "0.02", description = "Least information value to consider a characteristic (scorecard)")
        double minIv;
        @Option(names = "--max-p", defaultValue = "0.10", description = "Largest p-value a coefficient may keep (scorecard)")
        double maxP;
        @Option(names = "--tune", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Boosting: choose the tree depth and rounds by an inner cross-validation of the training rows only "
                        + "(default; --no-tune uses the fixed defaults)")
        boolean tune;
        @Option(names = "--monotone", defaultValue = "false",
                description = "Boosting: constrain every numeric characteristic the scorecard considers in its binning's direction")
        boolean monotone;

        /** The challenger's tuning grid, or null for the fixed settings. */
        BoostingTuner.Grid grid() {
            return tune || monotone ? BoostingTuner.Grid.DEFAULT.withMonotone(monotone) : null;
        }

        /** Whether {@code --model} asks for the boosting challenger; anything but the two names is refused. */
        boolean boosting() {
            return switch (model) {
                case "scorecard" -> false;
                case "boosting" -> true;
                default -> throw new DataFormatException("--model", "must be scorecard or boosting, not '" + model + "'");
            };
        }

        Dataset read() throws IOException {
            if (!Files.isRegularFile(data)) {
                throw new DataFormatException("--data", "no such file " + data);
            }
            return DatasetReader.read(data, new DatasetReader.Options(format, label, badValue,
                    ignore == null ? null : new LinkedHashSet<>(ignore)));
        }

        Trainer.Settings settings() {
            Trainer.Settings d = Trainer.Settings.DEFAULT;
            return new Trainer.Settings(d.binning(), minIv, d.maxCorrelation(), d.maxCharacteristics(), maxP, d.scaling());
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a scorecard (or the boosting challenger) on the whole file and print it with in-sample figures; "
                    + "the last line is AUC=… KS=… GINI=….")
    static final class Train implements Callable<Integer> {
        @Mixin Input input;

        @Override
        public Integer call() {
            try {
                boolean boosting = input.boosting();
                Dataset data = input.read();
                if (boosting) {
                    BoostingTuner.Grid grid = input.grid();
                    BoostingTuner.Choice choice = grid == null ? null : BoostingTuner.tune(data, Boosting.Settings.DEFAULT, grid);
                    Boosting.Model model = choice == null ? Boosting.train(data, Boosting.Settings.DEFAULT)
                            : Boosting.train(data, choice.settings(), choice.monotone());
                    Validation v = Validation.of(model.probabilities(data), data.bad(), 10);
                    if (choice != null) {
                        System.out.println("Tuned by " + grid.innerFolds() + "-fold inner cross-validation: " + choice.describe());
                    }
                    System.out.print(Report.boosting(input.data.toString(), data, model, v, 15));
                    return 0;
                }
                Scorecard card = Trainer.train(data, input.settings());
                int[] scores = card.scores(data);
                double[] pd = new double[scores.length];
                for (int i = 0; i < pd.length; i++) {
                    pd[i] = card.probabilityOf(scores[i]);
                }
                System.out.print(Report.training(input.data.toString(), data, card, Validation.of(pd, data.bad(), 10)));
                return 0;
            } catch (DataFormatException | IOException | IllegalArgumentException e) {
                System.err.println("model train: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Stratified k-fold cross-validation of the training pipeline (scorecard or boosting); "
                    + "the last line is AUC=… KS=… GINI=… (fold means).")
    static final class Evaluate implements Callable<Integer> {
        @Mixin Input input;
        @Option(names = "--folds", defaultValue = "10", description = "Number of folds (default 10)") int folds;
        @Option(names = "--seed", defaultValue = "20251", description = "Shuffle seed of the folds, and of the boosting row subsamples (fixed by default, so runs repeat)")
        long seed;
        @Option(names = "--repeats", defaultValue = "1",
                description = "Repeat the k-fold with seeds seed, seed+1, … (default 1; e.g. 5 for 5 × 10-fold)") int repeats;
        @Option(names = "--compare", defaultValue = "false",
                description = "Also cross-validate the other model on the same folds and print a paired comparison (a gain "
                        + "smaller than one standard error is a tie)") boolean compare;

        @Override
        public Integer call() {
            try {
                boolean boosting = input.boosting();
                Dataset data = input.read();
                Boosting.Settings settings = Boosting.Settings.DEFAULT.withSeed(seed);
                BoostingTuner.Grid grid = input.grid();
                CrossValidation.Result card = !boosting || compare ? CrossValidation.run(data, input.settings(), folds, repeats, seed) : null;
                CrossValidation.Result trees = boosting || compare
                        ? BoostingCrossValidation.run(data, settings, grid, folds, repeats, seed) : null;
                if (boosting) {
                    System.out.println("Challenger: " + (grid == null ? settings.describe()
                            : settings.describeUntuned() + "; depth (one of " + grid.depths() + ") and rounds (up to " + grid.maxRounds()
                            + ", times " + grid.innerFolds() + "/" + (grid.innerFolds() - 1) + ") chosen in each training part by "
                            + grid.innerFolds() + "-fold inner cross-validation" + (grid.monotone() ? ", monotone where the scorecard is" : "")));
                }
                CrossValidation.Result r = boosting ? trees : card;
                String report = Report.crossValidation(input.data.toString(), data, r);
                if (compare) {
                    // the comparison goes above the last line, which stays the chosen model's figures
                    int cut = report.lastIndexOf("\nAUC=");
                    report = report.substring(0, cut) + Report.comparison(card, trees,
                            CrossValidation.Comparison.of("scorecard", card, "boosting", trees)) + report.substring(cut);
                }
                System.out.print(report);
                return 0;
            } catch (DataFormatException | IOException | IllegalArgumentException e) {
                System.err.println("model evaluate: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = {"Develop the demo economy's model on the simulated panel (year-ends 2021-2024): train on 2021-2023,",
                    "validate out of time on 2024, and compare predicted and observed defaults, approvals and pricing by ownership.",
                    "The last line is the out-of-time AUC=... KS=... GINI=..."})
    static final class Demo implements Callable<Integer> {
        @Option(names = "--firms", defaultValue = "6000", description = "Simulated firms, each observed at four year-ends (default 6000)")
        int firms;
        @Option(names = "--seed", defaultValue = "20251123", description = "Simulation seed (the demo's by default)") long seed;

        @Override
        public Integer call() {
            if (firms < 500) {
                System.err.println("model demo: --firms must be at least 500");
                return 2;
            }
            var years = java.util.List.of(java.time.LocalDate.of(2021, 12, 31), java.time.LocalDate.of(2022, 12, 31),
                    java.time.LocalDate.of(2023, 12, 31), java.time.LocalDate.of(2024, 12, 31));
            var p = cn.chanrong.credit.simulation.Population.generate(firms, years, seed);
            var r = cn.chanrong.credit.simulation.ModelDevelopment.develop(p, 2024, Trainer.Settings.DEFAULT);
            System.out.print(DemoReport.text(p, r));
            return 0;
        }
    }
}
