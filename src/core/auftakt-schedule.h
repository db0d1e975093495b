/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "auftakt-session.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_SCHEDULE (auftakt_schedule_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktSchedule, auftakt_schedule, AUFTAKT, SCHEDULE, GObject)

AuftaktSchedule *auftakt_schedule_new            (void);
GListModel      *auftakt_schedule_get_sessions   (AuftaktSchedule *self);
guint            auftakt_schedule_get_n_sessions (AuftaktSchedule *self);
AuftaktSession  *auftakt_schedule_get_session    (AuftaktSchedule *self,
                                                  guint            position);
void             auftakt_schedule_add_session    (AuftaktSchedule *self,
                                                  AuftaktSession  *session);
void             auftakt_schedule_remove_session (AuftaktSchedule *self,
                                                  AuftaktSession  *session);
void             auftakt_schedule_splice         (AuftaktSchedule *self,
                                                  GPtrArray       *sessions);
AuftaktSession  *auftakt_schedule_find_session   (AuftaktSchedule *self,
                                                  const char      *workshop,
                                                  const char      *round);
guint            auftakt_schedule_count_attendances (AuftaktSchedule *self);

G_END_DECLS
