/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
#include <glib-object.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_WORKSHOP (auftakt_workshop_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktWorkshop, auftakt_workshop, AUFTAKT, WORKSHOP, GObject)

AuftaktWorkshop *auftakt_workshop_new (const char *id);
const char *auftakt_workshop_get_id (AuftaktWorkshop *self);
void auftakt_workshop_set_id (AuftaktWorkshop *self, const char *id);
const char *auftakt_workshop_get_title (AuftaktWorkshop *self);
void auftakt_workshop_set_title (AuftaktWorkshop *self, const char *title);
const char *auftakt_workshop_get_description (AuftaktWorkshop *self);
void auftakt_workshop_set_description (AuftaktWorkshop *self, const char *description);
const char *auftakt_workshop_get_cluster (AuftaktWorkshop *self);
void auftakt_workshop_set_cluster (AuftaktWorkshop *self, const char *cluster);
int auftakt_workshop_get_min (AuftaktWorkshop *self);
void auftakt_workshop_set_min (AuftaktWorkshop *self, int min);
int auftakt_workshop_get_max (AuftaktWorkshop *self);
void auftakt_workshop_set_max (AuftaktWorkshop *self, int max);
int auftakt_workshop_get_max_runs (AuftaktWorkshop *self);
void auftakt_workshop_set_max_runs (AuftaktWorkshop *self, int max_runs);
const char * const *auftakt_workshop_get_leads (AuftaktWorkshop *self);
void auftakt_workshop_set_leads (AuftaktWorkshop *self, const char * const *leads);
const char * const *auftakt_workshop_get_unavailable (AuftaktWorkshop *self);
void auftakt_workshop_set_unavailable (AuftaktWorkshop *self, const char * const *unavailable);

G_END_DECLS
