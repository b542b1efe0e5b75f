package cn.chanrong.enterprise;

import cn.chanrong.identity.Caller;
import cn.chanrong.shared.Upload;

/** CSV imports of the registry (administrators): all-or-nothing per file, keyed so re-imports change nothing. */
public interface EnterpriseImports {

    /** Columns of an enterprise file, in the order the generator writes them. */
    String ENTERPRISE_COLUMNS = "credit_code,name,name_en,region_code,industry_code,ownership,founding_date,employees,"
            + "annual_revenue,chain_tags,group_code,actual_controller";

    /** Columns of a statements file. */
    String STATEMENT_COLUMNS = "credit_code,year,revenue,main_business_revenue,rd_expense,rd_staff,net_profit,"
            + "total_assets,total_liabilities,equity,ip_class1,ip_class2";

    ImportReport importEnterprises(Caller caller, byte[] file, String charset);

    /** As {@link #importEnterprises(Caller, byte[], String)}, streaming an uploaded file of any size. */
    ImportReport importEnterprises(Caller caller, Upload file, String charset);

    ImportReport importStatements(Caller caller, byte[] file, String charset);

    /** As {@link #importStatements(Caller, byte[], String)}, streaming an uploaded file of any size. */
    ImportReport importStatements(Caller caller, Upload file, String charset);
}
