package cn.chanrong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChanrongArgumentsTests {

    @Test
    void spring_properties_without_a_command_mean_serve_with_them() {
        assertThat(Chanrong.withCommand(new String[] {"--server.port=9090", "--chanrong.data-dir=/tmp/x"}))
                .containsExactly("serve", "--server.port=9090", "--chanrong.data-dir=/tmp/x");
    }

    @Test
    void a_command_help_version_or_nothing_stay_as_given() {
        assertThat(Chanrong.withCommand(new String[] {"serve", "--server.port=9090"}))
                .containsExactly("serve", "--server.port=9090");
        assertThat(Chanrong.withCommand(new String[] {"ledger", "check"})).containsExactly("ledger", "check");
        assertThat(Chanrong.withCommand(new String[] {"--help"})).containsExactly("--help");
        assertThat(Chanrong.withCommand(new String[] {"--version"})).containsExactly("--version");
        assertThat(Chanrong.withCommand(new String[] {"-h"})).containsExactly("-h");
        assertThat(Chanrong.withCommand(new String[0])).isEmpty();
    }
}
