/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-referee"

#include "config.h"

#include "auftakt-referee.h"
#include "auftakt-util.h"

/* A referee or speaker of an event; every reference to another item is by its id. */
struct _AuftaktReferee
{
  GObject parent_instance;

  char *id;
  char *name;
  char *organisation;
  char *role;
  char *email;
  char **unavailable;
};

G_DEFINE_FINAL_TYPE (AuftaktReferee, auftakt_referee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_UNAVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_referee_finalize (GObject *object)
{
  AuftaktReferee *self = AUFTAKT_REFEREE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->unavailable, g_strfreev);

  G_OBJECT_CLASS (auftakt_referee_parent_class)->finalize (object);
}

static void
auftakt_referee_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AuftaktReferee *self = AUFTAKT_REFEREE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_UNAVAILABLE:
      g_value_set_boxed (value, self->unavailable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_referee_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AuftaktReferee *self = AUFTAKT_REFEREE (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_referee_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      auftakt_referee_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      auftakt_referee_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      auftakt_referee_set_role (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      auftakt_referee_set_email (self, g_value_get_string (value));
      break;

    case PROP_UNAVAILABLE:
      auftakt_referee_set_unavailable (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_referee_class_init (AuftaktRefereeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_referee_finalize;
  object_class->get_property = auftakt_referee_get_property;
  object_class->set_property = auftakt_referee_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNAVAILABLE] =
    g_param_spec_boxed ("unavailable", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_referee_init (AuftaktReferee *self)
{
  self->unavailable = g_new0 (char *, 1);
}

AuftaktReferee *
auftakt_referee_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (AUFTAKT_TYPE_REFEREE, "id", id, NULL);
}

const char *
auftakt_referee_get_id (AuftaktReferee *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REFEREE (self), NULL);

  return self->id;
}

void
auftakt_referee_set_id (AuftaktReferee *self,
                        const char *id)
{
  g_return_if_fail (AUFTAKT_IS_REFEREE (self));

  auftakt_set_str (&self->id, id);
}

const char *
auftakt_referee_get_name (AuftaktReferee *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REFEREE (self), NULL);

  return self->name;
}

void
auftakt_referee_set_name (AuftaktReferee *self,
                          const char *name)
{
  g_return_if_fail (AUFTAKT_IS_REFEREE (self));

  if (auftakt_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
auftakt_referee_get_organisation (AuftaktReferee *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REFEREE (self), NULL);

  return self->organisation;
}

void
auftakt_referee_set_organisation (AuftaktReferee *self,
                                  const char *organisation)
{
  g_return_if_fail (AUFTAKT_IS_REFEREE (self));

  if (auftakt_set_str (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
auftakt_referee_get_role (AuftaktReferee *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REFEREE (self), NULL);

  return self->role;
}

void
auftakt_referee_set_role (AuftaktReferee *self,
                          const char *role)
{
  g_return_if_fail (AUFTAKT_IS_REFEREE (self));

  if (auftakt_set_str (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
auftakt_referee_get_email (AuftaktReferee *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REFEREE (self), NULL);

  return self->email;
}

void
auftakt_referee_set_email (AuftaktReferee *self,
                           const char *email)
{
  g_return_if_fail (AUFTAKT_IS_REFEREE (self));

  if (auftakt_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/* Never NULL: an empty list is an empty array. */
const char * const *
auftakt_referee_get_unavailable (AuftaktReferee *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REFEREE (self), NULL);

  return (const char * const *) self->unavailable;
}

void
auftakt_referee_set_unavailable (AuftaktReferee *self,
                                 const char * const *unavailable)
{
  g_return_if_fail (AUFTAKT_IS_REFEREE (self));

  if (auftakt_set_strv (&self->unavailable, unavailable))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNAVAILABLE]);
}
