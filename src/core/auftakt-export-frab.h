/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-export.h"

G_BEGIN_DECLS

/* The frab/Pentabarf schedule.xml that conference apps read (ConfClerk,
 * Giggity, EventFahrplan), valid against ../shared/formats/schedule.xml.xsd:
 * one <day>, a <room> per room, an <event> per plenary item and per
 * session.  Every session of a repeated workshop is an event of its own;
 * event ids and guids are derived from the event, workshop and round, so
 * they stay the same from one export to the next and apps keep their
 * favourites. */

char     *auftakt_export_frab_to_string (AuftaktEvent  *event,
                                         GError       **error);
gboolean  auftakt_export_frab           (AuftaktEvent  *event,
                                         const char    *path,
                                         GError       **error);

G_END_DECLS
