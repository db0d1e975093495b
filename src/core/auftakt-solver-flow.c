/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "auftakt-solver-private.h"

/* A second lower bound: what is left of the problem without rounds and
 * rooms.  Every participant still attends K distinct workshops, but a
 * workshop only offers the seats of its max-runs best sessions, one per
 * round it may run in, each in that round's largest room (its max
 * applied), whoever else needs those rooms.  That is a transportation
 * problem from participant classes to workshops, solved exactly here.
 *
 * It ignores what the Lagrangian bound prices (rooms shared in a round,
 * rounds), yet its optimum is exact where the Lagrangian steps only get
 * close: on medium it is the LP's 1306 (the Lagrangian 1296), on large
 * 30106 (28-29 k), on xlarge 947 k (354 k: too few steps in the time),
 * and on 20 of 20 potsdam events the optimum itself (unranked seats are
 * seats of some workshop too).  Where rooms or rounds are what is short
 * (generated tight seed 2, an event with K = 1) the Lagrangian bound is
 * the higher one; the solver reports the larger of the two.
 *
 * The method is successive shortest paths, on the workshops rather than
 * the classes: everyone first takes their K cheapest workshops, then the
 * surplus of every overfull workshop is moved along shortest paths of
 * moves (a member of some class leaves workshop a for b at the cost
 * difference) to workshops with free seats.  As in the assignment graph
 * of auftakt-solver-assign.c, each edge a -> b keeps a count of the
 * classes per distinct cost difference, so that its weight is the
 * smallest non-empty one without a rescan of the classes. */

/* The most edge counts (ints) worth their memory: 64 MB. */
#define MAX_COUNTS ((gsize) 1 << 24)

typedef struct {
  const AuftaktProblem *pb;
  int C, W, L, ND;
  int *f;            /* [C * W] members of class c in workshop w */
  guint8 *allowed;   /* [C * W] */
  int *level;        /* [C * W] index of the cost among the distinct costs */
  gint64 *cap;       /* [W] */
  gint64 *load;      /* [W] */
  int *cnt;          /* [(a * W + b) * ND + d]: classes that can move a member from a to b at difference d */
  int *emin;         /* [a * W + b]: the smallest d with a count, or ND */
  int *present;      /* [W * C]: classes with members in w, the first n_present[w] */
  int *n_present;    /* [W] */
  int *slot;         /* [C * W]: index of c in w's present, or -1 */
  gint64 *dvalue;    /* [ND]: the distinct differences, ascending */
  int *dindex;       /* [from level * L + to level] -> d */
} Flow;

static inline gboolean
is_source (const Flow *fl,
           int         c,
           int         w)
{
  return fl->f[c * fl->W + w] > 0;
}

static inline gboolean
is_target (const Flow *fl,
           int         c,
           int         w)
{
  gsize i = (gsize) c * fl->W + w;

  return fl->allowed[i] && fl->f[i] < fl->pb->class_size[c];
}

static inline int
difference (const Flow *fl,
            int         c,
            int         a,
            int         b)
{
  return fl->dindex[fl->level[c * fl->W + a] * fl->L + fl->level[c * fl->W + b]];
}

static void
count (Flow *fl,
       int   a,
       int   b,
       int   d,
       int   sign)
{
  gsize e = (gsize) a * fl->W + b;
  int *row = fl->cnt + e * fl->ND;

  row[d] += sign;
  if (sign > 0 && d < fl->emin[e])
    fl->emin[e] = d;
  else if (sign < 0 && row[d] == 0 && d == fl->emin[e])
    {
      int n = d + 1;

      while (n < fl->ND && row[n] == 0)
        n++;
      fl->emin[e] = n;
    }
}

/* Class c's member in workshop a may leave it for any workshop it may
 * still join, or stops being able to. */
static void
count_source (Flow *fl,
              int   c,
              int   a,
              int   sign)
{
  for (int b = 0; b < fl->W; b++)
    if (b != a && is_target (fl, c, b))
      count (fl, a, b, difference (fl, c, a, b), sign);
}

static void
count_target (Flow *fl,
              int   c,
              int   b,
              int   sign)
{
  for (int a = 0; a < fl->W; a++)
    if (a != b && is_source (fl, c, a))
      count (fl, a, b, difference (fl, c, a, b), sign);
}

static void
list_present (Flow     *fl,
              int       c,
              int       w,
              gboolean  present)
{
  int *list = fl->present + (gsize) w * fl->C;
  gsize i = (gsize) c * fl->W + w;

  if (present)
    {
      fl->slot[i] = fl->n_present[w];
      list[fl->n_present[w]++] = c;
    }
  else
    {
      int last = list[--fl->n_present[w]];

      list[fl->slot[i]] = last;
      fl->slot[(gsize) last * fl->W + w] = fl->slot[i];
      fl->slot[i] = -1;
    }
}

/* f[c][w] += m, the edges' counts kept.  The edges a -> w and w -> b of
 * class c depend on f[c][w] only through w's own flags, so each flag that
 * flips adds or removes its edges. */
static void
move (Flow *fl,
      int   c,
      int   w,
      int   m)
{
  gboolean was_source = is_source (fl, c, w), was_target = is_target (fl, c, w);
  gboolean source, target;

  fl->f[c * fl->W + w] += m;
  fl->load[w] += m;
  source = is_source (fl, c, w);
  target = is_target (fl, c, w);
  if (source != was_source)
    {
      count_source (fl, c, w, source ? 1 : -1);
      list_present (fl, c, w, source);
    }
  if (target != was_target)
    count_target (fl, c, w, target ? 1 : -1);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The distinct costs, and the distinct differences between them,
 * ascending: an edge's weight is its first difference with a count. */
static void
build_levels (Flow *fl)
{
  const AuftaktProblem *pb = fl->pb;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  int n = 0;

  for (gsize i = 0; i < (gsize) fl->C * fl->W; i++)
    {
      int v = pb->class_cost[i];
      guint j = 0;

      while (j < values->len && g_array_index (values, int, j) != v)
        j++;
      if (j == values->len)
        g_array_append_val (values, v);
      fl->level[i] = j;
    }
  fl->L = values->len;
  fl->dvalue = g_new (gint64, (gsize) fl->L * fl->L);
  fl->dindex = g_new (int, (gsize) fl->L * fl->L);
  for (int from = 0; from < fl->L; from++)
    for (int to = 0; to < fl->L; to++)
      fl->dvalue[from * fl->L + to] = (gint64) g_array_index (values, int, to) -
                                      g_array_index (values, int, from);
  qsort (fl->dvalue, (gsize) fl->L * fl->L, sizeof (gint64), compare_gint64);
  for (int i = 0; i < fl->L * fl->L; i++)
    if (n == 0 || fl->dvalue[i] != fl->dvalue[n - 1])
      fl->dvalue[n++] = fl->dvalue[i];
  fl->ND = n;
  for (int from = 0; from < fl->L; from++)
    for (int to = 0; to < fl->L; to++)
      {
        gint64 v = (gint64) g_array_index (values, int, to) - g_array_index (values, int, from);
        const gint64 *at = bsearch (&v, fl->dvalue, fl->ND, sizeof (gint64), compare_gint64);

        fl->dindex[from * fl->L + to] = (int) (at - fl->dvalue);
      }
}

/* The seats workshop w offers at most: its max-runs best rounds, each
 * with the largest room free in that round. */
static gint64
seats_of (const AuftaktProblem *pb,
          int                   w)
{
  g_autofree int *best = g_new0 (int, pb->n_rounds);
  gint64 seats = 0;

  for (int r = 0; r < pb->n_rounds; r++)
    {
      if (!(pb->workshop_rounds[w] & (G_GUINT64_CONSTANT (1) << r)))
        continue;
      for (int m = 0; m < pb->n_rooms; m++)
        if (pb->room_rounds[m] & (G_GUINT64_CONSTANT (1) << r))
          best[r] = MAX (best[r], auftakt_problem_seats (pb, w, m));
    }
  for (int n = 0; n < MIN (pb->workshop_max_runs[w], pb->n_rounds); n++)
    {
      int top = 0;

      for (int r = 1; r < pb->n_rounds; r++)
        if (best[r] > best[top])
          top = r;
      seats += best[top];
      best[top] = 0;
    }
  return seats;
}

/* Everyone in their K cheapest workshops; FALSE if a class has fewer, or
 * at the deadline. */
static gboolean
place_cheapest (Flow   *fl,
                gint64  deadline)
{
  const AuftaktProblem *pb = fl->pb;
  int W = fl->W;

  for (int c = 0; c < fl->C; c++)
    {
      const int *cost = pb->class_cost + (gsize) c * W;

      if ((c & 255) == 255 && g_get_monotonic_time () >= deadline)
        return FALSE;

      for (int k = 0; k < pb->k; k++)
        {
          int best = -1;

          for (int w = 0; w < W; w++)
            if (is_target (fl, c, w) && fl->f[c * W + w] == 0 &&
                (best < 0 || cost[w] < cost[best]))
              best = w;
          if (best < 0)
            return FALSE;
          move (fl, c, best, pb->class_size[c]);
        }
    }
  return TRUE;
}

/* How many members of class c can leave u for v at difference d: none
 * unless the class can join v and that move costs d. */
static int
movers (const Flow *fl,
        int         c,
        int         u,
        int         v,
        int         d)
{
  if (!is_target (fl, c, v) || difference (fl, c, u, v) != d)
    return 0;
  return MIN (fl->f[c * fl->W + u], fl->pb->class_size[c] - fl->f[c * fl->W + v]);
}

/* Members of classes that leave u for v at difference d: at most @want. */
static gint64
movable (const Flow *fl,
         int         u,
         int         v,
         int         d,
         gint64      want)
{
  const int *list = fl->present + (gsize) u * fl->C;
  gint64 n = 0;

  for (int i = 0; i < fl->n_present[u] && n < want; i++)
    n += movers (fl, list[i], u, v, d);
  return MIN (n, want);
}

static void
carry (Flow   *fl,
       int     u,
       int     v,
       int     d,
       gint64  k)
{
  const int *list = fl->present + (gsize) u * fl->C;

  /* a class that leaves u altogether is swapped out of the list for the
   * last one, which is then looked at in its place */
  for (int i = 0; i < fl->n_present[u] && k > 0;)
    {
      int c = list[i], m = (int) MIN (k, movers (fl, c, u, v, d));

      if (m > 0)
        {
          move (fl, c, u, -m);
          move (fl, c, v, m);
          k -= m;
          if (!is_source (fl, c, u))
            continue;
        }
      i++;
    }
}

/* One shortest path from an overfull workshop to one with free seats,
 * carried as far as it goes; FALSE if no workshop has free seats left in
 * reach (no valid schedule exists). */
static gboolean
augment (Flow   *fl,
         gint64 *dist,
         int    *parent,
         int    *path_d)
{
  int W = fl->W, z = -1, a, n = 0, head = 0, tail = 0;
  g_autofree int *path = g_new (int, W + 1);
  g_autofree int *queue = g_new (int, W + 1);
  g_autofree guint8 *queued = g_new0 (guint8, W);
  g_autofree int *pushes = g_new0 (int, W);
  gint64 k;

  for (int w = 0; w < W; w++)
    {
      dist[w] = AUFTAKT_INF;
      parent[w] = -1;
      if (fl->load[w] > fl->cap[w])
        {
          dist[w] = 0;
          queue[tail++] = w;
          queued[w] = TRUE;
        }
    }
  /* Bellman-Ford with a queue of the workshops whose distance fell:
   * differences may be negative, cycles are not (the flow is optimal for
   * its loads after every shortest path) */
  while (head != tail)
    {
      int u = queue[head];

      head = head == W ? 0 : head + 1;
      queued[u] = FALSE;
      for (int v = 0; v < W; v++)
        {
          int d = fl->emin[(gsize) u * W + v];

          if (d < fl->ND && dist[u] + fl->dvalue[d] < dist[v])
            {
              dist[v] = dist[u] + fl->dvalue[d];
              parent[v] = u;
              path_d[v] = d;
              if (!queued[v])
                {
                  if (++pushes[v] > W)
                    return FALSE;  /* cannot happen: a negative cycle */
                  queue[tail] = v;
                  tail = tail == W ? 0 : tail + 1;
                  queued[v] = TRUE;
                }
            }
        }
    }
  for (int w = 0; w < W; w++)
    if (fl->load[w] < fl->cap[w] && dist[w] < AUFTAKT_INF && (z < 0 || dist[w] < dist[z]))
      z = w;
  if (z < 0)
    return FALSE;

  for (a = z; parent[a] >= 0 && n <= W; a = parent[a])
    path[n++] = a;
  if (n > W || n == 0)
    return FALSE;
  k = MIN (fl->load[a] - fl->cap[a], fl->cap[z] - fl->load[z]);
  for (int i = 0; i < n; i++)
    k = movable (fl, parent[path[i]], path[i], path_d[path[i]], k);
  /* last edge first: each move only frees room for the ones before it */
  for (int i = 0; i < n; i++)
    carry (fl, parent[path[i]], path[i], path_d[path[i]], k);
  return TRUE;
}

/**
 * _auftakt_flow_bound:
 * @deadline: monotonic time after which the computation gives up
 * @loads: (nullable) (out caller-allocates): the optimum's attendees of
 *   each workshop
 *
 * Returns: the optimum of the transportation relaxation (a lower bound on
 *   the cost of every valid schedule), or -1 if it has none (then no valid
 *   schedule exists either) or the deadline passed.
 */
gint64
_auftakt_flow_bound (const AuftaktProblem *pb,
                     gint64                deadline,
                     gint64               *loads)
{
  Flow fl = { pb, pb->n_classes, pb->n_workshops, 0, 0 };
  gsize CW = (gsize) fl.C * fl.W;
  g_autofree gint64 *dist = NULL;
  g_autofree int *parent = NULL;
  g_autofree int *path_d = NULL;
  gint64 cost = 0;
  gboolean ok = TRUE;
  int paths = 0;
  gint64 started = g_get_monotonic_time ();

  if (fl.C == 0 || fl.W == 0)
    return 0;
  fl.f = g_new0 (int, CW);
  fl.allowed = g_new0 (guint8, CW);
  fl.level = g_new (int, CW);
  fl.cap = g_new0 (gint64, fl.W);
  fl.load = g_new0 (gint64, fl.W);
  build_levels (&fl);
  /* many distinct costs (everyone ranks dozens of workshops) make the
   * counts too big to be worth it: no bound then */
  if ((gsize) fl.W * fl.W * fl.ND > MAX_COUNTS)
    {
      g_debug ("flow bound: %d workshops, %d cost differences: left out", fl.W, fl.ND);
      ok = FALSE;
    }
  fl.cnt = g_new0 (int, ok ? (gsize) fl.W * fl.W * fl.ND : 1);
  fl.emin = g_new (int, (gsize) fl.W * fl.W);
  fl.present = g_new (int, CW);
  fl.n_present = g_new0 (int, fl.W);
  fl.slot = g_new (int, CW);
  for (gsize e = 0; e < (gsize) fl.W * fl.W; e++)
    fl.emin[e] = fl.ND;
  for (int w = 0; w < fl.W; w++)
    fl.cap[w] = seats_of (pb, w);
  for (int c = 0; c < fl.C; c++)
    {
      guint64 rounds = pb->participant_rounds[auftakt_problem_class_member (pb, c)];

      for (int w = 0; w < fl.W; w++)
        fl.allowed[(gsize) c * fl.W + w] = (rounds & pb->workshop_rounds[w]) != 0;
    }
  dist = g_new (gint64, fl.W);
  parent = g_new (int, fl.W);
  path_d = g_new (int, fl.W);

  ok = ok && place_cheapest (&fl, deadline);
  while (ok)
    {
      gboolean overfull = FALSE;

      for (int w = 0; w < fl.W && !overfull; w++)
        overfull = fl.load[w] > fl.cap[w];
      if (!overfull)
        break;
      if ((paths++ & 15) == 0 && g_get_monotonic_time () >= deadline)
        ok = FALSE;
      else
        ok = augment (&fl, dist, parent, path_d);
    }
  for (gsize i = 0; i < CW && ok; i++)
    cost += (gint64) fl.f[i] * pb->class_cost[i];
  if (ok && loads != NULL)
    memcpy (loads, fl.load, sizeof (gint64) * fl.W);

  g_debug ("flow bound: %" G_GINT64_FORMAT " after %d paths, %.3f s", ok ? cost : -1, paths,
           (g_get_monotonic_time () - started) / 1e6);

  g_free (fl.f);
  g_free (fl.allowed);
  g_free (fl.level);
  g_free (fl.cap);
  g_free (fl.load);
  g_free (fl.cnt);
  g_free (fl.emin);
  g_free (fl.present);
  g_free (fl.n_present);
  g_free (fl.slot);
  g_free (fl.dvalue);
  g_free (fl.dindex);
  return ok ? cost : -1;
}
