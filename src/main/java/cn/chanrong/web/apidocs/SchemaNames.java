package cn.chanrong.web.apidocs;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Short, distinct schema names: a type keeps its simple name ({@code Loan}) unless another type of
 * the document has the same one; then both are qualified by their enclosing types
 * ({@code ConsentsRequest}, {@code CreditPlansRequest}), then by their module
 * ({@code LendingLoan}) — the same document always gets the same names.
 */
final class SchemaNames {

    private SchemaNames() {
    }

    static void shorten(OpenAPI api, SchemaTypes types) {
        Components components = api.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, JavaType> keyed = new TreeMap<>();
        Set<String> fixed = new LinkedHashSet<>();
        components.getSchemas().keySet().forEach(name -> {
            JavaType t = SchemaTypes.isKey(name) ? types.typeOf(name) : null;
            if (t == null) {
                fixed.add(name);
            } else {
                keyed.put(name, t);
            }
        });
        Map<String, String> renamed = assign(keyed, fixed);
        Map<String, Schema> schemas = new TreeMap<>();
        components.getSchemas().forEach((name, schema) -> {
            String to = renamed.getOrDefault(name, name);
            schema.setName(to);
            schemas.put(to, schema);
        });
        components.setSchemas(new LinkedHashMap<>(schemas));
        String prefix = Components.COMPONENTS_SCHEMAS_REF;
        SchemaWalker.forEachSchema(api, s -> {
            if (s.get$ref() != null && s.get$ref().startsWith(prefix)) {
                String to = renamed.get(s.get$ref().substring(prefix.length()));
                if (to != null) {
                    s.set$ref(prefix + to);
                }
            }
        });
    }

    /** Raises the qualification of colliding types until every name is distinct. */
    static Map<String, String> assign(Map<String, JavaType> keyed, Set<String> fixed) {
        Map<Class<?>, Integer> level = new HashMap<>();
        keyed.values().forEach(t -> classes(t, level));
        while (true) {
            Map<String, List<String>> byName = new TreeMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            keyed.forEach((key, t) -> {
                String name = name(t, level);
                names.put(key, name);
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
            });
            // distinct classes must have distinct base names, or their containers could merge
            Map<String, List<Class<?>>> byBase = new TreeMap<>();
            level.forEach((c, l) -> byBase.computeIfAbsent(base(c, l), b -> new ArrayList<>()).add(c));
            Set<Class<?>> raise = new LinkedHashSet<>();
            byBase.values().stream().filter(cs -> cs.size() > 1).forEach(raise::addAll);
            byName.forEach((name, keys) -> {
                if (keys.size() > 1 || fixed.contains(name)) {
                    keys.forEach(k -> classes(keyed.get(k), raise));
                }
            });
            if (raise.isEmpty()) {
                return names;
            }
            boolean raised = false;
            for (Class<?> c : raise) {
                if (level.get(c) < candidates(c).size() - 1) {
                    level.merge(c, 1, Integer::sum);
                    raised = true;
                }
            }
            if (!raised) {
                throw new IllegalStateException("Schema names still collide: " + raise);
            }
        }
    }

    private static String name(JavaType t, Map<Class<?>, Integer> level) {
        StringBuilder name = new StringBuilder(base(t.getRawClass(), level.get(t.getRawClass())));
        for (JavaType arg : t.getBindings().getTypeParameters()) {
            String a = SchemaTypes.ours(arg) ? name(arg, level) : TypeNameResolver.std.nameForType(arg);
            name.append(Character.toUpperCase(a.charAt(0))).append(a.substring(1));
        }
        return name.toString();
    }

    private static void classes(JavaType t, Map<Class<?>, Integer> level) {
        if (SchemaTypes.ours(t)) {
            level.putIfAbsent(t.getRawClass(), 0);
        }
        t.getBindings().getTypeParameters().forEach(a -> classes(a, level));
    }

    private static void classes(JavaType t, Set<Class<?>> out) {
        if (SchemaTypes.ours(t)) {
            out.add(t.getRawClass());
        }
        t.getBindings().getTypeParameters().forEach(a -> classes(a, out));
    }

    private static String base(Class<?> c, int level) {
        List<String> candidates = candidates(c);
        return candidates.get(Math.min(level, candidates.size() - 1));
    }

    /** Simple name; then with one, two… enclosing types; then with the module; then the whole package. */
    static List<String> candidates(Class<?> c) {
        List<String> chain = new ArrayList<>();
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            chain.addFirst(k.getSimpleName());
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            out.add(String.join("", chain.subList(i, chain.size())));
        }
        String pkg = c.getPackageName() + ".";
        String[] packages = (pkg.startsWith(SchemaTypes.PACKAGE) ? pkg.substring(SchemaTypes.PACKAGE.length()) : pkg).split("\\.");
        out.add(capitalise(packages[0]) + String.join("", chain));
        out.add(capitaliseAll(packages) + String.join("", chain));
        return List.copyOf(out);
    }

    private static String capitaliseAll(String[] parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(capitalise(p));
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
