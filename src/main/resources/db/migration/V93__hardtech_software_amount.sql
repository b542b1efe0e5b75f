-- 科创属性评价指引 article 2: a software enterprise's R&D share "应在10%以上" — read strictly, the amount alternative of
-- item (1) does not open a way round the 10 % share for software (I65), as it does not for the patents.
UPDATE capital_hardtech_criterion SET except_industry = 'I65'
 WHERE board = 'STAR' AND metric = 'RD_AMOUNT_3Y' AND effective_from = DATE '2024-04-30';
