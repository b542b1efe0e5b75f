package cn.chanrong.capital.internal;

import cn.chanrong.capital.Listings;
import cn.chanrong.capital.domain.HardTech;
import cn.chanrong.capital.domain.ListingBoard;
import cn.chanrong.capital.domain.ListingStage;
import cn.chanrong.enterprise.EnterpriseDetails;
import cn.chanrong.enterprise.EnterpriseFilter;
import cn.chanrong.enterprise.Enterprises;
import cn.chanrong.identity.Caller;
import cn.chanrong.identity.Users;
import cn.chanrong.platform.DemoContributor;
import cn.chanrong.reference.BusinessDate;
import cn.chanrong.shared.PageRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's 千帆百舸 pipeline: a dozen 专精特新 manufacturers — of Fujian and Guangdong first, little giants first —, each
 * evaluated against the STAR Market's criteria by the industry department and entered — for the STAR Market when the
 * criteria are met, for the Beijing Stock Exchange otherwise — then moved on: five in cultivation, three in counselling,
 * two filed, one listed, one withdrawn with its reason. The demo SME is among them. Built with the histories, after the
 * enterprises' statements have loaded.
 */
@Component
class ListingDemoContributor implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(ListingDemoContributor.class);

    /** How far each of the twelve gets, in the order the enterprises are taken. */
    private static final List<ListingStage> REACHED = List.of(ListingStage.FILING, ListingStage.CULTIVATION,
            ListingStage.LISTED, ListingStage.COUNSELLING, ListingStage.WITHDRAWN, ListingStage.CULTIVATION,
            ListingStage.COUNSELLING, ListingStage.FILING, ListingStage.CULTIVATION, ListingStage.COUNSELLING,
            ListingStage.CULTIVATION, ListingStage.CULTIVATION);

    private final ListingService listings;
    private final ListingStore store;
    private final EnterpriseDetails details;
    private final Enterprises enterprises;
    private final Users users;
    private final BusinessDate businessDate;

    ListingDemoContributor(ListingService listings, ListingStore store, EnterpriseDetails details, Enterprises enterprises,
                           Users users, BusinessDate businessDate) {
        this.enterprises = enterprises;
        this.listings = listings;
        this.store = store;
        this.details = details;
        this.users = users;
        this.businessDate = businessDate;
    }

    @Override
    public int order() {
        // after the capital demo, on the registry's statements and verified statuses
        return 86;
    }

    @Override
    public void contribute(Path economy) {
        // the pipeline needs the enterprises' statements, which load with the histories
    }

    @Override
    public void background(Path economy, DoubleConsumer progress) {
        Caller office = users.caller("regulator-miit").orElse(null);
        if (office == null || !store.evaluations(Caller.system("demo-loader"), PageRequest.of(0, 1))
                .items().isEmpty()) {
            return;
        }
        LocalDate today = businessDate.today();
        LocalDate evaluatedOn = today.minusDays(330);
        int last = evaluatedOn.getYear() - 1;
        Set<Long> candidates = new LinkedHashSet<>();
        users.caller("enterprise").map(Caller::enterpriseId).ifPresent(candidates::add);
        Caller system = Caller.system("demo-loader");
        for (String province : new String[] {"350000", "440000", null}) {
            for (var basis : ListingService.BASES) {
                enterprises.search(system, new EnterpriseFilter(null, null, province, "C", null, null, null, basis.name()),
                        PageRequest.of(0, 100)).items().forEach(e -> candidates.add(e.id()));
            }
        }
        List<Long> firms = new ArrayList<>();
        for (long id : candidates) {
            var verified = details.statuses(system, id).standing().verified();
            if (ListingService.BASES.stream().anyMatch(verified::contains)
                    && store.statements(id, last - 2, last).size() == 3) {
                firms.add(id);
            }
            if (firms.size() == REACHED.size()) {
                break;
            }
        }
        int i = 0;
        for (long id : firms) {
            String code = store.creditCode(id);
            LocalDate on = evaluatedOn.plusDays(7L * i);
            int patents = 4 + (i * 5) % 13;
            var evaluation = listings.evaluate(office, new Listings.EvaluationRequest(code, ListingBoard.STAR, patents,
                    null, null), on);
            ListingBoard board = evaluation.outcome() == HardTech.Outcome.MET ? ListingBoard.STAR : ListingBoard.BSE;
            var entry = listings.enter(office, new Listings.EntryRequest(code, board, evaluation.number()), on.plusDays(10));
            LocalDate day = on.plusDays(10);
            ListingStage target = REACHED.get(i);
            if (target == ListingStage.WITHDRAWN) {
                listings.move(office, entry.id(), ListingStage.WITHDRAWN, "企业调整发展规划，暂缓上市安排，转为区域性股权市场挂牌培育",
                        day.plusDays(120));
            } else {
                for (ListingStage s : ListingStage.values()) {
                    if (s.ordinal() == 0 || s.ordinal() > target.ordinal()) {
                        continue;
                    }
                    day = day.plusDays(75);
                    listings.move(office, entry.id(), s, note(s), day);
                }
            }
            i++;
            progress.accept((double) i / firms.size());
        }
        log.info("Demo listing pipeline: {} enterprises evaluated and entered", firms.size());
    }

    private static String note(ListingStage s) {
        return switch (s) {
            case COUNSELLING -> "与保荐机构签订辅导协议，辅导备案已受理";
            case FILING -> "首发上市申请已获交易所受理";
            case LISTED -> "注册生效并完成首发上市";
            default -> null;
        };
    }
}
