/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include <string.h>

#include "auftakt-solver-private.h"

/* A copy of everything a change of the search can alter: the timetable,
 * the nodes of the assignment graph, the attendances, the objective and
 * the edge counts.  The annealing takes one before each change and puts it
 * back when it rejects the change: a copy of arrays, where replaying the
 * undo log in reverse re-priced every member who had moved (a third of the
 * search's time on medium, tight and large).  What it leaves out never
 * changes during a search (the problem, the locks, the deltas) or is
 * scratch (marks, distances), or must not go back (the best cost so far,
 * the random numbers, the counters). */

struct _AuftaktSnapshot
{
  int *room_of, *ws_in, *runs, *ref_busy, *cap;
  int *node_of, *session_of, *node_w, *node_r, *free_nodes, *active;
  int *round_nodes, *n_round_nodes;
  int n_free, n_active;
  int *at, *pos, *missing, *xmem, *xpos;
  guint64 *busy;
  int n_xmem;
  int *n_mem;
  int *members;              /* of every session, one after the other */
  gint64 cost, changes, penalty;
  int *cnt, *emin;
  gint64 *ew;
};

AuftaktSnapshot *
_auftakt_snapshot_new (const AuftaktSearch *se)
{
  AuftaktSnapshot *sn = g_new0 (AuftaktSnapshot, 1);
  gsize N = se->n_nodes, PR = (gsize) se->P * se->R;

  sn->room_of = g_new (int, se->S + 1);
  sn->ws_in = g_new (int, se->M * se->R + 1);
  sn->runs = g_new (int, se->W + 1);
  sn->ref_busy = g_new (int, se->F * se->R + 1);
  sn->cap = g_new (int, se->S + 1);
  sn->node_of = g_new (int, se->S + 1);
  sn->session_of = g_new (int, N);
  sn->node_w = g_new (int, N);
  sn->node_r = g_new (int, N);
  sn->free_nodes = g_new (int, N);
  sn->active = g_new (int, N);
  sn->round_nodes = g_new (int, se->R * N + 1);
  sn->n_round_nodes = g_new (int, se->R + 1);
  sn->at = g_new (int, PR + 1);
  sn->pos = g_new (int, PR + 1);
  sn->missing = g_new (int, se->P + 1);
  sn->xmem = g_new (int, se->P + 1);
  sn->xpos = g_new (int, se->P + 1);
  sn->busy = g_new (guint64, se->P + 1);
  sn->n_mem = g_new (int, se->S + 1);
  sn->members = g_new (int, PR + 1);
  sn->cnt = g_new (int, N * N * se->n_deltas);
  sn->emin = g_new (int, N * N);
  sn->ew = g_new (gint64, N * N);
  return sn;
}

void
_auftakt_snapshot_free (AuftaktSnapshot *sn)
{
  if (sn == NULL)
    return;
  g_free (sn->room_of);
  g_free (sn->ws_in);
  g_free (sn->runs);
  g_free (sn->ref_busy);
  g_free (sn->cap);
  g_free (sn->node_of);
  g_free (sn->session_of);
  g_free (sn->node_w);
  g_free (sn->node_r);
  g_free (sn->free_nodes);
  g_free (sn->active);
  g_free (sn->round_nodes);
  g_free (sn->n_round_nodes);
  g_free (sn->at);
  g_free (sn->pos);
  g_free (sn->missing);
  g_free (sn->xmem);
  g_free (sn->xpos);
  g_free (sn->busy);
  g_free (sn->n_mem);
  g_free (sn->members);
  g_free (sn->cnt);
  g_free (sn->emin);
  g_free (sn->ew);
  g_free (sn);
}

/* One array between the search and the snapshot, the way @restore says. */
static inline void
transfer (void       *in_search,
          void       *in_snapshot,
          gsize       size,
          gboolean    restore)
{
  if (restore)
    memcpy (in_search, in_snapshot, size);
  else
    memcpy (in_snapshot, in_search, size);
}

/* The whole state, the way @restore says: the members of the sessions
 * live in an array per session, all of them one after the other in the
 * snapshot. */
static void
transfer_all (AuftaktSnapshot *sn,
              AuftaktSearch   *se,
              gboolean         restore)
{
  gsize N = se->n_nodes, PR = (gsize) se->P * se->R;
  gsize i = sizeof (int), P = se->P, S = se->S, R = se->R, used = 0;

  transfer (se->room_of, sn->room_of, S * i, restore);
  transfer (se->ws_in, sn->ws_in, (gsize) se->M * R * i, restore);
  transfer (se->runs, sn->runs, (gsize) se->W * i, restore);
  transfer (se->ref_busy, sn->ref_busy, (gsize) se->F * R * i, restore);
  transfer (se->cap, sn->cap, S * i, restore);
  transfer (se->node_of, sn->node_of, S * i, restore);
  transfer (se->session_of, sn->session_of, N * i, restore);
  transfer (se->node_w, sn->node_w, N * i, restore);
  transfer (se->node_r, sn->node_r, N * i, restore);
  transfer (se->free_nodes, sn->free_nodes, N * i, restore);
  transfer (&se->n_free, &sn->n_free, i, restore);
  transfer (se->active, sn->active, N * i, restore);
  transfer (&se->n_active, &sn->n_active, i, restore);
  transfer (se->round_nodes, sn->round_nodes, R * N * i, restore);
  transfer (se->n_round_nodes, sn->n_round_nodes, R * i, restore);
  transfer (se->at, sn->at, PR * i, restore);
  transfer (se->pos, sn->pos, PR * i, restore);
  transfer (se->missing, sn->missing, P * i, restore);
  transfer (se->xmem, sn->xmem, P * i, restore);
  transfer (&se->n_xmem, &sn->n_xmem, i, restore);
  transfer (se->xpos, sn->xpos, P * i, restore);
  transfer (se->busy, sn->busy, P * sizeof (guint64), restore);
  transfer (&se->cost, &sn->cost, sizeof (gint64), restore);
  transfer (&se->changes, &sn->changes, sizeof (gint64), restore);
  transfer (&se->penalty, &sn->penalty, sizeof (gint64), restore);
  transfer (se->cnt, sn->cnt, N * N * se->n_deltas * i, restore);
  transfer (se->emin, sn->emin, N * N * i, restore);
  transfer (se->ew, sn->ew, N * N * sizeof (gint64), restore);
  transfer (se->n_mem, sn->n_mem, S * i, restore);
  for (gsize s = 0; s < S; s++)
    {
      int n = se->n_mem[s];

      if (n == 0)
        continue;
      if (restore && n > se->mem_alloc[s])
        {
          se->mem_alloc[s] = n;
          se->mem[s] = g_renew (int, se->mem[s], n);
        }
      transfer (se->mem[s], sn->members + used, n * i, restore);
      used += n;
    }
}

/* Copies the state of @se into @sn. */
void
_auftakt_snapshot_take (AuftaktSnapshot *sn,
                        AuftaktSearch   *se)
{
  transfer_all (sn, se, FALSE);
}

/* Puts the state taken into @sn back into @se, exactly as it was. */
void
_auftakt_snapshot_restore (AuftaktSnapshot *sn,
                           AuftaktSearch   *se)
{
  transfer_all (sn, se, TRUE);
}
