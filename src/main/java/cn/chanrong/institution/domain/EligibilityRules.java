package cn.chanrong.institution.domain;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Eligibility clauses as CEL expressions over one variable {@code e}, the enterprise's facts
 * ({@code e.employees}, {@code e.annualRevenue}, {@code e.ageYears}, {@code e.sizeClass},
 * {@code e.growthStage}, {@code e.regionCode}, {@code e.industryCode}, {@code e.ownership}) and its status
 * with verified and declared apart: {@code e.verifiedQualifications} (an issuing authority's list or a
 * regulator's confirmation holds it today), {@code e.declaredQualifications} (only the enterprise says so),
 * {@code e.verifiedKeyChains} (its tags among the eight key chains of measure (一), on a verified key-chain
 * list) and {@code e.declaredChainTags} (every chain tag it gave, emerging and future industries too).
 * A clause that grants on status names the verified variables. A clause is accepted only if it compiles and
 * answers true or false for a sample enterprise, so a misspelt field or a wrong type is refused
 * when the product is saved rather than when a customer asks.
 */
public final class EligibilityRules {

    /** The facts every clause is tried on when saved. */
    public static final Map<String, Object> SAMPLE = sample();

    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("e", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private EligibilityRules() {
    }

    /** A clause ready to evaluate. */
    public record Compiled(int seq, String labelZh, String labelEn, String expression, CelRuntime.Program program) {

        public boolean test(Map<String, Object> facts) throws CelEvaluationException {
            Object r = program.eval(Map.of("e", facts));
            if (r instanceof Boolean b) {
                return b;
            }
            throw new IllegalStateException("clause " + seq + " did not answer true or false");
        }
    }

    /** Either the compiled clause or the compiler's (or the trial run's) message. */
    public record Compilation(Compiled clause, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Compilation compile(int seq, String labelZh, String labelEn, String expression) {
        try {
            CelValidationResult result = COMPILER.compile(expression);
            if (result.hasError()) {
                return new Compilation(null, result.getErrorString());
            }
            CelAbstractSyntaxTree ast = result.getAst();
            Compiled c = new Compiled(seq, labelZh, labelEn, expression, RUNTIME.createProgram(ast));
            c.test(SAMPLE);
            return new Compilation(c, null);
        } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
            return new Compilation(null, e.getMessage());
        }
    }

    /** How one clause came out for one enterprise. */
    public record ClauseResult(int seq, String labelZh, String labelEn, boolean passed, String error) {
    }

    /** Every clause's result, in order; a clause that fails to evaluate counts as not passed. */
    public static List<ClauseResult> evaluate(List<Compiled> clauses, Map<String, Object> facts) {
        List<ClauseResult> out = new ArrayList<>(clauses.size());
        for (Compiled c : clauses) {
            try {
                out.add(new ClauseResult(c.seq(), c.labelZh(), c.labelEn(), c.test(facts), null));
            } catch (CelEvaluationException | RuntimeException e) {
                out.add(new ClauseResult(c.seq(), c.labelZh(), c.labelEn(), false, e.getMessage()));
            }
        }
        return out;
    }

    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employees", 120L);
        m.put("annualRevenue", 56_000_000.0);
        m.put("ageYears", 6L);
        m.put("sizeClass", "SMALL");
        m.put("growthStage", "GROWTH");
        m.put("regionCode", "350100");
        m.put("industryCode", "C3421");
        m.put("ownership", "PRIVATE");
        m.put("declaredChainTags", List.of("MACHINE_TOOLS", "HIGH_END_EQUIPMENT"));
        m.put("verifiedKeyChains", List.of("MACHINE_TOOLS"));
        m.put("verifiedQualifications", List.of("SPECIALISED_SME"));
        m.put("declaredQualifications", List.of("HIGH_TECH"));
        return Map.copyOf(m);
    }
}
