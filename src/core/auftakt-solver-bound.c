/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include <math.h>
#include <string.h>

#include "auftakt-solver-private.h"

/* A lower bound by Lagrangian relaxation.
 *
 * The exact problem, with x[p,w,r] = 1 when p attends w in round r and
 * y[w,r,m] = 1 when w runs in round r in room m:
 *
 *   min  sum cost(p,w) x[p,w,r]
 *   each p: K pairs (w,r), distinct workshops, distinct rounds, rounds it is there
 *   each (w,r): sum_p x <= sum_m seats(w,m) y     (multiplier lambda >= 0)
 *               sum_p x >= lo(w) sum_m y          (multiplier mu >= 0)
 *   each w:     sum y <= max-runs(w)              (multiplier rho >= 0)
 *   each referee f, round r: sum of f's sessions <= 1   (kappa >= 0)
 *   each round: a room holds one session, a workshop runs in one room
 *
 * With the four coupling rows priced, the rest falls apart into one tiny
 * problem per participant class (K pairs with distinct workshops and rounds,
 * at cost + lambda - mu: an exact depth-first search over each round's K
 * cheapest) and one assignment problem of rooms to workshops per round
 * (the Hungarian method).  For any prices the value is a lower bound on the
 * cost of every valid schedule (weak duality); the Volume algorithm's
 * steps raise it.  Both subproblems have integral polytopes, so the best
 * prices give the LP relaxation's value (without x <= n y for ranked
 * seats): on medium the LP's optimal duals give exactly that, and the
 * steps get within a few per cent.
 * Prices are fixed-point integers, so the value is computed exactly and
 * the bound is its ceiling. */

#define SCALE 1024
/* The nu prices' step, against a subgradient of at most 1: measured on
 * medium, tight, large and a K = 1 event, 1 moves them too slowly, 30
 * makes them swing; 10 gets large to 32.5 k (CBC's LP 33.6 k). */
#define TAU 10.0

typedef struct {
  const AuftaktProblem *pb;
  int R, W, M, K;
  guint8 *allowed;        /* [W * R] some room may hold a session */
  gint64 *lambda, *mu;    /* [W * R] */
  gint64 *rho;            /* [W] */
  gint64 *kappa;          /* [F * R] a referee's clash in a round */
  gint64 *nu;             /* [nu_start[c] + j * R + r]: class c's j-th choice in round r
                           * is seated only in a running session */
  int *nu_start;          /* [n_classes + 1] */
  gint64 *opened;         /* [W * R] what the nu prices pay a running session */
  guint8 *xc;             /* [like nu] the class took that choice in that round */
  gboolean tight;         /* the kappa and nu prices move (else they stay 0) */
  guint8 *clash;          /* [F * R] the referee leads two workshops allowed there */
  int F;
  gint64 *pi;             /* [W * R] lambda - mu */
  gint64 *x;              /* [W * R] attendances in the relaxed solution */
  int *y;                 /* [W * R] seats of the relaxed session, 0 if none */
  int *yr;                /* [W * R] 1 when the relaxed session runs */
  int *order;             /* [R * W] allowed workshops of each round by pi */
  int *n_order;           /* [R] */
  int *mark;              /* [W] */
  int stamp;

  /* the participant search */
  int na, need;
  int *cw;                /* [R * K] */
  gint64 *cv;             /* [R * K] */
  int *nc;                /* [R] */
  int *rounds;            /* [R] */
  gint64 *suffix;         /* [(R + 1) * (K + 1)] */
  int used[64];
  int used_r[64];
  int best_w[64], best_r[64];
  gint64 best;

  /* rooms to workshops */
  gint64 *a;              /* [M * W] */
  int *match;             /* [M] */
  int *rooms;             /* [M] */
} Lagrange;

static void
insert_candidate (Lagrange *lg,
                  int       i,
                  int       w,
                  gint64    v)
{
  int K = lg->K;
  int *cw = lg->cw + i * K;
  gint64 *cv = lg->cv + i * K;
  int n = lg->nc[i], j;

  if (n == K && v >= cv[K - 1])
    return;
  j = n < K ? n++ : K - 1;
  while (j > 0 && cv[j - 1] > v)
    {
      cv[j] = cv[j - 1];
      cw[j] = cw[j - 1];
      j--;
    }
  cv[j] = v;
  cw[j] = w;
  lg->nc[i] = n;
}

static void
search (Lagrange *lg,
        int       i,
        int       chosen,
        gint64    sum)
{
  int need = lg->need - chosen, K = lg->K;

  if (need == 0)
    {
      if (sum < lg->best)
        {
          lg->best = sum;
          memcpy (lg->best_w, lg->used, sizeof (int) * chosen);
          memcpy (lg->best_r, lg->used_r, sizeof (int) * chosen);
        }
      return;
    }
  if (lg->na - i < need)
    return;
  if (sum + lg->suffix[i * (K + 1) + need] >= lg->best)
    return;
  for (int j = 0; j < lg->nc[i]; j++)
    {
      int w = lg->cw[i * K + j];
      gboolean taken = FALSE;

      for (int c = 0; c < chosen; c++)
        taken |= lg->used[c] == w;
      if (taken)
        continue;
      lg->used[chosen] = w;
      lg->used_r[chosen] = lg->rounds[i];
      search (lg, i + 1, chosen + 1, sum + lg->cv[i * K + j]);
    }
  search (lg, i + 1, chosen, sum);
}

/* The cheapest K pairs for a class at the current prices; adds its
 * attendances to x and returns the scaled value. */
static gint64
solve_class (Lagrange *lg,
             int       c)
{
  const AuftaktProblem *pb = lg->pb;
  int R = lg->R, W = lg->W, K = lg->K;
  int rep = auftakt_problem_class_member (pb, c);
  const int *crow = pb->class_cost + (gsize) c * W;
  guint64 avail = pb->participant_rounds[rep];
  gint64 unranked = (gint64) SCALE * pb->unranked_cost;
  gint64 top[64];
  int n_top = 0;

  lg->stamp++;
  for (int i = pb->choice_start[rep]; i < pb->choice_start[rep + 1]; i++)
    lg->mark[pb->choices[i]] = lg->stamp;

  lg->na = 0;
  for (int r = 0; r < R; r++)
    {
      int i, found = 0;

      if (!(avail & BIT (r)))
        continue;
      i = lg->na++;
      lg->rounds[i] = r;
      lg->nc[i] = 0;
      for (int j = pb->choice_start[rep]; j < pb->choice_start[rep + 1]; j++)
        {
          int w = pb->choices[j];
          gint64 nu = lg->nu[lg->nu_start[c] + (j - pb->choice_start[rep]) * R + r];

          if (lg->allowed[w * R + r])
            insert_candidate (lg, i, w, (gint64) SCALE * crow[w] + lg->pi[w * R + r] + nu);
        }
      for (int j = 0; j < lg->n_order[r] && found < K; j++)
        {
          int w = lg->order[r * W + j];

          if (lg->mark[w] == lg->stamp)
            continue;
          insert_candidate (lg, i, w, unranked + lg->pi[w * R + r]);
          found++;
        }
      if (lg->nc[i] == 0)
        lg->na--;
    }
  lg->need = MIN (K, lg->na);
  if (lg->need == 0)
    return 0;

  /* suffix[i][k]: the sum of the k smallest first candidates of rounds i.. */
  for (int k = 0; k <= K; k++)
    lg->suffix[lg->na * (K + 1) + k] = k == 0 ? 0 : AUFTAKT_INF;
  for (int i = lg->na - 1; i >= 0; i--)
    {
      gint64 v = lg->cv[i * K], sum = 0;

      if (n_top < K || v < top[K - 1])
        {
          int j = n_top < K ? n_top++ : K - 1;

          while (j > 0 && top[j - 1] > v)
            {
              top[j] = top[j - 1];
              j--;
            }
          top[j] = v;
        }
      for (int k = 0; k <= K; k++)
        {
          lg->suffix[i * (K + 1) + k] = k <= n_top ? sum : AUFTAKT_INF;
          if (k < n_top)
            sum += top[k];
        }
    }

  /* fewer distinct workshops than rounds: as many as there are */
  do
    {
      lg->best = AUFTAKT_INF;
      search (lg, 0, 0, 0);
    }
  while (lg->best == AUFTAKT_INF && --lg->need > 0);
  if (lg->need == 0)
    return 0;
  for (int j = 0; j < lg->need; j++)
    {
      lg->x[lg->best_w[j] * R + lg->best_r[j]] += pb->class_size[c];
      for (int i = pb->choice_start[rep]; i < pb->choice_start[rep + 1]; i++)
        if (pb->choices[i] == lg->best_w[j])
          lg->xc[lg->nu_start[c] + (i - pb->choice_start[rep]) * R + lg->best_r[j]] = 1;
    }
  return lg->best * pb->class_size[c];
}

/* Rooms to workshops in round r, most weight; fills y and yr.  Returns the
 * scaled weight. */
static gint64
solve_round (Lagrange *lg,
             int       r)
{
  const AuftaktProblem *pb = lg->pb;
  int R = lg->R, W = lg->W;
  int *rooms = lg->rooms;
  int n = 0;
  gint64 total;

  for (int m = 0; m < lg->M; m++)
    if (pb->room_rounds[m] & BIT (r))
      rooms[n++] = m;
  if (n == 0)
    return 0;

  for (int i = 0; i < n; i++)
    for (int w = 0; w < W; w++)
      {
        int m = rooms[i], seats = auftakt_problem_seats (pb, w, m);
        gint64 weight = AUFTAKT_FORBIDDEN;

        if (lg->allowed[w * R + r] && seats >= auftakt_problem_lowest (pb, w))
          {
            weight = lg->lambda[w * R + r] * seats
                     - lg->mu[w * R + r] * auftakt_problem_lowest (pb, w) - lg->rho[w];
            for (int l = pb->lead_start[w]; l < pb->lead_start[w + 1]; l++)
              weight -= lg->kappa[pb->leads[l] * R + r];
            weight += lg->opened[w * R + r];
            if (weight <= 0)
              weight = AUFTAKT_FORBIDDEN;
          }
        lg->a[i * W + w] = weight;
      }
  total = _auftakt_max_matching (n, W, lg->a, lg->match);
  for (int i = 0; i < n; i++)
    {
      int w = lg->match[i];

      if (w < 0)
        continue;
      lg->y[w * R + r] = auftakt_problem_seats (pb, w, rooms[i]);
      lg->yr[w * R + r] = 1;
    }
  return total;
}

static int
compare_pi (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  const gint64 *pi = data;
  int wa = *(const int *) a, wb = *(const int *) b;

  if (pi[wa] != pi[wb])
    return pi[wa] < pi[wb] ? -1 : 1;
  return wa - wb;
}

/* The Lagrangian value at the current prices (scaled); fills x, y, yr. */
static gint64
evaluate (Lagrange *lg)
{
  const AuftaktProblem *pb = lg->pb;
  int R = lg->R, W = lg->W;
  g_autofree gint64 *column = g_new (gint64, W);
  gint64 value = 0;

  for (int i = 0; i < W * R; i++)
    {
      lg->pi[i] = lg->lambda[i] - lg->mu[i];
      lg->x[i] = 0;
      lg->y[i] = 0;
      lg->yr[i] = 0;
    }
  for (int r = 0; r < R; r++)
    {
      int n = 0;

      for (int w = 0; w < W; w++)
        {
          column[w] = lg->pi[w * R + r];
          if (lg->allowed[w * R + r])
            lg->order[r * W + n++] = w;
        }
      g_qsort_with_data (lg->order + r * W, n, sizeof (int), compare_pi, column);
      lg->n_order[r] = n;
    }
  memset (lg->xc, 0, lg->nu_start[pb->n_classes]);
  memset (lg->opened, 0, sizeof (gint64) * W * R);
  for (int c = 0; c < pb->n_classes && lg->tight; c++)
    {
      int rep = auftakt_problem_class_member (pb, c);

      for (int i = pb->choice_start[rep]; i < pb->choice_start[rep + 1]; i++)
        for (int r = 0; r < R; r++)
          lg->opened[pb->choices[i] * R + r] +=
            pb->class_size[c] * lg->nu[lg->nu_start[c] + (i - pb->choice_start[rep]) * R + r];
    }
  for (int c = 0; c < pb->n_classes; c++)
    value += solve_class (lg, c);
  for (int r = 0; r < R; r++)
    value -= solve_round (lg, r);
  for (int w = 0; w < W; w++)
    value -= lg->rho[w] * pb->workshop_max_runs[w];
  for (int i = 0; i < lg->F * R; i++)
    value -= lg->kappa[i];
  return value;
}

/* The Volume algorithm's state, kept from one run to the next. */
struct _AuftaktBound
{
  Lagrange lg;
  double sigma;             /* the seats a run's price stands for */
  double eta;               /* the largest price step, in cost units */
  double theta;             /* its share now */
  int stall;
  gboolean nu_apart;        /* nu steps sized by their own subgradient */
  int iterations;           /* done so far */
  gint64 best;              /* scaled */
  gint64 *best_lambda, *best_mu, *best_rho, *best_kappa, *best_nu;
  double *xcbar;            /* [like nu] */
  gint64 *best_x;           /* the relaxed attendances at the best prices */
  double *xbar, *ybar, *yrbar;
  double *g_lambda, *g_mu, *g_rho, *g_kappa, *g_nu;
};

/**
 * _auftakt_bound_new:
 *
 * A lower bound by Lagrangian relaxation (see the top of this file),
 * improved run by run with _auftakt_bound_run().
 */
AuftaktBound *
_auftakt_bound_new (const AuftaktProblem *pb)
{
  AuftaktBound *bd = g_new0 (AuftaktBound, 1);
  Lagrange *lg = &bd->lg;
  int R = pb->n_rounds, W = pb->n_workshops, M = pb->n_rooms, K = pb->k;

  lg->pb = pb;
  lg->R = R;
  lg->W = W;
  lg->M = M;
  lg->K = K;
  lg->allowed = g_new0 (guint8, W * R + 1);
  lg->lambda = g_new0 (gint64, W * R + 1);
  lg->mu = g_new0 (gint64, W * R + 1);
  lg->rho = g_new0 (gint64, W + 1);
  lg->F = pb->n_referees;
  lg->kappa = g_new0 (gint64, lg->F * R + 1);
  lg->clash = g_new0 (guint8, lg->F * R + 1);
  lg->nu_start = g_new0 (int, pb->n_classes + 1);
  for (int c = 0; c < pb->n_classes; c++)
    {
      int rep = auftakt_problem_class_member (pb, c);

      lg->nu_start[c + 1] = lg->nu_start[c]
                            + (pb->choice_start[rep + 1] - pb->choice_start[rep]) * R;
    }
  lg->nu = g_new0 (gint64, lg->nu_start[pb->n_classes] + 1);
  lg->xc = g_new0 (guint8, lg->nu_start[pb->n_classes] + 1);
  lg->opened = g_new0 (gint64, W * R + 1);
  lg->pi = g_new0 (gint64, W * R + 1);
  lg->x = g_new0 (gint64, W * R + 1);
  lg->y = g_new0 (int, W * R + 1);
  lg->yr = g_new0 (int, W * R + 1);
  lg->order = g_new0 (int, W * R + 1);
  lg->n_order = g_new0 (int, R + 1);
  lg->mark = g_new0 (int, W + 1);
  lg->cw = g_new0 (int, R * K + 1);
  lg->cv = g_new0 (gint64, R * K + 1);
  lg->nc = g_new0 (int, R + 1);
  lg->rounds = g_new0 (int, R + 1);
  lg->suffix = g_new0 (gint64, (R + 1) * (K + 1));
  lg->a = g_new0 (gint64, (gsize) (M + 1) * (W + 1));
  lg->match = g_new0 (int, M + 1);
  lg->rooms = g_new0 (int, M + 1);

  bd->best_lambda = g_new0 (gint64, W * R + 1);
  bd->best_mu = g_new0 (gint64, W * R + 1);
  bd->best_rho = g_new0 (gint64, W + 1);
  bd->best_kappa = g_new0 (gint64, lg->F * R + 1);
  bd->g_kappa = g_new0 (double, lg->F * R + 1);
  bd->best_nu = g_new0 (gint64, lg->nu_start[pb->n_classes] + 1);
  bd->g_nu = g_new0 (double, lg->nu_start[pb->n_classes] + 1);
  bd->xcbar = g_new0 (double, lg->nu_start[pb->n_classes] + 1);
  bd->best_x = g_new0 (gint64, W * R + 1);
  bd->xbar = g_new0 (double, W * R + 1);
  bd->ybar = g_new0 (double, W * R + 1);
  bd->yrbar = g_new0 (double, W * R + 1);
  bd->g_lambda = g_new0 (double, W * R + 1);
  bd->g_mu = g_new0 (double, W * R + 1);
  bd->g_rho = g_new0 (double, W + 1);

  for (int w = 0; w < W; w++)
    for (int r = 0; r < R; r++)
      if (pb->workshop_rounds[w] & BIT (r))
        for (int m = 0; m < M; m++)
          if ((pb->room_rounds[m] & BIT (r)) &&
              auftakt_problem_seats (pb, w, m) >= auftakt_problem_lowest (pb, w))
            lg->allowed[w * R + r] = 1;

  /* a referee who leads two workshops that may run in a round */
  {
    g_autofree int *led = g_new0 (int, lg->F * R + 1);

    for (int w = 0; w < W; w++)
      for (int l = pb->lead_start[w]; l < pb->lead_start[w + 1]; l++)
        for (int r = 0; r < R; r++)
          led[pb->leads[l] * R + r] += lg->allowed[w * R + r];
    for (int i = 0; i < lg->F * R; i++)
      lg->clash[i] = led[i] > 1;
  }

  /* A run's price is worth a session's seats: measured in runs, its
   * subgradient (a run too many) would be a hundredth of the seats'
   * (hundreds of attendances too many), and it would hardly move.  The
   * largest step starts at a twentieth of the largest cost. */
  for (int m = 0; m < M; m++)
    bd->sigma += pb->room_capacity[m];
  bd->sigma = M > 0 ? MAX (1.0, bd->sigma / M) : 1.0;
  bd->eta = MAX (1.0, pb->max_cost / 20.0);
  bd->theta = 1.0;
  return bd;
}

void
_auftakt_bound_free (AuftaktBound *bd)
{
  Lagrange *lg = &bd->lg;

  g_free (lg->allowed);
  g_free (lg->lambda);
  g_free (lg->mu);
  g_free (lg->rho);
  g_free (lg->kappa);
  g_free (lg->clash);
  g_free (lg->nu_start);
  g_free (lg->nu);
  g_free (lg->xc);
  g_free (lg->opened);
  g_free (lg->pi);
  g_free (lg->x);
  g_free (lg->y);
  g_free (lg->yr);
  g_free (lg->order);
  g_free (lg->n_order);
  g_free (lg->mark);
  g_free (lg->cw);
  g_free (lg->cv);
  g_free (lg->nc);
  g_free (lg->rounds);
  g_free (lg->suffix);
  g_free (lg->a);
  g_free (lg->match);
  g_free (lg->rooms);
  g_free (bd->best_lambda);
  g_free (bd->best_mu);
  g_free (bd->best_rho);
  g_free (bd->best_kappa);
  g_free (bd->g_kappa);
  g_free (bd->best_nu);
  g_free (bd->g_nu);
  g_free (bd->xcbar);
  g_free (bd->best_x);
  g_free (bd->xbar);
  g_free (bd->ybar);
  g_free (bd->yrbar);
  g_free (bd->g_lambda);
  g_free (bd->g_mu);
  g_free (bd->g_rho);
  g_free (bd);
}

/* A subgradient component, projected: a price at zero does not go below.
 * Keeps the largest magnitude in *gmax. */
static inline double
projected (double  g,
           gint64  price,
           double *gmax)
{
  if (price == 0 && g < 0)
    g = 0;
  *gmax = MAX (*gmax, fabs (g));
  return g;
}

/* A price after a step, within [0, max]. */
static inline gint64
stepped (gint64 from,
         double by,
         gint64 max)
{
  return CLAMP (from + (gint64) by, 0, max);
}

/* One step of the Volume algorithm (Barahona and Anbil 2000): evaluate at
 * the current prices, fold the relaxed solution into the moving average,
 * and step from the best prices so far along the average's subgradient.
 * The average damps the swings of the room assignments from one price to
 * the next, and it approximates the LP's solution.  FALSE when the steps
 * have become too small to matter. */
static gboolean
step (AuftaktBound *bd)
{
  Lagrange *lg = &bd->lg;
  const AuftaktProblem *pb = lg->pb;
  int R = lg->R, W = lg->W;
  gint64 value, price_max = (gint64) SCALE * 4 * (pb->max_cost + 1);
  double gmax = 0, gmax_nu = 0, dot = 0, alpha = bd->iterations == 0 ? 1.0 : 0.05, size;

  value = evaluate (lg);
  g_debug ("bound: iteration %d value %.1f theta %.4f", bd->iterations, value / (double) SCALE,
           bd->theta);

  for (int i = 0; i < W * R; i++)
    {
      int w = i / R;
      gint64 lo = auftakt_problem_lowest (pb, w);

      bd->xbar[i] = alpha * lg->x[i] + (1 - alpha) * bd->xbar[i];
      bd->ybar[i] = alpha * lg->y[i] + (1 - alpha) * bd->ybar[i];
      bd->yrbar[i] = alpha * lg->yr[i] + (1 - alpha) * bd->yrbar[i];
      bd->g_lambda[i] = projected (lg->allowed[i] ? bd->xbar[i] - bd->ybar[i] : 0,
                                   lg->lambda[i], &gmax);
      bd->g_mu[i] = projected (lg->allowed[i] ? lo * bd->yrbar[i] - bd->xbar[i] : 0,
                               lg->mu[i], &gmax);
      dot += bd->g_lambda[i] * (lg->x[i] - lg->y[i]);
    }
  for (int w = 0; w < W; w++)
    {
      double n = 0;

      for (int r = 0; r < R; r++)
        n += bd->yrbar[w * R + r];
      bd->g_rho[w] = projected ((n - pb->workshop_max_runs[w]) * bd->sigma, lg->rho[w], &gmax);
    }
  /* a clash, like a run, is worth a session's seats: first the sessions
   * each referee leads in each round, on average */
  if (lg->tight)
    {
      memset (bd->g_kappa, 0, sizeof (double) * lg->F * R);
      for (int w = 0; w < W; w++)
        for (int l = pb->lead_start[w]; l < pb->lead_start[w + 1]; l++)
          for (int r = 0; r < R; r++)
            bd->g_kappa[pb->leads[l] * R + r] += bd->yrbar[w * R + r];
      for (int i = 0; i < lg->F * R; i++)
        bd->g_kappa[i] = projected (lg->clash[i] ? (bd->g_kappa[i] - 1) * bd->sigma : 0,
                                    lg->kappa[i], &gmax);
    }
  /* a class's seat in a session that does not run (scaled by TAU: the
   * subgradient per member is at most 1, a session's is in the hundreds) */
  for (int c = 0; c < pb->n_classes && lg->tight; c++)
    {
      int rep = auftakt_problem_class_member (pb, c);

      for (int i = pb->choice_start[rep]; i < pb->choice_start[rep + 1]; i++)
        for (int r = 0; r < R; r++)
          {
            int k = lg->nu_start[c] + (i - pb->choice_start[rep]) * R + r, w = pb->choices[i];

            bd->xcbar[k] = alpha * lg->xc[k] + (1 - alpha) * bd->xcbar[k];
            bd->g_nu[k] = projected (lg->allowed[w * R + r]
                                     ? (bd->xcbar[k] - bd->yrbar[w * R + r]) * TAU : 0,
                                     lg->nu[k], bd->nu_apart ? &gmax_nu : &gmax);
          }
    }

  if (value > bd->best || bd->iterations == 0)
    {
      /* green: the last solution still points the way of the average */
      if (bd->iterations > 0 && dot >= 0)
        bd->theta = MIN (bd->theta * 1.1, 2.0);
      bd->stall = 0;
      bd->best = bd->iterations == 0 ? value : MAX (bd->best, value);
      memcpy (bd->best_lambda, lg->lambda, sizeof (gint64) * W * R);
      memcpy (bd->best_mu, lg->mu, sizeof (gint64) * W * R);
      memcpy (bd->best_rho, lg->rho, sizeof (gint64) * W);
      memcpy (bd->best_kappa, lg->kappa, sizeof (gint64) * lg->F * R);
      memcpy (bd->best_nu, lg->nu, sizeof (gint64) * lg->nu_start[pb->n_classes]);
      memcpy (bd->best_x, lg->x, sizeof (gint64) * W * R);
    }
  else if (++bd->stall >= 20)
    {
      bd->theta *= 0.66;
      bd->stall = 0;
    }
  bd->iterations++;
  if (gmax < 1e-9 && gmax_nu < 1e-9)
    return FALSE;  /* the relaxed solution is feasible: its value is optimal */
  if (bd->theta < 0.005)
    return FALSE;

  /* the largest price moves by theta * eta cost units; any prices give a
   * bound, and beyond a few times the largest cost they only overflow */
  size = gmax < 1e-9 ? 0 : bd->theta * bd->eta * SCALE / gmax;
  for (int i = 0; i < W * R; i++)
    {
      lg->lambda[i] = stepped (bd->best_lambda[i], size * bd->g_lambda[i], price_max);
      lg->mu[i] = stepped (bd->best_mu[i], size * bd->g_mu[i], price_max);
    }
  for (int w = 0; w < W; w++)
    lg->rho[w] = stepped (bd->best_rho[w], size * bd->sigma * bd->g_rho[w], price_max * 1024);
  for (int i = 0; i < lg->F * R; i++)
    lg->kappa[i] = stepped (bd->best_kappa[i], size * bd->sigma * bd->g_kappa[i],
                            price_max * 1024);
  if (bd->nu_apart)
    size = gmax_nu < 1e-9 ? 0 : bd->theta * bd->eta * SCALE / (gmax_nu * TAU);
  for (int k = 0; k < lg->nu_start[pb->n_classes] && lg->tight; k++)
    lg->nu[k] = stepped (bd->best_nu[k], size * TAU * bd->g_nu[k], price_max * 1024);
  return TRUE;
}

/**
 * _auftakt_bound_run:
 * @iterations: steps at most in this run
 * @upper: the cost of a valid schedule, or -1 if none is known: the run
 *   ends when the bound reaches it
 * @deadline: monotonic time at which the run ends (the first step of the
 *   first run always happens)
 *
 * Returns: the best lower bound on the cost of every valid schedule so far.
 */
gint64
_auftakt_bound_run (AuftaktBound *bd,
                    int           iterations,
                    gint64        upper,
                    GCancellable *cancellable,
                    gint64        deadline)
{
  const AuftaktProblem *pb = bd->lg.pb;

  if (pb->k > 64 || pb->n_participants == 0)
    return 0;
  for (int it = 0; it < iterations; it++)
    {
      if (bd->iterations > 0 && (g_cancellable_is_cancelled (cancellable) ||
                                 g_get_monotonic_time () >= deadline))
        break;
      if (upper >= 0 && bd->iterations > 0 && (bd->best + SCALE - 1) / SCALE >= upper)
        break;
      if (!step (bd))
        break;
    }
  return bd->best <= 0 ? 0 : (bd->best + SCALE - 1) / SCALE;
}

/**
 * _auftakt_bound_tighten:
 *
 * From now on, also price a referee's clashes (kappa) and a class's ranked
 * seat in a session that does not run (nu: x[c,w,r] <= n(c) y[w,r], the
 * LP's strongest rows).  They raise the bound (a K = 1 event: 16 k -> 29 k,
 * large 28 k -> 29-31 k, potsdam seeds 2 and 8 proved optimal), but there
 * is a nu price per class, choice and round, so the steps take twice the
 * time, and the relaxed solutions become a worse demand for the first
 * timetable (large: 48 k instead of 45 k at the end).  So the first run,
 * which gives the demand, goes without.
 */
void
_auftakt_bound_tighten (AuftaktBound *bd)
{
  bd->lg.tight = TRUE;
  /* new directions to explore: the steps may widen again */
  bd->theta = MAX (bd->theta, 1.0);
  bd->stall = 0;
}

/**
 * _auftakt_bound_free_nu:
 *
 * From now on, size the steps of the nu prices by their own largest
 * subgradient, not by the capacities' (hundreds of seats against at most
 * one member each): the nu prices then move as far as the others.  Where
 * few sessions must serve everyone (one hall, four rounds) the LP's value
 * rests on them, and with the shared step they hardly move: a run ended
 * at 998 against the LP's 12 778, with their own steps at 10 934.  Where
 * the shared steps work they work better (a K = 1 event: 11 012 against
 * 6 032), so this is for a run after them, from their best prices.
 */
void
_auftakt_bound_free_nu (AuftaktBound *bd)
{
  bd->nu_apart = TRUE;
  bd->theta = MAX (bd->theta, 1.0);
  bd->stall = 0;
}

/**
 * _auftakt_bound_demand:
 * @average: the average of the relaxed solutions rather than the one at
 *   the best prices
 * @demand: [W], filled with the relaxed attendances of each workshop
 *   (the sessions' rounded, summed)
 *
 * The average estimates the LP's solution and spreads the seats over more
 * workshops; the solution at the best prices is an extreme point that
 * favours fewer.  Neither is the better start everywhere (large: the
 * average, by a fifth; tight: the best prices, by a few per cent).
 */
void
_auftakt_bound_demand (const AuftaktBound *bd,
                       gboolean            average,
                       gint64             *demand)
{
  int W = bd->lg.W, R = bd->lg.R;

  for (int w = 0; w < W; w++)
    {
      demand[w] = 0;
      for (int i = w * R; i < (w + 1) * R; i++)
        demand[w] += average ? (gint64) (bd->xbar[i] + 0.5) : bd->best_x[i];
    }
}
