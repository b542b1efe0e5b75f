package cn.chanrong.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetReaderTests {

    static DatasetReader.Options label(String name, String bad) {
        return new DatasetReader.Options(null, name, bad, null);
    }

    @Test
    void arff_reads_quoted_names_nominal_attributes_and_question_marks_as_missing() {
        Dataset d = DatasetReader.parse(List.of("% a comment", "@relation firms", "@attribute 'net profit / assets' numeric",
                "@attribute sector {a,b}", "@attribute class {0,1}", "@data", "0.5,a,0", "?,b,1", "-1.2E-1,'a',0"), "arff",
                label("class", "1"));
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.bad()).containsExactly(0, 1, 0);
        Dataset.Numeric n = (Dataset.Numeric) d.column("net profit / assets");
        assertThat(n.values()[0]).isEqualTo(0.5);
        assertThat(n.values()[1]).isNaN();
        assertThat(n.values()[2]).isEqualTo(-0.12);
        assertThat(d.column("sector")).isInstanceOf(Dataset.Categorical.class);
    }

    @Test
    void csv_reads_exponent_numbers_quotes_and_symbolic_columns() {
        Dataset d = DatasetReader.parse(List.of("\uFEFFID,LIMIT,GRADE,Y", "1,2.00E+05,\"A, top\",1", "2,5.0E+04,B,0", "3,120000,B,0"),
                "csv", new DatasetReader.Options(null, "Y", "1", java.util.Set.of("ID")));
        assertThat(d.columns()).extracting(Dataset.Column::name).containsExactly("LIMIT", "GRADE");
        assertThat(((Dataset.Numeric) d.column("LIMIT")).values()).containsExactly(200000, 50000, 120000);
        assertThat(((Dataset.Categorical) d.column("GRADE")).values()).containsExactly("A, top", "B", "B");
    }

    @Test
    void space_separated_files_take_the_header_when_the_label_is_named_and_bad_value_two() {
        Dataset d = DatasetReader.parse(List.of("Checking   Duration target", "A11 6 1", "A12 48 2", "A14 12 1"), "space",
                label("target", "2"));
        assertThat(d.bad()).containsExactly(0, 1, 0);
        Dataset headless = DatasetReader.parse(List.of("A11 6 1", "A12 48 2"), "space", label("last", "2"));
        assertThat(headless.columns()).extracting(Dataset.Column::name).containsExactly("c1", "c2");
    }

    @Test
    void a_label_with_one_class_is_refused() {
        assertThatThrownBy(() -> DatasetReader.parse(List.of("x,y", "1,0", "2,0"), "csv", label("y", "0")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("label y").hasMessageContaining("one class");
    }

    @Test
    void a_label_with_unknown_values_is_refused_naming_them() {
        assertThatThrownBy(() -> DatasetReader.parse(List.of("x,y", "1,0", "2,1", "3,9"), "csv", label("y", "1")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("9");
        assertThatThrownBy(() -> DatasetReader.parse(List.of("x,y", "1,1", "2,2"), "csv", label("y", "bad")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("--bad-value");
    }

    @Test
    void an_all_missing_column_is_refused_by_name() {
        assertThatThrownBy(() -> DatasetReader.parse(List.of("x,empty,y", "1,?,0", "2,,1"), "csv", label("y", "1")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("column empty").hasMessageContaining("--ignore");
    }

    @Test
    void a_short_row_and_a_missing_label_name_their_line() {
        assertThatThrownBy(() -> DatasetReader.parse(List.of("x,y", "1,0", "2"), "csv", label("y", "1")))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith("line 3");
        assertThatThrownBy(() -> DatasetReader.parse(List.of("x,y", "1,0", "2,?"), "csv", label("y", "1")))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith("line 3").hasMessageContaining("missing");
        assertThatThrownBy(() -> DatasetReader.parse(List.of("x,y", "1,0"), "csv", label("target", "1")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("no column named target");
    }

    @Test
    void text_in_a_column_of_numbers_is_refused_naming_the_column_line_and_value() {
        List<String> lines = new java.util.ArrayList<>(List.of("income,y"));
        for (int i = 0; i < 20; i++) {
            lines.add((1000 + i) + "," + (i % 2));
        }
        lines.add("n/a yet,1");
        assertThatThrownBy(() -> DatasetReader.parse(lines, "csv", label("y", "1")))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith("column income").hasMessageContaining("line 22")
                .hasMessageContaining("'n/a yet'");
        assertThatThrownBy(() -> DatasetReader.parse(List.of("@attribute ratio numeric", "@attribute c {0,1}", "@data", "0.5,0", "abc,1"),
                "arff", label("c", "1")))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith("column ratio").hasMessageContaining("declared numeric");
        // a column mostly of words stays a set of categories
        Dataset d = DatasetReader.parse(List.of("grade,y", "A,0", "B,1", "7,0"), "csv", label("y", "1"));
        assertThat(d.column("grade")).isInstanceOf(Dataset.Categorical.class);
    }

    @Test
    void a_file_of_two_rows_is_read_but_refused_for_training_and_cross_validation_with_the_counts() {
        Dataset d = DatasetReader.parse(List.of("x,y", "1,0", "2,1"), "csv", label("y", "1"));
        assertThatThrownBy(() -> Trainer.train(d, Trainer.Settings.DEFAULT))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("label").hasMessageContaining("1 bads and 1 goods");
        assertThatThrownBy(() -> Boosting.train(d, Boosting.Settings.DEFAULT))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("1 bads and 1 goods");
        assertThatThrownBy(() -> CrossValidation.run(d, Trainer.Settings.DEFAULT, 10, 1))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith("--folds").hasMessageContaining("1 bads and 1 goods");
    }
}
