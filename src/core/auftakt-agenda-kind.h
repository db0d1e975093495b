/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a plenary agenda item is; the names are the exchange format's. */
typedef enum {
  AUFTAKT_AGENDA_KIND_OPENING,
  AUFTAKT_AGENDA_KIND_TALK,
  AUFTAKT_AGENDA_KIND_PANEL,
  AUFTAKT_AGENDA_KIND_BREAK,
  AUFTAKT_AGENDA_KIND_WORKSHOPS,
  AUFTAKT_AGENDA_KIND_RESULTS,
  AUFTAKT_AGENDA_KIND_DISCUSSION,
  AUFTAKT_AGENDA_KIND_OTHER,
} AuftaktAgendaKind;

#define AUFTAKT_AGENDA_KIND_LAST AUFTAKT_AGENDA_KIND_OTHER

const char *auftakt_agenda_kind_to_string   (AuftaktAgendaKind  kind);
gboolean    auftakt_agenda_kind_from_string (const char        *text,
                                             AuftaktAgendaKind *kind);
const char *auftakt_agenda_kind_get_label   (AuftaktAgendaKind  kind);

G_END_DECLS
