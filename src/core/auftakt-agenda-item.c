/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-agenda-item"

#include "config.h"

#include "auftakt-agenda-item.h"
#include "auftakt-enums.h"
#include "auftakt-util.h"

/* A plenary agenda item of an event; every reference to another item is by its id. */
struct _AuftaktAgendaItem
{
  GObject parent_instance;

  char *id;
  char *number;
  char *title;
  AuftaktAgendaKind kind;
  int start;
  int end;
  char *room;
  char *round;
  char **speakers;
  char *description;
};

G_DEFINE_FINAL_TYPE (AuftaktAgendaItem, auftakt_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_ROOM,
  PROP_ROUND,
  PROP_SPEAKERS,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_agenda_item_finalize (GObject *object)
{
  AuftaktAgendaItem *self = AUFTAKT_AGENDA_ITEM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->round, g_free);
  g_clear_pointer (&self->speakers, g_strfreev);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (auftakt_agenda_item_parent_class)->finalize (object);
}

static void
auftakt_agenda_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AuftaktAgendaItem *self = AUFTAKT_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_START:
      g_value_set_int (value, self->start);
      break;

    case PROP_END:
      g_value_set_int (value, self->end);
      break;

    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;

    case PROP_ROUND:
      g_value_set_string (value, self->round);
      break;

    case PROP_SPEAKERS:
      g_value_set_boxed (value, self->speakers);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_agenda_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AuftaktAgendaItem *self = AUFTAKT_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_agenda_item_set_id (self, g_value_get_string (value));
      break;

    case PROP_NUMBER:
      auftakt_agenda_item_set_number (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      auftakt_agenda_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      auftakt_agenda_item_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_START:
      auftakt_agenda_item_set_start (self, g_value_get_int (value));
      break;

    case PROP_END:
      auftakt_agenda_item_set_end (self, g_value_get_int (value));
      break;

    case PROP_ROOM:
      auftakt_agenda_item_set_room (self, g_value_get_string (value));
      break;

    case PROP_ROUND:
      auftakt_agenda_item_set_round (self, g_value_get_string (value));
      break;

    case PROP_SPEAKERS:
      auftakt_agenda_item_set_speakers (self, g_value_get_boxed (value));
      break;

    case PROP_DESCRIPTION:
      auftakt_agenda_item_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_agenda_item_class_init (AuftaktAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_agenda_item_finalize;
  object_class->get_property = auftakt_agenda_item_get_property;
  object_class->set_property = auftakt_agenda_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, AUFTAKT_TYPE_AGENDA_KIND, AUFTAKT_AGENDA_KIND_TALK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* minutes after midnight, or -1 */
  properties[PROP_START] =
    g_param_spec_int ("start", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* minutes after midnight, or -1 */
  properties[PROP_END] =
    g_param_spec_int ("end", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND] =
    g_param_spec_string ("round", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEAKERS] =
    g_param_spec_boxed ("speakers", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_agenda_item_init (AuftaktAgendaItem *self)
{
  self->kind = AUFTAKT_AGENDA_KIND_TALK;
  self->start = -1;
  self->end = -1;
  self->speakers = g_new0 (char *, 1);
}

AuftaktAgendaItem *
auftakt_agenda_item_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (AUFTAKT_TYPE_AGENDA_ITEM, "id", id, NULL);
}

const char *
auftakt_agenda_item_get_id (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), NULL);

  return self->id;
}

void
auftakt_agenda_item_set_id (AuftaktAgendaItem *self,
                            const char *id)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  auftakt_set_str (&self->id, id);
}

const char *
auftakt_agenda_item_get_number (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), NULL);

  return self->number;
}

void
auftakt_agenda_item_set_number (AuftaktAgendaItem *self,
                                const char *number)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (auftakt_set_str (&self->number, number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
auftakt_agenda_item_get_title (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), NULL);

  return self->title;
}

void
auftakt_agenda_item_set_title (AuftaktAgendaItem *self,
                               const char *title)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (auftakt_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

AuftaktAgendaKind
auftakt_agenda_item_get_kind (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), 0);

  return self->kind;
}

void
auftakt_agenda_item_set_kind (AuftaktAgendaItem *self,
                              AuftaktAgendaKind kind)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

int
auftakt_agenda_item_get_start (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), 0);

  return self->start;
}

void
auftakt_agenda_item_set_start (AuftaktAgendaItem *self,
                               int  start)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

int
auftakt_agenda_item_get_end (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), 0);

  return self->end;
}

void
auftakt_agenda_item_set_end (AuftaktAgendaItem *self,
                             int  end)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

const char *
auftakt_agenda_item_get_room (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), NULL);

  return self->room;
}

void
auftakt_agenda_item_set_room (AuftaktAgendaItem *self,
                              const char *room)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (auftakt_set_str (&self->room, room))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM]);
}

const char *
auftakt_agenda_item_get_round (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), NULL);

  return self->round;
}

void
auftakt_agenda_item_set_round (AuftaktAgendaItem *self,
                               const char *round)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (auftakt_set_str (&self->round, round))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
}

/* Never NULL: an empty list is an empty array. */
const char * const *
auftakt_agenda_item_get_speakers (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), NULL);

  return (const char * const *) self->speakers;
}

void
auftakt_agenda_item_set_speakers (AuftaktAgendaItem *self,
                                  const char * const *speakers)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (auftakt_set_strv (&self->speakers, speakers))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKERS]);
}

const char *
auftakt_agenda_item_get_description (AuftaktAgendaItem *self)
{
  g_return_val_if_fail (AUFTAKT_IS_AGENDA_ITEM (self), NULL);

  return self->description;
}

void
auftakt_agenda_item_set_description (AuftaktAgendaItem *self,
                                     const char *description)
{
  g_return_if_fail (AUFTAKT_IS_AGENDA_ITEM (self));

  if (auftakt_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
