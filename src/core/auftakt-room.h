/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
#include <glib-object.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_ROOM (auftakt_room_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktRoom, auftakt_room, AUFTAKT, ROOM, GObject)

AuftaktRoom *auftakt_room_new (const char *id);
const char *auftakt_room_get_id (AuftaktRoom *self);
void auftakt_room_set_id (AuftaktRoom *self, const char *id);
const char *auftakt_room_get_name (AuftaktRoom *self);
void auftakt_room_set_name (AuftaktRoom *self, const char *name);
int auftakt_room_get_capacity (AuftaktRoom *self);
void auftakt_room_set_capacity (AuftaktRoom *self, int capacity);
const char *auftakt_room_get_description (AuftaktRoom *self);
void auftakt_room_set_description (AuftaktRoom *self, const char *description);
const char * const *auftakt_room_get_unavailable (AuftaktRoom *self);
void auftakt_room_set_unavailable (AuftaktRoom *self, const char * const *unavailable);

G_END_DECLS
