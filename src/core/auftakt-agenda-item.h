/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
#include <glib-object.h>
#include "auftakt-agenda-kind.h"

G_BEGIN_DECLS

#define AUFTAKT_TYPE_AGENDA_ITEM (auftakt_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktAgendaItem, auftakt_agenda_item, AUFTAKT, AGENDA_ITEM, GObject)

AuftaktAgendaItem *auftakt_agenda_item_new (const char *id);
const char *auftakt_agenda_item_get_id (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_id (AuftaktAgendaItem *self, const char *id);
const char *auftakt_agenda_item_get_number (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_number (AuftaktAgendaItem *self, const char *number);
const char *auftakt_agenda_item_get_title (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_title (AuftaktAgendaItem *self, const char *title);
AuftaktAgendaKind auftakt_agenda_item_get_kind (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_kind (AuftaktAgendaItem *self, AuftaktAgendaKind kind);
int auftakt_agenda_item_get_start (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_start (AuftaktAgendaItem *self, int start);
int auftakt_agenda_item_get_end (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_end (AuftaktAgendaItem *self, int end);
const char *auftakt_agenda_item_get_room (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_room (AuftaktAgendaItem *self, const char *room);
const char *auftakt_agenda_item_get_round (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_round (AuftaktAgendaItem *self, const char *round);
const char * const *auftakt_agenda_item_get_speakers (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_speakers (AuftaktAgendaItem *self, const char * const *speakers);
const char *auftakt_agenda_item_get_description (AuftaktAgendaItem *self);
void auftakt_agenda_item_set_description (AuftaktAgendaItem *self, const char *description);

G_END_DECLS
