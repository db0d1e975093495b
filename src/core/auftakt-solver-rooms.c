/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "auftakt-solver-private.h"

/* The lower bound with whole rooms but without rounds.
 *
 * Drop the rounds, but keep that a session fills a whole room: each
 * workshop chooses up to its max-runs rooms (a room at most once per
 * round it has), its seats are the sum of theirs, each session needs its
 * min; a room serves as many sessions as it has rounds; each participant
 * attends K distinct workshops.  Where rooms are what is scarce, which
 * workshop gets which room decides the cost, and the flow bound
 * (auftakt-solver-flow.c, every workshop in the largest rooms at once)
 * and the LP (a workshop takes two thirds of a hall for two thirds of its
 * people) miss it: on tight-s1 CBC proves this relaxation's optimum 2989
 * in 4 s, its LP is 2781, the flow bound 2768, CBC's bound on the whole
 * problem after 300 s 2885, the best schedule known 3003.
 *
 * It is a MIP; its Lagrangian dual is computed here.  Pricing the rooms
 * (lambda, one per room) and each class's K attendances (pi, one per
 * class) leaves one small problem per workshop, solved exactly: try every
 * combination of rooms (a pattern); the seats hold the members whose
 * choice costs less than its price pi, at least the sessions' mins.
 * Each workshop thus takes whole rooms and fills them with whole people,
 * which is the integrality the LP gives away.  The best value of any
 * prices is a lower bound (weak duality); subgradient steps search them. */

/* A room's price moves SIGMA^2 times as far as a class's for the same
 * subgradient: a room is worth many seats, and its subgradient (a session
 * too many) is small beside the classes' (members too many).  Measured
 * on generated tight events, seeds 1-3: 2 left the room prices low
 * (seed 2: 4868 against 4975 with 3), 4 and 6 gave up on a K = 4 event
 * (5829 against 6544) */
#define SIGMA 3.0

typedef struct {
  int start;   /* its rooms: rooms[start .. start + j) */
  int j;       /* sessions */
  int seats;
} Pattern;

typedef struct {
  const AuftaktProblem *pb;
  int W, M, C;
  GArray *patterns;          /* of Pattern, those of w at [pat_start[w], pat_start[w + 1]) */
  GArray *rooms;             /* of int */
  int *pat_start;            /* [W + 1] */
  int *room_slots;           /* [M]: rounds of the room */
  double *pi;                /* [C] */
  double *lambda;            /* [M] */
  double *gpi, *glambda;     /* subgradients */
  int *order;                /* [C] classes by reduced cost, per workshop */
  double *okey;              /* [C] their reduced costs */
  double *key;               /* [C] */
  int *by_pi;                /* [C] classes by pi, descending */
  guint64 *class_rounds;     /* [C] */
  int *own_start;            /* [W + 1]: classes whose cost of w is not the unranked cost */
  int *own;
  gint64 *max_seats;         /* [W]: of the largest pattern */
  gint64 *allowed_n;         /* [W]: participants who may attend */
  gint64 *cum_n;             /* [C + 1] */
  double *cum_v;             /* [C + 1] */
} Rooms;

/* Whether j sessions in these rooms fit distinct rounds in which both the
 * room and the workshop are there.  Where each room has j such rounds,
 * any order of the sessions finds one (Hall); else a matching of
 * sessions to rounds decides. */
static gboolean
placeable (const AuftaktProblem *pb,
           int                   w,
           const int            *rooms,
           int                   j)
{
  int R = pb->n_rounds;
  gboolean plenty = TRUE;
  g_autofree gint64 *weight = NULL;
  g_autofree int *round_of = NULL;

  for (int a = 0; a < j; a++)
    plenty &= __builtin_popcountll (pb->room_rounds[rooms[a]] & pb->workshop_rounds[w]) >= j;
  if (plenty)
    return TRUE;
  weight = g_new (gint64, (gsize) j * R);
  round_of = g_new (int, j);
  for (int a = 0; a < j; a++)
    for (int r = 0; r < R; r++)
      weight[a * R + r] = pb->room_rounds[rooms[a]] & pb->workshop_rounds[w] & BIT (r)
                          ? 1 : AUFTAKT_FORBIDDEN;
  _auftakt_max_matching (j, R, weight, round_of);
  for (int a = 0; a < j; a++)
    if (round_of[a] < 0)
      return FALSE;
  return TRUE;
}

/* Every multiset of up to max-runs rooms that can hold w's sessions;
 * FALSE if there are more than @limit in all (or four times as many
 * tried). */
static gboolean
enumerate (Rooms *rm,
           int    w,
           guint  limit)
{
  const AuftaktProblem *pb = rm->pb;
  g_autofree int *usable = g_new (int, rm->M + 1);
  int n = 0, J, lo = auftakt_problem_lowest (pb, w);
  int pick[AUFTAKT_PROBLEM_MAX_ROUNDS + 1];
  guint64 tries = 0;

  for (int m = 0; m < rm->M; m++)
    if ((pb->room_rounds[m] & pb->workshop_rounds[w]) && auftakt_problem_seats (pb, w, m) >= lo)
      usable[n++] = m;
  J = MIN (pb->workshop_max_runs[w], __builtin_popcountll (pb->workshop_rounds[w]));
  if (n == 0 || J == 0)
    return TRUE;
  /* nondecreasing indices into usable, depth first */
  for (int depth = 1; depth <= J; depth++)
    {
      int i = 0;

      for (int d = 0; d < depth; d++)
        pick[d] = 0;
      for (;;)
        {
          int rooms[AUFTAKT_PROBLEM_MAX_ROUNDS];
          int seats = 0;

          for (int d = 0; d < depth; d++)
            {
              rooms[d] = usable[pick[d]];
              seats += auftakt_problem_seats (pb, w, rooms[d]);
            }
          if (++tries > 4 * (guint64) limit)
            return FALSE;
          if (placeable (pb, w, rooms, depth))
            {
              Pattern pt = { rm->rooms->len, depth, seats };

              if (rm->patterns->len >= limit)
                return FALSE;
              g_array_append_vals (rm->rooms, rooms, depth);
              g_array_append_val (rm->patterns, pt);
            }
          /* next multiset */
          for (i = depth - 1; i >= 0 && pick[i] == n - 1; i--)
            ;
          if (i < 0)
            break;
          pick[i]++;
          for (int d = i + 1; d < depth; d++)
            pick[d] = pick[i];
        }
    }
  return TRUE;
}

static int
compare_int (const void *a,
             const void *b)
{
  return *(const int *) a - *(const int *) b;
}

/* Indices by the values they index (@data, doubles), ascending. */
static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const double *value = data;
  double va = value[*(const int *) a], vb = value[*(const int *) b];

  return va < vb ? -1 : va > vb;
}

/* The classes of workshop w by reduced cost (choice cost - pi), as far as
 * its largest pattern's seats: those whose cost is not the unranked cost
 * (its own few, sorted here) merged with the rest, in the order of the
 * classes by -pi (rm->by_pi, sorted once a step).  Fills order, cum_n
 * and cum_v; returns how many classes. */
static int
sorted_prefix (Rooms *rm,
               int    w)
{
  const AuftaktProblem *pb = rm->pb;
  int W = rm->W, unranked = pb->unranked_cost, n = 0;
  int *own = rm->own + rm->own_start[w];
  int n_own = rm->own_start[w + 1] - rm->own_start[w];
  int i = 0, g = 0;

  for (int a = 0; a < n_own; a++)
    rm->key[own[a]] = pb->class_cost[(gsize) own[a] * W + w] - rm->pi[own[a]];
  g_qsort_with_data (own, n_own, sizeof (int), compare_by_value, rm->key);
  rm->cum_n[0] = 0;
  rm->cum_v[0] = 0;
  while (rm->cum_n[n] < rm->max_seats[w] && (i < n_own || g < rm->C))
    {
      int c;
      double key;

      /* the next of the rest that may attend w and is not one of its own */
      while (g < rm->C &&
             (pb->class_cost[(gsize) rm->by_pi[g] * W + w] != unranked ||
              !(rm->class_rounds[rm->by_pi[g]] & pb->workshop_rounds[w])))
        g++;
      if (g < rm->C && (i == n_own || unranked - rm->pi[rm->by_pi[g]] < rm->key[own[i]]))
        {
          c = rm->by_pi[g++];
          key = unranked - rm->pi[c];
        }
      else if (i < n_own)
        {
          c = own[i++];
          key = rm->key[c];
        }
      else
        break;
      rm->order[n] = c;
      rm->okey[n] = key;
      rm->cum_n[n + 1] = rm->cum_n[n] + pb->class_size[c];
      rm->cum_v[n + 1] = rm->cum_v[n] + key * pb->class_size[c];
      n++;
    }
  return n;
}

static int
compare_by_value_desc (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  return compare_by_value (b, a, data);
}

/* The value of the prices: the Lagrangian at pi and lambda, its
 * subgradient in gpi and glambda. */
static double
evaluate (Rooms *rm)
{
  const AuftaktProblem *pb = rm->pb;
  int W = rm->W, C = rm->C, k = pb->k;
  double value = 0;

  for (int c = 0; c < C; c++)
    {
      value += (double) k * pb->class_size[c] * rm->pi[c];
      rm->gpi[c] = (double) k * pb->class_size[c];
      rm->by_pi[c] = c;
    }
  for (int m = 0; m < rm->M; m++)
    {
      value -= rm->lambda[m] * rm->room_slots[m];
      rm->glambda[m] = -rm->room_slots[m];
    }
  g_qsort_with_data (rm->by_pi, C, sizeof (int), compare_by_value_desc, rm->pi);

  for (int w = 0; w < W; w++)
    {
      int n, lo = auftakt_problem_lowest (pb, w);
      gint64 negative = 0;
      double best = 0;
      int best_p = -1;
      gint64 best_fill = 0;

      if (rm->pat_start[w] == rm->pat_start[w + 1])
        continue;
      n = sorted_prefix (rm, w);
      for (int i = 0; i < n && rm->okey[i] < 0; i++)
        negative = rm->cum_n[i + 1];

      for (int q = rm->pat_start[w]; q < rm->pat_start[w + 1]; q++)
        {
          const Pattern *pt = &g_array_index (rm->patterns, Pattern, q);
          const int *rooms = &g_array_index (rm->rooms, int, pt->start);
          gint64 fill = CLAMP (negative, (gint64) lo * pt->j, (gint64) pt->seats);
          double v = 0;
          int a = 0, b = n;

          /* too few who may attend for the mins */
          if ((gint64) lo * pt->j > rm->allowed_n[w])
            continue;
          for (int d = 0; d < pt->j; d++)
            v += rm->lambda[rooms[d]];
          /* the first i with cum_n[i] >= fill; the class before it
           * partly (the prefix reaches the largest pattern's seats) */
          while (a < b)
            {
              int mid = (a + b) / 2;

              if (rm->cum_n[mid] >= fill)
                b = mid;
              else
                a = mid + 1;
            }
          if (a > 0)
            v += rm->cum_v[a - 1] + (fill - rm->cum_n[a - 1]) * rm->okey[a - 1];
          if (v < best)
            {
              best = v;
              best_p = q;
              best_fill = fill;
            }
        }
      if (best_p < 0)
        continue;
      value += best;
      {
        const Pattern *pt = &g_array_index (rm->patterns, Pattern, best_p);

        for (int d = 0; d < pt->j; d++)
          rm->glambda[g_array_index (rm->rooms, int, pt->start + d)] += 1;
        for (int i = 0; i < n && best_fill > 0; i++)
          {
            int c = rm->order[i];
            gint64 take = MIN (best_fill, (gint64) pb->class_size[c]);

            rm->gpi[c] -= take;
            best_fill -= take;
          }
      }
    }
  return value;
}

static int
compare_load (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const gint64 *loads = data;
  gint64 la = loads[*(const int *) a], lb = loads[*(const int *) b];

  return la > lb ? -1 : la < lb;
}

/**
 * _auftakt_rooms_cover:
 * @loads: attendees of each workshop, as in the flow bound's optimum
 *
 * Whether whole rooms hold these loads: each workshop some of its rooms
 * (at most max-runs, in distinct rounds) with seats for its load, and
 * load enough for their mins; no room in more sessions than it has
 * rounds.  Greedy: the biggest load first, each the fewest rooms, then
 * the smallest that still hold it.  TRUE means the flow bound's optimum
 * is a solution of the relaxation with whole rooms, whose value is then
 * the flow bound's: no use computing it.  FALSE proves nothing.
 */
gboolean
_auftakt_rooms_cover (const AuftaktProblem *pb,
                      const gint64         *loads)
{
  int W = pb->n_workshops, M = pb->n_rooms;
  g_autofree int *left = g_new (int, M + 1);
  g_autofree int *order = g_new (int, W + 1);
  g_autofree int *usable = g_new (int, M + 1);
  g_autofree guint8 *picked = g_new (guint8, M + 1);

  for (int m = 0; m < M; m++)
    left[m] = __builtin_popcountll (pb->room_rounds[m]);
  for (int w = 0; w < W; w++)
    order[w] = w;
  g_qsort_with_data (order, W, sizeof (int), compare_load, (gpointer) loads);
  for (int i = 0; i < W; i++)
    {
      int w = order[i], lo = auftakt_problem_lowest (pb, w), n = 0, J;
      gboolean found = FALSE;

      if (loads[w] == 0)
        break;
      for (int m = 0; m < M; m++)
        if (left[m] > 0 && (pb->room_rounds[m] & pb->workshop_rounds[w]) &&
            auftakt_problem_seats (pb, w, m) >= lo)
          usable[n++] = m;
      /* by seats, largest first (insertion: a handful of rooms) */
      for (int a = 1; a < n; a++)
        for (int b = a; b > 0 && auftakt_problem_seats (pb, w, usable[b]) >
                                  auftakt_problem_seats (pb, w, usable[b - 1]); b--)
          {
            int t = usable[b];

            usable[b] = usable[b - 1];
            usable[b - 1] = t;
          }
      J = MIN (MIN (pb->workshop_max_runs[w], __builtin_popcountll (pb->workshop_rounds[w])), n);
      for (int j = 1; j <= J && !found && (gint64) lo * j <= loads[w]; j++)
        {
          int pick[AUFTAKT_PROBLEM_MAX_ROUNDS];
          gint64 seats = 0;

          memset (picked, 0, M);
          for (int d = 0; d < j; d++)
            {
              pick[d] = usable[d];
              picked[pick[d]] = 1;
              seats += auftakt_problem_seats (pb, w, pick[d]);
            }
          if (seats < loads[w])
            continue;
          /* each, smallest first, down to the smallest room that still
           * holds the load */
          for (int d = j - 1; d >= 0; d--)
            for (int a = n - 1; a >= 0; a--)
              {
                int m = usable[a];
                gint64 other = seats - auftakt_problem_seats (pb, w, pick[d]);

                if (picked[m] || other + auftakt_problem_seats (pb, w, m) < loads[w] ||
                    auftakt_problem_seats (pb, w, m) >= auftakt_problem_seats (pb, w, pick[d]))
                  continue;
                picked[pick[d]] = 0;
                picked[m] = 1;
                seats = other + auftakt_problem_seats (pb, w, m);
                pick[d] = m;
                break;
              }
          if (!placeable (pb, w, pick, j))
            continue;
          for (int d = 0; d < j; d++)
            left[pick[d]]--;
          found = TRUE;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* The bound on whole costs that a value of the dual gives (a margin for
 * rounding in the sums). */
static gint64
whole (double value)
{
  return (gint64) ceil (value - 1e-6 * MAX (1.0, fabs (value)));
}

/**
 * _auftakt_room_bound:
 * @upper: the cost of a valid schedule (the steps aim at it), or -1
 * @floor: the best bound known: the steps give up where they stay below
 *   it (see the loop)
 * @deadline: monotonic time after which the steps stop
 *
 * Returns: a lower bound on the cost of every valid schedule from the
 *   relaxation with whole rooms and no rounds, or -1 where it is left out
 *   (too many combinations of rooms, a participant with fewer than K
 *   workshops, no upper cost to aim at).
 */
gint64
_auftakt_room_bound (const AuftaktProblem *pb,
                     gint64                upper,
                     gint64                floor,
                     gint64                deadline)
{
  Rooms rm = { pb, pb->n_workshops, pb->n_rooms, pb->n_classes };
  gint64 give_up_at;
  g_autofree double *gbar_pi = NULL;
  g_autofree double *gbar_lambda = NULL;
  double best = 0, theta = 1.0;
  int idle = 0, steps = 0;
  gboolean ok = upper >= 0 && rm.W > 0 && rm.C > 0;
  gint64 started = g_get_monotonic_time ();
  g_autofree double *best_pi = NULL;
  g_autofree double *best_lambda = NULL;

  rm.patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  rm.rooms = g_array_new (FALSE, FALSE, sizeof (int));
  rm.pat_start = g_new0 (int, rm.W + 1);
  for (int w = 0; w < rm.W && ok; w++)
    {
      rm.pat_start[w] = rm.patterns->len;
      ok = enumerate (&rm, w, 200000);
      rm.pat_start[w + 1] = rm.patterns->len;
    }
  rm.room_slots = g_new (int, rm.M + 1);
  for (int m = 0; m < rm.M; m++)
    rm.room_slots[m] = __builtin_popcountll (pb->room_rounds[m]);
  rm.pi = g_new (double, rm.C + 1);
  rm.gpi = g_new (double, rm.C + 1);
  rm.lambda = g_new0 (double, rm.M + 1);
  rm.glambda = g_new (double, rm.M + 1);
  rm.order = g_new (int, rm.C + 1);
  rm.okey = g_new (double, rm.C + 1);
  rm.by_pi = g_new (int, rm.C + 1);
  rm.class_rounds = g_new (guint64, rm.C + 1);
  rm.own_start = g_new0 (int, rm.W + 1);
  rm.max_seats = g_new0 (gint64, rm.W + 1);
  rm.allowed_n = g_new0 (gint64, rm.W + 1);
  for (int c = 0; c < rm.C; c++)
    rm.class_rounds[c] = pb->participant_rounds[auftakt_problem_class_member (pb, c)];
  {
    GArray *own = g_array_new (FALSE, FALSE, sizeof (int));

    for (int w = 0; w < rm.W; w++)
      {
        rm.own_start[w] = own->len;
        for (int c = 0; c < rm.C; c++)
          {
            if (!(rm.class_rounds[c] & pb->workshop_rounds[w]))
              continue;
            rm.allowed_n[w] += pb->class_size[c];
            if (pb->class_cost[(gsize) c * rm.W + w] != pb->unranked_cost)
              g_array_append_val (own, c);
          }
        for (int q = rm.pat_start[w]; q < rm.pat_start[w + 1]; q++)
          rm.max_seats[w] = MAX (rm.max_seats[w], g_array_index (rm.patterns, Pattern, q).seats);
      }
    rm.own_start[rm.W] = own->len;
    rm.own = (int *) g_array_free (own, FALSE);
  }
  rm.key = g_new (double, rm.C + 1);
  rm.cum_n = g_new (gint64, rm.C + 1);
  rm.cum_v = g_new (double, rm.C + 1);
  best_pi = g_new (double, rm.C + 1);
  best_lambda = g_new (double, rm.M + 1);

  /* start: each class prices its K-th cheapest workshop, so that it
   * wants about K.  (The flow bound's dual prices, a start at about the
   * flow bound, stalled there: tight-s1 2747, large-s1 30.1 k after 0.6 s,
   * against 2985 and 31.4 k from here) */
  {
    g_autofree int *costs = g_new (int, rm.W + 1);

    for (int c = 0; c < rm.C && ok; c++)
      {
        int n = 0;

        for (int w = 0; w < rm.W; w++)
          if (rm.class_rounds[c] & pb->workshop_rounds[w])
            costs[n++] = pb->class_cost[(gsize) c * rm.W + w];
        /* no valid schedule: the relaxation has no value either */
        if (n < pb->k)
          ok = FALSE;
        else
          {
            qsort (costs, n, sizeof (int), compare_int);
            rm.pi[c] = costs[pb->k - 1] + 0.5;
          }
      }
  }

  /* Volume steps (Barahona and Anbil 2000), as in auftakt-solver-bound.c:
   * from the best prices along the moving average of the subgradients,
   * Polyak's size towards @upper, projected (a room with slots to spare
   * and no price stays at 0).  Plain subgradient steps from the last
   * prices swung with the target: tight-s1 2915-2975 for targets from
   * 3003 to 3954, against 2954-2988 */

  give_up_at = started + (deadline - started) / 2;
  gbar_pi = g_new0 (double, rm.C + 1);
  gbar_lambda = g_new0 (double, rm.M + 1);
  while (ok && g_get_monotonic_time () < deadline)
    {
      double value = evaluate (&rm), norm = 0, step, dot = 0;
      double alpha = steps == 0 ? 1.0 : 0.1;

      steps++;
      /* given up where it cannot be worth its time: far below the best
       * bound known after 300 steps (large-s1 89 %, a generated medium
       * 94 %; the generated tight and one-hall events that end above it
       * 99.5-104 %, every workshop once 91-92 %, which then ends only
       * 1 % above it), or still below it halfway through its time (the
       * generated events where everyone ranks dozens of workshops: a
       * step takes 4 ms).  Let run, large rises above the flow bound
       * after 1 s (31 429 against 30 106); the generated K = 1, K = R = 3
       * and forum events stay below it */
      if ((steps == 300 && best < 0.95 * floor) ||
          (best < floor && g_get_monotonic_time () >= give_up_at))
        break;
      for (int c = 0; c < rm.C; c++)
        {
          gbar_pi[c] = alpha * rm.gpi[c] + (1 - alpha) * gbar_pi[c];
          dot += gbar_pi[c] * rm.gpi[c];
        }
      for (int m = 0; m < rm.M; m++)
        {
          gbar_lambda[m] = alpha * rm.glambda[m] + (1 - alpha) * gbar_lambda[m];
          dot += SIGMA * SIGMA * gbar_lambda[m] * rm.glambda[m];
        }
      if (steps == 1 || value > best)
        {
          /* green: the last solution still points the way of the average */
          if (steps > 1 && dot >= 0)
            theta = MIN (theta * 1.1, 2.0);
          best = value;
          idle = 0;
          memcpy (best_pi, rm.pi, sizeof (double) * rm.C);
          memcpy (best_lambda, rm.lambda, sizeof (double) * rm.M);
          if (whole (best) >= upper)
            break;
        }
      else if (++idle >= 20)
        {
          theta *= 0.66;
          idle = 0;
          if (theta < 1e-3)
            break;
        }
      norm = 0;
      for (int c = 0; c < rm.C; c++)
        norm += gbar_pi[c] * gbar_pi[c];
      for (int m = 0; m < rm.M; m++)
        if (best_lambda[m] > 0 || gbar_lambda[m] > 0)
          norm += SIGMA * SIGMA * gbar_lambda[m] * gbar_lambda[m];
      if (norm < 1e-12)
        break;
      step = theta * (upper - best) / norm;
      for (int c = 0; c < rm.C; c++)
        rm.pi[c] = best_pi[c] + step * gbar_pi[c];
      for (int m = 0; m < rm.M; m++)
        rm.lambda[m] = MAX (0, best_lambda[m] + step * SIGMA * SIGMA * gbar_lambda[m]);
    }

  g_debug ("room bound: %.1f after %d steps, %u patterns, %.3f s", ok ? best : -1.0, steps,
           rm.patterns->len, (g_get_monotonic_time () - started) / 1e6);
  g_array_unref (rm.patterns);
  g_array_unref (rm.rooms);
  g_free (rm.pat_start);
  g_free (rm.room_slots);
  g_free (rm.pi);
  g_free (rm.gpi);
  g_free (rm.lambda);
  g_free (rm.glambda);
  g_free (rm.order);
  g_free (rm.okey);
  g_free (rm.by_pi);
  g_free (rm.class_rounds);
  g_free (rm.own_start);
  g_free (rm.own);
  g_free (rm.max_seats);
  g_free (rm.allowed_n);
  g_free (rm.key);
  g_free (rm.cum_n);
  g_free (rm.cum_v);
  /* costs are whole numbers; the margin covers rounding in the sums */
  return ok && steps > 0 ? MAX (0, whole (best)) : -1;
}
