package cn.chanrong.platform.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external database is configured: {@code spring.datasource.url} is empty. */
class EmbeddedDatabaseCondition implements Condition {

    static boolean embedded(Environment env) {
        return !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return embedded(context.getEnvironment());
    }
}
