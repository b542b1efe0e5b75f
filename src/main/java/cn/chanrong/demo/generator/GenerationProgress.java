package cn.chanrong.demo.generator;

/**
 * Told how far the enterprise pass has come, at every whole per cent and at the end. Timing lives
 * here, outside the generator, so nothing time-dependent can reach the files.
 */
@FunctionalInterface
public interface GenerationProgress {

    GenerationProgress NONE = (done, total, rowsWritten) -> { };

    void update(long enterprisesDone, long enterprisesTotal, long rowsWritten);
}
