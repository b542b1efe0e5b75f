package cn.chanrong.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * SQL lives in stores: a class that talks to the database through {@code JdbcClient} or
 * {@code JdbcTemplate} is named {@code *Store} or {@code Jdbc*} (the module's data access), or it
 * builds bulk demo and benchmark data ({@code *DemoContributor}, {@code Synthetic*}, the benchmark
 * commands). Services load through stores, decide in the domain and store through stores, so a
 * newcomer finds every statement that touches a table in one place.
 */
class SqlInStoresTests {

    private static boolean dataAccess(JavaClass c) {
        String name = c.getSimpleName();
        return name.endsWith("Store") || name.startsWith("Jdbc") || name.endsWith("DemoContributor")
                || name.startsWith("Synthetic") || name.endsWith("BenchCommand") || name.endsWith("Benchmarks")
                || name.equals("BenchCommand");
    }

    private static boolean talksToTheDatabase(JavaClass c) {
        return c.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass().getName())
                .anyMatch(n -> n.equals("org.springframework.jdbc.core.simple.JdbcClient")
                        || n.equals("org.springframework.jdbc.core.JdbcTemplate")
                        || n.equals("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate"));
    }

    @Test
    void only_stores_hold_sql() {
        Set<String> offenders = new TreeSet<>();
        for (JavaClass c : ModularityTests.CLASSES) {
            JavaClass top = c.isNestedClass() ? c.getEnclosingClass().orElse(c) : c;
            if (talksToTheDatabase(c) && !dataAccess(top)) {
                offenders.add(top.getSimpleName());
            }
        }
        assertThat(offenders).as("classes with SQL of their own: move it into the aggregate's store").isEmpty();
    }
}
