/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-participant"

#include "config.h"

#include "auftakt-participant.h"
#include "auftakt-util.h"

/* A participant of an event; every reference to another item is by its id. */
struct _AuftaktParticipant
{
  GObject parent_instance;

  char *id;
  char *name;
  char *organisation;
  char *email;
  char **choices;
  char **unavailable;
};

G_DEFINE_FINAL_TYPE (AuftaktParticipant, auftakt_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_EMAIL,
  PROP_CHOICES,
  PROP_UNAVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_participant_finalize (GObject *object)
{
  AuftaktParticipant *self = AUFTAKT_PARTICIPANT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->choices, g_strfreev);
  g_clear_pointer (&self->unavailable, g_strfreev);

  G_OBJECT_CLASS (auftakt_participant_parent_class)->finalize (object);
}

static void
auftakt_participant_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AuftaktParticipant *self = AUFTAKT_PARTICIPANT (object);

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

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_CHOICES:
      g_value_set_boxed (value, self->choices);
      break;

    case PROP_UNAVAILABLE:
      g_value_set_boxed (value, self->unavailable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_participant_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AuftaktParticipant *self = AUFTAKT_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_participant_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      auftakt_participant_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      auftakt_participant_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      auftakt_participant_set_email (self, g_value_get_string (value));
      break;

    case PROP_CHOICES:
      auftakt_participant_set_choices (self, g_value_get_boxed (value));
      break;

    case PROP_UNAVAILABLE:
      auftakt_participant_set_unavailable (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_participant_class_init (AuftaktParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_participant_finalize;
  object_class->get_property = auftakt_participant_get_property;
  object_class->set_property = auftakt_participant_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOICES] =
    g_param_spec_boxed ("choices", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNAVAILABLE] =
    g_param_spec_boxed ("unavailable", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_participant_init (AuftaktParticipant *self)
{
  self->choices = g_new0 (char *, 1);
  self->unavailable = g_new0 (char *, 1);
}

AuftaktParticipant *
auftakt_participant_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (AUFTAKT_TYPE_PARTICIPANT, "id", id, NULL);
}

const char *
auftakt_participant_get_id (AuftaktParticipant *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PARTICIPANT (self), NULL);

  return self->id;
}

void
auftakt_participant_set_id (AuftaktParticipant *self,
                            const char *id)
{
  g_return_if_fail (AUFTAKT_IS_PARTICIPANT (self));

  auftakt_set_str (&self->id, id);
}

const char *
auftakt_participant_get_name (AuftaktParticipant *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PARTICIPANT (self), NULL);

  return self->name;
}

void
auftakt_participant_set_name (AuftaktParticipant *self,
                              const char *name)
{
  g_return_if_fail (AUFTAKT_IS_PARTICIPANT (self));

  if (auftakt_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
auftakt_participant_get_organisation (AuftaktParticipant *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PARTICIPANT (self), NULL);

  return self->organisation;
}

void
auftakt_participant_set_organisation (AuftaktParticipant *self,
                                      const char *organisation)
{
  g_return_if_fail (AUFTAKT_IS_PARTICIPANT (self));

  if (auftakt_set_str (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
auftakt_participant_get_email (AuftaktParticipant *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PARTICIPANT (self), NULL);

  return self->email;
}

void
auftakt_participant_set_email (AuftaktParticipant *self,
                               const char *email)
{
  g_return_if_fail (AUFTAKT_IS_PARTICIPANT (self));

  if (auftakt_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/* Never NULL: an empty list is an empty array. */
const char * const *
auftakt_participant_get_choices (AuftaktParticipant *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PARTICIPANT (self), NULL);

  return (const char * const *) self->choices;
}

void
auftakt_participant_set_choices (AuftaktParticipant *self,
                                 const char * const *choices)
{
  g_return_if_fail (AUFTAKT_IS_PARTICIPANT (self));

  if (auftakt_set_strv (&self->choices, choices))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICES]);
}

/* Never NULL: an empty list is an empty array. */
const char * const *
auftakt_participant_get_unavailable (AuftaktParticipant *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PARTICIPANT (self), NULL);

  return (const char * const *) self->unavailable;
}

void
auftakt_participant_set_unavailable (AuftaktParticipant *self,
                                     const char * const *unavailable)
{
  g_return_if_fail (AUFTAKT_IS_PARTICIPANT (self));

  if (auftakt_set_strv (&self->unavailable, unavailable))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNAVAILABLE]);
}
