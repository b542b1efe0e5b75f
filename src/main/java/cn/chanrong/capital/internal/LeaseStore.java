package cn.chanrong.capital.internal;

import cn.chanrong.capital.Leases;
import cn.chanrong.capital.domain.LeaseKind;
import cn.chanrong.capital.domain.LeaseStatus;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.ReadScope;
import cn.chanrong.lending.schedule.LeaseTerms;
import cn.chanrong.lending.schedule.RentalTiming;
import cn.chanrong.lending.schedule.Schedule;
import cn.chanrong.shared.Page;
import cn.chanrong.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of leases and their rentals; reads scoped in SQL as a lessor's customer records. */
@Repository
class LeaseStore {

    static final ReadScope LEASES = ReadScope.customerData().institution("l.institution_id").enterprise("l.enterprise_id")
            .regionOfEnterprise("l.enterprise_id");

    private static final String COLUMNS = """
            SELECT l.id, l.number, l.institution_id, i.name, l.enterprise_id, e.name, l.kind, l.equipment, l.serial_numbers,
                   l.cost, l.down_payment, l.financed, l.months, l.period_months, l.annual_rate, l.timing, l.deposit,
                   l.residual, l.start_on, l.maturity, l.equipment_renewal, l.filing_number, l.status,
                   (SELECT sum(r.rent) FROM capital_lease_rental r WHERE r.lease_id = l.id),
                   (SELECT sum(r.rent - r.paid) FROM capital_lease_rental r WHERE r.lease_id = l.id),
                   (SELECT coalesce(sum(r.rent - r.paid), 0) FROM capital_lease_rental r
                     WHERE r.lease_id = l.id AND r.due_on < :today AND r.paid < r.rent),
                   (SELECT coalesce(CAST(:today AS date) - min(r.due_on), 0) FROM capital_lease_rental r
                     WHERE r.lease_id = l.id AND r.due_on < :today AND r.paid < r.rent)
              FROM capital_lease l JOIN institution_party_view i ON i.id = l.institution_id
              JOIN enterprise_party_view e ON e.id = l.enterprise_id""";

    private final JdbcClient jdbc;

    LeaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Lessor(long id, String name, String type) {
    }

    Lessor lessor(long institutionId) {
        return jdbc.sql("SELECT id, name, type FROM institution_party_view WHERE id = :id").param("id", institutionId)
                .query((rs, n) -> new Lessor(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
    }

    String creditCode(long enterpriseId) {
        return jdbc.sql("SELECT credit_code FROM enterprise_party_view WHERE id = :id").param("id", enterpriseId)
                .query(String.class).single();
    }

    Optional<Long> enterprise(String creditCode) {
        return jdbc.sql("SELECT id FROM enterprise_party_view WHERE credit_code = :c").param("c", creditCode)
                .query(Long.class).optional();
    }

    long insert(long lessorId, long lesseeId, Leases.Draft d, LeaseTerms terms, Schedule schedule, String filing,
                LocalDate on, String by) {
        long seq = jdbc.sql("SELECT nextval('capital_lease_number')").query(Long.class).single();
        long id = jdbc.sql("""
                        INSERT INTO capital_lease (number, institution_id, enterprise_id, kind, equipment, serial_numbers, cost,
                            down_payment, financed, months, period_months, annual_rate, timing, deposit, residual, start_on,
                            maturity, equipment_renewal, filing_number, signed_by)
                        VALUES (:no, :i, :e, :k, :eq, :sn, :cost, :down, :fin, :m, :pm, :rate, :t, :dep, :rv, :start, :mat,
                                :renewal, :filing, :by) RETURNING id""")
                .param("no", "LS" + on.getYear() + String.format("%06d", seq)).param("i", lessorId).param("e", lesseeId)
                .param("k", d.kind().name()).param("eq", d.equipment()).param("sn", d.serialNumbers().toArray(String[]::new))
                .param("cost", d.cost()).param("down", d.downPayment()).param("fin", terms.financed())
                .param("m", terms.months()).param("pm", terms.periodMonths()).param("rate", terms.annualRatePercent())
                .param("t", terms.timing().name()).param("dep", d.deposit()).param("rv", terms.residual())
                .param("start", terms.start()).param("mat", terms.maturity()).param("renewal", d.equipmentRenewal())
                .param("filing", filing).param("by", by).query(Long.class).single();
        int n = terms.periods();
        for (Schedule.Installment r : schedule.installments()) {
            jdbc.sql("""
                            INSERT INTO capital_lease_rental (lease_id, period, due_on, rent, principal, interest, balance, buy_out)
                            VALUES (:l, :p, :d, :rent, :pr, :in, :bal, :bo)""")
                    .param("l", id).param("p", r.period()).param("d", r.date()).param("rent", r.payment())
                    .param("pr", r.principal()).param("in", r.interest()).param("bal", r.balance())
                    .param("bo", r.period() > n).update();
        }
        return id;
    }

    /** A lease as read, its tier still to be given by the classification rules (see {@link LeaseService}). */
    private static Leases.Lease lease(ResultSet rs, int n) throws SQLException {
        return new Leases.Lease(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), LeaseKind.valueOf(rs.getString(7)), rs.getString(8),
                List.of((String[]) rs.getArray(9).getArray()), rs.getBigDecimal(10), rs.getBigDecimal(11),
                rs.getBigDecimal(12), rs.getInt(13), rs.getInt(14), rs.getBigDecimal(15).stripTrailingZeros(),
                RentalTiming.valueOf(rs.getString(16)), rs.getBigDecimal(17), rs.getBigDecimal(18),
                rs.getObject(19, LocalDate.class), rs.getObject(20, LocalDate.class), rs.getBoolean(21), rs.getString(22),
                LeaseStatus.valueOf(rs.getString(23)), rs.getBigDecimal(24), rs.getBigDecimal(25), rs.getBigDecimal(26),
                rs.getInt(27), null, null);
    }

    Page<Leases.Lease> leases(Caller caller, LocalDate today, PageRequest page) {
        Map<String, Object> p = new HashMap<>();
        p.put("today", today);
        String w = LEASES.where(caller, p);
        List<Leases.Lease> items = jdbc.sql(COLUMNS + " WHERE " + w + " ORDER BY l.id DESC LIMIT :limit OFFSET :offset")
                .params(p).param("limit", page.size()).param("offset", page.offset()).query(LeaseStore::lease).list();
        p.remove("today");
        long total = jdbc.sql("SELECT count(*) FROM capital_lease l WHERE " + w).params(p).query(Long.class).single();
        return new Page<>(items, page.page(), page.size(), total);
    }

    Optional<Leases.Lease> lease(Caller caller, long id, LocalDate today, boolean lock) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql(COLUMNS + " WHERE l.id = :id AND " + LEASES.where(caller, p) + (lock ? " FOR UPDATE OF l" : ""))
                .params(p).param("id", id).param("today", today).query(LeaseStore::lease).optional();
    }

    List<Leases.Rental> rentals(long leaseId) {
        return jdbc.sql("""
                        SELECT period, due_on, rent, principal, interest, balance, buy_out, paid, paid_on, interest_paid
                          FROM capital_lease_rental WHERE lease_id = :l ORDER BY period""")
                .param("l", leaseId)
                .query((rs, n) -> new Leases.Rental(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBoolean(7),
                        rs.getBigDecimal(8), rs.getObject(9, LocalDate.class)))
                .list();
    }

    /** The rentals not yet paid in full, oldest first, with the interest already received on each. */
    record Open(int period, LocalDate dueOn, java.math.BigDecimal rent, java.math.BigDecimal interest,
                java.math.BigDecimal paid, java.math.BigDecimal interestPaid) {
    }

    List<Open> open(long leaseId) {
        return jdbc.sql("""
                        SELECT period, due_on, rent, interest, paid, interest_paid FROM capital_lease_rental
                         WHERE lease_id = :l AND paid < rent ORDER BY period""")
                .param("l", leaseId)
                .query((rs, n) -> new Open(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list();
    }

    void pay(long leaseId, int period, java.math.BigDecimal amount, java.math.BigDecimal interest, LocalDate on) {
        jdbc.sql("""
                        UPDATE capital_lease_rental SET paid = paid + :a, interest_paid = interest_paid + :i,
                               paid_on = CASE WHEN paid + :a = rent THEN CAST(:on AS date) END
                         WHERE lease_id = :l AND period = :p""")
                .param("a", amount).param("i", interest).param("on", on).param("l", leaseId).param("p", period).update();
    }

    /** Marks the lease bought out when every rental and the buy-out are paid; whether it did. */
    boolean boughtOut(long leaseId) {
        return jdbc.sql("UPDATE capital_lease SET status = 'BOUGHT_OUT' WHERE id = :l AND status = 'ACTIVE' AND NOT EXISTS"
                + " (SELECT 1 FROM capital_lease_rental r WHERE r.lease_id = :l AND r.paid < r.rent)")
                .param("l", leaseId).update() == 1;
    }

    record Leased(String serial, String number) {
    }

    /** One of these serial numbers on an active lease of the lessor, locked, if any. */
    Optional<Leased> leasedBy(long lessorId, List<String> serials) {
        return jdbc.sql("""
                        SELECT s, l.number FROM capital_lease l, unnest(l.serial_numbers) s
                         WHERE l.institution_id = :i AND l.status = 'ACTIVE' AND s = ANY (:serials)
                         ORDER BY l.id LIMIT 1 FOR UPDATE OF l""")
                .param("i", lessorId).param("serials", serials.toArray(String[]::new))
                .query((rs, n) -> new Leased(rs.getString(1), rs.getString(2))).optional();
    }

    String insertPayment(long leaseId, java.math.BigDecimal amount, java.math.BigDecimal interest, LocalDate on,
                         long entryId, String by) {
        long seq = jdbc.sql("SELECT nextval('capital_lease_payment_number')").query(Long.class).single();
        String number = "RP" + on.getYear() + String.format("%06d", seq);
        jdbc.sql("""
                        INSERT INTO capital_lease_payment (number, lease_id, amount, interest, received_on, entry_id, recorded_by)
                        VALUES (:no, :l, :a, :i, :on, :e, :by)""")
                .param("no", number).param("l", leaseId).param("a", amount).param("i", interest).param("on", on)
                .param("e", entryId).param("by", by).update();
        return number;
    }

    String nextPaymentSource(long leaseId) {
        return "lease:" + leaseId + ":payment:" + jdbc.sql("SELECT count(*) + 1 FROM capital_lease_payment WHERE lease_id = :l")
                .param("l", leaseId).query(Long.class).single();
    }

    /** Leases in scope with a rental unpaid after its day. */
    long overdue(Caller caller, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM capital_lease l WHERE EXISTS (SELECT 1 FROM capital_lease_rental r"
                + " WHERE r.lease_id = l.id AND r.due_on < :today AND r.paid < r.rent) AND " + LEASES.where(caller, p))
                .params(p).param("today", today).query(Long.class).single();
    }

    /** Rentals in scope falling due in the next {@code days} days and not yet paid. */
    long dueWithin(Caller caller, LocalDate today, int days) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT count(*) FROM capital_lease l JOIN capital_lease_rental r ON r.lease_id = l.id"
                + " WHERE r.due_on BETWEEN :today AND :until AND r.paid < r.rent AND " + LEASES.where(caller, p))
                .params(p).param("today", today).param("until", today.plusDays(days)).query(Long.class).single();
    }
}
