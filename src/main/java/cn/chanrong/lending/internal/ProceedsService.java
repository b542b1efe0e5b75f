package cn.chanrong.lending.internal;

import cn.chanrong.lending.Proceeds;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ProceedsService implements Proceeds {

    private final LoanStore store;

    ProceedsService(LoanStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Disbursed> disbursed(long institutionId, long borrowerId, LocalDate from, LocalDate to) {
        return store.disbursedBetween(institutionId, borrowerId, from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<Long, List<Payee>> payees(java.util.Collection<Long> loanIds) {
        return store.listedPayees(loanIds);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Disbursed> disbursedBy(long institutionId, LocalDate from, LocalDate to, int limit) {
        return store.disbursedBy(institutionId, from, to, limit);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<Disbursed> disbursedNumbered(long institutionId, String number) {
        return store.disbursedNumbered(institutionId, number);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Secured> securedBy(String filingNumber) {
        return store.securedBy(filingNumber);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Disbursed> selfPaid(LocalDate from, LocalDate to) {
        return store.selfPaidBetween(from, to);
    }
}
