/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-solver-result"

#include "config.h"

#include "auftakt-solver-result.h"
#include "auftakt-util.h"

/* What a run of the scheduler found: the best schedule (complete and valid
 * when feasible, else the best partial one), its cost, a lower bound on the
 * cost of any valid schedule, and for a re-solve what changed. */
struct _AuftaktSolverResult
{
  GObject parent_instance;

  AuftaktSchedule *schedule;
  gboolean feasible;
  gint64 cost;
  gint64 bound;
  double seconds;
  char **explanations;
  char **unplaced;
  guint moved_sessions;
  guint moved_attendances;
  char **changes;
};

G_DEFINE_FINAL_TYPE (AuftaktSolverResult, auftakt_solver_result, G_TYPE_OBJECT)

static void
auftakt_solver_result_finalize (GObject *object)
{
  AuftaktSolverResult *self = AUFTAKT_SOLVER_RESULT (object);

  g_clear_object (&self->schedule);
  g_clear_pointer (&self->explanations, g_strfreev);
  g_clear_pointer (&self->unplaced, g_strfreev);
  g_clear_pointer (&self->changes, g_strfreev);

  G_OBJECT_CLASS (auftakt_solver_result_parent_class)->finalize (object);
}

static void
auftakt_solver_result_class_init (AuftaktSolverResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_solver_result_finalize;
}

static void
auftakt_solver_result_init (AuftaktSolverResult *self)
{
  self->explanations = g_new0 (char *, 1);
  self->unplaced = g_new0 (char *, 1);
  self->changes = g_new0 (char *, 1);
  self->cost = -1;
  self->bound = -1;
}

AuftaktSolverResult *
_auftakt_solver_result_new (AuftaktSchedule *schedule,
                            gboolean         feasible,
                            gint64           cost,
                            gint64           bound,
                            double           seconds)
{
  AuftaktSolverResult *self = g_object_new (AUFTAKT_TYPE_SOLVER_RESULT, NULL);

  self->schedule = g_object_ref (schedule);
  self->feasible = feasible;
  self->cost = cost;
  self->bound = bound;
  self->seconds = seconds;
  return self;
}

void
_auftakt_solver_result_set_unplaced (AuftaktSolverResult *self,
                                     GPtrArray           *unplaced,
                                     GPtrArray           *explanations)
{
  g_strfreev (self->unplaced);
  self->unplaced = auftakt_strv_from_ptr_array (unplaced);
  g_strfreev (self->explanations);
  self->explanations = auftakt_strv_from_ptr_array (explanations);
}

void
_auftakt_solver_result_set_changes (AuftaktSolverResult *self,
                                    guint                moved_sessions,
                                    guint                moved_attendances,
                                    GPtrArray           *changes)
{
  self->moved_sessions = moved_sessions;
  self->moved_attendances = moved_attendances;
  g_strfreev (self->changes);
  self->changes = auftakt_strv_from_ptr_array (changes);
}

/* Whether the schedule is complete and keeps every rule. */
gboolean
auftakt_solver_result_get_feasible (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), FALSE);

  return self->feasible;
}

/* Whether the schedule is proved optimal: its cost equals the bound. */
gboolean
auftakt_solver_result_get_optimal (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), FALSE);

  return self->feasible && self->cost == self->bound;
}

/* The best schedule; partial (some participants placed incompletely or not
 * at all) when not feasible.  Borrowed. */
AuftaktSchedule *
auftakt_solver_result_get_schedule (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), NULL);

  return self->schedule;
}

/* The cost of the schedule (of the attendances it has, when partial). */
gint64
auftakt_solver_result_get_cost (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), -1);

  return self->cost;
}

/* A lower bound on the cost of every valid schedule of the event. */
gint64
auftakt_solver_result_get_bound (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), -1);

  return self->bound;
}

double
auftakt_solver_result_get_seconds (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), 0.0);

  return self->seconds;
}

/* Why no valid schedule exists (translated sentences); empty when feasible. */
const char * const *
auftakt_solver_result_get_explanations (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), NULL);

  return (const char * const *) self->explanations;
}

/* Ids of the participants the partial schedule does not give all their
 * workshops; empty when feasible. */
const char * const *
auftakt_solver_result_get_unplaced (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), NULL);

  return (const char * const *) self->unplaced;
}

/* Sessions of the published schedule moved to another room or cancelled,
 * and sessions it did not have. */
guint
auftakt_solver_result_get_moved_sessions (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), 0);

  return self->moved_sessions;
}

/* Attendances of the published schedule that the new one does not keep. */
guint
auftakt_solver_result_get_moved_attendances (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), 0);

  return self->moved_attendances;
}

/* One translated line per change against the published schedule. */
const char * const *
auftakt_solver_result_get_changes (AuftaktSolverResult *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SOLVER_RESULT (self), NULL);

  return (const char * const *) self->changes;
}
