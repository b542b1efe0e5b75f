package cn.chanrong.registry;

import java.util.List;
import java.util.Map;

/** The registry tests' filing body, for tests in other packages. */
public final class RegistryIntegrationTestsAccess {

    private RegistryIntegrationTestsAccess() {
    }

    public static Map<String, Object> filing(String grantor, String type, List<String> ids, String blanket) {
        return RegistryIntegrationTests.filing(grantor, type, ids, blanket);
    }
}
