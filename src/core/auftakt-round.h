/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
#include <glib-object.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_ROUND (auftakt_round_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktRound, auftakt_round, AUFTAKT, ROUND, GObject)

AuftaktRound *auftakt_round_new (const char *id);
const char *auftakt_round_get_id (AuftaktRound *self);
void auftakt_round_set_id (AuftaktRound *self, const char *id);
const char *auftakt_round_get_title (AuftaktRound *self);
void auftakt_round_set_title (AuftaktRound *self, const char *title);
int auftakt_round_get_start (AuftaktRound *self);
void auftakt_round_set_start (AuftaktRound *self, int start);
int auftakt_round_get_end (AuftaktRound *self);
void auftakt_round_set_end (AuftaktRound *self, int end);

G_END_DECLS
