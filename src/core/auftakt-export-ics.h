/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-export.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) of the event's day: for one participant (the
 * plenary agenda and their own workshops) or, with @participant_id NULL,
 * everything (the agenda and every session).
 *
 * Times are local to Europe/Berlin, with its VTIMEZONE.  UIDs are UUIDs
 * made from the event id, the item and the participant — a participant's
 * workshop in a round keeps its UID when the schedule moves them to
 * another workshop — so importing a new export updates the calendar
 * instead of adding a second copy. */

char     *auftakt_export_ics_to_string (AuftaktEvent  *event,
                                        const char    *participant_id,
                                        GError       **error);
gboolean  auftakt_export_ics           (AuftaktEvent  *event,
                                        const char    *participant_id,
                                        const char    *path,
                                        GError       **error);

G_END_DECLS
