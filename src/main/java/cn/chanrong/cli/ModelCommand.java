package cn.chanrong.cli;

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

/** {@code ./chanrong model train|evaluate}: scorecards trained on a file, with no database and no Spring. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Train and evaluate scorecards on data files.",
        subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class})
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
        @Option(names = "--min-iv", defaultValue = "0.02", description = "Least information value to consider a characteristic")
        double minIv;
        @Option(names = "--max-p", defaultValue = "0.10", description = "Largest p-value a coefficient may keep")
        double maxP;

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
            description = "Train a scorecard on the whole file and print it with in-sample figures; the last line is AUC=… KS=… GINI=….")
    static final class Train implements Callable<Integer> {
        @Mixin Input input;

        @Override
        public Integer call() {
            try {
                Dataset data = input.read();
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
            description = "Stratified k-fold cross-validation of the training pipeline; the last line is AUC=… KS=… GINI=… (fold means).")
    static final class Evaluate implements Callable<Integer> {
        @Mixin Input input;
        @Option(names = "--folds", defaultValue = "10", description = "Number of folds (default 10)") int folds;
        @Option(names = "--seed", defaultValue = "20251", description = "Shuffle seed (fixed by default, so runs repeat)") long seed;

        @Override
        public Integer call() {
            try {
                Dataset data = input.read();
                CrossValidation.Result r = CrossValidation.run(data, input.settings(), folds, seed);
                System.out.print(Report.crossValidation(input.data.toString(), data, r));
                return 0;
            } catch (DataFormatException | IOException | IllegalArgumentException e) {
                System.err.println("model evaluate: " + e.getMessage());
                return 2;
            }
        }
    }
}
