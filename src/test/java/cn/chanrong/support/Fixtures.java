package cn.chanrong.support;

import cn.chanrong.shared.CreditCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data: fresh valid credit codes (tests may rerun against the same external database) and bodies. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String freshCreditCode(String division) {
        StringBuilder org = new StringBuilder();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            org.append(CreditCode.ALPHABET.charAt(r.nextInt(31)));
        }
        return CreditCode.complete("91" + division + org).value();
    }

    public static Map<String, Object> enterprise(String creditCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditCode", creditCode);
        m.put("name", "测试精密机械有限公司");
        m.put("nameEn", "Test Precision Machinery Co., Ltd.");
        m.put("regionCode", "350100");
        m.put("industryCode", "C3421");
        m.put("ownership", "PRIVATE");
        m.put("foundingDate", "2019-05-01");
        m.put("employees", 120);
        m.put("annualRevenue", "56000000.00");
        return m;
    }
}
