package cn.chanrong.cashflow.internal;

import cn.chanrong.cashflow.CashFlows;
import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much a statement's source is trusted, by configuration: straight from the bank or through the
 * PBOC platform counts fully; an enterprise's own upload counts less (doctored statements are the
 * main fraud in cash-flow lending). Features weight each entry by its statement's source.
 */
@Component
class SourceWeights {

    private final BigDecimal bankDirect;
    private final BigDecimal pboc;
    private final BigDecimal self;

    SourceWeights(@Value("${chanrong.cashflow.weight.bank-direct:1.00}") BigDecimal bankDirect,
                  @Value("${chanrong.cashflow.weight.pboc-platform:1.00}") BigDecimal pboc,
                  @Value("${chanrong.cashflow.weight.self-upload:0.60}") BigDecimal self) {
        this.bankDirect = bankDirect;
        this.pboc = pboc;
        this.self = self;
    }

    BigDecimal of(CashFlows.Source source) {
        return switch (source) {
            case BANK_DIRECT -> bankDirect;
            case PBOC_PLATFORM -> pboc;
            case SELF_UPLOAD -> self;
        };
    }
}
