package cn.chanrong.web.apidocs;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives every schema of one of our types a key naming the whole type (package, enclosing types,
 * type arguments), and remembers which type each key stands for. With simple names nine nested
 * records called {@code Request} shared one schema; {@link SchemaNames} turns the keys back into
 * short names once every type of the document is known, qualifying only the names that collide.
 */
final class SchemaTypes implements ModelConverter {

    static final String PACKAGE = "cn.chanrong.";
    private static final String KEY_PREFIX = "cr_";

    private final Map<String, JavaType> types = new ConcurrentHashMap<>();

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type.getType() != null && (type.getName() == null || type.getName().isBlank())) {
            JavaType javaType = Json.mapper().getTypeFactory().constructType(type.getType());
            if (ours(javaType) && !hasSchemaName(javaType.getRawClass())) {
                type.setName(key(javaType));
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    /** The type a schema key stands for, or null when the schema is not one of ours. */
    JavaType typeOf(String key) {
        return types.get(key);
    }

    static boolean isKey(String name) {
        return name.startsWith(KEY_PREFIX);
    }

    /** Our own classes and records; enums stay inline as they were, scalars are not schemas. */
    static boolean ours(JavaType t) {
        Class<?> raw = t.getRawClass();
        return raw.getName().startsWith(PACKAGE) && !raw.isEnum() && !raw.isPrimitive() && !t.isContainerType();
    }

    private static boolean hasSchemaName(Class<?> raw) {
        io.swagger.v3.oas.annotations.media.Schema s = raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return s != null && !s.name().isBlank();
    }

    private String key(JavaType t) {
        String key = KEY_PREFIX + t.toCanonical().replaceAll("[^A-Za-z0-9]", "_");
        JavaType before = types.putIfAbsent(key, t);
        if (before != null && !before.equals(t)) {
            throw new IllegalStateException("Two types share the schema key " + key + ": " + before + " and " + t);
        }
        return key;
    }
}
