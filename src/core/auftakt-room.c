/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-room"

#include "config.h"

#include "auftakt-room.h"
#include "auftakt-util.h"

/* A room with seats of an event; every reference to another item is by its id. */
struct _AuftaktRoom
{
  GObject parent_instance;

  char *id;
  char *name;
  int capacity;
  char *description;
  char **unavailable;
};

G_DEFINE_FINAL_TYPE (AuftaktRoom, auftakt_room, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CAPACITY,
  PROP_DESCRIPTION,
  PROP_UNAVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_room_finalize (GObject *object)
{
  AuftaktRoom *self = AUFTAKT_ROOM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->unavailable, g_strfreev);

  G_OBJECT_CLASS (auftakt_room_parent_class)->finalize (object);
}

static void
auftakt_room_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AuftaktRoom *self = AUFTAKT_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_UNAVAILABLE:
      g_value_set_boxed (value, self->unavailable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_room_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AuftaktRoom *self = AUFTAKT_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_room_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      auftakt_room_set_name (self, g_value_get_string (value));
      break;

    case PROP_CAPACITY:
      auftakt_room_set_capacity (self, g_value_get_int (value));
      break;

    case PROP_DESCRIPTION:
      auftakt_room_set_description (self, g_value_get_string (value));
      break;

    case PROP_UNAVAILABLE:
      auftakt_room_set_unavailable (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_room_class_init (AuftaktRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_room_finalize;
  object_class->get_property = auftakt_room_get_property;
  object_class->set_property = auftakt_room_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* seats */
  properties[PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL, -1, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNAVAILABLE] =
    g_param_spec_boxed ("unavailable", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_room_init (AuftaktRoom *self)
{
  self->unavailable = g_new0 (char *, 1);
}

AuftaktRoom *
auftakt_room_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (AUFTAKT_TYPE_ROOM, "id", id, NULL);
}

const char *
auftakt_room_get_id (AuftaktRoom *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROOM (self), NULL);

  return self->id;
}

void
auftakt_room_set_id (AuftaktRoom *self,
                     const char *id)
{
  g_return_if_fail (AUFTAKT_IS_ROOM (self));

  auftakt_set_str (&self->id, id);
}

const char *
auftakt_room_get_name (AuftaktRoom *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROOM (self), NULL);

  return self->name;
}

void
auftakt_room_set_name (AuftaktRoom *self,
                       const char *name)
{
  g_return_if_fail (AUFTAKT_IS_ROOM (self));

  if (auftakt_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int
auftakt_room_get_capacity (AuftaktRoom *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROOM (self), 0);

  return self->capacity;
}

void
auftakt_room_set_capacity (AuftaktRoom *self,
                           int  capacity)
{
  g_return_if_fail (AUFTAKT_IS_ROOM (self));

  if (self->capacity == capacity)
    return;

  self->capacity = capacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

const char *
auftakt_room_get_description (AuftaktRoom *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROOM (self), NULL);

  return self->description;
}

void
auftakt_room_set_description (AuftaktRoom *self,
                              const char *description)
{
  g_return_if_fail (AUFTAKT_IS_ROOM (self));

  if (auftakt_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* Never NULL: an empty list is an empty array. */
const char * const *
auftakt_room_get_unavailable (AuftaktRoom *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROOM (self), NULL);

  return (const char * const *) self->unavailable;
}

void
auftakt_room_set_unavailable (AuftaktRoom *self,
                              const char * const *unavailable)
{
  g_return_if_fail (AUFTAKT_IS_ROOM (self));

  if (auftakt_set_strv (&self->unavailable, unavailable))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNAVAILABLE]);
}
