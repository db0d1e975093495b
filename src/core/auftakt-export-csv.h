/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-export.h"

G_BEGIN_DECLS

typedef enum {
  AUFTAKT_CSV_FLAVOUR_PLAIN,  /* UTF-8, comma, LF, header row */
  AUFTAKT_CSV_FLAVOUR_EXCEL,  /* UTF-8 with BOM, semicolon, CRLF: columns in a German Excel */
} AuftaktCsvFlavour;

/* The assignments for a mail merge: one row per participant (id, name,
 * organisation, e-mail), then for each round the workshop, room, time and
 * referees.  The header names are in the user's language.  Needs a
 * schedule (NO_SCHEDULE otherwise). */

char     *auftakt_export_csv_to_string (AuftaktEvent       *event,
                                        AuftaktCsvFlavour   flavour,
                                        gsize              *length,
                                        GError            **error);
gboolean  auftakt_export_csv           (AuftaktEvent       *event,
                                        AuftaktCsvFlavour   flavour,
                                        const char         *path,
                                        GError            **error);

G_END_DECLS
