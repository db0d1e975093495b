/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-agenda-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "auftakt-agenda-kind.h"

static const struct {
  const char *name;
  const char *label;
} kinds[] = {
  [AUFTAKT_AGENDA_KIND_OPENING] = { "opening", N_("Opening") },
  [AUFTAKT_AGENDA_KIND_TALK] = { "talk", N_("Impulse talk") },
  [AUFTAKT_AGENDA_KIND_PANEL] = { "panel", N_("Panel") },
  [AUFTAKT_AGENDA_KIND_BREAK] = { "break", N_("Break") },
  [AUFTAKT_AGENDA_KIND_WORKSHOPS] = { "workshops", N_("Workshop round") },
  [AUFTAKT_AGENDA_KIND_RESULTS] = { "results", N_("Presentation of results") },
  [AUFTAKT_AGENDA_KIND_DISCUSSION] = { "discussion", N_("Closing discussion") },
  [AUFTAKT_AGENDA_KIND_OTHER] = { "other", N_("Other") },
};

const char *
auftakt_agenda_kind_to_string (AuftaktAgendaKind kind)
{
  g_return_val_if_fail (kind <= AUFTAKT_AGENDA_KIND_LAST, NULL);

  return kinds[kind].name;
}

gboolean
auftakt_agenda_kind_from_string (const char        *text,
                                 AuftaktAgendaKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
auftakt_agenda_kind_get_label (AuftaktAgendaKind kind)
{
  g_return_val_if_fail (kind <= AUFTAKT_AGENDA_KIND_LAST, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}
