package cn.chanrong.web.apidocs;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says which properties may be null. The API writes every property of its records, nulls included
 * ({@code "manualFloor": null}), so a property whose Java type is not primitive is nullable unless
 * the type says otherwise ({@code @NotNull}). A reference cannot carry {@code nullable} beside
 * it in OpenAPI 3.0, so such a property becomes {@code allOf: [ref], nullable: true}.
 */
final class NullableProperties {

    private NullableProperties() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void mark(OpenAPI api, SchemaTypes types) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> {
            JavaType t = types.typeOf(name);
            Map<String, Schema> properties = schema.getProperties();
            if (t == null || properties == null) {
                return;
            }
            for (BeanPropertyDefinition p : Json.mapper().getSerializationConfig().introspect(t).findProperties()) {
                Schema property = properties.get(p.getName());
                if (property == null || p.getRawPrimaryType().isPrimitive() || notNull(p)) {
                    continue;
                }
                properties.put(p.getName(), nullable(property));
            }
        });
    }

    private static boolean notNull(BeanPropertyDefinition p) {
        return p.getPrimaryMember() != null && (p.getPrimaryMember().hasAnnotation(jakarta.validation.constraints.NotNull.class)
                || p.getPrimaryMember().hasAnnotation(jakarta.validation.constraints.NotBlank.class));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema wrapper = new Schema<>();
            wrapper.setAllOf(new ArrayList<>(List.of(new Schema<>().$ref(property.get$ref()))));
            wrapper.setNullable(true);
            wrapper.setDescription(property.getDescription());
            return wrapper;
        }
        property.setNullable(true);
        return property;
    }
}
