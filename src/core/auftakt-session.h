/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One participant in a session; locked attendances survive a re-solve. */
typedef struct {
  char     *participant;
  gboolean  locked;
} AuftaktAttendance;

#define AUFTAKT_TYPE_SESSION (auftakt_session_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktSession, auftakt_session, AUFTAKT, SESSION, GObject)

AuftaktSession          *auftakt_session_new              (const char     *workshop,
                                                           const char     *round,
                                                           const char     *room);
const char              *auftakt_session_get_workshop     (AuftaktSession *self);
const char              *auftakt_session_get_round        (AuftaktSession *self);
const char              *auftakt_session_get_room         (AuftaktSession *self);
void                     auftakt_session_set_round        (AuftaktSession *self,
                                                           const char     *round);
void                     auftakt_session_set_room         (AuftaktSession *self,
                                                           const char     *room);
gboolean                 auftakt_session_get_locked       (AuftaktSession *self);
void                     auftakt_session_set_locked       (AuftaktSession *self,
                                                           gboolean        locked);
guint                    auftakt_session_get_n_attendees  (AuftaktSession *self);
const AuftaktAttendance *auftakt_session_get_attendance   (AuftaktSession *self,
                                                           guint           position);
void                     auftakt_session_add_attendee     (AuftaktSession *self,
                                                           const char     *participant,
                                                           gboolean        locked);
gboolean                 auftakt_session_remove_attendee  (AuftaktSession *self,
                                                           const char     *participant);
int                      auftakt_session_find_attendee    (AuftaktSession *self,
                                                           const char     *participant);
void                     auftakt_session_set_attendee_locked (AuftaktSession *self,
                                                              guint           position,
                                                              gboolean        locked);

G_END_DECLS
