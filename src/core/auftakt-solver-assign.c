/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include "auftakt-solver-private.h"

/* The assignment of participants to running sessions, and its improvement
 * by cancelling negative cycles.
 *
 * Every running session is a node of a graph; the edge u -> v carries the
 * cheapest change of objective of moving one member of u to v (another
 * session in the same round, or in a round the member has free), and the
 * member who makes it.  A node z closes paths: z -> u is "u loses a member"
 * and v -> z "v gains one", priced by the session's penalty for going below
 * its min or above its seats.  Node x holds the participants who miss
 * attendances.  A negative cycle in this graph is an improving exchange of
 * any length; with the rounds of all other attendances fixed, none left
 * means the attendances of every round are an optimal transportation, so
 * this is a very large neighbourhood searched exactly (Ahuja, Orlin and
 * Sharma's cyclic exchange neighbourhoods, here made exact because the
 * sessions, not the participants, are the nodes).
 *
 * Edge rows are kept up to date lazily: a row is computed again only when
 * the member that realised one of its minima changed. */

enum {
  UNDO_ASSIGN,
  UNDO_UNASSIGN,
  UNDO_OPEN,
  UNDO_CLOSE,
  UNDO_ROOM,
  UNDO_SWAP,
};

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static inline const int *
cost_row (const AuftaktSearch *se,
          int                  p)
{
  const AuftaktProblem *pb = se->pb;

  return pb->class_cost + (gsize) pb->participant_class[p] * se->W;
}

static inline int
published (const AuftaktSearch *se,
           int                  p,
           int                  r)
{
  return se->w_change > 0 ? se->pb->published_workshop[p * se->R + r] : -1;
}

/* What p attending w in round r adds to the objective, less the change
 * it saves when that is its published attendance. */
static inline gint64
attendance_value (const AuftaktSearch *se,
                  int                  p,
                  int                  r,
                  int                  w)
{
  return cost_row (se, p)[w] - (published (se, p, r) == w ? se->w_change : 0);
}

static void
log_push (AuftaktSearch *se,
          int            kind,
          int            a,
          int            b,
          int            c)
{
  AuftaktUndo u = { kind, a, b, c };

  if (se->logging)
    g_array_append_val (se->log, u);
}

/* Whether the other search of the portfolio has a schedule that meets the
 * bound, found at a tick this search is past (the main search wins a tie):
 * it wins whatever this search still finds, and which one wins depends on
 * the seed alone, not on which thread was faster.  Under the lock. */
static gboolean
other_got_there_first (const AuftaktSearch *se)
{
  int me = se->follower ? 1 : 0, other = 1 - me;
  gint64 cost = se->shared->cost_of[other];

  if (cost < 0 || cost > se->shared->bound)
    return FALSE;
  return se->ticks > se->shared->tick_of[other] ||
         (se->follower && se->ticks == se->shared->tick_of[other]);
}

gboolean
_auftakt_search_check_stop (AuftaktSearch *se)
{
  if (se->stopped)
    return TRUE;
  if ((se->check_counter++ & 15) == 0)
    {
      if (g_get_monotonic_time () >= se->deadline ||
          g_cancellable_is_cancelled (se->cancellable))
        se->stopped = TRUE;
      if (se->shared != NULL)
        {
          g_mutex_lock (&se->shared->lock);
          se->stopped |= other_got_there_first (se);
          g_mutex_unlock (&se->shared->lock);
        }
    }
  return se->stopped;
}

/* The state is the best valid one of this search: its cost is known to
 * the other searches too (for the progress shown).  One that changes
 * nothing of a published schedule is also entered with its tick where
 * the stop rule looks (only such a state can meet the bound), if it is
 * this search's cheapest so far. */
void
_auftakt_search_set_best (AuftaktSearch *se)
{
  int me = se->follower ? 1 : 0;

  se->best_cost = se->cost;
  if (se->shared == NULL)
    return;
  g_mutex_lock (&se->shared->lock);
  if (se->shared->best_cost < 0 || se->cost < se->shared->best_cost)
    se->shared->best_cost = se->cost;
  if (se->changes == 0 && se->penalty == 0 &&
      (se->shared->cost_of[me] < 0 || se->cost < se->shared->cost_of[me]))
    {
      se->shared->cost_of[me] = se->cost;
      se->shared->tick_of[me] = se->ticks;
    }
  g_mutex_unlock (&se->shared->lock);
}

/* The cost of the best valid schedule of this search or any other, or -1. */
gint64
_auftakt_search_best_cost (const AuftaktSearch *se)
{
  gint64 best = se->best_cost;

  if (se->shared == NULL)
    return best;
  g_mutex_lock (&se->shared->lock);
  if (se->shared->best_cost >= 0 && (best < 0 || se->shared->best_cost < best))
    best = se->shared->best_cost;
  g_mutex_unlock (&se->shared->lock);
  return best;
}

/* Whether the state is valid and costs no more than the best lower bound
 * known (@bound, or a better one another search shares): nothing can be
 * better. */
gboolean
_auftakt_search_meets_bound (AuftaktSearch *se,
                             gint64         bound)
{
  gboolean met;

  if (se->penalty != 0 || se->changes != 0)
    return FALSE;
  if (se->shared == NULL)
    return se->cost <= bound;
  g_mutex_lock (&se->shared->lock);
  met = se->cost <= MAX (bound, se->shared->bound);
  g_mutex_unlock (&se->shared->lock);
  return met;
}

gint64
_auftakt_search_objective (const AuftaktSearch *se)
{
  return se->cost + se->w_change * se->changes + se->w_infeasible * se->penalty;
}

/* Changes of the session against the published schedule: 1 if it moved to
 * another room, was cancelled or is new. */
static int
session_changes (const AuftaktSearch *se,
                 int                  s)
{
  int pub;

  if (se->w_change == 0)
    return 0;
  pub = se->pb->published_room[s];
  if (pub < 0)
    return se->room_of[s] >= 0;
  return se->room_of[s] != pub;
}

/* ---- edges ----
 *
 * The cost of a move is the difference of two attendance costs (plus, for a
 * re-solve, the change of kept attendances), and attendance costs take few
 * distinct values (the squares of ranks less one, and the unranked cost).
 * So each edge keeps a count of its members per distinct delta, and its
 * weight is the smallest delta with a non-zero count: a participant who
 * changes updates one count per node, and no row is ever scanned. */

static inline int
level_of (const AuftaktSearch *se,
          int                  p,
          int                  w)
{
  return se->level[(gsize) se->pb->participant_class[p] * se->W + w];
}

static void
rescan_edge (AuftaktSearch *se,
             gsize          e)
{
  const int *c = se->cnt + e * se->n_deltas;
  int d = se->emin[e] + 1;

  while (d < se->n_deltas && c[d] == 0)
    d++;
  se->emin[e] = d;
  se->ew[e] = d < se->n_deltas ? se->delta_value[d] : AUFTAKT_INF;
}

/* The delta index of moving member p of node u to node v, or -1 if p may
 * not move there. */
static int
member_delta (const AuftaktSearch *se,
              int                  u,
              int                  p,
              int                  v)
{
  int R = se->R, rb = se->node_r[v], wb = se->node_w[v];
  const int *at = se->at + (gsize) p * R;
  guint64 occ = se->busy[p];
  int from;

  if (u != se->x)
    {
      int ra = se->node_r[u], wa = se->node_w[u];

      if (se->pinned_p[p * R + ra])
        return -1;
      occ &= ~BIT (ra);
      for (int r = 0; r < R; r++)
        if (r != ra && at[r] == wb)
          return -1;
      from = 2 * level_of (se, p, wa) + (published (se, p, ra) == wa);
    }
  else
    {
      for (int r = 0; r < R; r++)
        if (at[r] == wb)
          return -1;
      from = 2 * se->n_levels;
    }
  if (!(se->pb->participant_rounds[p] & ~occ & BIT (rb)))
    return -1;
  return se->delta_index[from * 2 * se->n_levels + 2 * level_of (se, p, wb)
                         + (published (se, p, rb) == wb)];
}

/* Adds (sign 1) or removes (sign -1) the moves of member p of node u to
 * every node, or to node `only` unless it is -1. */
static void
contribute (AuftaktSearch *se,
            int            u,
            int            p,
            int            sign,
            int            only)
{
  const int *lrow = se->level + (gsize) se->pb->participant_class[p] * se->W;
  int R = se->R, N = se->n_nodes, ND = se->n_deltas;
  const int *at = se->at + (gsize) p * R;
  guint64 occ = se->busy[p];
  const guint16 *drow;
  gboolean change = se->w_change > 0;
  const int *pub = change ? se->pb->published_workshop + (gsize) p * R : NULL;
  int from;

  se->stamp++;
  if (u != se->x)
    {
      int ra = se->node_r[u], wa = se->node_w[u];

      if (se->pinned_p[p * R + ra])
        return;
      occ &= ~BIT (ra);
      for (int r = 0; r < R; r++)
        if (r != ra && at[r] >= 0)
          se->mark[at[r]] = se->stamp;
      from = 2 * lrow[wa] + (change && pub[ra] == wa);
    }
  else
    {
      for (int r = 0; r < R; r++)
        if (at[r] >= 0)
          se->mark[at[r]] = se->stamp;
      from = 2 * se->n_levels;
    }
  occ = se->pb->participant_rounds[p] & ~occ;
  drow = se->delta_index + from * 2 * se->n_levels;

  for (int r = 0; r < R; r++)
    {
      const int *nodes = se->round_nodes + (gsize) r * N;
      int n = se->n_round_nodes[r];

      if (only >= 0)
        {
          /* one node: the column of a new session */
          if (r != se->node_r[only])
            continue;
          nodes = &only;
          n = 1;
        }
      if (!(occ & BIT (r)))
        continue;
      for (int i = 0; i < n; i++)
        {
          int v = nodes[i], wb, d;
          gsize e;
          int *c;

          if (v == u)
            continue;
          wb = se->node_w[v];
          if (se->mark[wb] == se->stamp)
            continue;
          d = drow[2 * lrow[wb] + (change && pub[r] == wb)];
          e = (gsize) u * N + v;
          c = se->cnt + e * ND + d;
          if (sign > 0)
            {
              if ((*c)++ == 0 && d < se->emin[e])
                {
                  se->emin[e] = d;
                  se->ew[e] = se->delta_value[d];
                }
            }
          else
            {
              if (--(*c) == 0 && d == se->emin[e])
                rescan_edge (se, e);
            }
        }
    }
}

/* Every node whose row holds moves of p: its sessions, and x. */
static void
contribute_participant (AuftaktSearch *se,
                        int            p,
                        int            sign)
{
  int R = se->R;

  for (int r = 0; r < R; r++)
    {
      int w = se->at[p * R + r];

      if (w >= 0)
        contribute (se, se->node_of[w * R + r], p, sign, -1);
    }
  if (se->missing[p] > 0)
    contribute (se, se->x, p, sign, -1);
}

/* The distinct cost values (levels) and the distinct deltas between them. */
static void
build_deltas (AuftaktSearch *se)
{
  const AuftaktProblem *pb = se->pb;
  gsize n = (gsize) pb->n_classes * se->W;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) deltas = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  int L, from_levels;
  gint64 *all;

  for (gsize i = 0; i < n; i++)
    {
      gint64 v = pb->class_cost[i];

      if (!g_hash_table_contains (index, &v))
        {
          g_array_append_val (values, v);
          g_hash_table_add (index, &g_array_index (values, gint64, values->len - 1));
        }
    }
  g_hash_table_remove_all (index);
  if (values->len == 0)
    {
      gint64 zero = 0;

      g_array_append_val (values, zero);
    }
  se->n_levels = L = values->len;
  se->level_value = g_memdup2 (values->data, sizeof (gint64) * L);
  se->level = g_new (int, n + 1);
  for (gsize i = 0; i < n; i++)
    for (int l = 0; l < L; l++)
      if (se->level_value[l] == pb->class_cost[i])
        {
          se->level[i] = l;
          break;
        }

  /* from: a level and "leaves its published attendance", or x (cost 0);
   * to: a level and "returns to its published attendance" */
  from_levels = 2 * L + 1;
  all = g_new (gint64, from_levels * 2 * L);
  for (int f = 0; f < from_levels; f++)
    for (int t = 0; t < 2 * L; t++)
      {
        gint64 v = se->level_value[t / 2] - se->w_change * (t % 2);

        if (f < 2 * L)
          v += -se->level_value[f / 2] + se->w_change * (f % 2);
        all[f * 2 * L + t] = v;
        g_array_append_val (deltas, v);
      }
  g_array_sort (deltas, (GCompareFunc) compare_int64);
  {
    int m = 0;

    for (guint i = 0; i < deltas->len; i++)
      if (m == 0 || g_array_index (deltas, gint64, i) != g_array_index (deltas, gint64, m - 1))
        g_array_index (deltas, gint64, m++) = g_array_index (deltas, gint64, i);
    g_array_set_size (deltas, m);
  }
  se->n_deltas = deltas->len;
  se->delta_value = g_memdup2 (deltas->data, sizeof (gint64) * deltas->len);
  se->delta_index = g_new (guint16, from_levels * 2 * L);
  for (int i = 0; i < from_levels * 2 * L; i++)
    {
      int lo = 0, hi = se->n_deltas - 1;

      while (lo < hi)
        {
          int mid = (lo + hi) / 2;

          if (se->delta_value[mid] < all[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      se->delta_index[i] = lo;
    }
  g_free (all);
}

/* ---- nodes ---- */

static void
activate (AuftaktSearch *se,
          int            v)
{
  int r = se->node_r[v];

  /* x stays last */
  se->active[se->n_active] = se->active[se->n_active - 1];
  se->active[se->n_active - 1] = v;
  se->n_active++;
  se->round_nodes[(gsize) r * se->n_nodes + se->n_round_nodes[r]++] = v;
}

static void
deactivate (AuftaktSearch *se,
            int            v)
{
  int r = se->node_r[v], *nodes = se->round_nodes + (gsize) r * se->n_nodes;

  for (int i = 0; i < se->n_round_nodes[r]; i++)
    if (nodes[i] == v)
      {
        memmove (nodes + i, nodes + i + 1, sizeof (int) * (se->n_round_nodes[r] - i - 1));
        se->n_round_nodes[r]--;
        break;
      }
  for (int i = 0; i < se->n_active; i++)
    if (se->active[i] == v)
      {
        memmove (se->active + i, se->active + i + 1, sizeof (int) * (se->n_active - i - 1));
        se->n_active--;
        return;
      }
  g_assert_not_reached ();
}

static void
clear_edge (AuftaktSearch *se,
            gsize          e)
{
  memset (se->cnt + e * se->n_deltas, 0, sizeof (int) * se->n_deltas);
  se->emin[e] = se->n_deltas;
  se->ew[e] = AUFTAKT_INF;
}

/* The row and column of a new node: every member of every node may move
 * there. */
static void
fill_node (AuftaktSearch *se,
           int            v)
{
  int N = se->n_nodes;

  for (int i = 0; i < N; i++)
    {
      clear_edge (se, (gsize) v * N + i);
      clear_edge (se, (gsize) i * N + v);
    }
  for (int i = 0; i < se->n_active; i++)
    {
      int u = se->active[i];

      if (u == v)
        continue;
      if (u == se->x)
        for (int j = 0; j < se->n_xmem; j++)
          contribute (se, u, se->xmem[j], 1, v);
      else
        {
          int s = se->session_of[u];

          for (int j = 0; j < se->n_mem[s]; j++)
            contribute (se, u, se->mem[s][j], 1, v);
        }
    }
}

/* ---- the timetable ---- */

gboolean
_auftakt_search_can_open (const AuftaktSearch *se,
                          int                  w,
                          int                  r,
                          int                  m)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;

  if (se->room_of[w * R + r] >= 0 || se->ws_in[m * R + r] >= 0)
    return FALSE;
  if (!(pb->workshop_rounds[w] & BIT (r)) || !(pb->room_rounds[m] & BIT (r)))
    return FALSE;
  if (se->runs[w] >= pb->workshop_max_runs[w])
    return FALSE;
  if (auftakt_problem_seats (pb, w, m) < se->lo[w])
    return FALSE;
  for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
    if (se->ref_busy[pb->leads[i] * R + r] > 0)
      return FALSE;
  return TRUE;
}

void
_auftakt_search_open (AuftaktSearch *se,
                      int            s,
                      int            m)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R, w = s / R, r = s % R;
  int v;

  g_assert (se->room_of[s] < 0 && se->n_free > 0);
  se->changes -= session_changes (se, s);
  se->room_of[s] = m;
  se->ws_in[m * R + r] = w;
  se->runs[w]++;
  for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
    se->ref_busy[pb->leads[i] * R + r]++;
  se->cap[s] = auftakt_problem_seats (pb, w, m);
  se->changes += session_changes (se, s);
  se->penalty += _auftakt_search_excess (se, s, 0);

  v = se->free_nodes[--se->n_free];
  se->node_of[s] = v;
  se->session_of[v] = s;
  se->node_w[v] = w;
  se->node_r[v] = r;
  activate (se, v);
  fill_node (se, v);
  log_push (se, UNDO_OPEN, s, m, 0);
}

/* The session must have no members. */
void
_auftakt_search_close (AuftaktSearch *se,
                       int            s)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R, w = s / R, r = s % R;
  int m = se->room_of[s], v = se->node_of[s];

  g_assert (m >= 0 && se->n_mem[s] == 0);
  se->penalty -= _auftakt_search_excess (se, s, 0);
  se->changes -= session_changes (se, s);
  se->room_of[s] = -1;
  se->ws_in[m * R + r] = -1;
  se->runs[w]--;
  for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
    se->ref_busy[pb->leads[i] * R + r]--;
  se->cap[s] = 0;
  se->changes += session_changes (se, s);

  deactivate (se, v);
  se->node_of[s] = -1;
  se->session_of[v] = -1;
  se->free_nodes[se->n_free++] = v;
  log_push (se, UNDO_CLOSE, s, m, 0);
}

/* Moves a running session to another room of its round; the room must be
 * free. */
void
_auftakt_search_set_room (AuftaktSearch *se,
                          int            s,
                          int            m)
{
  int R = se->R, w = s / R, r = s % R;
  int old = se->room_of[s];

  g_assert (old >= 0 && se->ws_in[m * R + r] < 0);
  se->penalty -= _auftakt_search_excess (se, s, se->n_mem[s]);
  se->changes -= session_changes (se, s);
  se->ws_in[old * R + r] = -1;
  se->ws_in[m * R + r] = w;
  se->room_of[s] = m;
  se->cap[s] = auftakt_problem_seats (se->pb, w, m);
  se->changes += session_changes (se, s);
  se->penalty += _auftakt_search_excess (se, s, se->n_mem[s]);
  log_push (se, UNDO_ROOM, s, old, 0);
}

/* Exchanges the rooms of two running sessions of the same round. */
void
_auftakt_search_swap_rooms (AuftaktSearch *se,
                            int            s,
                            int            t)
{
  int R = se->R, r = s % R;
  int ms = se->room_of[s], mt = se->room_of[t];

  g_assert (ms >= 0 && mt >= 0 && t % R == r && s != t);
  se->penalty -= _auftakt_search_excess (se, s, se->n_mem[s])
                 + _auftakt_search_excess (se, t, se->n_mem[t]);
  se->changes -= session_changes (se, s) + session_changes (se, t);
  se->room_of[s] = mt;
  se->room_of[t] = ms;
  se->ws_in[mt * R + r] = s / R;
  se->ws_in[ms * R + r] = t / R;
  se->cap[s] = auftakt_problem_seats (se->pb, s / R, mt);
  se->cap[t] = auftakt_problem_seats (se->pb, t / R, ms);
  se->changes += session_changes (se, s) + session_changes (se, t);
  se->penalty += _auftakt_search_excess (se, s, se->n_mem[s])
                 + _auftakt_search_excess (se, t, se->n_mem[t]);
  log_push (se, UNDO_SWAP, s, t, 0);
}

/* Session s into room m of its round: a free room, or the room of
 * another session of the round, which takes s's. */
void
_auftakt_search_put_room (AuftaktSearch *se,
                          int            s,
                          int            m)
{
  int R = se->R, t = se->ws_in[m * R + s % R];

  if (t < 0)
    _auftakt_search_set_room (se, s, m);
  else
    _auftakt_search_swap_rooms (se, s, t * R + s % R);
}

/* ---- the assignment ---- */

static void
x_add (AuftaktSearch *se,
       int            p)
{
  if (se->xpos[p] >= 0)
    return;
  se->xpos[p] = se->n_xmem;
  se->xmem[se->n_xmem++] = p;
}

static void
x_remove (AuftaktSearch *se,
          int            p)
{
  int i = se->xpos[p], last;

  if (i < 0)
    return;
  last = se->xmem[--se->n_xmem];
  se->xmem[i] = last;
  se->xpos[last] = i;
  se->xpos[p] = -1;
}

void
_auftakt_search_assign (AuftaktSearch *se,
                        int            p,
                        int            r,
                        int            w)
{
  int R = se->R, s = w * R + r;
  int v = se->node_of[s];
  int pub = published (se, p, r);
  int n = se->n_mem[s];

  g_assert (v >= 0 && se->at[p * R + r] < 0 && se->missing[p] > 0);

  if (!se->batch)
    contribute_participant (se, p, -1);
  if (n == se->mem_alloc[s])
    {
      se->mem_alloc[s] = MAX (8, 2 * n);
      se->mem[s] = g_renew (int, se->mem[s], se->mem_alloc[s]);
    }
  se->mem[s][n] = p;
  se->pos[p * R + r] = n;
  se->n_mem[s] = n + 1;
  se->penalty += _auftakt_search_excess (se, s, n + 1) - _auftakt_search_excess (se, s, n);
  se->at[p * R + r] = w;
  se->busy[p] |= BIT (r);
  se->cost += cost_row (se, p)[w];
  if (pub >= 0 && pub == w)
    se->changes--;
  se->missing[p]--;
  se->penalty--;
  if (se->missing[p] == 0)
    x_remove (se, p);
  log_push (se, UNDO_ASSIGN, p, r, w);
  if (!se->batch)
    contribute_participant (se, p, 1);
}

void
_auftakt_search_unassign (AuftaktSearch *se,
                          int            p,
                          int            r)
{
  int R = se->R, w = se->at[p * R + r];
  int s = w * R + r, v = se->node_of[s];
  int pub = published (se, p, r);
  int n = se->n_mem[s], i = se->pos[p * R + r], last;

  g_assert (w >= 0 && v >= 0);

  if (!se->batch)
    contribute_participant (se, p, -1);
  last = se->mem[s][n - 1];
  se->mem[s][i] = last;
  se->pos[last * R + r] = i;
  se->n_mem[s] = n - 1;
  se->penalty += _auftakt_search_excess (se, s, n - 1) - _auftakt_search_excess (se, s, n);
  se->at[p * R + r] = -1;
  se->busy[p] &= ~BIT (r);
  se->cost -= cost_row (se, p)[w];
  if (pub >= 0 && pub == w)
    se->changes++;
  se->missing[p]++;
  se->penalty++;
  x_add (se, p);
  log_push (se, UNDO_UNASSIGN, p, r, w);
  if (!se->batch)
    contribute_participant (se, p, 1);
}

/* Moves p's attendance in round from_r to workshop w in round r: an
 * unassign and an assign, with p's edges updated once. */
void
_auftakt_search_move (AuftaktSearch *se,
                      int            p,
                      int            from_r,
                      int            r,
                      int            w)
{
  contribute_participant (se, p, -1);
  se->batch = TRUE;
  _auftakt_search_unassign (se, p, from_r);
  _auftakt_search_assign (se, p, r, w);
  se->batch = FALSE;
  contribute_participant (se, p, 1);
}

/* Whether p, leaving its attendance in round from_r (-1: none), may attend
 * workshop w in round r, whose session runs. */
gboolean
_auftakt_search_eligible (const AuftaktSearch *se,
                          int                  p,
                          int                  from_r,
                          int                  w,
                          int                  r)
{
  int R = se->R;
  guint64 occ = se->busy[p];

  if (se->room_of[w * R + r] < 0)
    return FALSE;
  if (from_r >= 0)
    occ &= ~BIT (from_r);
  if (!(se->pb->participant_rounds[p] & ~occ & BIT (r)))
    return FALSE;
  for (int rr = 0; rr < R; rr++)
    if (rr != from_r && se->at[p * R + rr] == w)
      return FALSE;
  return TRUE;
}

/* Gives p its missing attendances one by one, each time the cheapest
 * (objective plus price[s], when prices are given). */
void
_auftakt_search_place (AuftaktSearch *se,
                       int            p,
                       const gint64  *price)
{
  const int *crow = cost_row (se, p);
  int R = se->R;

  while (se->missing[p] > 0)
    {
      gint64 best = AUFTAKT_INF;
      int best_s = -1;

      for (int i = 0; i < se->n_active; i++)
        {
          int v = se->active[i], s, w, r;
          gint64 d;

          if (v == se->x)
            continue;
          s = se->session_of[v];
          w = s / R;
          r = s % R;
          if (!_auftakt_search_eligible (se, p, -1, w, r))
            continue;
          d = crow[w] + se->w_penalty * (_auftakt_search_excess (se, s, se->n_mem[s] + 1)
                                         - _auftakt_search_excess (se, s, se->n_mem[s]));
          if (published (se, p, r) == w)
            d -= se->w_change;
          if (price != NULL)
            d += price[s];
          if (d < best)
            {
              best = d;
              best_s = s;
            }
        }
      if (best_s < 0)
        return;
      _auftakt_search_assign (se, p, best_s % R, best_s / R);
    }
}

/* Takes every member out of the session (locked ones too: the caller
 * knows); appends them to displaced when given. */
void
_auftakt_search_empty (AuftaktSearch *se,
                       int            s,
                       GArray        *displaced)
{
  int r = s % se->R;

  while (se->n_mem[s] > 0)
    {
      int p = se->mem[s][se->n_mem[s] - 1];

      _auftakt_search_unassign (se, p, r);
      if (displaced != NULL)
        g_array_append_val (displaced, p);
    }
}

void
_auftakt_search_undo (AuftaktSearch *se,
                      guint          mark)
{
  gboolean logging = se->logging;

  se->logging = FALSE;
  while (se->log->len > mark)
    {
      AuftaktUndo u = g_array_index (se->log, AuftaktUndo, se->log->len - 1);

      g_array_set_size (se->log, se->log->len - 1);
      switch (u.kind)
        {
        case UNDO_ASSIGN:
          _auftakt_search_unassign (se, u.a, u.b);
          break;
        case UNDO_UNASSIGN:
          _auftakt_search_assign (se, u.a, u.b, u.c);
          break;
        case UNDO_OPEN:
          _auftakt_search_close (se, u.a);
          break;
        case UNDO_CLOSE:
          _auftakt_search_open (se, u.a, u.b);
          break;
        case UNDO_ROOM:
          _auftakt_search_set_room (se, u.a, u.b);
          break;
        case UNDO_SWAP:
          _auftakt_search_swap_rooms (se, u.a, u.b);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  se->logging = logging;
}

/* Ends a change tried since log mark: kept if the objective fell below
 * before, else undone; the caller's logging restored (its entries kept
 * only for a caller that logs, which may still take the change back).
 * Returns whether the change was kept. */
gboolean
_auftakt_search_settle (AuftaktSearch *se,
                        gint64         before,
                        guint          mark,
                        gboolean       logging)
{
  gboolean kept = _auftakt_search_objective (se) < before;

  if (!kept)
    _auftakt_search_undo (se, mark);
  else if (!logging)
    g_array_set_size (se->log, mark);
  se->logging = logging;
  return kept;
}

/* Replaces the whole state by the timetable and attendances given (as
 * room_of and at hold them), for instance the best found. */
void
_auftakt_search_load (AuftaktSearch *se,
                      const int     *room_of,
                      const int     *at)
{
  int R = se->R;
  gboolean logging = se->logging;

  se->logging = FALSE;
  for (int s = 0; s < se->S; s++)
    if (se->room_of[s] >= 0)
      _auftakt_search_empty (se, s, NULL);
  for (int s = 0; s < se->S; s++)
    if (se->room_of[s] >= 0)
      _auftakt_search_close (se, s);
  for (int s = 0; s < se->S; s++)
    if (room_of[s] >= 0)
      _auftakt_search_open (se, s, room_of[s]);
  for (int p = 0; p < se->P; p++)
    for (int r = 0; r < R; r++)
      if (at[p * R + r] >= 0)
        _auftakt_search_assign (se, p, r, at[p * R + r]);
  se->logging = logging;
}

/* The change of the sum of n^2 / seats when session s gains d members. */
static double
fill_change (const AuftaktSearch *se,
             int                  s,
             int                  d)
{
  double n = se->n_mem[s];

  return ((n + d) * (n + d) - n * n) / se->cap[s];
}

static gboolean
can_take (const AuftaktSearch *se,
          int                  s)
{
  return se->room_of[s] >= 0 && se->n_mem[s] < se->cap[s];
}

static gboolean
can_give (const AuftaktSearch *se,
          int                  s)
{
  return se->n_mem[s] > se->lo[s / se->R];
}

/* A move of a walk-in's attendance: to session t, or, with swap_r >= 0,
 * a trade of the rounds of two attendances (t is then the session the
 * attendance of round r moves to); g is its change of the sum. */
typedef struct {
  int t, swap_r;
  double g;
} SpreadMove;

/* The best move of participant p's attendance in round r (if any) whose
 * change is below @below, or one with t = -1. */
static SpreadMove
best_spread_move (const AuftaktSearch *se,
                  int                  p,
                  int                  r,
                  double               below)
{
  const int *at = se->at + (gsize) p * se->R;
  int R = se->R, w = at[r], s = w * R + r;
  SpreadMove best = { -1, -1, below };

  if (w < 0 || se->pinned_p[p * R + r] || published (se, p, r) == w || !can_give (se, s))
    return best;
  /* one attendance elsewhere */
  for (int i = 0; i < se->n_active; i++)
    {
      int v = se->active[i], t;
      double g;

      if (v == se->x)
        continue;
      t = se->session_of[v];
      if (t == s || !can_take (se, t) || !_auftakt_search_eligible (se, p, r, t / R, t % R))
        continue;
      g = fill_change (se, s, -1) + fill_change (se, t, 1);
      if (g < best.g)
        best = (SpreadMove) { t, -1, g };
    }
  /* two attendances trade rounds */
  for (int r2 = 0; r2 < R; r2++)
    {
      int w2 = at[r2], s2, t1, t2;
      double g;

      if (r2 == r || w2 < 0 || se->pinned_p[p * R + r2] || published (se, p, r2) == w2)
        continue;
      s2 = w2 * R + r2;
      t1 = w2 * R + r;
      t2 = w * R + r2;
      if (!can_give (se, s2) || !can_take (se, t1) || !can_take (se, t2))
        continue;
      g = fill_change (se, s, -1) + fill_change (se, s2, -1)
          + fill_change (se, t1, 1) + fill_change (se, t2, 1);
      if (g < best.g)
        best = (SpreadMove) { t1, r2, g };
    }
  return best;
}

static void
apply_spread_move (AuftaktSearch    *se,
                   int               p,
                   int               r,
                   const SpreadMove *move)
{
  int w = se->at[(gsize) p * se->R + r];

  if (move->swap_r >= 0)
    {
      int w2 = se->at[(gsize) p * se->R + move->swap_r];

      _auftakt_search_unassign (se, p, r);
      _auftakt_search_unassign (se, p, move->swap_r);
      _auftakt_search_assign (se, p, r, w2);
      _auftakt_search_assign (se, p, move->swap_r, w);
    }
  else
    {
      _auftakt_search_unassign (se, p, r);
      _auftakt_search_assign (se, p, move->t % se->R, move->t / se->R);
    }
}

static gboolean
is_walk_in (const AuftaktSearch *se,
            int                  p)
{
  return se->pb->choice_start[p] == se->pb->choice_start[p + 1];
}

/* Makes the improving moves of the walk-ins' attendances (all but
 * @except's), or only the first one found; returns whether one was made. */
static gboolean
spread_pass (AuftaktSearch *se,
             int            except,
             gboolean       first_only)
{
  gboolean moved = FALSE;

  for (int p = 0; p < se->P; p++)
    {
      if (p == except || !is_walk_in (se, p))
        continue;
      for (int r = 0; r < se->R; r++)
        {
          SpreadMove move = best_spread_move (se, p, r, -1e-9);

          if (move.t < 0)
            continue;
          apply_spread_move (se, p, r, &move);
          if (first_only)
            return TRUE;
          moved = TRUE;
        }
    }
  return moved;
}

/* Some improving moves need a move that changes nothing first: e.g. a
 * walk-in trades the rounds of its attendances, making one round more even
 * and the other less, and then another walk-in evens out the other round
 * (no single move could: each would attend a workshop twice).  Tries such
 * moves (trades or single moves) until one lets an improving move follow,
 * within a budget of scans; returns whether one did. */
static gboolean
spread_sideways (AuftaktSearch *se,
                 int           *budget)
{
  for (int p = 0; p < se->P; p++)
    {
      if (!is_walk_in (se, p))
        continue;
      for (int r = 0; r < se->R; r++)
        {
          SpreadMove move = best_spread_move (se, p, r, 1e-9);
          guint mark = se->log->len;
          gboolean followed;

          if (move.t < 0 || (*budget)-- <= 0)
            continue;
          se->logging = TRUE;
          apply_spread_move (se, p, r, &move);
          followed = spread_pass (se, p, TRUE);
          if (!followed)
            _auftakt_search_undo (se, mark);
          se->logging = FALSE;
          g_array_set_size (se->log, mark);
          if (followed)
            return TRUE;
        }
    }
  return FALSE;
}

/* Participants who ranked nothing cost the same everywhere; spread them
 * so that the sessions fill evenly: a descent on the sum over sessions of
 * members^2 / seats, by moving one attendance of such a participant to
 * another session of the round or to a round it has free, or by swapping
 * the rounds of two of its attendances, and where none of these lowers the
 * sum, by such a move that keeps it followed by one that lowers it.  Each
 * step lowers the sum, so this ends.  The cost does not change, nor does
 * anything a re-solve keeps. */
void
_auftakt_search_spread_walk_ins (AuftaktSearch *se)
{
  gboolean logging = se->logging;
  /* look-ahead scans cost P * R * sessions each: a few on big events */
  gint64 work = (gint64) MAX (se->P, 1) * se->R * MAX (se->n_active, 1);
  int budget = (int) CLAMP (20000000 / work, 1, 1000);

  se->logging = FALSE;
  for (int pass = 0; pass < 100; pass++)
    if (!spread_pass (se, -1, FALSE) && !spread_sideways (se, &budget))
      break;
  se->logging = logging;
}

/* ---- one participant at a time ---- */

typedef struct {
  int n;
  int w[64], r[64];
  gint64 best;
  int best_w[64], best_r[64];
  int cw[64][8];
  gint64 cv[64][8];
  int nc[64];
  int rounds[64];
  int na, need, k;
} Response;

static void
respond (Response *re,
         int       i,
         int       chosen,
         gint64    sum)
{
  int need = re->need - chosen;

  if (sum >= re->best)
    return;
  if (need == 0)
    {
      re->best = sum;
      memcpy (re->best_w, re->w, sizeof (int) * chosen);
      memcpy (re->best_r, re->r, sizeof (int) * chosen);
      return;
    }
  if (re->na - i < need)
    return;
  for (int j = 0; j < re->nc[i]; j++)
    {
      int w = re->cw[i][j];
      gboolean taken = FALSE;

      for (int c = 0; c < chosen; c++)
        taken |= re->w[c] == w;
      if (taken)
        continue;
      re->w[chosen] = w;
      re->r[chosen] = re->rounds[i];
      respond (re, i + 1, chosen + 1, sum + re->cv[i][j]);
    }
  respond (re, i + 1, chosen, sum);
}

/* Takes participant p out and gives it the best set of attendances for the
 * sessions as they are (their penalties included); keeps that if it is
 * better.  This finds what single moves cannot: p trading two attendances
 * at once.  Returns whether p changed. */
static gboolean
respond_participant (AuftaktSearch *se,
                     int            p,
                     gboolean       eject)
{
  const int *crow = cost_row (se, p);
  int R = se->R, K = se->K;
  Response re;
  gint64 before = _auftakt_search_objective (se);
  guint mark = se->log->len;
  gboolean logging = se->logging;
  guint64 fixed = 0;
  int kept = 0;
  gint64 own = 0;

  if (K > 8 || R > 64)
    return FALSE;
  if (eject)
    {
      /* only a participant who could do better at all */
      for (int r = 0; r < R; r++)
        if (se->at[p * R + r] >= 0 && !se->pinned_p[p * R + r])
          own += attendance_value (se, p, r, se->at[p * R + r]);
      if (own == 0 && se->missing[p] == 0)
        return FALSE;
    }
  se->logging = TRUE;
  for (int r = 0; r < R; r++)
    if (se->at[p * R + r] >= 0)
      {
        if (se->pinned_p[p * R + r])
          {
            fixed |= BIT (r);
            kept++;
          }
        else
          _auftakt_search_unassign (se, p, r);
      }

  re.na = 0;
  re.k = K;
  for (int r = 0; r < R; r++)
    {
      int i = re.na;

      if ((fixed & BIT (r)) || !(se->pb->participant_rounds[p] & BIT (r)))
        continue;
      re.nc[i] = 0;
      for (int a = 0; a < se->n_active; a++)
        {
          int v = se->active[a], s, w, j, n;
          gint64 d;

          if (v == se->x || se->node_r[v] != r)
            continue;
          s = se->session_of[v];
          w = s / R;
          if (!_auftakt_search_eligible (se, p, -1, w, r))
            continue;
          n = se->n_mem[s];
          d = crow[w];
          if (!eject)
            d += se->w_penalty * (_auftakt_search_excess (se, s, n + 1)
                                  - _auftakt_search_excess (se, s, n));
          if (published (se, p, r) == w)
            d -= se->w_change;
          /* keep the K cheapest of the round */
          if (re.nc[i] == K && d >= re.cv[i][K - 1])
            continue;
          j = re.nc[i] < K ? re.nc[i]++ : K - 1;
          while (j > 0 && re.cv[i][j - 1] > d)
            {
              re.cv[i][j] = re.cv[i][j - 1];
              re.cw[i][j] = re.cw[i][j - 1];
              j--;
            }
          re.cv[i][j] = d;
          re.cw[i][j] = w;
        }
      if (re.nc[i] > 0)
        re.rounds[re.na++] = r;
    }
  re.need = MIN (K - kept, re.na);
  re.best = eject && se->missing[p] == 0 ? own : AUFTAKT_INF;
  respond (&re, 0, 0, 0);
  if (eject && re.best >= own && se->missing[p] == 0)
    {
      _auftakt_search_undo (se, mark);
      se->logging = logging;
      return FALSE;
    }
  if (re.best < AUFTAKT_INF)
    for (int c = 0; c < re.need; c++)
      if (_auftakt_search_eligible (se, p, -1, re.best_w[c], re.best_r[c]))
        _auftakt_search_assign (se, p, re.best_r[c], re.best_w[c]);
  /* an ejection chain: p takes its best plan whatever the seats, and
   * negative cycles find who makes room */
  if (eject)
    _auftakt_search_improve (se);

  return _auftakt_search_settle (se, before, mark, logging);
}

/* Every participant once; returns how many changed. */
int
_auftakt_search_respond_all (AuftaktSearch *se)
{
  int changed = 0;

  for (int p = 0; p < se->P && !_auftakt_search_check_stop (se); p++)
    changed += respond_participant (se, p, FALSE);
  return changed;
}

/* Every participant who could do better once as the head of an ejection
 * chain (in an order drawn from the search's generator); returns how many
 * chains improved. */
int
_auftakt_search_eject_all (AuftaktSearch *se)
{
  g_autofree int *order = g_new (int, se->P + 1);
  int changed = 0;

  for (int p = 0; p < se->P; p++)
    order[p] = p;
  for (int p = se->P - 1; p > 0; p--)
    {
      int q = _auftakt_rng_below (&se->rng, p + 1), t = order[p];

      order[p] = order[q];
      order[q] = t;
    }
  for (int i = 0; i < se->P && !_auftakt_search_check_stop (se); i++)
    changed += respond_participant (se, order[i], TRUE);
  return changed;
}

/* ---- negative cycles ---- */

static inline gint64
lose (const AuftaktSearch *se,
      int                  u)
{
  int s, n;

  if (u == se->x)
    return se->n_xmem > 0 ? -se->w_penalty : AUFTAKT_INF;
  s = se->session_of[u];
  n = se->n_mem[s];
  if (n == 0)
    return AUFTAKT_INF;
  return se->w_penalty * (_auftakt_search_excess (se, s, n - 1) - _auftakt_search_excess (se, s, n));
}

static inline gint64
gain (const AuftaktSearch *se,
      int                  u)
{
  int s, n;

  if (u == se->x)
    return AUFTAKT_INF;
  s = se->session_of[u];
  n = se->n_mem[s];
  return se->w_penalty * (_auftakt_search_excess (se, s, n + 1) - _auftakt_search_excess (se, s, n));
}

static inline gint64
weight (const AuftaktSearch *se,
        int                  u,
        int                  v)
{
  int z = se->n_nodes;

  if (u == z)
    return lose (se, v);
  if (v == z)
    return gain (se, u);
  return se->ew[(gsize) u * se->n_nodes + v];
}

/* Bellman-Ford from all nodes at once, with a look for cycles among the
 * parent pointers after every pass (Cherkassky and Goldberg's "walk to
 * root"): any such cycle is negative.  The walks of a pass stop where an
 * earlier one went, so the cycles they find share no node: all of the
 * first pass that has any, up to max, are returned (their nodes in
 * se->cycle one after the other, each in the order of the moves, their
 * lengths in se->cycle_len); returns how many. */
static int
find_cycles (AuftaktSearch *se,
             int            max)
{
  int z = se->n_nodes;
  int n = se->n_active + 1;
  int *list = g_alloca (sizeof (int) * n);
  int walk = 0, pass_base, found = 0, used = 0;

  memcpy (list, se->active, sizeof (int) * se->n_active);
  list[n - 1] = z;
  for (int i = 0; i < n; i++)
    {
      int u = list[i];

      se->dist[u] = 0;
      se->parent[u] = -1;
      se->upd[u] = 1;
      se->seen[u] = -1;
    }

  for (int pass = 0; pass <= n; pass++)
    {
      gboolean any = FALSE;


      for (int i = 0; i < n; i++)
        se->upd_next[list[i]] = 0;
      for (int i = 0; i < n; i++)
        {
          int u = list[i];
          gint64 du;

          if (!se->upd[u])
            continue;
          du = se->dist[u];
          for (int j = 0; j < n; j++)
            {
              int v = list[j];
              gint64 w;

              if (v == u)
                continue;
              w = weight (se, u, v);
              if (w >= AUFTAKT_INF)
                continue;
              if (du + w < se->dist[v])
                {
                  se->dist[v] = du + w;
                  se->parent[v] = u;
                  se->upd_next[v] = 1;
                  any = TRUE;
                }
            }
        }
      if (!any)
        return 0;

      /* walk to the root from every node that changed; a walk may stop
       * where an earlier walk of this pass went, which found no cycle */
      pass_base = walk;
      for (int i = 0; i < n; i++)
        {
          int v = list[i], start, len = 0, c;

          if (!se->upd_next[v])
            continue;
          start = ++walk;
          c = v;
          while (c >= 0 && se->seen[c] != start && se->seen[c] <= pass_base)
            {
              se->seen[c] = start;
              c = se->parent[c];
            }
          if (c >= 0 && se->seen[c] == start)
            {
              /* c is on the cycle: collect it backwards, then reverse */
              int *cycle = se->cycle + used;
              int d = c;

              do
                {
                  cycle[len++] = d;
                  d = se->parent[d];
                }
              while (d != c && len <= n);
              for (int a = 0, b = len - 1; a < b; a++, b--)
                {
                  int t = cycle[a];

                  cycle[a] = cycle[b];
                  cycle[b] = t;
                }
              se->cycle_len[found++] = len;
              used += len;
              if (found == max)
                return found;
            }
        }
      if (found > 0)
        return found;
      memcpy (se->upd, se->upd_next, sizeof (guint8) * (z + 1));
    }
  return 0;
}

/* Whether a negative cycle is left: the cycles may stop at their cap on
 * failures, or at a stop, before all are cancelled. */
static gboolean
negative_cycle_left (AuftaktSearch *se)
{
  return find_cycles (se, 1) > 0;
}

/* How many units may flow through node u (z -> u: u loses members) or
 * into node v (v -> z: v gains) at the penalty of the first unit. */
static int
lose_room (const AuftaktSearch *se,
           int                  u)
{
  int s, n, lo;

  if (u == se->x)
    return se->n_xmem;
  s = se->session_of[u];
  n = se->n_mem[s];
  lo = se->lo[se->node_w[u]];
  if (n > se->cap[s])
    return n - MAX (se->cap[s], lo);
  if (n > lo)
    return n - lo;
  return 1;
}

static int
gain_room (const AuftaktSearch *se,
           int                  v)
{
  int s = se->session_of[v], n = se->n_mem[s], lo = se->lo[se->node_w[v]];

  if (n < lo)
    return MIN (lo, se->cap[s]) - n > 0 ? MIN (lo, se->cap[s]) - n : 1;
  if (n < se->cap[s])
    return se->cap[s] - n;
  return G_MAXINT;
}

/* Up to k members of node u whose move to v has delta index d and who
 * are not taken yet; marks and stores them in out.  Returns how many. */
static int
find_members (AuftaktSearch *se,
              int            u,
              int            v,
              int            d,
              int            k,
              int           *out)
{
  const int *members;
  int count, n = 0;

  if (u == se->x)
    {
      members = se->xmem;
      count = se->n_xmem;
    }
  else
    {
      members = se->mem[se->session_of[u]];
      count = se->n_mem[se->session_of[u]];
    }
  for (int i = 0; i < count && n < k; i++)
    {
      int p = members[i];

      if (se->pmark[p] == se->pstamp || member_delta (se, u, p, v) != d)
        continue;
      se->pmark[p] = se->pstamp;
      out[n++] = p;
    }
  return n;
}

static gboolean
move_member (AuftaktSearch *se,
             int            u,
             int            v,
             int            p)
{
  int R = se->R, wv = se->node_w[v], rv = se->node_r[v];

  if (u == se->x)
    {
      if (se->missing[p] == 0 || !_auftakt_search_eligible (se, p, -1, wv, rv))
        return FALSE;
      _auftakt_search_assign (se, p, rv, wv);
    }
  else
    {
      int ru = se->node_r[u];

      if (se->at[p * R + ru] != se->node_w[u] || se->pinned_p[p * R + ru] ||
          !_auftakt_search_eligible (se, p, ru, wv, rv))
        return FALSE;
      _auftakt_search_move (se, p, ru, rv, wv);
    }
  return TRUE;
}

/* Sends k units around the cycle at once, as many as its edges and nodes
 * carry at the weight of the first (the members of an edge with the same
 * delta, the room before a session's penalty changes).  FALSE, and nothing
 * changed, if the moves do not improve (one participant made two of them,
 * or the cycle was found before another one changed its edges): then the
 * caller tries a single unit.  A single unit that fails keeps the edge
 * from being found again (until it changes) where the cycle was found in
 * the state it is made in (fresh). */
static gboolean
apply_cycle (AuftaktSearch *se,
             const int     *cycle,
             int            len,
             int            max_units,
             gboolean       fresh)
{
  int z = se->n_nodes, N = se->n_nodes;
  gint64 before = _auftakt_search_objective (se);
  guint mark = se->log->len;
  gboolean logging = se->logging;
  int k = max_units, failed_edge = -1, stride;
  int *who, *n_who;

  /* the units the cycle carries; a cycle found before another one was
   * made may use an edge that has no member left */
  for (int i = 0; i < len; i++)
    {
      int u = cycle[i], v = cycle[(i + 1) % len];
      gsize e = (gsize) u * N + v;

      if (u == z)
        k = MIN (k, lose_room (se, v));
      else if (v == z)
        k = MIN (k, gain_room (se, u));
      else if (se->emin[e] >= se->n_deltas)
        return FALSE;
      else
        k = MIN (k, se->cnt[e * se->n_deltas + se->emin[e]]);
    }
  k = MAX (k, 1);
  stride = k;

  /* the participants, all from the state before the first move */
  who = g_new (int, (gsize) stride * len + 1);
  n_who = g_alloca (sizeof (int) * (len + 1));
  se->pstamp++;
  for (int i = 0; i < len; i++)
    {
      int u = cycle[i], v = cycle[(i + 1) % len];

      n_who[i] = 0;
      if (u == z || v == z)
        continue;
      n_who[i] = find_members (se, u, v, se->emin[(gsize) u * N + v], k, who + (gsize) i * stride);
      if (n_who[i] == 0)
        {
          failed_edge = i;
          goto fail;
        }
      k = MIN (k, n_who[i]);
    }

  se->logging = TRUE;
  for (int j = 0; j < k; j++)
    for (int i = 0; i < len; i++)
      {
        int u = cycle[i], v = cycle[(i + 1) % len];

        if (u == z || v == z)
          continue;
        if (!move_member (se, u, v, who[(gsize) i * stride + j]))
          {
            failed_edge = i;
            goto fail;
          }
      }
  if (_auftakt_search_objective (se) >= before)
    goto fail;
  if (!logging)
    g_array_set_size (se->log, mark);
  se->logging = logging;
  g_free (who);
  return TRUE;

fail:
  g_free (who);
  _auftakt_search_undo (se, mark);
  se->logging = logging;
  if (max_units > 1 || !fresh)
    return FALSE;
  /* do not find the same cycle again before that edge changes */
  for (int i = MAX (failed_edge, 0); i < len; i++)
    {
      int u = cycle[i], v = cycle[(i + 1) % len];

      if (u != z && v != z)
        {
          se->ew[(gsize) u * N + v] = AUFTAKT_INF;
          break;
        }
    }
  return FALSE;
}

/* Cancels negative cycles until there is none (or time is up). */
void
_auftakt_search_improve (AuftaktSearch *se)
{
  int failures = 0;

  while (!_auftakt_search_check_stop (se))
    {
      int n = find_cycles (se, G_MAXINT), used = 0;

      if (n == 0)
        break;
      /* the first cycle as the weights found it; the others share no
       * node with it, but may share a participant, so they are checked
       * again as they are made */
      for (int i = 0; i < n && (i == 0 || !_auftakt_search_check_stop (se)); i++)
        {
          const int *cycle = se->cycle + used;
          int len = se->cycle_len[i];

          used += len;
          if (apply_cycle (se, cycle, len, 1 << 20, i == 0) ||
              apply_cycle (se, cycle, len, 1, i == 0))
            se->n_cycles++;
          else if (i == 0 && ++failures > 4 * se->n_nodes)
            return;
        }
    }
}

/* ---- two attendances at once ----
 *
 * With no negative cycle left, no move of one attendance helps, but a
 * participant changing two at once may: when everyone attends every round
 * (K = R) the rounds of two attendances can only be traded this way, and
 * a participant who wants workshop b in round r1 but has it in round r2
 * must give up both.  Shortest paths between all nodes (Floyd-Warshall:
 * with no negative cycle they exist) price how the sessions make room, so
 * every such change of every participant is judged in a few additions:
 * p leaving a@r1 and b@r2 for x@t1 and y@t2 (t1 = r1 or a round p has
 * free, t2 = r2 or another free one) costs its own difference plus the
 * cheaper way to carry the surplus of x and y to where a and b left a
 * place.  A promising one is made, its cycles cancelled, and kept only if
 * the objective falls (the paths may share a member). */

typedef struct {
  int n;          /* nodes: the running ones and z */
  int *list;      /* [n] */
  int *index;     /* [n_nodes + 1] position in list, or -1 */
  gint64 *d;      /* [n * n] */
} Paths;

static void
paths_compute (AuftaktSearch *se,
               Paths         *pa)
{
  int n = se->n_active + 1, z = se->n_nodes;
  gint64 *d;

  pa->n = n;
  pa->list = g_renew (int, pa->list, n);
  pa->index = g_renew (int, pa->index, z + 1);
  pa->d = d = g_renew (gint64, pa->d, (gsize) n * n);
  memcpy (pa->list, se->active, sizeof (int) * se->n_active);
  pa->list[n - 1] = z;
  for (int v = 0; v <= z; v++)
    pa->index[v] = -1;
  for (int i = 0; i < n; i++)
    pa->index[pa->list[i]] = i;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      d[i * n + j] = i == j ? 0 : weight (se, pa->list[i], pa->list[j]);
  for (int k = 0; k < n; k++)
    for (int i = 0; i < n; i++)
      {
        gint64 dik = d[i * n + k];

        if (dik >= AUFTAKT_INF)
          continue;
        for (int j = 0; j < n; j++)
          if (d[k * n + j] < AUFTAKT_INF && dik + d[k * n + j] < d[i * n + j])
            d[i * n + j] = dik + d[k * n + j];
      }
}

static inline gint64
path (const Paths *pa,
      int          u,
      int          v)
{
  return pa->d[pa->index[u] * pa->n + pa->index[v]];
}

/* p's attendances of rounds r1 and r2 left for x in round t1 and y in
 * round t2 at once, whatever the seats, then cycles; kept if the
 * objective falls.  ex: r1, r2, t1, x, t2, y. */
static gboolean
exchange_two (AuftaktSearch *se,
              int            p,
              const int     *ex)
{
  gint64 before = _auftakt_search_objective (se);
  guint mark = se->log->len;
  gboolean logging = se->logging;

  se->logging = TRUE;
  _auftakt_search_unassign (se, p, ex[0]);
  _auftakt_search_unassign (se, p, ex[1]);
  _auftakt_search_assign (se, p, ex[2], ex[3]);
  _auftakt_search_assign (se, p, ex[4], ex[5]);
  _auftakt_search_improve (se);
  return _auftakt_search_settle (se, before, mark, logging);
}

/* Whether p attends workshop w in a round other than r1 and r2. */
static gboolean
attends_elsewhere (const AuftaktSearch *se,
                   int                  p,
                   int                  r1,
                   int                  r2,
                   int                  w)
{
  for (int r = 0; r < se->R; r++)
    if (r != r1 && r != r2 && se->at[p * se->R + r] == w)
      return TRUE;
  return FALSE;
}

/* The two cheapest of n values, each with its workshop. */
typedef struct {
  gint64 v[2];
  int w[2];
} Two;

static inline void
two_add (Two   *t,
         gint64 v,
         int    w)
{
  if (v < t->v[0])
    {
      t->v[1] = t->v[0];
      t->w[1] = t->w[0];
      t->v[0] = v;
      t->w[0] = w;
    }
  else if (v < t->v[1])
    {
      t->v[1] = v;
      t->w[1] = w;
    }
}

/* The cheapest f(x) + g(y) with x != y; *x, *y its workshops. */
static gint64
two_join (const Two *f,
          const Two *g,
          int       *x,
          int       *y)
{
  gint64 best = AUFTAKT_INF;

  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      if (f->v[i] < AUFTAKT_INF && g->v[j] < AUFTAKT_INF && f->w[i] != g->w[j] &&
          f->v[i] + g->v[j] < best)
        {
          best = f->v[i] + g->v[j];
          *x = f->w[i];
          *y = g->w[j];
        }
  return best;
}

/* For each workshop w p may take in round r when it leaves its
 * attendances of rounds r1 and r2 (not own, not one it attends in another
 * round): its cost plus the path from its node to node first (into
 * out[0]) or to node second (out[1]), the two cheapest of each. */
static void
cheapest_side (const AuftaktSearch *se,
               const Paths         *pa,
               int                  p,
               int                  r,
               int                  r1,
               int                  r2,
               int                  own,
               int                  first,
               int                  second,
               Two                 *out)
{
  int z = se->n_nodes;

  for (int k = 0; k < 2; k++)
    out[k] = (Two) { { AUFTAKT_INF, AUFTAKT_INF }, { -1, -1 } };
  for (int i = 0; i < se->n_round_nodes[r]; i++)
    {
      int v = se->round_nodes[r * z + i], w = se->node_w[v];
      gint64 c = attendance_value (se, p, r, w);

      if (w == own || attends_elsewhere (se, p, r1, r2, w))
        continue;
      if (path (pa, v, first) < AUFTAKT_INF)
        two_add (&out[0], c + path (pa, v, first), w);
      if (path (pa, v, second) < AUFTAKT_INF)
        two_add (&out[1], c + path (pa, v, second), w);
    }
}

/* The best exchange of two of p's attendances by the paths (leaving a@r1
 * and b@r2 for x@t1 and y@t2, where t1 is r1 or a round p has free,
 * and t2 is r2 or another free one: the surplus carried
 * either x -> a, y -> b or x -> b, y -> a; each term depends on x or on y
 * alone, so the two cheapest of each side suffice, and a round's side is
 * the same whichever attendance it replaces); FALSE if none promises to
 * lower the objective.  out: r1, r2, t1, x, t2, y. */
static gboolean
best_exchange (const AuftaktSearch *se,
               const Paths         *pa,
               int                  p,
               int                 *out)
{
  int R = se->R;
  guint64 free = se->pb->participant_rounds[p] & ~se->busy[p];
  Two side[AUFTAKT_PROBLEM_MAX_ROUNDS][2];
  gint64 best = 0;

  for (int r1 = 0; r1 < R; r1++)
    for (int r2 = r1 + 1; r2 < R; r2++)
      {
        int a = se->at[p * R + r1], b = se->at[p * R + r2], na, nb, x, y;
        gint64 own;

        if (a < 0 || b < 0 || se->pinned_p[p * R + r1] || se->pinned_p[p * R + r2])
          continue;
        na = se->node_of[a * R + r1];
        nb = se->node_of[b * R + r2];
        own = attendance_value (se, p, r1, a) + attendance_value (se, p, r2, b);
        /* per round: a workshop there carried to a (side[t][0]) or to b
         * (side[t][1]); in r1 not a, in r2 not b */
        for (int t = 0; t < R; t++)
          if (t == r1 || t == r2 || (free & BIT (t)))
            cheapest_side (se, pa, p, t, r1, r2, t == r1 ? a : t == r2 ? b : -1, na, nb, side[t]);
        /* t1: r1 or a free round; t2: r2 or another free one (with
         * everyone in every round, as at Potsdam, only r1 and r2) */
        for (int t1 = 0; t1 < R; t1++)
          for (int t2 = 0; t2 < R; t2++)
            {
              if (t1 == t2 || (t1 != r1 && !(free & BIT (t1))) ||
                  (t2 != r2 && !(free & BIT (t2))))
                continue;
              for (int k = 0; k < 2; k++)
                {
                  /* x -> a with y -> b, or x -> b with y -> a */
                  gint64 e = two_join (&side[t1][k], &side[t2][1 - k], &x, &y);

                  if (e < AUFTAKT_INF && e - own < best)
                    {
                      best = e - own;
                      out[0] = r1;
                      out[1] = r2;
                      out[2] = t1;
                      out[3] = x;
                      out[4] = t2;
                      out[5] = y;
                    }
                }
            }
      }
  return best < 0;
}

/* Exchanges of two attendances, as long as one lowers the objective (the
 * paths computed anew after each, the participants taken in turn from
 * where the last one was found); returns how many were made. */
int
_auftakt_search_exchange_all (AuftaktSearch *se)
{
  Paths pa = { 0 };
  int made = 0;

  /* shortest paths exist only without negative cycles */
  if (se->K < 2 || se->P == 0 || se->stopped || negative_cycle_left (se))
    return 0;
  paths_compute (se, &pa);
  /* until P participants in a row had none */
  for (int p = 0, idle = 0; idle < se->P && !_auftakt_search_check_stop (se);
       p = (p + 1) % se->P)
    {
      int ex[6];

      if (best_exchange (se, &pa, p, ex) && exchange_two (se, p, ex))
        {
          made++;
          idle = 0;
          /* no paths where the cycles left negative ones */
          if (se->stopped || negative_cycle_left (se))
            break;
          paths_compute (se, &pa);
        }
      else
        idle++;
    }
  g_free (pa.list);
  g_free (pa.index);
  g_free (pa.d);
  return made;
}

/* ---- life cycle ---- */

/* The weight of a unit of penalty in the objective.  w_penalty is enough
 * within one cycle, but not between timetables: where a workshop's min
 * or a round's seats force people into sessions they did not choose, a
 * timetable that leaves one person out can cost w_penalty less than every
 * valid one, and the search ended on it and called the event infeasible.
 * So a unit outweighs all that a state can cost (every attendance at the
 * dearest cost, everything changed), as far as 64 bits allow with the
 * most penalty a state can have. */
static gint64
infeasible_weight (const AuftaktSearch *se)
{
  const AuftaktProblem *pb = se->pb;
  double places = (double) se->P * se->R + se->S + 1;
  double most = ((double) pb->max_cost + se->w_change + 1) * places;
  double seats = 0, penalty, room;

  for (int m = 0; m < se->M; m++)
    seats = MAX (seats, pb->room_capacity[m]);
  /* missing and surplus attendances, every running session short of its min */
  penalty = 2.0 * se->P * se->K + (double) se->S * seats + 1;
  room = ((double) (G_MAXINT64 / 8) - most) / penalty;
  if (most + 1 <= room)
    return (gint64) most + 1;
  return MAX (se->w_penalty, (gint64) MAX (room, 0));
}

AuftaktSearch *
_auftakt_search_new (const AuftaktProblem *pb,
                     guint64               seed,
                     gint64                deadline,
                     gboolean              minimal_change,
                     GCancellable         *cancellable)
{
  AuftaktSearch *se = g_new0 (AuftaktSearch, 1);
  int R = pb->n_rounds, W = pb->n_workshops, M = pb->n_rooms;
  int P = pb->n_participants, S = W * R;

  se->pb = pb;
  se->R = R;
  se->W = W;
  se->M = M;
  se->F = pb->n_referees;
  se->P = P;
  se->K = pb->k;
  se->S = S;
  se->cancellable = cancellable;
  se->start = g_get_monotonic_time ();
  se->deadline = deadline;
  _auftakt_rng_seed (&se->rng, seed);

  se->w_change = minimal_change && pb->has_published ? pb->max_cost + 1 : 0;
  se->best_cost = -1;

  se->room_of = g_new (int, S + 1);
  se->ws_in = g_new (int, M * R + 1);
  se->runs = g_new0 (int, W + 1);
  se->ref_busy = g_new0 (int, se->F * R + 1);
  se->cap = g_new0 (int, S + 1);
  se->lo = g_new (int, W + 1);
  se->fixed = g_new0 (guint8, S + 1);
  se->pinned = g_new0 (int, S + 1);
  se->pinned_p = g_new0 (guint8, (gsize) P * R + 1);
  for (int s = 0; s < S; s++)
    se->room_of[s] = -1;
  for (int i = 0; i < M * R; i++)
    se->ws_in[i] = -1;
  for (int w = 0; w < W; w++)
    se->lo[w] = auftakt_problem_lowest (pb, w);

  se->n_nodes = MIN (S, auftakt_problem_room_slots (pb)) + 1;
  se->x = se->n_nodes - 1;
  se->node_of = g_new (int, S + 1);
  se->session_of = g_new (int, se->n_nodes);
  se->node_w = g_new0 (int, se->n_nodes);
  se->node_r = g_new0 (int, se->n_nodes);
  se->free_nodes = g_new (int, se->n_nodes);
  se->active = g_new (int, se->n_nodes);
  for (int s = 0; s < S; s++)
    se->node_of[s] = -1;
  for (int v = 0; v < se->n_nodes; v++)
    se->session_of[v] = -1;
  for (int v = se->x - 1; v >= 0; v--)
    se->free_nodes[se->n_free++] = v;
  se->active[0] = se->x;
  se->n_active = 1;
  se->round_nodes = g_new (int, (gsize) R * se->n_nodes + 1);
  se->n_round_nodes = g_new0 (int, R + 1);

  se->at = g_new (int, (gsize) P * R + 1);
  se->pos = g_new0 (int, (gsize) P * R + 1);
  se->busy = g_new0 (guint64, P + 1);
  se->missing = g_new (int, P + 1);
  se->mem = g_new0 (int *, S + 1);
  se->n_mem = g_new0 (int, S + 1);
  se->mem_alloc = g_new0 (int, S + 1);
  se->xmem = g_new (int, P + 1);
  se->xpos = g_new (int, P + 1);
  for (gsize i = 0; i < (gsize) P * R; i++)
    se->at[i] = -1;
  for (int p = 0; p < P; p++)
    {
      se->missing[p] = se->K;
      se->xpos[p] = -1;
      x_add (se, p);
    }
  se->penalty = (gint64) P * se->K;

  /* one missing or surplus attendee must outweigh any chain of moves
   * around the graph, each worth at most max_cost + w_change */
  se->w_penalty = (pb->max_cost + se->w_change + 1) * (gint64) (se->n_nodes + 2);
  se->w_infeasible = infeasible_weight (se);

  build_deltas (se);
  se->ew = g_new (gint64, (gsize) se->n_nodes * se->n_nodes);
  se->emin = g_new (int, (gsize) se->n_nodes * se->n_nodes);
  se->cnt = g_new0 (int, (gsize) se->n_nodes * se->n_nodes * se->n_deltas);
  for (gsize i = 0; i < (gsize) se->n_nodes * se->n_nodes; i++)
    {
      se->ew[i] = AUFTAKT_INF;
      se->emin[i] = se->n_deltas;
    }
  se->mark = g_new0 (int, W + 1);
  se->pmark = g_new0 (int, P + 1);
  se->dist = g_new0 (gint64, se->n_nodes + 1);
  se->parent = g_new0 (int, se->n_nodes + 1);
  se->seen = g_new0 (int, se->n_nodes + 1);
  se->upd = g_new0 (guint8, se->n_nodes + 1);
  se->upd_next = g_new0 (guint8, se->n_nodes + 1);
  se->cycle = g_new0 (int, se->n_nodes + 2);
  se->cycle_len = g_new0 (int, se->n_nodes + 2);

  se->log = g_array_new (FALSE, FALSE, sizeof (AuftaktUndo));

  if (se->w_change > 0)
    for (int s = 0; s < S; s++)
      se->changes += session_changes (se, s);
  if (pb->has_published)
    {
      for (gsize i = 0; i < (gsize) P * R; i++)
        {
          if (pb->published_workshop[i] >= 0 && se->w_change > 0)
            se->changes++;
          if (pb->attendance_locked[i] && pb->published_workshop[i] >= 0)
            {
              se->pinned_p[i] = 1;
              se->pinned[pb->published_workshop[i] * R + (int) (i % R)]++;
            }
        }
      for (int s = 0; s < S; s++)
        se->fixed[s] = pb->session_locked[s] && pb->published_room[s] >= 0;
    }

  return se;
}

void
_auftakt_search_free (AuftaktSearch *se)
{
  if (se == NULL)
    return;
  for (int s = 0; s < se->S; s++)
    g_free (se->mem[s]);
  g_free (se->room_of);
  g_free (se->first_room_of);
  g_free (se->first_at);
  g_free (se->ws_in);
  g_free (se->runs);
  g_free (se->ref_busy);
  g_free (se->cap);
  g_free (se->lo);
  g_free (se->fixed);
  g_free (se->pinned);
  g_free (se->pinned_p);
  g_free (se->node_of);
  g_free (se->session_of);
  g_free (se->node_w);
  g_free (se->node_r);
  g_free (se->free_nodes);
  g_free (se->active);
  g_free (se->round_nodes);
  g_free (se->n_round_nodes);
  g_free (se->at);
  g_free (se->pos);
  g_free (se->busy);
  g_free (se->missing);
  g_free (se->mem);
  g_free (se->n_mem);
  g_free (se->mem_alloc);
  g_free (se->xmem);
  g_free (se->xpos);
  g_free (se->ew);
  g_free (se->emin);
  g_free (se->cnt);
  g_free (se->level);
  g_free (se->level_value);
  g_free (se->delta_value);
  g_free (se->delta_index);
  g_free (se->mark);
  g_free (se->pmark);
  g_free (se->dist);
  g_free (se->parent);
  g_free (se->seen);
  g_free (se->upd);
  g_free (se->upd_next);
  g_free (se->cycle);
  g_free (se->cycle_len);
  g_array_unref (se->log);
  g_free (se);
}

/* Whether the timetable's own records (rooms, runs, referees, seats,
 * nodes) agree with room_of. */
static gboolean
verify_timetable (const AuftaktSearch *se)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R, running = 0, in_rooms = 0, in_rounds = 0;
  g_autofree int *runs = g_new0 (int, se->W + 1);
  g_autofree int *ref_busy = g_new0 (int, se->F * R + 1);
  g_autofree int *seen = g_new0 (int, se->n_nodes);
  g_autofree int *seen_in_round = g_new0 (int, se->n_nodes);

  for (int s = 0; s < se->S; s++)
    {
      int w = s / R, r = s % R, m = se->room_of[s], v = se->node_of[s];

      if (m < 0)
        {
          if (v >= 0 || se->cap[s] != 0)
            return FALSE;
          continue;
        }
      running++;
      runs[w]++;
      for (int i = pb->lead_start[w]; i < pb->lead_start[w + 1]; i++)
        ref_busy[pb->leads[i] * R + r]++;
      if (se->ws_in[m * R + r] != w || se->cap[s] != auftakt_problem_seats (pb, w, m) ||
          v < 0 || se->session_of[v] != s || se->node_w[v] != w || se->node_r[v] != r)
        return FALSE;
    }
  for (int i = 0; i < se->M * R; i++)
    in_rooms += se->ws_in[i] >= 0;
  /* each node once: in its round and among the active, or free */
  for (int r = 0; r < R; r++)
    for (int i = 0; i < se->n_round_nodes[r]; i++)
      {
        int v = se->round_nodes[(gsize) r * se->n_nodes + i];

        if (se->node_r[v] != r || se->session_of[v] < 0 || se->node_of[se->session_of[v]] != v ||
            seen_in_round[v]++ > 0)
          return FALSE;
        in_rounds++;
      }
  for (int i = 0; i < se->n_active; i++)
    {
      int v = se->active[i];

      if ((v != se->x && (se->session_of[v] < 0 || se->node_of[se->session_of[v]] != v)) ||
          seen[v]++ > 0)
        return FALSE;
    }
  for (int i = 0; i < se->n_free; i++)
    {
      int v = se->free_nodes[i];

      if (v == se->x || se->session_of[v] >= 0 || seen[v]++ > 0)
        return FALSE;
    }
  return in_rooms == running && in_rounds == running && se->n_active == running + 1 &&
         se->n_free + running == se->n_nodes - 1 &&
         memcmp (runs, se->runs, sizeof (int) * se->W) == 0 &&
         memcmp (ref_busy, se->ref_busy, sizeof (int) * se->F * R) == 0;
}

/* Recomputes the objective from scratch: a check of the bookkeeping. */
gboolean
_auftakt_search_verify (const AuftaktSearch *se)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;
  gint64 cost = 0, changes = 0, penalty = 0;
  int n_xmem = 0;

  if (!verify_timetable (se))
    {
      g_warning ("bookkeeping: the timetable's records disagree");
      return FALSE;
    }

  for (int p = 0; p < se->P; p++)
    {
      int placed = 0;
      guint64 busy = 0;

      for (int r = 0; r < R; r++)
        {
          int w = se->at[p * R + r];
          int pub = published (se, p, r);

          if (w >= 0)
            {
              placed++;
              busy |= BIT (r);
              cost += cost_row (se, p)[w];
              if (se->mem[w * R + r][se->pos[p * R + r]] != p)
                return FALSE;
            }
          if (pub >= 0 && pub != w)
            changes++;
        }
      if (placed + se->missing[p] != se->K || busy != se->busy[p] ||
          (se->missing[p] > 0) != (se->xpos[p] >= 0) ||
          (se->xpos[p] >= 0 && se->xmem[se->xpos[p]] != p))
        return FALSE;
      n_xmem += se->missing[p] > 0;
      penalty += se->missing[p];
    }
  for (int s = 0; s < se->S; s++)
    {
      changes += session_changes (se, s);
      if (se->room_of[s] >= 0)
        penalty += _auftakt_search_excess (se, s, se->n_mem[s]);
      else if (se->n_mem[s] != 0)
        return FALSE;
    }
  if (n_xmem != se->n_xmem)
    return FALSE;
  if (cost != se->cost || changes != se->changes || penalty != se->penalty)
    {
      g_warning ("bookkeeping: cost %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                 " changes %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                 " penalty %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                 cost, se->cost, changes, se->changes, penalty, se->penalty);
      return FALSE;
    }
  (void) pb;
  return TRUE;
}
