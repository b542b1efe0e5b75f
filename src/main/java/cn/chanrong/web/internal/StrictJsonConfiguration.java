package cn.chanrong.web.internal;

import cn.chanrong.shared.Amounts;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Request bodies are read strictly at the edge of the API, by the converter only — the application's
 * own {@link JsonMapper} (stored documents, scorecards) is left as it is. A decimal is plain text in
 * {@link Amounts}' grammar, string or number token alike ({@code 1e3}, {@code 00001.00},
 * {@code " 1.00 "} are refused with the field named); money has at most two decimals, a
 * {@code …Rate}, {@code …Share} or {@code …Ratio} at most six; a fraction is no whole number; text
 * holds no NUL character.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /**
     * The strict converter takes the JSON converter's place. Declared as a converter bean it would be
     * added in front of the byte[] and String converters, and a {@code byte[]} or {@code String} answered
     * as JSON (the OpenAPI document, idempotent replays) would go out as a quoted JSON string.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper mapper) {
        SimpleModule strict = new SimpleModule("chanrong-strict-decimals");
        strict.addDeserializer(BigDecimal.class, new StrictDecimal(2));
        strict.addDeserializer(String.class, new NoNul());
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(mapper.rebuild().addModule(strict)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).build());
        return builder -> builder.withJsonConverter(converter);
    }

    /** A decimal in plain text with at most {@code maxScale} decimals. */
    static final class StrictDecimal extends ValueDeserializer<BigDecimal> {
        private final int maxScale;

        StrictDecimal(int maxScale) {
            this.maxScale = maxScale;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            String name = property == null ? "" : property.getName().toLowerCase(Locale.ROOT);
            boolean ratio = name.endsWith("rate") || name.endsWith("share") || name.endsWith("ratio");
            return ratio ? new StrictDecimal(6) : this;
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getString();
            if (!Amounts.isDecimalText(text)) {
                throw InvalidFormatException.from(p, "not a plain decimal", text, BigDecimal.class);
            }
            BigDecimal v = new BigDecimal(text);
            if (v.scale() > maxScale) {
                throw InvalidFormatException.from(p, "more than " + maxScale + " decimals", text, BigDecimal.class);
            }
            return v;
        }
    }

    /** Text without NUL characters, which no column can store: refused with the field named, not at the database. */
    static final class NoNul extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t == null || !t.isScalarValue()) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "NUL character", text.replace('\u0000', ' '), String.class);
            }
            return text;
        }
    }
}
