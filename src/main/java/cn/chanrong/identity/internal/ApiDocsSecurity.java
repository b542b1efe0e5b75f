package cn.chanrong.identity.internal;

import cn.chanrong.identity.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the API description says about callers: every operation needs HTTP Basic except the public
 * statistics, and the {@link Caller} a handler takes comes from the credentials — it is no
 * parameter of the request.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    static final String SCHEME = "basicAuth";
    private static final String PUBLIC = "/api/v1/public/";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer httpBasicCustomizer() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("A platform user's name and password"));
            api.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> {
                    if (path.startsWith(PUBLIC)) {
                        item.readOperations().forEach(op -> op.setSecurity(List.of()));
                    }
                });
            }
        };
    }
}
