package cn.chanrong.web.internal;

import cn.chanrong.platform.ApiErrors;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemReportValve} in place of Tomcat's (and Spring Boot's) HTML error report on the
 * host, so requests Tomcat refuses before the application answer in the platform's shape too.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(ProblemWriter writer, ApiErrors errors,
                                                                                   MessageSource messages) {
        return new Customizer() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        for (Valve v : host.getPipeline().getValves()) {
                            if (v instanceof ErrorReportValve && !(v instanceof ProblemReportValve)) {
                                host.getPipeline().removeValve(v);
                            }
                        }
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                        host.getPipeline().addValve(new ProblemReportValve(writer, errors, messages));
                    }
                });
            }
        };
    }

    /** Runs after Spring Boot's own customizer, which adds the plain report valve this one replaces. */
    private abstract static class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
