package cn.chanrong.web.apidocs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the Java type of each property says that the schema generator does not.
 * <ul>
 * <li>Nullable: the API writes every property of its records, nulls included
 * ({@code "manualFloor": null}), so a property whose type is not primitive may be null unless it is
 * {@code @NotNull}. OpenAPI 3.0 cannot put {@code nullable} beside a reference, and
 * {@code allOf: [ref]} with {@code nullable} still refuses null (3.0.3), so a nullable reference
 * becomes {@code anyOf: [ref, null]}.</li>
 * <li>{@code @JsonRawValue}: stored JSON written as it is — any JSON value, not a string.</li>
 * <li>{@code Object} (a {@code Map<String, Object>}'s values, an untyped property) is any JSON value, not
 * an object as the generator says.</li>
 * <li>A decimal in a request body, alone or in a list, may be a number or plain text
 * ({@code "1234.56"}); the API answers numbers.</li>
 * <li>Required: an answer carries every property of its record (nulls included), so a schema that
 * only answers lists them all as required; a request may leave any of them out.</li>
 * </ul>
 */
final class PropertyTypes {

    private PropertyTypes() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void apply(OpenAPI api, SchemaTypes types) {
        SchemaWalker.forEachSchema(api, PropertyTypes::anyValues);
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        java.util.Set<String> requests = SchemaWalker.requestSchemas(api);
        api.getComponents().getSchemas().forEach((name, schema) -> {
            JavaType t = types.typeOf(name);
            Map<String, Schema> properties = schema.getProperties();
            if (t == null || properties == null) {
                return;
            }
            if (!requests.contains(name)) {
                schema.setRequired(new ArrayList<>(new java.util.TreeSet<>(properties.keySet())));
            }
            for (BeanPropertyDefinition p : Json.mapper().getSerializationConfig().introspect(t).findProperties()) {
                Schema property = properties.get(p.getName());
                if (property == null) {
                    continue;
                }
                if (requests.contains(name) && p.getRawPrimaryType() == java.math.BigDecimal.class) {
                    property = decimalText(property);
                    properties.put(p.getName(), property);
                } else if (requests.contains(name) && property.getItems() != null && p.getPrimaryType().isCollectionLikeType()
                        && p.getPrimaryType().getContentType().getRawClass() == java.math.BigDecimal.class) {
                    property.setItems(decimalText(property.getItems()));
                }
                if (has(p, JsonRawValue.class)) {
                    properties.put(p.getName(), new Schema<>().description(join(property.getDescription(), "JSON as stored")));
                } else if (!p.getRawPrimaryType().isPrimitive() && !has(p, jakarta.validation.constraints.NotNull.class)
                        && !has(p, jakarta.validation.constraints.NotBlank.class)) {
                    properties.put(p.getName(), nullable(property));
                }
            }
        });
    }

    /** Replaces a bare {@code {type: object}} inside a schema — how the generator writes {@code Object} — by any value. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anyValues(Schema<?> s) {
        if (s.getProperties() != null) {
            ((Map<String, Schema>) (Map) s.getProperties()).replaceAll((name, p) -> bareObject(p) ? any(p) : p);
        }
        if (bareObject(s.getItems())) {
            s.setItems(any(s.getItems()));
        }
        if (s.getAdditionalProperties() instanceof Schema<?> a && bareObject(a)) {
            s.setAdditionalProperties(any(a));
        }
    }

    private static boolean bareObject(Schema<?> s) {
        return s != null && "object".equals(s.getType()) && s.get$ref() == null && (s.getProperties() == null || s.getProperties().isEmpty())
                && s.getAdditionalProperties() == null && s.getAllOf() == null && s.getAnyOf() == null && s.getOneOf() == null
                && s.getEnum() == null;
    }

    @SuppressWarnings({"rawtypes"})
    private static Schema any(Schema<?> bare) {
        return new Schema<>().description(bare.getDescription());
    }

    private static boolean has(BeanPropertyDefinition p, Class<? extends java.lang.annotation.Annotation> a) {
        return p.getPrimaryMember() != null && p.getPrimaryMember().hasAnnotation(a)
                || p.getField() != null && p.getField().hasAnnotation(a)
                || p.getConstructorParameter() != null && p.getConstructorParameter().hasAnnotation(a);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.getAnyOf() != null) {
            ((List<Schema>) property.getAnyOf()).forEach(PropertyTypes::nullable);
            return property;
        }
        if (property.get$ref() == null) {
            property.setNullable(true);
            return property;
        }
        Schema nothing = new ObjectSchema();
        nothing.setNullable(true);
        nothing.setEnum(new ArrayList<>(Arrays.asList((Object) null)));
        Schema either = new Schema<>();
        either.setAnyOf(new ArrayList<>(List.of(new Schema<>().$ref(property.get$ref()), nothing)));
        either.setDescription(property.getDescription());
        return either;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema decimalText(Schema number) {
        Schema text = new io.swagger.v3.oas.models.media.StringSchema().description("the decimal as plain text, e.g. \"1234.56\"");
        Schema either = new Schema<>();
        either.setAnyOf(new ArrayList<>(List.of(number, text)));
        either.setDescription(number.getDescription());
        number.setDescription(null);
        return either;
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + " (" + b + ")";
    }
}
