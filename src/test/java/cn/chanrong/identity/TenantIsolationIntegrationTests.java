package cn.chanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chanrong.support.Api;
import cn.chanrong.support.Fixtures;
import cn.chanrong.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who sees what. The endpoint list comes from the handler mappings, so an endpoint added later
 * without an access rule, or answering without credentials, fails here.
 */
@IntegrationTest
class TenantIsolationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String path, HandlerMethod handler) {
    }

    List<Endpoint> ourEndpoints() {
        List<Endpoint> list = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("cn.chanrong")) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                var methods = e.getKey().getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    list.add(new Endpoint("GET", path, e.getValue()));
                }
                methods.forEach(m -> list.add(new Endpoint(m.name(), path, e.getValue())));
            }
        }
        return list;
    }

    @Test
    void every_endpoint_declares_who_may_call_it() {
        List<Endpoint> endpoints = ourEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(8);
        List<String> missing = endpoints.stream()
                .filter(e -> !AnnotatedElementUtils.hasAnnotation(e.handler().getMethod(), PreAuthorize.class)
                        && !AnnotatedElementUtils.hasAnnotation(e.handler().getBeanType(), PreAuthorize.class))
                .map(e -> e.method() + " " + e.path()).toList();
        assertThat(missing).as("endpoints without @PreAuthorize").isEmpty();
    }

    @Test
    void every_api_endpoint_answers_401_problem_without_credentials() {
        for (Endpoint e : ourEndpoints()) {
            if (!e.path().startsWith("/api/")) {
                continue;
            }
            String path = e.path().replaceAll("\\{[^}]+}", "1");
            if (path.startsWith("/api/v1/public/")) {
                // the public statistics answer anyone, and carry aggregates only
                assertThat(Api.anonymous(port).get(path).status()).as(path).isEqualTo(200);
                continue;
            }
            var r = Api.anonymous(port).send(e.method(), path, e.method().equals("GET") ? null : "{}");
            assertThat(r.status()).as(e.method() + " " + path).isEqualTo(401);
            assertThat(r.header("Content-Type")).as(e.method() + " " + path).startsWith("application/problem+json");
        }
    }

    @Test
    void every_workbench_page_redirects_an_anonymous_visitor_to_login() {
        for (Endpoint e : ourEndpoints()) {
            // the login page and the error page (which renders the failure of any request) are open to all
            if (e.path().startsWith("/api/") || e.path().equals("/login") || e.path().equals("/error")
                    || !e.method().equals("GET")) {
                continue;
            }
            if (e.path().startsWith("/public/")) {
                assertThat(Api.anonymous(port).get(e.path()).status()).as(e.path()).isEqualTo(200);
                continue;
            }
            var r = Api.anonymous(port).get(e.path().replaceAll("\\{[^}]+}", "1"));
            assertThat(r.status()).as(e.path()).isEqualTo(302);
            assertThat(r.header("Location")).as(e.path()).endsWith("/login");
        }
    }

    long idOf(String user) {
        var page = Api.as(port, user).get("/api/v1/enterprises").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        return page.get("items").get(0).get("id").asLong();
    }

    @Test
    void an_enterprise_user_sees_and_edits_only_their_own_enterprise() throws Exception {
        long own = idOf("enterprise");
        long core = idOf("core");
        assertThat(own).isNotEqualTo(core);
        Api sme = Api.as(port, "enterprise");
        assertThat(sme.get("/api/v1/enterprises/" + own).status()).isEqualTo(200);
        var foreign = sme.get("/api/v1/enterprises/" + core);
        assertThat(foreign.status()).isEqualTo(404);
        // a foreign id and a missing id answer alike: no existence leak
        var missing = sme.get("/api/v1/enterprises/99999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("title").asString()).isEqualTo(foreign.json().get("title").asString());
        var put = sme.header("If-Match", "\"0\"").put("/api/v1/enterprises/" + core, Fixtures.enterprise("91350100M000100Y43"));
        assertThat(put.status()).isEqualTo(404);
        assertThat(cn.chanrong.support.Workbench.loggedIn(port, "enterprise").get("/enterprises/" + core).statusCode())
                .isEqualTo(404);
        assertThat(sme.post("/api/v1/enterprises", Fixtures.enterprise(Fixtures.freshCreditCode("350100"))).status())
                .isEqualTo(403);
    }

    @Test
    void a_provincial_regulator_sees_only_its_province() {
        Api gd = Api.as(port, "regulator-gd");
        var list = gd.get("/api/v1/enterprises?size=200").json();
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(7);
        list.get("items").forEach(e -> assertThat(e.get("regionCode").asString()).startsWith("44"));
        long fujian = idOf("enterprise");
        assertThat(gd.get("/api/v1/enterprises/" + fujian).status()).isEqualTo(404);
        assertThat(gd.get("/api/v1/enterprises?region=350000").json().get("total").asLong()).isZero();
        assertThat(Api.as(port, "regulator").get("/api/v1/enterprises/" + fujian).status()).isEqualTo(200);
        assertThat(gd.header("If-Match", "\"0\"").put("/api/v1/enterprises/" + fujian,
                Fixtures.enterprise("91350100M000100Y43")).status()).isEqualTo(403);
    }

    @Test
    void institutions_read_public_profiles_but_cannot_change_them() {
        long sme = idOf("enterprise");
        Api bank = Api.as(port, "bank");
        assertThat(bank.get("/api/v1/enterprises/" + sme).status()).isEqualTo(200);
        assertThat(bank.get("/api/v1/enterprises").json().get("total").asLong()).isGreaterThan(30);
        assertThat(bank.header("If-Match", "\"0\"").put("/api/v1/enterprises/" + sme,
                Fixtures.enterprise("91350100M000100Y43")).status()).isEqualTo(403);
        assertThat(bank.get("/api/v1/statistics/enterprises").status()).isEqualTo(403);
    }
}
