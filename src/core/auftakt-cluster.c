/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-cluster"

#include "config.h"

#include "auftakt-cluster.h"
#include "auftakt-util.h"

/* A topic cluster of an event; every reference to another item is by its id. */
struct _AuftaktCluster
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *colour;
};

G_DEFINE_FINAL_TYPE (AuftaktCluster, auftakt_cluster, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_cluster_finalize (GObject *object)
{
  AuftaktCluster *self = AUFTAKT_CLUSTER (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->colour, g_free);

  G_OBJECT_CLASS (auftakt_cluster_parent_class)->finalize (object);
}

static void
auftakt_cluster_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AuftaktCluster *self = AUFTAKT_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_cluster_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AuftaktCluster *self = AUFTAKT_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_cluster_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      auftakt_cluster_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      auftakt_cluster_set_description (self, g_value_get_string (value));
      break;

    case PROP_COLOUR:
      auftakt_cluster_set_colour (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_cluster_class_init (AuftaktClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_cluster_finalize;
  object_class->get_property = auftakt_cluster_get_property;
  object_class->set_property = auftakt_cluster_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_cluster_init (AuftaktCluster *self)
{
}

AuftaktCluster *
auftakt_cluster_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (AUFTAKT_TYPE_CLUSTER, "id", id, NULL);
}

const char *
auftakt_cluster_get_id (AuftaktCluster *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CLUSTER (self), NULL);

  return self->id;
}

void
auftakt_cluster_set_id (AuftaktCluster *self,
                        const char *id)
{
  g_return_if_fail (AUFTAKT_IS_CLUSTER (self));

  auftakt_set_str (&self->id, id);
}

const char *
auftakt_cluster_get_title (AuftaktCluster *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CLUSTER (self), NULL);

  return self->title;
}

void
auftakt_cluster_set_title (AuftaktCluster *self,
                           const char *title)
{
  g_return_if_fail (AUFTAKT_IS_CLUSTER (self));

  if (auftakt_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
auftakt_cluster_get_description (AuftaktCluster *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CLUSTER (self), NULL);

  return self->description;
}

void
auftakt_cluster_set_description (AuftaktCluster *self,
                                 const char *description)
{
  g_return_if_fail (AUFTAKT_IS_CLUSTER (self));

  if (auftakt_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
auftakt_cluster_get_colour (AuftaktCluster *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CLUSTER (self), NULL);

  return self->colour;
}

void
auftakt_cluster_set_colour (AuftaktCluster *self,
                            const char *colour)
{
  g_return_if_fail (AUFTAKT_IS_CLUSTER (self));

  if (auftakt_set_str (&self->colour, colour))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}
