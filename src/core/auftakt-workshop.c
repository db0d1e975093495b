/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-workshop"

#include "config.h"

#include "auftakt-workshop.h"
#include "auftakt-util.h"

/* A workshop of an event; every reference to another item is by its id. */
struct _AuftaktWorkshop
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *cluster;
  int min;
  int max;
  int max_runs;
  char **leads;
  char **unavailable;
};

G_DEFINE_FINAL_TYPE (AuftaktWorkshop, auftakt_workshop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CLUSTER,
  PROP_MIN,
  PROP_MAX,
  PROP_MAX_RUNS,
  PROP_LEADS,
  PROP_UNAVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_workshop_finalize (GObject *object)
{
  AuftaktWorkshop *self = AUFTAKT_WORKSHOP (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->cluster, g_free);
  g_clear_pointer (&self->leads, g_strfreev);
  g_clear_pointer (&self->unavailable, g_strfreev);

  G_OBJECT_CLASS (auftakt_workshop_parent_class)->finalize (object);
}

static void
auftakt_workshop_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AuftaktWorkshop *self = AUFTAKT_WORKSHOP (object);

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

    case PROP_CLUSTER:
      g_value_set_string (value, self->cluster);
      break;

    case PROP_MIN:
      g_value_set_int (value, self->min);
      break;

    case PROP_MAX:
      g_value_set_int (value, self->max);
      break;

    case PROP_MAX_RUNS:
      g_value_set_int (value, self->max_runs);
      break;

    case PROP_LEADS:
      g_value_set_boxed (value, self->leads);
      break;

    case PROP_UNAVAILABLE:
      g_value_set_boxed (value, self->unavailable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_workshop_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AuftaktWorkshop *self = AUFTAKT_WORKSHOP (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_workshop_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      auftakt_workshop_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      auftakt_workshop_set_description (self, g_value_get_string (value));
      break;

    case PROP_CLUSTER:
      auftakt_workshop_set_cluster (self, g_value_get_string (value));
      break;

    case PROP_MIN:
      auftakt_workshop_set_min (self, g_value_get_int (value));
      break;

    case PROP_MAX:
      auftakt_workshop_set_max (self, g_value_get_int (value));
      break;

    case PROP_MAX_RUNS:
      auftakt_workshop_set_max_runs (self, g_value_get_int (value));
      break;

    case PROP_LEADS:
      auftakt_workshop_set_leads (self, g_value_get_boxed (value));
      break;

    case PROP_UNAVAILABLE:
      auftakt_workshop_set_unavailable (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_workshop_class_init (AuftaktWorkshopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_workshop_finalize;
  object_class->get_property = auftakt_workshop_get_property;
  object_class->set_property = auftakt_workshop_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLUSTER] =
    g_param_spec_string ("cluster", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* attendees at least */
  properties[PROP_MIN] =
    g_param_spec_int ("min", NULL, NULL, -1, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* attendees at most, or -1 for no limit */
  properties[PROP_MAX] =
    g_param_spec_int ("max", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* sessions at most, or -1 for one per round */
  properties[PROP_MAX_RUNS] =
    g_param_spec_int ("max-runs", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADS] =
    g_param_spec_boxed ("leads", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNAVAILABLE] =
    g_param_spec_boxed ("unavailable", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_workshop_init (AuftaktWorkshop *self)
{
  self->max = -1;
  self->max_runs = -1;
  self->leads = g_new0 (char *, 1);
  self->unavailable = g_new0 (char *, 1);
}

AuftaktWorkshop *
auftakt_workshop_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (AUFTAKT_TYPE_WORKSHOP, "id", id, NULL);
}

const char *
auftakt_workshop_get_id (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), NULL);

  return self->id;
}

void
auftakt_workshop_set_id (AuftaktWorkshop *self,
                         const char *id)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  auftakt_set_str (&self->id, id);
}

const char *
auftakt_workshop_get_title (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), NULL);

  return self->title;
}

void
auftakt_workshop_set_title (AuftaktWorkshop *self,
                            const char *title)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (auftakt_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
auftakt_workshop_get_description (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), NULL);

  return self->description;
}

void
auftakt_workshop_set_description (AuftaktWorkshop *self,
                                  const char *description)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (auftakt_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
auftakt_workshop_get_cluster (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), NULL);

  return self->cluster;
}

void
auftakt_workshop_set_cluster (AuftaktWorkshop *self,
                              const char *cluster)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (auftakt_set_str (&self->cluster, cluster))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER]);
}

int
auftakt_workshop_get_min (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), 0);

  return self->min;
}

void
auftakt_workshop_set_min (AuftaktWorkshop *self,
                          int  min)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (self->min == min)
    return;

  self->min = min;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN]);
}

int
auftakt_workshop_get_max (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), 0);

  return self->max;
}

void
auftakt_workshop_set_max (AuftaktWorkshop *self,
                          int  max)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (self->max == max)
    return;

  self->max = max;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX]);
}

int
auftakt_workshop_get_max_runs (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), 0);

  return self->max_runs;
}

void
auftakt_workshop_set_max_runs (AuftaktWorkshop *self,
                               int  max_runs)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (self->max_runs == max_runs)
    return;

  self->max_runs = max_runs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RUNS]);
}

/* Never NULL: an empty list is an empty array. */
const char * const *
auftakt_workshop_get_leads (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), NULL);

  return (const char * const *) self->leads;
}

void
auftakt_workshop_set_leads (AuftaktWorkshop *self,
                            const char * const *leads)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (auftakt_set_strv (&self->leads, leads))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADS]);
}

/* Never NULL: an empty list is an empty array. */
const char * const *
auftakt_workshop_get_unavailable (AuftaktWorkshop *self)
{
  g_return_val_if_fail (AUFTAKT_IS_WORKSHOP (self), NULL);

  return (const char * const *) self->unavailable;
}

void
auftakt_workshop_set_unavailable (AuftaktWorkshop *self,
                                  const char * const *unavailable)
{
  g_return_if_fail (AUFTAKT_IS_WORKSHOP (self));

  if (auftakt_set_strv (&self->unavailable, unavailable))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNAVAILABLE]);
}
