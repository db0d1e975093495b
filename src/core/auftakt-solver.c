/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "auftakt-problem.h"
#include "auftakt-solver.h"
#include "auftakt-solver-private.h"

/* The scheduler's entry: compiles the event, runs the search (HACKING.md,
 * "The scheduler"), and turns the best state into a schedule, with the
 * explanation of what could not be done and, for a re-solve, what changed. */

G_DEFINE_QUARK (auftakt-solver-error-quark, auftakt_solver_error)

typedef struct {
  AuftaktSolverProgressFunc progress;
  gpointer user_data;
  double limit;
  gint64 bound;
} Report;

void
auftakt_solver_options_init (AuftaktSolverOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->seed = AUFTAKT_SOLVER_DEFAULT_SEED;
  options->time_limit = AUFTAKT_SOLVER_DEFAULT_TIME_LIMIT;
}

static void
report_cb (AuftaktSearch *se,
           gpointer       data)
{
  Report *report = data;
  double elapsed = (g_get_monotonic_time () - se->start) / 1e6;

  if (report->progress != NULL)
    report->progress (MIN (1.0, elapsed / report->limit),
                      _auftakt_search_best_cost (se), report->bound, report->user_data);
}

/* Published attendances first (the locked ones before the others), then
 * everyone else, the most constrained first: few choices before many, no
 * choices last (they go wherever seats are left). */
static void
assign_initially (AuftaktSearch *se)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R, P = se->P;
  g_autofree int *order = g_new (int, P + 1);
  g_autofree int *key = g_new (int, P + 1);

  if (pb->has_published)
    for (int pass = 0; pass < 2; pass++)
      for (int p = 0; p < P; p++)
        for (int r = 0; r < R; r++)
          {
            int w = pb->published_workshop[p * R + r];

            if (w < 0 || se->at[p * R + r] >= 0 || (pass == 0) != (se->pinned_p[p * R + r] != 0))
              continue;
            if (se->missing[p] > 0 && _auftakt_search_eligible (se, p, -1, w, r))
              _auftakt_search_assign (se, p, r, w);
          }

  for (int p = 0; p < P; p++)
    {
      int n = pb->choice_start[p + 1] - pb->choice_start[p];

      order[p] = p;
      key[p] = n == 0 ? G_MAXINT / 2 : n;
    }
  /* a seeded shuffle, then a stable sort by the key */
  for (int i = P - 1; i > 0; i--)
    {
      int j = _auftakt_rng_below (&se->rng, i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  {
    g_autofree int *tmp = g_new (int, P + 1);
    int max_key = 0, n_buckets;
    g_autofree int *count = NULL;

    for (int p = 0; p < P; p++)
      if (key[p] < G_MAXINT / 2)
        max_key = MAX (max_key, key[p]);
    n_buckets = max_key + 2;
    count = g_new0 (int, n_buckets + 1);
    for (int i = 0; i < P; i++)
      {
        int k = key[order[i]] >= G_MAXINT / 2 ? max_key + 1 : key[order[i]];

        count[k + 1]++;
      }
    for (int k = 0; k < n_buckets; k++)
      count[k + 1] += count[k];
    for (int i = 0; i < P; i++)
      {
        int k = key[order[i]] >= G_MAXINT / 2 ? max_key + 1 : key[order[i]];

        tmp[count[k]++] = order[i];
      }
    memcpy (order, tmp, sizeof (int) * P);
  }
  for (int i = 0; i < P; i++)
    _auftakt_search_place (se, order[i], NULL);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The attendances of the state as a schedule, leaving out what breaks a
 * rule: surplus attendees, sessions below their min.  Sets *cost. */
static AuftaktSchedule *
make_schedule (AuftaktSearch *se,
               gint64        *cost,
               guint8        *placed_all)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;
  g_autoptr(AuftaktSchedule) schedule = auftakt_schedule_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree int *count = g_new0 (int, se->P + 1);

  *cost = 0;
  for (int r = 0; r < R; r++)
    for (int m = 0; m < se->M; m++)
      {
        int w = se->ws_in[m * R + r], s, n, keep;
        g_autofree int *members = NULL;
        AuftaktSession *session;

        if (w < 0)
          continue;
        s = w * R + r;
        n = se->n_mem[s];
        if (n == 0)
          continue;
        members = g_memdup2 (se->mem[s], sizeof (int) * n);
        qsort (members, n, sizeof (int), compare_int);
        keep = n;
        if (n < se->lo[w])
          {
            /* below its min: cancelled, unless locked attendances hold it */
            keep = 0;
            for (int i = 0; i < n; i++)
              if (se->pinned_p[members[i] * R + r])
                keep = n;
          }
        else if (n > se->cap[s])
          {
            /* surplus: the last unlocked members leave */
            int surplus = n - se->cap[s];

            for (int i = n - 1; i >= 0 && surplus > 0; i--)
              if (!se->pinned_p[members[i] * R + r])
                {
                  members[i] = -1;
                  surplus--;
                }
          }
        if (keep == 0)
          continue;
        session = auftakt_session_new (pb->workshop_ids[w], pb->round_ids[r], pb->room_ids[m]);
        auftakt_session_set_locked (session, se->fixed[s]);
        for (int i = 0; i < n; i++)
          {
            int p = members[i];

            if (p < 0)
              continue;
            auftakt_session_add_attendee (session, pb->participant_ids[p], se->pinned_p[p * R + r]);
            *cost += auftakt_problem_cost (pb, p, w);
            count[p]++;
          }
        if (auftakt_session_get_n_attendees (session) > 0)
          g_ptr_array_add (sessions, session);
        else
          g_object_unref (session);
      }
  for (int p = 0; p < se->P; p++)
    placed_all[p] = count[p] == se->K;
  auftakt_schedule_splice (schedule, sessions);
  return g_steal_pointer (&schedule);
}

/* One line per change against the published schedule. */
static void
describe_changes (AuftaktSearch       *se,
                  AuftaktSolverResult *result)
{
  const AuftaktProblem *pb = se->pb;
  int R = se->R;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint moved_sessions = 0, moved_attendances = 0;

  for (int s = 0; s < se->S; s++)
    {
      int w = s / R, r = s % R, was = pb->published_room[s], now = se->room_of[s];

      if (now >= 0 && se->n_mem[s] == 0)
        now = -1;
      if (was == now)
        continue;
      moved_sessions++;
      if (was >= 0 && now >= 0)
        /* Translators: workshop id, title: old room → new room in round */
        g_ptr_array_add (lines, g_strdup_printf (_("%s %s: %s → %s in %s"),
                                                 pb->workshop_ids[w], pb->workshop_titles[w],
                                                 pb->room_names[was], pb->room_names[now],
                                                 pb->round_names[r]));
      else if (was >= 0)
        g_ptr_array_add (lines, g_strdup_printf (_("%s %s: cancelled in %s (was in %s)"),
                                                 pb->workshop_ids[w], pb->workshop_titles[w],
                                                 pb->round_names[r], pb->room_names[was]));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%s %s: new in %s, %s"),
                                                 pb->workshop_ids[w], pb->workshop_titles[w],
                                                 pb->round_names[r], pb->room_names[now]));
    }

  for (int p = 0; p < se->P; p++)
    {
      int lost[64], gained[64], n_lost = 0, n_gained = 0;

      for (int r = 0; r < R; r++)
        {
          int was = pb->published_workshop[p * R + r], now = se->at[p * R + r];

          if (was == now)
            continue;
          if (was >= 0)
            lost[n_lost++] = r;
          if (now >= 0)
            gained[n_gained++] = r;
        }
      if (n_lost == 0)
        continue;  /* new participants, or nothing moved */
      moved_attendances += n_lost;
      for (int i = 0; i < MAX (n_lost, n_gained); i++)
        {
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (i < n_lost)
            from = g_strdup_printf ("%s (%s)",
                                    pb->workshop_titles[pb->published_workshop[p * R + lost[i]]],
                                    pb->round_names[lost[i]]);
          if (i < n_gained)
            to = g_strdup_printf ("%s (%s)", pb->workshop_titles[se->at[p * R + gained[i]]],
                                  pb->round_names[gained[i]]);
          /* Translators: participant id, name: old workshop (round) → new one */
          g_ptr_array_add (lines, g_strdup_printf (_("%s %s: %s → %s"),
                                                   pb->participant_ids[p],
                                                   pb->participant_names[p],
                                                   from != NULL ? from : "—",
                                                   to != NULL ? to : "—"));
        }
    }
  _auftakt_solver_result_set_changes (result, moved_sessions, moved_attendances, lines);
}

static int
bound_iterations (const AuftaktProblem *pb)
{
  gint64 work = (gint64) pb->n_classes * pb->n_rounds * pb->k + 1;
  gint64 candidates = 1;
  int steps;

  /* a count, not a time slice: the first timetable follows the bound's
   * demand, so the run's path must not depend on the machine's speed
   * (about a third of a second on large) */
  steps = (int) CLAMP (6000000 / work, 15, 400);

  /* A step weighs every class's choices in every round: where everyone
   * ranks dozens of workshops, the count above kept the main search
   * waiting for a third of its time (2,000 people ranking 60: 400 steps,
   * 1.7 s of 5).  The usual 2 to 12 choices stay below this cap. */
  for (int c = 0; c < pb->n_classes; c++)
    {
      int rep = auftakt_problem_class_member (pb, c);

      candidates += (gint64) pb->n_rounds * (pb->choice_start[rep + 1] - pb->choice_start[rep] + pb->k);
    }
  steps = MIN (steps, MAX (15, 50000000 / candidates));
  g_debug ("bound: %d steps for %" G_GINT64_FORMAT " candidates a step", steps, candidates);
  return steps;
}

/* One search of the portfolio: its own state and random numbers over the
 * shared, read-only problem. */
typedef struct {
  AuftaktSearch *se;
  AuftaktSearch *alternative;  /* (nullable): a second start to try */
  const gint64 *want;
  gint64 bound;
  int *from_room_of;           /* (nullable) (owned): a state to take first */
  int *from_at;
} Worker;

/* A first timetable from a demand per workshop (or the raw choices),
 * everyone placed, the assignment improved. */
static void
start_search (AuftaktSearch *se,
              const gint64  *want)
{
  /* a re-solve starts from the published sessions alone where they seat
   * everyone: the sessions a first timetable adds for the demand must be
   * filled up to their min, with published attendees (medium, a re-solve
   * of an unchanged plan: 9 changes at the start, and cut short under
   * load, one session moved at the end) */
  if (se->w_change > 0)
    {
      g_autofree int *none = g_new (int, (gsize) se->P * se->R + se->S + 1);

      _auftakt_timetable_open_published (se);
      assign_initially (se);
      _auftakt_search_improve (se);
      if (se->penalty == 0)
        return;
      /* else back to no session and no attendance */
      for (gsize i = 0; i < (gsize) se->P * se->R + se->S; i++)
        none[i] = -1;
      _auftakt_search_load (se, none, none);
    }
  _auftakt_timetable_build (se, want);
  assign_initially (se);
  _auftakt_search_improve (se);
}

/* The worker's first timetable; with an alternative, also one from the raw
 * top-K choices, and the better start is kept (the start's cost foretold
 * the better end on 6 of 8 public and generated large and tight events). */
static void
worker_start (Worker *wk)
{
  start_search (wk->se, wk->want);
  if (wk->alternative != NULL)
    {
      start_search (wk->alternative, NULL);
      g_debug ("first timetables: %" G_GINT64_FORMAT " from the demand, %" G_GINT64_FORMAT
               " from the choices", _auftakt_search_objective (wk->se),
               _auftakt_search_objective (wk->alternative));
      if (_auftakt_search_objective (wk->alternative) < _auftakt_search_objective (wk->se))
        {
          AuftaktSearch *t = wk->se;

          wk->se = wk->alternative;
          wk->alternative = t;
        }
      _auftakt_search_free (wk->alternative);
      wk->alternative = NULL;
    }
}

static gpointer
search_thread (gpointer data)
{
  Worker *wk = data;

  /* in this thread: the other search goes on meanwhile (xlarge: 0.5 s) */
  if (wk->from_room_of != NULL)
    {
      _auftakt_search_load (wk->se, wk->from_room_of, wk->from_at);
      g_clear_pointer (&wk->from_room_of, g_free);
      g_clear_pointer (&wk->from_at, g_free);
    }
  _auftakt_timetable_search (wk->se, wk->bound, NULL, NULL);
  return NULL;
}

static gpointer
worker_thread (gpointer data)
{
  worker_start (data);
  return search_thread (data);
}

/* The better of the two searches in *a, the other in *b; on a tie *a,
 * unless both are at the bound and *b got there in fewer ticks (the other
 * stopped once past that tick, so only this order is the same on every
 * machine).  Whether a search is at the bound is decided here, after both
 * ended, against the final bound: one of them may have met it before it
 * knew. */
static void
order_searches (AuftaktSearch       **a,
                AuftaktSearch       **b,
                const AuftaktShared  *shared)
{
  gint64 oa = _auftakt_search_objective (*a), ob = _auftakt_search_objective (*b);
  guint64 ta = shared->tick_of[(*a)->follower ? 1 : 0];
  guint64 tb = shared->tick_of[(*b)->follower ? 1 : 0];

  g_debug ("portfolio: %" G_GINT64_FORMAT " (tick %" G_GUINT64_FORMAT ") against %"
           G_GINT64_FORMAT " (tick %" G_GUINT64_FORMAT ")", oa, ta, ob, tb);
  if (ob < oa || (ob == oa && tb < ta && _auftakt_search_meets_bound (*a, shared->bound) &&
                  _auftakt_search_meets_bound (*b, shared->bound)))
    {
      AuftaktSearch *t = *a;

      *a = *b;
      *b = t;
    }
}

/* Whether a first timetable costs less than a tenth of @seconds, so that
 * a second one may be tried: estimated from the event's size, not
 * measured, so that a run is the same on every machine.  xlarge (20,000
 * people, 80 workshops, 6 rounds, K = 3: 2.9e7) took 1.6 s of its 4.25 s
 * to halfway, and with a second one its search made no change before
 * halfway; large's (7.2e5) takes 0.03 s. */
static gboolean
second_start_affordable (const AuftaktProblem *pb,
                         double                seconds)
{
  double work = (double) pb->n_participants * pb->n_workshops * pb->n_rounds * pb->k;

  return work / 1.8e7 < seconds / 10;
}

/* Whether the two searches go on after a step: unless both came to their
 * end (small events: no time is spent twice), the better one meets the
 * bound, or the run is cancelled. */
static gboolean
search_on (AuftaktSearch       *better,
           AuftaktSearch       *worse,
           const AuftaktShared *shared,
           GCancellable        *cancellable)
{
  return (!better->converged || !worse->converged) &&
         !_auftakt_search_meets_bound (better, shared->bound) &&
         !g_cancellable_is_cancelled (cancellable);
}

/* Both searches go on until @until, the other one in its thread from a
 * copy of @room_of and @at, and the better one ends in *se. */
static void
search_both (AuftaktSearch **se,
             Worker         *other,
             AuftaktShared  *shared,
             const int      *room_of,
             const int      *at,
             gint64          until,
             gint64          bound,
             Report         *report)
{
  GThread *thread;

  other->from_room_of = g_memdup2 (room_of, sizeof (int) * (*se)->S);
  other->from_at = g_memdup2 (at, sizeof (int) * (gsize) (*se)->P * (*se)->R);
  (*se)->deadline = other->se->deadline = until;
  (*se)->stopped = other->se->stopped = FALSE;
  other->bound = bound;
  thread = g_thread_new ("auftakt-solver", search_thread, other);
  _auftakt_timetable_search (*se, bound, report_cb, report);
  g_thread_join (thread);
  order_searches (se, &other->se, shared);
}

/* Whether a quarter of the time decides which start both searches go on
 * from until halfway: where the searches are not starved for time.  As
 * for the big events of the timetable search (P x sessions^2 >= 4 * 10^6:
 * large, xlarge), with every room slot taken, estimated from the event so
 * that it is known before either search starts.  There each search needs
 * all its changes, and a restart would throw away a quarter of one. */
static gboolean
quarter_restart (const AuftaktProblem *pb)
{
  gint64 slots = auftakt_problem_room_slots (pb), runs = 0;

  for (int w = 0; w < pb->n_workshops; w++)
    runs += pb->workshop_max_runs[w];
  slots = MIN (slots, runs);
  return (gint64) pb->n_participants * slots * slots < 4000000;
}

/* Tells the searches of the portfolio a lower bound. */
static void
share_bound (AuftaktShared *shared,
             gint64         bound)
{
  g_mutex_lock (&shared->lock);
  shared->bound = MAX (shared->bound, bound);
  g_mutex_unlock (&shared->lock);
}

/* The seconds to search: as asked, or the default. */
static double
options_time_limit (const AuftaktSolverOptions *options)
{
  return options->time_limit > 0 ? options->time_limit : AUFTAKT_SOLVER_DEFAULT_TIME_LIMIT;
}

/* The searches to run: as asked, or one per processor, at most two. */
static int
options_workers (const AuftaktSolverOptions *options)
{
  if (options->workers > 0)
    return options->workers;
  return CLAMP ((int) g_get_num_processors (), 1, 2);
}

static AuftaktSolverResult *
solve_problem (const AuftaktProblem     *pb,
               guint64                   seed,
               double                    limit,
               gboolean                  minimal_change,
               int                       workers,
               AuftaktSolverProgressFunc progress,
               gpointer                  user_data,
               GCancellable             *cancellable,
               gint64                    start,
               GError                  **error)
{
  AuftaktSearch *se;
  g_autoptr(AuftaktSchedule) schedule = NULL;
  g_autoptr(GPtrArray) explanations = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unplaced = g_ptr_array_new ();
  g_autofree guint8 *placed_all = g_new0 (guint8, pb->n_participants + 1);
  g_autofree gint64 *want = NULL;
  g_autofree gint64 *want_extreme = NULL;
  g_autofree gint64 *loads = g_new0 (gint64, pb->n_workshops + 1);
  AuftaktSolverResult *result;
  gint64 deadline = start + (gint64) (limit * G_USEC_PER_SEC);
  gint64 halfway = start + (gint64) (limit * G_USEC_PER_SEC / 2);
  gboolean quarters = workers > 1 && quarter_restart (pb);
  gint64 first_end = quarters ? start + (gint64) (limit * G_USEC_PER_SEC / 4) : halfway;
  gint64 bound, lagrange_value, flow, cost, upper;
  Report report = { progress, user_data, limit, -1 };
  Worker main_worker = { 0 }, other = { 0 };
  AuftaktShared shared = { .best_cost = -1, .cost_of = { -1, -1 } };
  AuftaktBound *lagrange;
  GThread *thread = NULL;
  gboolean feasible;

  g_mutex_init (&shared.lock);
  se = _auftakt_search_new (pb, seed, workers > 1 ? first_end : deadline, minimal_change,
                            cancellable);

  /* the bound first: its relaxed solutions are a demand per workshop that
   * already balances the seats, the better guide for the first timetable
   * than the raw choices */
  want = g_new0 (gint64, pb->n_workshops + 1);
  want_extreme = g_new0 (gint64, pb->n_workshops + 1);
  lagrange = _auftakt_bound_new (pb);
  bound = lagrange_value = _auftakt_bound_run (lagrange, bound_iterations (pb), -1, cancellable,
                                               start + (gint64) (limit * G_USEC_PER_SEC / 3));
  _auftakt_bound_demand (lagrange, TRUE, want);
  _auftakt_bound_demand (lagrange, FALSE, want_extreme);

  /* a second search on the other processor, with random numbers and a
   * first timetable of its own: local search ends in different local
   * optima, and the better one wins */
  if (workers > 1)
    {
      shared.bound = bound;
      se->shared = &shared;
      other.se = _auftakt_search_new (pb, seed ^ G_GUINT64_CONSTANT (0x6a09e667f3bcc908),
                                      first_end, minimal_change, cancellable);
      /* the relaxed solution at the best prices, or the raw choices:
       * a first timetable of its own */
      other.want = want_extreme;
      other.se->shared = &shared;
      other.se->follower = TRUE;
      if (second_start_affordable (pb, limit / 2))
        {
          other.alternative = _auftakt_search_new (pb, seed ^ G_GUINT64_CONSTANT (0xbb67ae8584caa73b),
                                                   first_end, minimal_change, cancellable);
          other.alternative->shared = &shared;
          other.alternative->follower = TRUE;
        }
      else
        g_debug ("one first timetable only: too big for the time");
      other.bound = bound;
      thread = g_thread_new ("auftakt-solver", worker_thread, &other);
    }

  /* the relaxation without rounds and rooms, exact where the Lagrangian
   * steps only get close (auftakt-solver-flow.c): a sixth of the time at
   * most (xlarge needs 0.5 s of its 8.5 s), while the other search runs */
  flow = _auftakt_flow_bound (pb, g_get_monotonic_time () + (gint64) (limit * G_USEC_PER_SEC / 6),
                             loads);
  bound = MAX (bound, flow);
  share_bound (&shared, bound);

  main_worker.se = se;
  main_worker.want = want;
  worker_start (&main_worker);

  /* again, tighter, while the other search runs: a tenth of the time,
   * unless the first run came to less than two thirds of the flow bound,
   * which a tenth of the time does not make up (xlarge: first run 280 k,
   * second 424 k, flow bound 947 k; large: first run 28.7 k, flow bound
   * 30.1 k) */
  upper = se->penalty == 0 ? se->cost : -1;
  if (3 * lagrange_value < 2 * flow)
    g_debug ("bound: no second Lagrangian run (%" G_GINT64_FORMAT " against the flow bound %"
             G_GINT64_FORMAT ")", lagrange_value, flow);
  else if (upper < 0 || upper > bound)
    {
      gint64 tenth = (gint64) (limit * G_USEC_PER_SEC / 10);
      gint64 end = g_get_monotonic_time () + tenth, value, found;

      _auftakt_bound_tighten (lagrange);
      value = _auftakt_bound_run (lagrange, G_MAXINT, upper, cancellable, end);
      /* where it leads the flow bound, a second tenth (until session 10
       * MAX () evaluated the run twice, each with a tenth of its own, and
       * every figure in HACKING.md was measured so) */
      if (value > flow)
        {
          end = g_get_monotonic_time () + tenth;
          value = _auftakt_bound_run (lagrange, G_MAXINT, upper, cancellable, end);
        }
      bound = MAX (flow, value);
      /* where its steps died out before the time did, the rest of the
       * time goes to steps that move the nu prices further, unless a
       * search has met the bound meanwhile (potsdam, in a few ms) */
      found = _auftakt_search_best_cost (se);
      if ((upper < 0 || upper > bound) && (found < 0 || found > bound) &&
          g_get_monotonic_time () < end)
        {
          _auftakt_bound_free_nu (lagrange);
          value = _auftakt_bound_run (lagrange, G_MAXINT, upper, cancellable, end);
          bound = MAX (bound, value);
        }
    }
  _auftakt_bound_free (lagrange);
  /* whole rooms, no rounds (auftakt-solver-rooms.c): where rooms are
   * scarce, neither of the others sees which workshop gets which */
  {
    /* the steps aim at a valid cost: the first timetable's, or the best
     * the other search has found meanwhile */
    gint64 found = _auftakt_search_best_cost (se);
    gint64 target = upper >= 0 && (found < 0 || upper < found) ? upper : found;

    if (target > bound && flow >= 0 && !_auftakt_rooms_cover (pb, loads))
      {
        gint64 rooms = _auftakt_room_bound (pb, target, bound, g_get_monotonic_time () +
                                            (gint64) (limit * G_USEC_PER_SEC / 10));

        bound = MAX (bound, rooms);
      }
  }
  share_bound (&shared, bound);
  report.bound = bound;
  if (upper >= 0)
    _auftakt_search_set_best (se);

  _auftakt_timetable_search (se, bound, report_cb, &report);

  if (thread != NULL)
    {
      g_thread_join (thread);
      order_searches (&se, &other.se, &shared);
      /* a quarter through, the worse search starts again from the better
       * one's first timetable with its own random numbers: the two starts
       * lead to different ends (medium-s1: from the main search's start a
       * search reaches 1309 by halfway about as often as not, from the
       * other start seldom; tight seed 2 the other way round), so that
       * both search from the start that did better, each on its own
       * (HACKING.md, "Portfolio") */
      if (quarters && search_on (se, other.se, &shared, cancellable))
        search_both (&se, &other, &shared, se->first_room_of, se->first_at, halfway, bound,
                     &report);
      /* halfway, the worse search takes the better one's state and both
       * go on from there with their own random numbers */
      if (search_on (se, other.se, &shared, cancellable))
        search_both (&se, &other, &shared, se->room_of, se->at, deadline, bound, &report);
      _auftakt_search_free (other.se);
    }

  g_mutex_clear (&shared.lock);
  se->shared = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _auftakt_search_free (se);
      return NULL;
    }

  /* the structural explanations are proofs: a lock that cannot be kept
   * was left out of the search, which may then look successful */
  _auftakt_explain_structure (pb, explanations);
  feasible = se->penalty == 0 && explanations->len == 0;
  if (feasible)
    _auftakt_search_spread_walk_ins (se);
  schedule = make_schedule (se, &cost, placed_all);
  if (feasible)
    bound = MIN (bound, cost);
  result = _auftakt_solver_result_new (schedule, feasible, cost, bound,
                                       (g_get_monotonic_time () - start) / 1e6);
  if (!feasible)
    {
      for (int p = 0; p < pb->n_participants; p++)
        if (!placed_all[p])
          g_ptr_array_add (unplaced, pb->participant_ids[p]);
      _auftakt_explain_search (se, explanations);
    }
  _auftakt_solver_result_set_unplaced (result, unplaced, explanations);
  if (pb->has_published)
    describe_changes (se, result);

  if (progress != NULL)
    progress (1.0, feasible ? cost : -1, bound, user_data);

  _auftakt_search_free (se);
  return result;
}

/**
 * auftakt_solver_solve:
 * @event: the event to schedule
 * @options: (nullable): options, or the defaults
 * @progress: (nullable): called now and then from this thread
 * @user_data: data for @progress
 * @cancellable: (nullable): cancels the run; then %NULL is returned with
 *   %G_IO_ERROR_CANCELLED
 * @error: return location for an error
 *
 * Decides the sessions and attendances of @event.  Never fails because no
 * valid schedule exists: the result then says why, and holds the best
 * partial schedule.  Safe to call from a worker thread as long as nothing
 * changes @event meanwhile; auftakt_solver_solve_async() copies what it
 * needs first.
 *
 * Returns: (transfer full): the result, or %NULL on error
 */
AuftaktSolverResult *
auftakt_solver_solve (AuftaktEvent               *event,
                      const AuftaktSolverOptions *options,
                      AuftaktSolverProgressFunc   progress,
                      gpointer                    user_data,
                      GCancellable               *cancellable,
                      GError                    **error)
{
  AuftaktSolverOptions defaults;
  g_autoptr(AuftaktProblem) pb = NULL;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  if (options == NULL)
    {
      auftakt_solver_options_init (&defaults);
      options = &defaults;
    }
  pb = auftakt_problem_new (event, options->published, error);
  if (pb == NULL)
    return NULL;

  return solve_problem (pb, options->seed, options_time_limit (options),
                        options->published != NULL && !options->fresh,
                        options_workers (options),
                        progress, user_data, cancellable, start, error);
}

/* ---- in a worker thread ---- */

typedef struct {
  AuftaktProblem *pb;
  guint64 seed;
  double limit;
  gboolean minimal_change;
  int workers;
  gint64 start;
  AuftaktSolverProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GMainContext *context;
} AsyncData;

typedef struct {
  AsyncData *data;
  GTask *task;
  double fraction;
  gint64 best_cost;
  gint64 bound;
} ProgressCall;

static void
async_data_free (gpointer data)
{
  AsyncData *ad = data;

  auftakt_problem_free (ad->pb);
  if (ad->progress_destroy != NULL)
    ad->progress_destroy (ad->progress_data);
  g_main_context_unref (ad->context);
  g_free (ad);
}

static gboolean
progress_idle_cb (gpointer data)
{
  ProgressCall *call = data;

  call->data->progress (call->fraction, call->best_cost, call->bound, call->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_object_unref (call->task);
  g_free (call);
}

/* In the worker: hands the numbers to the caller's main context. */
static void
async_progress_cb (double   fraction,
                   gint64   best_cost,
                   gint64   bound,
                   gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *ad = g_task_get_task_data (task);
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->data = ad;
  call->task = g_object_ref (task);
  call->fraction = fraction;
  call->best_cost = best_cost;
  call->bound = bound;
  g_main_context_invoke_full (ad->context, G_PRIORITY_DEFAULT, progress_idle_cb, call,
                              progress_call_free);
}

static void
solve_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AsyncData *ad = task_data;
  GError *error = NULL;
  AuftaktSolverResult *result;

  result = solve_problem (ad->pb, ad->seed, ad->limit, ad->minimal_change, ad->workers,
                          ad->progress != NULL ? async_progress_cb : NULL, task,
                          cancellable, ad->start, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/**
 * auftakt_solver_solve_async:
 *
 * Like auftakt_solver_solve(), in a worker thread.  The event is compiled
 * before this returns, so it may change afterwards.  @progress is called in
 * the thread-default main context of the caller.
 */
void
auftakt_solver_solve_async (AuftaktEvent               *event,
                            const AuftaktSolverOptions *options,
                            AuftaktSolverProgressFunc   progress,
                            gpointer                    progress_data,
                            GDestroyNotify              progress_destroy,
                            GCancellable               *cancellable,
                            GAsyncReadyCallback         callback,
                            gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  AuftaktSolverOptions defaults;
  GError *error = NULL;
  AsyncData *ad;

  g_return_if_fail (AUFTAKT_IS_EVENT (event));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, auftakt_solver_solve_async);
  if (options == NULL)
    {
      auftakt_solver_options_init (&defaults);
      options = &defaults;
    }
  ad = g_new0 (AsyncData, 1);
  ad->start = g_get_monotonic_time ();
  ad->pb = auftakt_problem_new (event, options->published, &error);
  ad->seed = options->seed;
  ad->limit = options_time_limit (options);
  ad->minimal_change = options->published != NULL && !options->fresh;
  ad->workers = options_workers (options);
  ad->progress = progress;
  ad->progress_data = progress_data;
  ad->progress_destroy = progress_destroy;
  ad->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, ad, async_data_free);
  if (ad->pb == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, solve_thread);
}

/**
 * auftakt_solver_solve_finish:
 *
 * Returns: (transfer full): the result, or %NULL on error
 */
AuftaktSolverResult *
auftakt_solver_solve_finish (GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
