package cn.chanrong.institution;

import cn.chanrong.identity.Caller;
import java.util.Optional;

/** The institution directory. */
public interface Institutions {

    Institution register(Caller caller, String creditCode, String name, String nameEn, InstitutionType type);

    Optional<Institution> byCreditCode(String creditCode);

    /** Every institution, by name. */
    java.util.List<Institution> list();
}
