/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
#include <glib-object.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_REFEREE (auftakt_referee_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktReferee, auftakt_referee, AUFTAKT, REFEREE, GObject)

AuftaktReferee *auftakt_referee_new (const char *id);
const char *auftakt_referee_get_id (AuftaktReferee *self);
void auftakt_referee_set_id (AuftaktReferee *self, const char *id);
const char *auftakt_referee_get_name (AuftaktReferee *self);
void auftakt_referee_set_name (AuftaktReferee *self, const char *name);
const char *auftakt_referee_get_organisation (AuftaktReferee *self);
void auftakt_referee_set_organisation (AuftaktReferee *self, const char *organisation);
const char *auftakt_referee_get_role (AuftaktReferee *self);
void auftakt_referee_set_role (AuftaktReferee *self, const char *role);
const char *auftakt_referee_get_email (AuftaktReferee *self);
void auftakt_referee_set_email (AuftaktReferee *self, const char *email);
const char * const *auftakt_referee_get_unavailable (AuftaktReferee *self);
void auftakt_referee_set_unavailable (AuftaktReferee *self, const char * const *unavailable);

G_END_DECLS
