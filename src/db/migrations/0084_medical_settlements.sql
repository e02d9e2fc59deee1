-- 一站式结算导入 (src/modules/medical/service/settlements.ts): a hospital's settlement number is imported
-- once per county — the import checks it set-based against this index, and the index refuses a
-- concurrent import of the same number.
create unique index medical_episodes_settlement_no_idx on medical_episodes (county_code, settlement_no) where source = 'settlement';
