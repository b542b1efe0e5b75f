package cn.chanrong.reference.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the industry and region tables shipped as CSV in {@code reference/} (the project's own
 * files: codes and official Chinese names with English names written for this project).
 */
public class V3__ReferenceCodes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        load(c, "reference/industry-gbt4754-2017.csv", "ref_industry");
        load(c, "reference/regions-gbt2260.csv", "ref_region");
    }

    private static void load(Connection c, String resource, String table) throws IOException, java.sql.SQLException {
        List<String[]> rows = readCsv(resource);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (code, level, parent, name_zh, name_en) VALUES (?, ?, ?, ?, ?)")) {
            for (String[] r : rows) {
                ps.setString(1, r[0]);
                ps.setShort(2, Short.parseShort(r[1]));
                ps.setString(3, r[2].isEmpty() ? null : r[2]);
                ps.setString(4, r[3]);
                ps.setString(5, r[4]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Rows of a five-column CSV with a header, double-quoted fields allowed ("" escapes a quote). */
    static List<String[]> readCsv(String resource) throws IOException {
        InputStream in = V3__ReferenceCodes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Missing reference file " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(cn.chanrong.shared.Csv.splitLine(line));
                }
            }
        }
        return rows;
    }
}
