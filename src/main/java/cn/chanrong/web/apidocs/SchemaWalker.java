package cn.chanrong.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Visits every schema of a document: components, parameters, bodies, responses, and their parts. */
final class SchemaWalker {

    private final Consumer<Schema<?>> visitor;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private SchemaWalker(Consumer<Schema<?>> visitor) {
        this.visitor = visitor;
    }

    static void forEachSchema(OpenAPI api, Consumer<Schema<?>> visitor) {
        SchemaWalker w = new SchemaWalker(visitor);
        if (api.getComponents() != null) {
            var c = api.getComponents();
            values(c.getSchemas()).forEach(w::schema);
            values(c.getParameters()).forEach(w::parameter);
            values(c.getRequestBodies()).forEach(w::body);
            values(c.getResponses()).forEach(w::response);
            values(c.getHeaders()).forEach(w::header);
        }
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(w::parameter);
                }
                item.readOperations().forEach(op -> {
                    if (op.getParameters() != null) {
                        op.getParameters().forEach(w::parameter);
                    }
                    w.body(op.getRequestBody());
                    if (op.getResponses() != null) {
                        op.getResponses().values().forEach(w::response);
                    }
                });
            });
        }
    }

    /** Visits a schema and every schema inside it (not following references). */
    static void walk(Schema<?> schema, Consumer<Schema<?>> visitor) {
        new SchemaWalker(visitor).schema(schema);
    }

    /** The component schemas a request body may contain, following references. */
    static Set<String> requestSchemas(OpenAPI api) {
        Set<String> names = new java.util.TreeSet<>();
        java.util.Deque<Schema<?>> todo = new java.util.ArrayDeque<>();
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().values().forEach(m -> todo.add(m.getSchema()));
                }
            }));
        }
        Map<String, Schema> components = api.getComponents() == null || api.getComponents().getSchemas() == null
                ? Map.of() : api.getComponents().getSchemas();
        while (!todo.isEmpty()) {
            walk(todo.pop(), s -> {
                String ref = s.get$ref();
                if (ref != null && ref.startsWith(io.swagger.v3.oas.models.Components.COMPONENTS_SCHEMAS_REF)) {
                    String name = ref.substring(io.swagger.v3.oas.models.Components.COMPONENTS_SCHEMAS_REF.length());
                    if (names.add(name) && components.get(name) != null) {
                        todo.add(components.get(name));
                    }
                }
            });
        }
        return names;
    }

    private static <T> Collection<T> values(Map<String, T> map) {
        return map == null ? java.util.List.of() : map.values();
    }

    private void parameter(Parameter p) {
        if (p != null) {
            schema(p.getSchema());
            content(p.getContent());
        }
    }

    private void body(RequestBody b) {
        if (b != null) {
            content(b.getContent());
        }
    }

    private void response(ApiResponse r) {
        if (r != null) {
            content(r.getContent());
            values(r.getHeaders()).forEach(this::header);
        }
    }

    private void header(Header h) {
        if (h != null) {
            schema(h.getSchema());
            content(h.getContent());
        }
    }

    private void content(Content c) {
        if (c != null) {
            c.values().forEach(m -> schema(m.getSchema()));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void schema(Schema<?> s) {
        if (s == null || !seen.add(s)) {
            return;
        }
        visitor.accept(s);
        values((Map<String, Schema>) (Map) s.getProperties()).forEach(p -> schema(p));
        schema(s.getItems());
        if (s.getAdditionalProperties() instanceof Schema<?> a) {
            schema(a);
        }
        for (var list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (list != null) {
                ((java.util.List<Schema<?>>) (java.util.List) list).forEach(this::schema);
            }
        }
        schema(s.getNot());
    }
}
