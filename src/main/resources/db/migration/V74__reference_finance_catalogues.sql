-- Green and transition catalogues as effective-dated reference data (issue 19 §6). An edition is in force from a day
-- (and until the day before its successor); a loan keeps the edition in force when its application was made, so loans
-- applied for before 2025-10-01 keep the previous standard. Items carry a code (1, 1.1, 1.1.1 …) and, where a
-- catalogue is drawn by sector, the GB/T 4754-2017 industry it names. The seed holds the editions and their top-level
-- categories as published; the lower levels are imported by the PBOC (POST /api/v1/reference/green-catalogue).
CREATE TABLE ref_finance_catalogue
(
  edition    TEXT PRIMARY KEY CHECK (edition ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  kind       TEXT NOT NULL CHECK (kind IN ('GREEN', 'TRANSITION', 'ENERGY_INTENSIVE')),
  name_zh    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  document   TEXT NOT NULL,
  valid_from DATE NOT NULL,
  valid_to   DATE,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE ref_finance_catalogue_item
(
  edition       TEXT     NOT NULL REFERENCES ref_finance_catalogue (edition),
  code          TEXT     NOT NULL CHECK (code ~ '^[0-9]{1,2}(\.[0-9]{1,2}){0,4}$'),
  level         SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code   TEXT,
  name_zh       TEXT     NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
  name_en       TEXT     NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  industry_code TEXT REFERENCES ref_industry (code),
  PRIMARY KEY (edition, code)
);

INSERT INTO ref_finance_catalogue (edition, kind, name_zh, name_en, document, valid_from, valid_to) VALUES
  ('GREEN_2019', 'GREEN', '绿色产业指导目录（2019年版）', 'Green Industry Guidance Catalogue (2019)',
   '发改环资〔2019〕293号', DATE '2019-02-14', DATE '2024-02-01'),
  ('GREEN_2024', 'GREEN', '绿色低碳转型产业指导目录（2024年版）', 'Green and Low-Carbon Transition Industry Guidance Catalogue (2024)',
   '发改环资〔2024〕165号', DATE '2024-02-02', DATE '2025-09-30'),
  ('GREEN_2025', 'GREEN', '绿色金融支持项目目录（2025年版）', 'Green Finance Endorsed Projects Catalogue (2025)',
   '中国人民银行 金融监管总局 中国证监会, 2025', DATE '2025-10-01', NULL),
  ('TRANSITION_PILOT', 'TRANSITION', '转型金融标准试点行业（钢铁、煤电、建筑建材、农业）',
   'Transition-finance standards, pilot sectors (steel, coal power, building materials, agriculture)',
   '中国人民银行转型金融标准试点', DATE '2022-01-01', NULL),
  ('ENERGY_INTENSIVE', 'ENERGY_INTENSIVE', '两高一资行业（六大高耗能行业及采矿业）',
   'Energy-intensive, high-emission and resource sectors (the six energy-intensive industries and mining)',
   '国家统计局六大高耗能行业口径', DATE '2010-01-01', NULL);

INSERT INTO ref_finance_catalogue_item (edition, code, level, parent_code, name_zh, name_en, industry_code) VALUES
  ('GREEN_2019', '1', 1, NULL, '节能环保产业', 'Energy saving and environmental protection', NULL),
  ('GREEN_2019', '2', 1, NULL, '清洁生产产业', 'Cleaner production', NULL),
  ('GREEN_2019', '3', 1, NULL, '清洁能源产业', 'Clean energy', NULL),
  ('GREEN_2019', '4', 1, NULL, '生态环境产业', 'Ecological environment', NULL),
  ('GREEN_2019', '5', 1, NULL, '基础设施绿色升级', 'Green upgrading of infrastructure', NULL),
  ('GREEN_2019', '6', 1, NULL, '绿色服务', 'Green services', NULL),
  ('GREEN_2024', '1', 1, NULL, '节能降碳产业', 'Energy saving and carbon reduction', NULL),
  ('GREEN_2024', '2', 1, NULL, '环境保护产业', 'Environmental protection', NULL),
  ('GREEN_2024', '3', 1, NULL, '资源循环利用产业', 'Resource recycling', NULL),
  ('GREEN_2024', '4', 1, NULL, '能源绿色低碳转型', 'Green and low-carbon energy transition', NULL),
  ('GREEN_2024', '5', 1, NULL, '生态保护修复和利用', 'Ecological protection, restoration and use', NULL),
  ('GREEN_2024', '6', 1, NULL, '基础设施绿色升级', 'Green upgrading of infrastructure', NULL),
  ('GREEN_2024', '7', 1, NULL, '绿色服务', 'Green services', NULL),
  ('GREEN_2025', '1', 1, NULL, '节能降碳产业', 'Energy saving and carbon reduction', NULL),
  ('GREEN_2025', '2', 1, NULL, '环境保护产业', 'Environmental protection', NULL),
  ('GREEN_2025', '3', 1, NULL, '资源循环利用产业', 'Resource recycling', NULL),
  ('GREEN_2025', '4', 1, NULL, '能源绿色低碳转型', 'Green and low-carbon energy transition', NULL),
  ('GREEN_2025', '5', 1, NULL, '生态保护修复和利用', 'Ecological protection, restoration and use', NULL),
  ('GREEN_2025', '6', 1, NULL, '基础设施绿色升级', 'Green upgrading of infrastructure', NULL),
  ('GREEN_2025', '7', 1, NULL, '绿色服务', 'Green services', NULL),
  ('GREEN_2025', '8', 1, NULL, '绿色贸易', 'Green trade', NULL),
  ('GREEN_2025', '9', 1, NULL, '绿色消费', 'Green consumption', NULL),
  ('TRANSITION_PILOT', '1', 1, NULL, '钢铁', 'Steel', 'C31'),
  ('TRANSITION_PILOT', '2', 1, NULL, '煤电', 'Coal power', 'D4411'),
  ('TRANSITION_PILOT', '3', 1, NULL, '建筑建材', 'Building materials', 'C30'),
  ('TRANSITION_PILOT', '4', 1, NULL, '农业', 'Agriculture', 'A01'),
  ('ENERGY_INTENSIVE', '1', 1, NULL, '石油、煤炭及其他燃料加工业', 'Processing of petroleum, coal and other fuels', 'C25'),
  ('ENERGY_INTENSIVE', '2', 1, NULL, '化学原料和化学制品制造业', 'Chemical raw materials and products', 'C26'),
  ('ENERGY_INTENSIVE', '3', 1, NULL, '非金属矿物制品业', 'Non-metallic mineral products', 'C30'),
  ('ENERGY_INTENSIVE', '4', 1, NULL, '黑色金属冶炼和压延加工业', 'Smelting and pressing of ferrous metals', 'C31'),
  ('ENERGY_INTENSIVE', '5', 1, NULL, '有色金属冶炼和压延加工业', 'Smelting and pressing of non-ferrous metals', 'C32'),
  ('ENERGY_INTENSIVE', '6', 1, NULL, '电力、热力生产和供应业', 'Production and supply of electricity and heat', 'D44'),
  ('ENERGY_INTENSIVE', '7', 1, NULL, '煤炭开采和洗选业', 'Mining and washing of coal', 'B06'),
  ('ENERGY_INTENSIVE', '8', 1, NULL, '黑色金属矿采选业', 'Mining of ferrous metal ores', 'B08'),
  ('ENERGY_INTENSIVE', '9', 1, NULL, '有色金属矿采选业', 'Mining of non-ferrous metal ores', 'B09');
