-- credit_gz 1.0 → 1.1 (ALTER EXTENSION credit_gz UPDATE). Every change to an installed object after the 1.0
-- release is made here as well as in src/*.sql, in the same commit; test/shell/upgrade.sh compares a database upgraded
-- from 1.0 with a fresh install of 1.1, object by object, and fails on any difference.
\echo Use "ALTER EXTENSION credit_gz UPDATE TO '1.1'" to load this file. \quit
