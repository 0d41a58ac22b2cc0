-- credit_gz: 广州市全面推进社会信用体系建设 (穗府办函〔2020〕35号) inside PostgreSQL.
-- The schema is created by CREATE EXTENSION (control file: schema = credit_gz).
COMMENT ON SCHEMA credit_gz IS
    '广州社会信用体系 credit_gz: 信用档案、分级分类监管、联合奖惩、信用修复. '
    'Guangzhou social credit policy inside the database: identity types, credit archive, scoring, joint punishment, repair.';
