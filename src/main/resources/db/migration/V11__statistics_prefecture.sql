-- Prefecture of each counted enterprise, so a provincial regulator's overview can break its province down.
ALTER TABLE stat_enterprise ADD COLUMN prefecture_code CHAR(6);
