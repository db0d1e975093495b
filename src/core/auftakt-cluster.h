/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
#include <glib-object.h>

G_BEGIN_DECLS

#define AUFTAKT_TYPE_CLUSTER (auftakt_cluster_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktCluster, auftakt_cluster, AUFTAKT, CLUSTER, GObject)

AuftaktCluster *auftakt_cluster_new (const char *id);
const char *auftakt_cluster_get_id (AuftaktCluster *self);
void auftakt_cluster_set_id (AuftaktCluster *self, const char *id);
const char *auftakt_cluster_get_title (AuftaktCluster *self);
void auftakt_cluster_set_title (AuftaktCluster *self, const char *title);
const char *auftakt_cluster_get_description (AuftaktCluster *self);
void auftakt_cluster_set_description (AuftaktCluster *self, const char *description);
const char *auftakt_cluster_get_colour (AuftaktCluster *self);
void auftakt_cluster_set_colour (AuftaktCluster *self, const char *colour);

G_END_DECLS
