/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "auftakt-page.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_TIMETABLE_PAGE (auftakt_timetable_page_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktTimetablePage, auftakt_timetable_page, AUFTAKT, TIMETABLE_PAGE,
                      AuftaktPage)

/* The grid of rounds × rooms with the sessions, the scheduler and the hand
 * adjustments.  Every adjustment is one undoable edit of the schedule. */
gboolean    auftakt_timetable_page_get_solving     (AuftaktTimetablePage *self);
const char *auftakt_timetable_page_get_summary     (AuftaktTimetablePage *self);
void        auftakt_timetable_page_select_session  (AuftaktTimetablePage *self,
                                                    const char           *workshop,
                                                    const char           *round);
gboolean    auftakt_timetable_page_move_session    (AuftaktTimetablePage *self,
                                                    const char           *workshop,
                                                    const char           *round,
                                                    const char           *to_room,
                                                    const char           *to_round,
                                                    GError              **error);
gboolean    auftakt_timetable_page_move_attendee   (AuftaktTimetablePage *self,
                                                    const char           *participant,
                                                    const char           *round,
                                                    const char           *from_workshop,
                                                    const char           *to_workshop,
                                                    GError              **error);
gboolean    auftakt_timetable_page_lock            (AuftaktTimetablePage *self,
                                                    const char           *workshop,
                                                    const char           *round,
                                                    const char           *participant,
                                                    gboolean              locked,
                                                    GError              **error);
/* Messages of the broken rules the page lists. */
GPtrArray  *auftakt_timetable_page_list_problems   (AuftaktTimetablePage *self);

G_END_DECLS
