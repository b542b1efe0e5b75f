-- Hard-tech evaluation and the 千帆百舸 listing-cultivation pipeline (issue 21 §4).

-- The criteria a board publishes for its positioning, as effective-dated data: each row one way of meeting a criterion
-- (a criterion is met when one of its applicable rows is), for the enterprises of an industry or all but one. A
-- revision is new rows from its day and an end day on the old ones; nothing is weighted.
CREATE TABLE capital_hardtech_criterion
(
  id              BIGSERIAL PRIMARY KEY,
  board           TEXT           NOT NULL CHECK (board IN ('STAR', 'CHINEXT', 'BSE', 'REGIONAL')),
  criterion       TEXT           NOT NULL CHECK (criterion IN ('RD_INVESTMENT', 'RD_STAFF', 'INVENTION_PATENTS', 'REVENUE')),
  metric          TEXT           NOT NULL CHECK (metric IN ('RD_SHARE_3Y', 'RD_AMOUNT_3Y', 'RD_STAFF_SHARE',
                                                            'INVENTION_PATENTS', 'REVENUE_CAGR_3Y', 'REVENUE_LAST_YEAR')),
  threshold       NUMERIC(20, 4) NOT NULL CHECK (threshold >= 0),
  only_industry   TEXT CHECK (only_industry IS NULL OR only_industry ~ '^[A-T][0-9]{0,4}$'),
  except_industry TEXT CHECK (except_industry IS NULL OR except_industry ~ '^[A-T][0-9]{0,4}$'),
  effective_from  DATE           NOT NULL,
  effective_to    DATE,
  source          TEXT           NOT NULL CHECK (length(source) BETWEEN 2 AND 500),
  CHECK (effective_to IS NULL OR effective_to > effective_from),
  CHECK (only_industry IS NULL OR except_industry IS NULL)
);
CREATE INDEX capital_hardtech_criterion_board ON capital_hardtech_criterion (board, effective_from);

-- The exceptions a board's criteria allow for enterprises that miss them (major national awards, national projects,
-- import substitution, technology recognised as leading): a claim the enterprise makes with its document, shown as
-- claimed — the platform does not judge it met.
CREATE TABLE capital_hardtech_exception
(
  id             BIGSERIAL PRIMARY KEY,
  board          TEXT NOT NULL CHECK (board IN ('STAR', 'CHINEXT', 'BSE', 'REGIONAL')),
  code           TEXT NOT NULL CHECK (code ~ '^[A-Z_]{2,40}$'),
  name_zh        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  effective_from DATE NOT NULL,
  effective_to   DATE,
  source         TEXT NOT NULL CHECK (length(source) BETWEEN 2 AND 500),
  CHECK (effective_to IS NULL OR effective_to > effective_from),
  UNIQUE (board, code, effective_from)
);

-- 科创属性评价指引（试行）, as the CSRC revised it in April 2024 (in force from 2024-04-30): all four regular
-- criteria; a software enterprise (GB/T 4754 division I65) is held to an R&D share of 10 % and not to the patents.
INSERT INTO capital_hardtech_criterion (board, criterion, metric, threshold, only_industry, except_industry,
                                        effective_from, source)
VALUES ('STAR', 'RD_INVESTMENT', 'RD_SHARE_3Y', 5, NULL, 'I65', DATE '2024-04-30',
        '科创属性评价指引（试行）（2024年4月修订）第二条第（一）项：最近三年研发投入占营业收入比例5%以上'),
       ('STAR', 'RD_INVESTMENT', 'RD_SHARE_3Y', 10, 'I65', NULL, DATE '2024-04-30',
        '科创属性评价指引（试行）（2024年4月修订）第二条：软件行业研发投入占比应在10%以上'),
       ('STAR', 'RD_INVESTMENT', 'RD_AMOUNT_3Y', 80000000, NULL, NULL, DATE '2024-04-30',
        '科创属性评价指引（试行）（2024年4月修订）第二条第（一）项：或最近三年研发投入金额累计在8000万元以上'),
       ('STAR', 'RD_STAFF', 'RD_STAFF_SHARE', 10, NULL, NULL, DATE '2024-04-30',
        '科创属性评价指引（试行）（2024年4月修订）第二条第（二）项：研发人员占当年员工总数的比例不低于10%'),
       ('STAR', 'INVENTION_PATENTS', 'INVENTION_PATENTS', 7, NULL, 'I65', DATE '2024-04-30',
        '科创属性评价指引（试行）（2024年4月修订）第二条第（三）项：应用于主营业务并能够产业化的发明专利7项以上（软件行业不适用）'),
       ('STAR', 'REVENUE', 'REVENUE_CAGR_3Y', 25, NULL, NULL, DATE '2024-04-30',
        '科创属性评价指引（试行）（2024年4月修订）第二条第（四）项：最近三年营业收入复合增长率达到25%'),
       ('STAR', 'REVENUE', 'REVENUE_LAST_YEAR', 300000000, NULL, NULL, DATE '2024-04-30',
        '科创属性评价指引（试行）（2024年4月修订）第二条第（四）项：或最近一年营业收入金额达到3亿元');

INSERT INTO capital_hardtech_exception (board, code, name_zh, name_en, effective_from, source)
VALUES ('STAR', 'LEADING_TECHNOLOGY', '核心技术经国家主管部门认定具有国际领先、引领作用或者对于国家战略具有重大意义',
        'Core technology recognised by a national authority as internationally leading or of major strategic importance',
        DATE '2024-04-30', '科创属性评价指引（试行）第三条第（一）项'),
       ('STAR', 'NATIONAL_AWARD', '获得国家自然科学奖、国家科技进步奖、国家技术发明奖并将相关技术运用于主营业务',
        'A national natural-science, science-and-technology-progress or technological-invention award, its technology used in the main business',
        DATE '2024-04-30', '科创属性评价指引（试行）第三条第（二）项'),
       ('STAR', 'NATIONAL_PROJECT', '独立或者牵头承担与主营业务和核心技术相关的国家重大科技专项项目',
        'Leads a national major science-and-technology project on its main business and core technology',
        DATE '2024-04-30', '科创属性评价指引（试行）第三条第（三）项'),
       ('STAR', 'IMPORT_SUBSTITUTION', '依靠核心技术形成的主要产品属于国家鼓励的关键设备、关键产品、关键零部件、关键材料并实现了进口替代',
        'Its main products are key equipment, products, parts or materials the state encourages and have replaced imports',
        DATE '2024-04-30', '科创属性评价指引（试行）第三条第（四）项');

CREATE SEQUENCE capital_evaluation_number;

-- One evaluation of one enterprise against one board's criteria on a day: the figures it used (three years of the
-- enterprise's annual statements, its headcount, the invention patents declared), each line met or missed with the
-- criterion's source, and the outcome. Kept as evaluated: a later revision of the criteria does not rewrite it.
CREATE TABLE capital_evaluation
(
  id                 BIGSERIAL PRIMARY KEY,
  number             TEXT           NOT NULL UNIQUE,
  enterprise_id      BIGINT         NOT NULL REFERENCES enterprise (id),
  board              TEXT           NOT NULL CHECK (board IN ('STAR', 'CHINEXT', 'BSE', 'REGIONAL')),
  as_of              DATE           NOT NULL,
  first_year         INT            NOT NULL,
  last_year          INT            NOT NULL CHECK (last_year = first_year + 2),
  revenue_first      NUMERIC(20, 2) NOT NULL,
  revenue_last       NUMERIC(20, 2) NOT NULL,
  revenue_3y         NUMERIC(20, 2) NOT NULL,
  rd_3y              NUMERIC(20, 2) NOT NULL,
  rd_staff           INT            NOT NULL CHECK (rd_staff >= 0),
  employees          INT            NOT NULL CHECK (employees >= 0),
  invention_patents  INT            NOT NULL CHECK (invention_patents >= 0),
  industry_code      TEXT           NOT NULL,
  outcome            TEXT           NOT NULL CHECK (outcome IN ('MET', 'EXCEPTION_CLAIMED', 'MISSED')),
  exception_code     TEXT,
  exception_document TEXT CHECK (exception_document IS NULL OR length(exception_document) BETWEEN 2 AND 500),
  evaluated_by       TEXT           NOT NULL,
  evaluated_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
  CHECK ((exception_code IS NULL) = (exception_document IS NULL)),
  CHECK (outcome <> 'EXCEPTION_CLAIMED' OR exception_code IS NOT NULL)
);
CREATE INDEX capital_evaluation_enterprise ON capital_evaluation (enterprise_id, id);

CREATE TABLE capital_evaluation_line
(
  evaluation_id BIGINT         NOT NULL REFERENCES capital_evaluation (id),
  position      INT            NOT NULL,
  criterion     TEXT           NOT NULL,
  metric        TEXT           NOT NULL,
  value         NUMERIC(20, 4),
  threshold     NUMERIC(20, 4) NOT NULL,
  met           BOOLEAN        NOT NULL,
  source        TEXT           NOT NULL,
  PRIMARY KEY (evaluation_id, position)
);

-- The 千帆百舸 cultivation list: an enterprise enters on its evaluation and a verified 专精特新 status, with the board it
-- targets, and moves through counselling and filing to listed (or leaves); one live entry per enterprise.
CREATE TABLE capital_listing_entry
(
  id            BIGSERIAL PRIMARY KEY,
  enterprise_id BIGINT      NOT NULL REFERENCES enterprise (id),
  board         TEXT        NOT NULL CHECK (board IN ('STAR', 'CHINEXT', 'BSE', 'REGIONAL')),
  stage         TEXT        NOT NULL CHECK (stage IN ('CULTIVATION', 'COUNSELLING', 'FILING', 'LISTED', 'WITHDRAWN')),
  evaluation_id BIGINT      NOT NULL REFERENCES capital_evaluation (id),
  status_basis  TEXT        NOT NULL CHECK (status_basis IN ('SPECIALISED_SME', 'LITTLE_GIANT')),
  entered_on    DATE        NOT NULL,
  stage_on      DATE        NOT NULL CHECK (stage_on >= entered_on),
  entered_by    TEXT        NOT NULL
);
CREATE UNIQUE INDEX capital_listing_entry_live ON capital_listing_entry (enterprise_id) WHERE stage <> 'WITHDRAWN';

CREATE TABLE capital_listing_event
(
  id         BIGSERIAL PRIMARY KEY,
  entry_id   BIGINT      NOT NULL REFERENCES capital_listing_entry (id),
  from_stage TEXT,
  to_stage   TEXT        NOT NULL,
  on_day     DATE        NOT NULL,
  note       TEXT,
  by_user    TEXT        NOT NULL,
  at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX capital_listing_event_entry ON capital_listing_event (entry_id, id);
