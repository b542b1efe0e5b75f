package cn.chanrong.cli;

import cn.chanrong.cashflow.domain.CounterpartyCategory;
import cn.chanrong.monitoring.domain.Detector;
import cn.chanrong.monitoring.domain.FanOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated stream of what banks report on their borrowers' accounts, for {@code bench monitoring}: payments to
 * a few regular suppliers and from customers, loans paid out, and the patterns the detections look for planted
 * among them — loan money paid to a broker, a developer, a trust or a micro-lender; a payment that comes back
 * within days; a loan's money scattered to six parties in its first days. The same shape and seed give the same
 * stream.
 *
 * <p>Every account is a borrower's (a bank reports its own borrowers' flows): in the stream mode each had a loan
 * paid out in the month before the stream starts, and more are paid out as it goes; with {@code loansAtStart}
 * every account has one loan of {@code principal} on the first day and no other, the loans a database can be given
 * beforehand. A pattern is planted only while the account has a loan's money (a loan paid out within the window),
 * as diversion happens once the money has arrived; everything else is ordinary trade that no rule should flag,
 * though a busy account may still meet the fan-out pattern by itself.
 */
final class MonitoringStream {

    /** The window the planted patterns respect: {@link Detector}'s default. */
    static final int WINDOW = 30;

    /**
     * How the stream looks. {@code events}: payment events (loans paid out come on top); {@code loanShare}: loans paid
     * out per payment event in the stream mode; {@code prohibitedShare}, {@code roundTripShare}: of the payments out
     * made with a loan's money, those to a prohibited payee and those that come back; {@code fanOutShare}: of the loans
     * paid out, those whose money is scattered at once; {@code principal} in fen (with {@code loansAtStart}).
     */
    record Shape(int accounts, int events, int days, double loanShare, double prohibitedShare, double roundTripShare,
                 double fanOutShare, boolean loansAtStart, long principal, long seed) {

        Shape {
            if (accounts < 1 || events < 0 || days < 1) {
                throw new IllegalArgumentException("accounts " + accounts + ", events " + events + ", days " + days);
            }
        }
    }

    /** What the generator put in on purpose, each counted once (a round trip on its payment back, a fan-out once). */
    enum Planted { PROHIBITED_USE, ROUND_TRIP, FAN_OUT }

    /** One item: a loan paid out ({@code loan} set) or a payment ({@code event} set) on {@code account}. */
    record Item(int account, Detector.Loan loan, Detector.Event event) {
    }

    /** The items in value-date order, the accounts' keys, how many payment events, loans and planted patterns. */
    record Stream(List<Item> items, String[] keys, int events, int loans, Map<Planted, Integer> planted) {
    }

    private static final CounterpartyCategory[] PROHIBITED = {CounterpartyCategory.SECURITIES,
            CounterpartyCategory.REAL_ESTATE, CounterpartyCategory.WEALTH_MANAGEMENT, CounterpartyCategory.PRIVATE_LENDING};
    // names the platform's counterparty rules put in each prohibited category (cashflow/counterparty-rules.csv)
    private static final String[] PROHIBITED_NAMES = {"基准证券股份有限公司第%d营业部", "基准置业有限公司%d号项目",
            "基准信托有限责任公司%d号计划", "基准小额贷款有限公司%d号"};
    private static final int SUPPLIERS_EACH = 8;
    private static final int FAN_OUT_PARTIES = 6;

    private final Shape shape;
    private final String[] keys;
    private final String referencePrefix;
    private final int base;
    private final SplittableRandom random;
    private final String[] supplierAccounts;
    private final String[] supplierNames;
    private final String[] customerAccounts;
    private final String[] customerNames;
    private final int[] lastLoanDay;
    private final List<List<Item>> scheduled;
    private final Map<Planted, Integer> planted = new EnumMap<>(Planted.class);
    private final List<Item> items;
    private int oneOff;
    private long loanIds;
    private long references;

    private MonitoringStream(Shape shape, String[] keys, String referencePrefix, int base) {
        this.shape = shape;
        this.keys = keys;
        this.referencePrefix = referencePrefix;
        this.base = base;
        this.random = new SplittableRandom(shape.seed());
        int parties = Math.max(1_000, shape.accounts());
        supplierAccounts = new String[parties];
        supplierNames = new String[parties];
        customerAccounts = new String[parties];
        customerNames = new String[parties];
        for (int i = 0; i < parties; i++) {
            supplierAccounts[i] = "3501" + String.format("%012d", i);
            supplierNames[i] = "基准机械制造" + i + "有限公司";
            customerAccounts[i] = "3502" + String.format("%012d", i);
            customerNames[i] = "基准电子科技" + i + "有限公司";
        }
        lastLoanDay = new int[shape.accounts()];
        Arrays.fill(lastLoanDay, Integer.MIN_VALUE / 2);
        scheduled = new ArrayList<>(shape.days() + 8);
        for (int d = 0; d < shape.days() + 8; d++) {
            scheduled.add(new ArrayList<>());
        }
        for (Planted p : Planted.values()) {
            planted.put(p, 0);
        }
        items = new ArrayList<>(shape.events() + shape.accounts() + (int) (shape.events() * shape.loanShare()) + 16);
    }

    /** A stream on accounts named {@code A0 … An-1}, its first day {@code base} (an epoch day). */
    static Stream generate(Shape shape, int base) {
        String[] keys = new String[shape.accounts()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "A" + i;
        }
        return generate(shape, keys, "R", base);
    }

    /** A stream on the accounts {@code keys}, bank references {@code referencePrefix} and a serial. */
    static Stream generate(Shape shape, String[] keys, String referencePrefix, int base) {
        if (keys.length != shape.accounts()) {
            throw new IllegalArgumentException(keys.length + " keys for " + shape.accounts() + " accounts");
        }
        return new MonitoringStream(shape, keys, referencePrefix, base).run();
    }

    private Stream run() {
        int loans = 0;
        for (int a = 0; a < shape.accounts(); a++) {
            if (shape.loansAtStart()) {
                loans += loan(a, 0, shape.principal());
            } else {
                // paid out in the month before: money every account is still spending when the stream starts
                int day = -1 - random.nextInt(WINDOW);
                lastLoanDay[a] = day;
                items.add(new Item(a, new Detector.Loan(++loanIds, "L" + loanIds, principal(), base + day), null));
                loans++;
            }
        }
        for (int day = 0; day < shape.days(); day++) {
            int fresh = shape.events() / shape.days() + (day < shape.events() % shape.days() ? 1 : 0);
            List<Item> due = scheduled.get(day);
            // what was set up on earlier days (payments back, the rest of a fan-out) mixes in with the day's trade
            int from = 0;
            for (int k = 0; k < fresh; k++) {
                while (from < due.size() && random.nextInt(fresh + due.size()) < due.size()) {
                    items.add(due.get(from++));
                }
                int a = random.nextInt(shape.accounts());
                // a bank pays out to an account again once the last loan's first days are over
                if (!shape.loansAtStart() && random.nextDouble() < shape.loanShare() && day - lastLoanDay[a] > FanOut.DAYS) {
                    loans += loan(a, day, principal());
                }
                items.add(new Item(a, null, payment(a, day)));
            }
            items.addAll(due.subList(from, due.size()));
            due.clear();
        }
        int events = 0;
        for (Item i : items) {
            events += i.event() != null ? 1 : 0;
        }
        return new Stream(items, keys, events, loans, Map.copyOf(planted));
    }

    /** Pays out a loan on {@code day}; some of them scattered at once. Returns 1, the loans paid out. */
    private int loan(int a, int day, long principal) {
        lastLoanDay[a] = day;
        items.add(new Item(a, new Detector.Loan(++loanIds, "L" + loanIds, principal, base + day), null));
        if (random.nextDouble() < shape.fanOutShare() && day + 2 < shape.days()) {
            // six parties, a tenth of the principal each, over the first three days: six tenths, over half
            for (int p = 0; p < FAN_OUT_PARTIES; p++) {
                int on = day + p * 3 / FAN_OUT_PARTIES;
                int party = ++oneOff;
                Detector.Event e = new Detector.Event(keys[a], reference(), "3503" + String.format("%012d", party),
                        "基准商贸" + party + "有限公司", -(principal / 10), CounterpartyCategory.SUPPLIER, base + on);
                if (on == day) {
                    items.add(new Item(a, null, e));
                } else {
                    scheduled.get(on).add(new Item(a, null, e));
                }
            }
            planted.merge(Planted.FAN_OUT, 1, Integer::sum);
        }
        return 1;
    }

    private Detector.Event payment(int a, int day) {
        boolean loanMoney = day - lastLoanDay[a] <= WINDOW;
        if (random.nextInt(100) < 55) {
            double r = random.nextDouble();
            long amount = yuan(1_000, 50_000);
            if (loanMoney && r < shape.prohibitedShare()) {
                int kind = random.nextInt(PROHIBITED.length);
                int party = random.nextInt(1_000);
                planted.merge(Planted.PROHIBITED_USE, 1, Integer::sum);
                return new Detector.Event(keys[a], reference(), "3504" + kind + String.format("%011d", party),
                        String.format(PROHIBITED_NAMES[kind], party), -yuan(50_000, 300_000), PROHIBITED[kind], base + day);
            }
            if (loanMoney && r < shape.prohibitedShare() + shape.roundTripShare()) {
                int party = ++oneOff;
                String account = "3503" + String.format("%012d", party);
                String name = "基准商贸" + party + "有限公司";
                long out = yuan(100_000, 500_000);
                int back = day + 1 + random.nextInt(5);
                if (back < shape.days()) {
                    // half of it or more comes back: the rule's threshold
                    long returned = (out * (50 + random.nextInt(51)) + 99) / 100;
                    scheduled.get(back).add(new Item(a, null, new Detector.Event(keys[a], reference(), account, name,
                            returned, CounterpartyCategory.CUSTOMER, base + back)));
                    planted.merge(Planted.ROUND_TRIP, 1, Integer::sum);
                }
                return new Detector.Event(keys[a], reference(), account, name, -out, CounterpartyCategory.SUPPLIER, base + day);
            }
            int s = supplier(a);
            return new Detector.Event(keys[a], reference(), supplierAccounts[s], supplierNames[s], -amount,
                    CounterpartyCategory.SUPPLIER, base + day);
        }
        int c = random.nextInt(customerAccounts.length);
        return new Detector.Event(keys[a], reference(), customerAccounts[c], customerNames[c], yuan(1_000, 80_000),
                CounterpartyCategory.CUSTOMER, base + day);
    }

    /** One of the account's regular suppliers: a few, the same ones each time. */
    private int supplier(int a) {
        return (int) (((long) a * 7_919 + random.nextInt(SUPPLIERS_EACH) * 104_729L) % supplierAccounts.length);
    }

    private long principal() {
        return shape.principal() > 0 ? shape.principal() : yuan(300_000, 5_000_000);
    }

    /** An amount in fen between the two amounts in yuan. */
    private long yuan(int from, int to) {
        return random.nextLong(from * 100L, to * 100L + 1);
    }

    private String reference() {
        return referencePrefix + (++references);
    }
}
