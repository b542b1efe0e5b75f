package cn.chanrong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The schedule command prints the documented JSON and refuses bad input with exit code 2, without Spring. */
class ScheduleCommandTests {

    static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new ScheduleCommand()).execute(args);
            assertThat(code).isEqualTo(expectedExit);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void json_carries_amounts_as_two_place_strings_and_totals() {
        String json = run(0, "--principal", "630000", "--months", "360", "--rate", "4.90", "--method",
                "equal-installment", "--format", "json");
        assertThat(json).startsWith("{\"installments\":[{\"period\":1,\"date\":\"2026-02-20\",\"payment\":\"3343.58\"");
        assertThat(json).contains("\"totals\":{\"payment\":\"1203687.49\",\"principal\":\"630000.00\",\"interest\":\"573687.49\"}");
    }

    @Test
    void equal_principal_csv_starts_with_the_largest_payment() {
        String csv = run(0, "--principal", "630000", "--months", "360", "--rate", "4.90", "--method", "equal-principal",
                "--format", "csv");
        assertThat(csv.lines().skip(1).findFirst()).hasValue("1,2026-02-20,4322.50,1750.00,2572.50,628250.00");
    }

    @Test
    void bad_terms_exit_with_2() {
        run(2, "--principal", "-1", "--months", "12", "--rate", "4", "--method", "bullet");
        run(2, "--principal", "100", "--months", "12", "--rate", "4", "--method", "balloon");
    }
}
