package cn.chanrong.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs} (OpenAPI 3.0): one distinct schema per type,
 * nullable properties marked, and the problem every operation may answer with. Who may call (HTTP
 * Basic) is declared by the identity module, which owns the API's security.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    SchemaTypes schemaTypes() {
        return new SchemaTypes();
    }

    @Bean
    OpenAPI chanrongOpenApi() {
        return new OpenAPI().info(new Info().title("Chanrong 产融 API").version("v1")
                .description("Industry–finance platform: enterprises, institutions, lending, supply-chain finance, "
                        + "registry and supervision. Errors are RFC 9457 problems in the caller's language "
                        + "(Accept-Language: zh-CN, en)."));
    }

    @Bean
    OpenApiCustomizer schemaCustomizer(SchemaTypes types) {
        return api -> {
            mergeTags(api);
            rawBodies(api);
            PropertyTypes.apply(api, types);
            ProblemResponses.add(api);
            SchemaNames.shorten(api, types);
        };
    }

    /**
     * One entry per tag name: two controllers declaring the same tag with different descriptions
     * made a document that OpenAPI parsers refuse ("tags.imports is repeated"). The longer
     * description stays.
     */
    static void mergeTags(OpenAPI api) {
        if (api.getTags() == null) {
            return;
        }
        Map<String, Tag> byName = new TreeMap<>();
        for (Tag t : api.getTags()) {
            byName.merge(t.getName(), t, (a, b) -> length(b.getDescription()) > length(a.getDescription()) ? b : a);
        }
        api.setTags(new ArrayList<>(byName.values()));
    }

    /**
     * An uploaded file (CSV, XML, GBK text) is read from the raw body: its schema is binary text, not the
     * object springdoc derives from the handler's {@code InputStreamResource}.
     */
    static void rawBodies(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().forEach((type, media) -> {
                    if (!type.contains("json") && !type.startsWith("multipart/") && !type.contains("form-urlencoded")) {
                        media.setSchema(new io.swagger.v3.oas.models.media.StringSchema().format("binary"));
                    }
                });
            }
        }));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
