/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "auftakt-problem.h"

G_BEGIN_DECLS

/* The scheduler's working state, shared by auftakt-solver-*.c.  HACKING.md,
 * "The scheduler", explains the algorithm; this header only the data. */

/* xoshiro256** seeded by splitmix64: the solver's only source of chance. */
typedef struct {
  guint64 s[4];
} AuftaktRng;

static inline guint64
_auftakt_rng_rotl (guint64 x,
                   int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
_auftakt_rng_next (AuftaktRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = _auftakt_rng_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = _auftakt_rng_rotl (s[3], 45);
  return result;
}

static inline void
_auftakt_rng_seed (AuftaktRng *rng,
                   guint64     seed)
{
  for (int i = 0; i < 4; i++)
    {
      guint64 z = (seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

      z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
      rng->s[i] = z ^ (z >> 31);
    }
}

/* Uniform in [0, n); n > 0. */
static inline int
_auftakt_rng_below (AuftaktRng *rng,
                    int         n)
{
  return (int) (((_auftakt_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

static inline double
_auftakt_rng_double (AuftaktRng *rng)
{
  return (_auftakt_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* round r in a set of rounds */
#define BIT(r) (G_GUINT64_CONSTANT (1) << (r))

#define AUFTAKT_INF (G_MAXINT64 / 4)
#define AUFTAKT_FORBIDDEN (G_MININT64 / 4)

typedef struct {
  int kind;
  int a, b, c;
} AuftaktUndo;

typedef struct _AuftaktSearch AuftaktSearch;
typedef struct _AuftaktSnapshot AuftaktSnapshot;

/* What the searches of a portfolio share: the best lower bound known, the
 * best valid cost any of them has (for the progress shown), and each
 * search's cheapest state that changes nothing published, with the tick
 * it first had it (ticks count a search's own steps, so which search got
 * there first does not depend on the machine: once one of these meets the
 * bound, the other search stops when it is past that tick). */
typedef struct {
  GMutex lock;
  gint64 bound;
  gint64 best_cost;          /* of the best valid schedule any search has, or -1 */
  gint64 cost_of[2];         /* per search (0 main, 1 follower), or -1 */
  guint64 tick_of[2];
} AuftaktShared;

struct _AuftaktSearch
{
  const AuftaktProblem *pb;
  int R, W, M, F, P, K, S;   /* S = W * R; a session is s = w * R + r */

  GCancellable *cancellable;
  gint64 start;              /* monotonic microseconds */
  gint64 deadline;
  gboolean stopped;          /* cancelled or out of time */
  gboolean converged;        /* the last timetable search ended by itself */
  gboolean exchange_moves;   /* every change of the timetable search ends with exchanges of two attendances */
  AuftaktShared *shared;     /* (nullable) */
  gboolean follower;         /* the second search of a portfolio */
  guint check_counter;
  AuftaktRng rng;

  gint64 w_change;           /* weight of one change against the published schedule */
  gint64 w_penalty;          /* weight of one missing or surplus attendee in the edges */
  gint64 w_infeasible;       /* its weight in the objective: more than any state costs */

  /* the timetable */
  int *room_of;              /* [S] room, or -1 when the session does not run */
  int *ws_in;                /* [M * R] workshop in the room, or -1 */
  int *runs;                 /* [W] */
  int *ref_busy;             /* [F * R] sessions the referee leads in the round */
  int *cap;                  /* [S] seats of the running session */
  int *lo;                   /* [W] fewest attendees of a session */
  guint8 *fixed;             /* [S] a locked session: runs, room and round kept */
  int *pinned;               /* [S] locked attendances: the session runs in its round */
  guint8 *pinned_p;          /* [P * R] this attendance is locked */

  /* the graph of the assignment: one node per running session, and the
   * node x of the participants who miss attendances */
  int n_nodes;               /* capacity: running sessions at most, plus x */
  int x;
  int *node_of;              /* [S] */
  int *session_of;           /* [n_nodes] session, or -1 (free; x: -1 too) */
  int *node_w, *node_r;      /* [n_nodes] */
  int *free_nodes;
  int n_free;
  int *active;               /* running nodes, x last when it has members */
  int n_active;
  int *round_nodes;          /* [R * n_nodes] running nodes of each round */
  int *n_round_nodes;        /* [R] */

  /* the assignment */
  int *at;                   /* [P * R] workshop attended in the round, or -1 */
  int *first_room_of;        /* the state the first timetable search began from (NULL until then) */
  int *first_at;
  int *pos;                  /* [P * R] position among the session's members */
  guint64 *busy;             /* [P] rounds taken */
  int *missing;              /* [P] attendances still missing */
  int **mem;                 /* [S] members of the session */
  int *n_mem;                /* [S] */
  int *mem_alloc;            /* [S] */
  int *xmem;                 /* participants who miss attendances */
  int n_xmem;
  int *xpos;                 /* [P] position in xmem, or -1 */

  /* the objective: cost + w_change * changes + w_infeasible * penalty */
  gint64 cost;
  gint64 changes;
  gint64 penalty;            /* surplus + shortfall below min + missing attendances */

  /* negative cycles: edge u -> v moves one member of u to v */
  int n_levels;              /* distinct attendance costs */
  gint64 *level_value;       /* [n_levels] */
  int *level;                /* [n_classes * W] level of the cost */
  int n_deltas;              /* distinct costs of one move */
  gint64 *delta_value;       /* [n_deltas], ascending */
  guint16 *delta_index;      /* [(2 n_levels + 1) * 2 n_levels] */
  int *cnt;                  /* [n_nodes * n_nodes * n_deltas] members per delta */
  int *emin;                 /* [n_nodes * n_nodes] smallest delta with members */
  gint64 *ew;                /* [n_nodes * n_nodes] its value, AUFTAKT_INF if none */
  int *mark;                 /* [W] */
  int stamp;
  int *pmark;                /* [P] */
  int pstamp;
  gint64 *dist;              /* [n_nodes + 1] */
  int *parent;               /* [n_nodes + 1] */
  int *seen;                 /* [n_nodes + 1] */
  guint8 *upd, *upd_next;    /* [n_nodes + 1] */
  int *cycle;                /* [n_nodes + 2]: disjoint cycles, one after the other */
  int *cycle_len;            /* [n_nodes + 2] */
  guint64 n_cycles;
  gint64 best_cost;          /* of the best valid state so far, or -1 */
  guint64 ticks;             /* steps of the timetable search so far */

  /* undo */
  GArray *log;               /* of AuftaktUndo */
  gboolean logging;
  gboolean batch;            /* assign/unassign leave the edges to the caller */
};

/* auftakt-solver-assign.c */
AuftaktSearch *_auftakt_search_new            (const AuftaktProblem *pb,
                                               guint64               seed,
                                               gint64                deadline,
                                               gboolean              minimal_change,
                                               GCancellable         *cancellable);
void           _auftakt_search_free           (AuftaktSearch        *se);
gboolean       _auftakt_search_check_stop     (AuftaktSearch        *se);
gboolean       _auftakt_search_meets_bound    (AuftaktSearch        *se,
                                               gint64                bound);
void           _auftakt_search_set_best       (AuftaktSearch        *se);
gint64         _auftakt_search_best_cost      (const AuftaktSearch  *se);
gint64         _auftakt_search_objective      (const AuftaktSearch  *se);
gboolean       _auftakt_search_can_open       (const AuftaktSearch  *se,
                                               int                   w,
                                               int                   r,
                                               int                   m);
void           _auftakt_search_open           (AuftaktSearch        *se,
                                               int                   s,
                                               int                   m);
void           _auftakt_search_close          (AuftaktSearch        *se,
                                               int                   s);
void           _auftakt_search_set_room       (AuftaktSearch        *se,
                                               int                   s,
                                               int                   m);
void           _auftakt_search_swap_rooms     (AuftaktSearch        *se,
                                               int                   s,
                                               int                   t);
void           _auftakt_search_put_room       (AuftaktSearch        *se,
                                               int                   s,
                                               int                   m);
gboolean       _auftakt_search_settle         (AuftaktSearch        *se,
                                               gint64                before,
                                               guint                 mark,
                                               gboolean              logging);
void           _auftakt_search_load           (AuftaktSearch        *se,
                                               const int            *room_of,
                                               const int            *at);
void           _auftakt_search_assign         (AuftaktSearch        *se,
                                               int                   p,
                                               int                   r,
                                               int                   w);
void           _auftakt_search_unassign       (AuftaktSearch        *se,
                                               int                   p,
                                               int                   r);
void           _auftakt_search_move           (AuftaktSearch        *se,
                                               int                   p,
                                               int                   from_r,
                                               int                   r,
                                               int                   w);
gboolean       _auftakt_search_eligible       (const AuftaktSearch  *se,
                                               int                   p,
                                               int                   from_r,
                                               int                   w,
                                               int                   r);
void           _auftakt_search_place          (AuftaktSearch        *se,
                                               int                   p,
                                               const gint64         *price);
void           _auftakt_search_empty          (AuftaktSearch        *se,
                                               int                   s,
                                               GArray               *displaced);
void           _auftakt_search_improve        (AuftaktSearch        *se);
int            _auftakt_search_respond_all    (AuftaktSearch        *se);
int            _auftakt_search_eject_all      (AuftaktSearch        *se);
int            _auftakt_search_exchange_all   (AuftaktSearch        *se);
void           _auftakt_search_spread_walk_ins (AuftaktSearch       *se);
void           _auftakt_search_undo           (AuftaktSearch        *se,
                                               guint                 mark);
gboolean       _auftakt_search_verify         (const AuftaktSearch  *se);

/* auftakt-solver-snapshot.c */
AuftaktSnapshot *_auftakt_snapshot_new        (AuftaktSearch        *se);
void           _auftakt_snapshot_free         (AuftaktSnapshot      *sn);
void           _auftakt_snapshot_take         (AuftaktSnapshot      *sn,
                                               AuftaktSearch        *se);
void           _auftakt_snapshot_restore      (AuftaktSnapshot      *sn,
                                               AuftaktSearch        *se);

/* the surplus and shortfall of a running session with n members */
static inline gint64
_auftakt_search_excess (const AuftaktSearch *se,
                        int                  s,
                        int                  n)
{
  int lo = se->lo[s / se->R];

  return (n < lo ? lo - n : 0) + (n > se->cap[s] ? n - se->cap[s] : 0);
}

/* auftakt-solver-timetable.c */
void           _auftakt_timetable_build       (AuftaktSearch        *se,
                                               const gint64         *demand);
void           _auftakt_timetable_rematch     (AuftaktSearch        *se);
void           _auftakt_timetable_open_published (AuftaktSearch     *se);
void           _auftakt_timetable_search      (AuftaktSearch        *se,
                                               gint64                bound,
                                               void                (*report) (AuftaktSearch *se,
                                                                           gpointer       data),
                                               gpointer              data);

/* auftakt-solver-matching.c */
gint64         _auftakt_max_matching          (int                   n_rows,
                                               int                   n_cols,
                                               const gint64         *weight,
                                               int                  *row_col);

/* auftakt-solver-bound.c */
typedef struct _AuftaktBound AuftaktBound;

AuftaktBound  *_auftakt_bound_new             (const AuftaktProblem *pb);
void           _auftakt_bound_free            (AuftaktBound         *bd);
gint64         _auftakt_bound_run             (AuftaktBound         *bd,
                                               int                   iterations,
                                               gint64                upper,
                                               GCancellable         *cancellable,
                                               gint64                deadline);
void           _auftakt_bound_tighten         (AuftaktBound         *bd);
void           _auftakt_bound_free_nu         (AuftaktBound         *bd);
void           _auftakt_bound_demand          (const AuftaktBound   *bd,
                                               gboolean              average,
                                               gint64               *demand);

/* auftakt-solver-flow.c */
gint64         _auftakt_flow_bound            (const AuftaktProblem *pb,
                                               gint64                deadline,
                                               gint64               *loads);

/* auftakt-solver-rooms.c */
gboolean       _auftakt_rooms_cover           (const AuftaktProblem *pb,
                                               const gint64         *loads);
gint64         _auftakt_room_bound            (const AuftaktProblem *pb,
                                               gint64                upper,
                                               gint64                floor,
                                               gint64                deadline);

/* auftakt-solver-explain.c */
void           _auftakt_explain_structure     (const AuftaktProblem *pb,
                                               GPtrArray            *explanations);
void           _auftakt_explain_search        (const AuftaktSearch  *se,
                                               GPtrArray            *explanations);

G_END_DECLS
