/*
 * score_bulk.h — per-(subject, model) sums of counting rows under the scoring rules, computed in C (score_bulk.c):
 * for the whole archive (credit_gz.score_totals) and for the new records of one statement (ScoreBatch, used by the
 * statement-level scoring trigger in scoring.c).
 */
#ifndef CREDIT_GZ_SCORE_BULK_H
#define CREDIT_GZ_SCORE_BULK_H

#include "postgres.h"
#include "executor/tuptable.h"
#include "utils/date.h"

typedef struct ScoreBatch ScoreBatch;

extern bool score_record_counts(Datum status);

extern ScoreBatch *score_batch_begin(DateADT as_of, TupleDesc desc, double rows);
extern int	score_batch_passes(const ScoreBatch *b);
extern void score_batch_add(ScoreBatch *b, TupleTableSlot *slot);
extern int	score_batch_take(ScoreBatch *b, Datum *arrays);
extern void score_batch_end(ScoreBatch *b);

#endif
