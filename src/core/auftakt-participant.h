/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
#include <glib-object.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_PARTICIPANT (auftakt_participant_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktParticipant, auftakt_participant, AUFTAKT, PARTICIPANT, GObject)

AuftaktParticipant *auftakt_participant_new (const char *id);
const char *auftakt_participant_get_id (AuftaktParticipant *self);
void auftakt_participant_set_id (AuftaktParticipant *self, const char *id);
const char *auftakt_participant_get_name (AuftaktParticipant *self);
void auftakt_participant_set_name (AuftaktParticipant *self, const char *name);
const char *auftakt_participant_get_organisation (AuftaktParticipant *self);
void auftakt_participant_set_organisation (AuftaktParticipant *self, const char *organisation);
const char *auftakt_participant_get_email (AuftaktParticipant *self);
void auftakt_participant_set_email (AuftaktParticipant *self, const char *email);
const char * const *auftakt_participant_get_choices (AuftaktParticipant *self);
void auftakt_participant_set_choices (AuftaktParticipant *self, const char * const *choices);
const char * const *auftakt_participant_get_unavailable (AuftaktParticipant *self);
void auftakt_participant_set_unavailable (AuftaktParticipant *self, const char * const *unavailable);

G_END_DECLS
