package cn.chanrong.demo.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's GB/T 4754-2017 and GB/T 2260 tables, read from the classpath (never copied), reduced
 * to what the generator draws from: manufacturing and software classes, provinces and prefectures
 * with the short city names that company names use.
 */
final class ReferenceTables {

    static final String INDUSTRY_RESOURCE = "reference/industry-gbt4754-2017.csv";
    static final String REGION_RESOURCE = "reference/regions-gbt2260.csv";

    record IndustryClass(String code, String nameZh, String nameEn) {
        String division() {
            return code.substring(0, 3);
        }
    }

    record Province(String code, String nameZh, String nameEn) {
        String prefix() {
            return code.substring(0, 2);
        }
    }

    /** {@code outlying}: an autonomous prefecture, league or 地区, weighted lower than a city. */
    record Prefecture(String code, Province province, String cityZh, String cityEn, boolean outlying) {
    }

    private static final Pattern ETHNIC = Pattern.compile(
            "^(.{2,}?)(朝鲜族|土家族|藏族|羌族|彝族|布依族|苗族|侗族|哈尼族|壮族|傣族|白族|景颇族|傈僳族|回族|蒙古族|蒙古|哈萨克|柯尔克孜).*");

    private static volatile ReferenceTables instance;

    final Map<String, List<IndustryClass>> manufacturingByDivision = new LinkedHashMap<>();
    final Map<String, IndustryClass> softwareClasses = new LinkedHashMap<>();
    final Map<String, IndustryClass> allClasses = new LinkedHashMap<>();
    final Map<String, Province> provinces = new LinkedHashMap<>();
    final List<Prefecture> prefectures = new ArrayList<>();

    static ReferenceTables get() {
        ReferenceTables t = instance;
        if (t == null) {
            synchronized (ReferenceTables.class) {
                t = instance;
                if (t == null) {
                    t = new ReferenceTables();
                    instance = t;
                }
            }
        }
        return t;
    }

    private ReferenceTables() {
        for (String[] r : read(INDUSTRY_RESOURCE)) {
            if (!"4".equals(r[1])) {
                continue;
            }
            IndustryClass c = new IndustryClass(r[0], r[3], r[4]);
            allClasses.put(c.code(), c);
            if (c.code().startsWith("C")) {
                manufacturingByDivision.computeIfAbsent(c.division(), k -> new ArrayList<>()).add(c);
            } else if (c.code().startsWith("I65")) {
                softwareClasses.put(c.code(), c);
            }
        }
        List<String[]> regions = read(REGION_RESOURCE);
        for (String[] r : regions) {
            if ("1".equals(r[1])) {
                provinces.put(r[0], new Province(r[0], r[3], r[4]));
            }
        }
        for (String[] r : regions) {
            // county-level cities administered by the province directly have no city name to borrow
            if ("2".equals(r[1]) && !r[3].contains("直辖县级")) {
                Province p = provinces.get(r[2]);
                boolean outlying = r[3].endsWith("自治州") || r[3].endsWith("地区") || r[3].endsWith("盟");
                prefectures.add(new Prefecture(r[0], p, cityZh(r[3], p), cityEn(r[4]), outlying));
            }
        }
    }

    /** "苏州市" → 苏州; a municipality's "市辖区" → 北京; "延边朝鲜族自治州" → 延边; "阿里地区" → 阿里. */
    static String cityZh(String name, Province province) {
        if (name.equals("市辖区") || name.equals("县")) {
            return strip(province.nameZh(), "市");
        }
        Matcher m = ETHNIC.matcher(name);
        if (m.matches()) {
            return m.group(1);
        }
        return strip(strip(strip(name, "市"), "地区"), "盟");
    }

    /** "Beijing districts" → Beijing; "Yanbian Korean Autonomous Prefecture" → Yanbian; "Hinggan League" → Hinggan. */
    static String cityEn(String name) {
        if (name.contains("Autonomous")) {
            return name.substring(0, name.indexOf(' '));
        }
        for (String suffix : new String[] {" districts", " counties", " Prefecture", " League"}) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static String strip(String s, String suffix) {
        return s.endsWith(suffix) && s.length() > suffix.length() + 1 ? s.substring(0, s.length() - suffix.length()) : s;
    }

    static List<String[]> read(String resource) {
        ClassLoader loader = ReferenceTables.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(split(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One RFC 4180 line without embedded line breaks, as the reference files are. */
    static String[] split(String line) {
        return cn.chanrong.shared.Csv.splitLine(line);
    }
}
