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
 * the random numbers, the counters).
 *
 * A snapshot belongs to the search it was made for: it holds the places
 * of that search's arrays, which never move, and a copy of each.  Only the
 * members of the sessions live in arrays that grow; they are copied one
 * after the other into one buffer. */

typedef struct {
  void *in_search;
  void *copy;
  gsize size;
} Part;

struct _AuftaktSnapshot
{
  GArray *parts;             /* of Part */
  int *members;              /* of every session, one after the other */
};

static void
add_part (AuftaktSnapshot *sn,
          void            *in_search,
          gsize            size)
{
  Part part = { in_search, g_malloc (MAX (size, 1)), size };

  g_array_append_val (sn->parts, part);
}

AuftaktSnapshot *
_auftakt_snapshot_new (AuftaktSearch *se)
{
  AuftaktSnapshot *sn = g_new0 (AuftaktSnapshot, 1);
  gsize N = se->n_nodes, PR = (gsize) se->P * se->R;
  gsize i = sizeof (int), P = se->P, S = se->S, R = se->R;

  sn->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  add_part (sn, se->room_of, S * i);
  add_part (sn, se->ws_in, (gsize) se->M * R * i);
  add_part (sn, se->runs, (gsize) se->W * i);
  add_part (sn, se->ref_busy, (gsize) se->F * R * i);
  add_part (sn, se->cap, S * i);
  add_part (sn, se->node_of, S * i);
  add_part (sn, se->session_of, N * i);
  add_part (sn, se->node_w, N * i);
  add_part (sn, se->node_r, N * i);
  add_part (sn, se->free_nodes, N * i);
  add_part (sn, &se->n_free, i);
  add_part (sn, se->active, N * i);
  add_part (sn, &se->n_active, i);
  add_part (sn, se->round_nodes, R * N * i);
  add_part (sn, se->n_round_nodes, R * i);
  add_part (sn, se->at, PR * i);
  add_part (sn, se->pos, PR * i);
  add_part (sn, se->missing, P * i);
  add_part (sn, se->xmem, P * i);
  add_part (sn, &se->n_xmem, i);
  add_part (sn, se->xpos, P * i);
  add_part (sn, se->busy, P * sizeof (guint64));
  add_part (sn, &se->cost, sizeof (gint64));
  add_part (sn, &se->changes, sizeof (gint64));
  add_part (sn, &se->penalty, sizeof (gint64));
  add_part (sn, se->cnt, N * N * se->n_deltas * i);
  add_part (sn, se->emin, N * N * i);
  add_part (sn, se->ew, N * N * sizeof (gint64));
  add_part (sn, se->n_mem, S * i);
  sn->members = g_new (int, PR + 1);
  return sn;
}

void
_auftakt_snapshot_free (AuftaktSnapshot *sn)
{
  if (sn == NULL)
    return;
  for (guint k = 0; k < sn->parts->len; k++)
    g_free (g_array_index (sn->parts, Part, k).copy);
  g_array_unref (sn->parts);
  g_free (sn->members);
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

/* The whole state, the way @restore says (n_mem, the last part, before
 * the members it counts). */
static void
transfer_all (AuftaktSnapshot *sn,
              AuftaktSearch   *se,
              gboolean         restore)
{
  gsize used = 0;

  for (guint k = 0; k < sn->parts->len; k++)
    {
      Part *part = &g_array_index (sn->parts, Part, k);

      transfer (part->in_search, part->copy, part->size, restore);
    }
  for (int s = 0; s < se->S; s++)
    {
      int n = se->n_mem[s];

      if (n == 0)
        continue;
      if (restore && n > se->mem_alloc[s])
        {
          se->mem_alloc[s] = n;
          se->mem[s] = g_renew (int, se->mem[s], n);
        }
      transfer (se->mem[s], sn->members + used, sizeof (int) * n, restore);
      used += n;
    }
}

/* Copies the state of @se, the search @sn was made for, into @sn. */
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
