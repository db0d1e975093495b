/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "auftakt-schedule.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_SOLVER_RESULT (auftakt_solver_result_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktSolverResult, auftakt_solver_result, AUFTAKT, SOLVER_RESULT, GObject)

gboolean            auftakt_solver_result_get_feasible          (AuftaktSolverResult *self);
gboolean            auftakt_solver_result_get_optimal           (AuftaktSolverResult *self);
AuftaktSchedule    *auftakt_solver_result_get_schedule          (AuftaktSolverResult *self);
gint64              auftakt_solver_result_get_cost              (AuftaktSolverResult *self);
gint64              auftakt_solver_result_get_bound             (AuftaktSolverResult *self);
double              auftakt_solver_result_get_seconds           (AuftaktSolverResult *self);
const char * const *auftakt_solver_result_get_explanations      (AuftaktSolverResult *self);
const char * const *auftakt_solver_result_get_unplaced          (AuftaktSolverResult *self);
guint               auftakt_solver_result_get_moved_sessions    (AuftaktSolverResult *self);
guint               auftakt_solver_result_get_moved_attendances (AuftaktSolverResult *self);
const char * const *auftakt_solver_result_get_changes           (AuftaktSolverResult *self);

/* For the solver. */
AuftaktSolverResult *_auftakt_solver_result_new                 (AuftaktSchedule     *schedule,
                                                                 gboolean             feasible,
                                                                 gint64               cost,
                                                                 gint64               bound,
                                                                 double               seconds);
void                 _auftakt_solver_result_set_unplaced        (AuftaktSolverResult *self,
                                                                 GPtrArray           *unplaced,
                                                                 GPtrArray           *explanations);
void                 _auftakt_solver_result_set_changes         (AuftaktSolverResult *self,
                                                                 guint                moved_sessions,
                                                                 guint                moved_attendances,
                                                                 GPtrArray           *changes);

G_END_DECLS
