package cn.chanrong.web.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;

/**
 * Every operation may answer with an RFC 9457 problem ({@code application/problem+json}): a
 * rejection (4xx) with a stable {@code type}, the code and the field, in the caller's language, or
 * an unforeseen failure (500) without internals. The document says so once, as each operation's
 * {@code default} response. Some problems carry more members (the conflicting filings, the size
 * limit), as RFC 9457 allows.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    static final String RESPONSE = "Problem";

    private ProblemResponses() {
    }

    @SuppressWarnings("rawtypes")
    static void add(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Schema error = new ObjectSchema()
                .addProperty("code", new StringSchema().description("Stable code of the rejection, e.g. loan.amount.positive"))
                .addProperty("field", new StringSchema().description("The field it concerns, when there is one"))
                .addProperty("message", new StringSchema().description("What is wrong, in the caller's language"))
                .required(List.of("code", "message"));
        Schema problem = new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("urn:chanrong:problem:<code>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty("code", new StringSchema().description("The problem's code: invalid, not-found, conflict, forbidden…"))
                .addProperty("errors", new ArraySchema().items(error))
                .addProperty("requestId", new StringSchema().description("Also in the X-Request-Id header and the server log"))
                .required(List.of("type", "title", "status"));
        problem.setAdditionalProperties(Boolean.TRUE); // RFC 9457 extension members: conflicts, limit…
        api.getComponents().addSchemas(SCHEMA, problem);
        api.getComponents().addResponses(RESPONSE, new ApiResponse()
                .description("A problem: the request was refused (4xx) or failed (5xx)")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(Components.COMPONENTS_SCHEMAS_REF + SCHEMA)))));
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getResponses() != null && !op.getResponses().containsKey("default")) {
                    op.getResponses().addApiResponse("default",
                            new ApiResponse().$ref("#/components/responses/" + RESPONSE));
                }
            }));
        }
    }
}
