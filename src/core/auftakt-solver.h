/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "auftakt-event.h"
#include "auftakt-solver-result.h"

G_BEGIN_DECLS

#define AUFTAKT_SOLVER_ERROR (auftakt_solver_error_quark ())

typedef enum {
  AUFTAKT_SOLVER_ERROR_INVALID,  /* the event cannot be compiled (no rounds, a dangling id) */
} AuftaktSolverError;

#define AUFTAKT_SOLVER_DEFAULT_SEED       1
#define AUFTAKT_SOLVER_DEFAULT_TIME_LIMIT 5.0

/**
 * AuftaktSolverOptions:
 * @seed: the seed of the solver's random numbers; the same event, options
 *   and seed give the same schedule whenever the run ends before the limit
 * @time_limit: seconds the run may take at most (0 or less: the default)
 * @published: (nullable): the published schedule.  Its locked sessions and
 *   attendances are kept, and the rest of it changes as little as possible:
 *   first as few attendances and sessions as possible, then the lowest cost
 * @fresh: keep the locks of @published but do not hold on to the rest of it
 * @workers: searches run side by side, each in a thread of its own with a
 *   seed of its own, the best result wins; 0 or less: one per processor,
 *   at most two
 *
 * Initialise with auftakt_solver_options_init().
 */
typedef struct {
  guint64          seed;
  double           time_limit;
  AuftaktSchedule *published;
  gboolean         fresh;
  int              workers;

  /*< private >*/
  gpointer         padding[7];
} AuftaktSolverOptions;

/**
 * AuftaktSolverProgressFunc:
 * @fraction: the share of the time limit used so far, 0 to 1
 * @best_cost: the cost of the best valid schedule so far, or -1
 * @bound: the best lower bound so far, or -1
 * @user_data: the data given to the solver
 *
 * Called from the thread that runs the solver, a few times a second.
 */
typedef void (*AuftaktSolverProgressFunc) (double   fraction,
                                           gint64   best_cost,
                                           gint64   bound,
                                           gpointer user_data);

GQuark               auftakt_solver_error_quark   (void);

void                 auftakt_solver_options_init  (AuftaktSolverOptions      *options);

AuftaktSolverResult *auftakt_solver_solve         (AuftaktEvent              *event,
                                                   const AuftaktSolverOptions *options,
                                                   AuftaktSolverProgressFunc  progress,
                                                   gpointer                   user_data,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);

void                 auftakt_solver_solve_async   (AuftaktEvent              *event,
                                                   const AuftaktSolverOptions *options,
                                                   AuftaktSolverProgressFunc  progress,
                                                   gpointer                   progress_data,
                                                   GDestroyNotify             progress_destroy,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
AuftaktSolverResult *auftakt_solver_solve_finish  (GAsyncResult              *result,
                                                   GError                   **error);

G_END_DECLS
