/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-round"

#include "config.h"

#include "auftakt-round.h"
#include "auftakt-util.h"

/* A workshop time slot of an event; every reference to another item is by its id. */
struct _AuftaktRound
{
  GObject parent_instance;

  char *id;
  char *title;
  int start;
  int end;
};

G_DEFINE_FINAL_TYPE (AuftaktRound, auftakt_round, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
auftakt_round_finalize (GObject *object)
{
  AuftaktRound *self = AUFTAKT_ROUND (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (auftakt_round_parent_class)->finalize (object);
}

static void
auftakt_round_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AuftaktRound *self = AUFTAKT_ROUND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_START:
      g_value_set_int (value, self->start);
      break;

    case PROP_END:
      g_value_set_int (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_round_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AuftaktRound *self = AUFTAKT_ROUND (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_round_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      auftakt_round_set_title (self, g_value_get_string (value));
      break;

    case PROP_START:
      auftakt_round_set_start (self, g_value_get_int (value));
      break;

    case PROP_END:
      auftakt_round_set_end (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_round_class_init (AuftaktRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_round_finalize;
  object_class->get_property = auftakt_round_get_property;
  object_class->set_property = auftakt_round_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* minutes after midnight, or -1 */
  properties[PROP_START] =
    g_param_spec_int ("start", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* minutes after midnight, or -1 */
  properties[PROP_END] =
    g_param_spec_int ("end", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_round_init (AuftaktRound *self)
{
  self->start = -1;
  self->end = -1;
}

AuftaktRound *
auftakt_round_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (AUFTAKT_TYPE_ROUND, "id", id, NULL);
}

const char *
auftakt_round_get_id (AuftaktRound *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROUND (self), NULL);

  return self->id;
}

void
auftakt_round_set_id (AuftaktRound *self,
                      const char *id)
{
  g_return_if_fail (AUFTAKT_IS_ROUND (self));

  auftakt_set_str (&self->id, id);
}

const char *
auftakt_round_get_title (AuftaktRound *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROUND (self), NULL);

  return self->title;
}

void
auftakt_round_set_title (AuftaktRound *self,
                         const char *title)
{
  g_return_if_fail (AUFTAKT_IS_ROUND (self));

  if (auftakt_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
auftakt_round_get_start (AuftaktRound *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROUND (self), 0);

  return self->start;
}

void
auftakt_round_set_start (AuftaktRound *self,
                         int  start)
{
  g_return_if_fail (AUFTAKT_IS_ROUND (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

int
auftakt_round_get_end (AuftaktRound *self)
{
  g_return_val_if_fail (AUFTAKT_IS_ROUND (self), 0);

  return self->end;
}

void
auftakt_round_set_end (AuftaktRound *self,
                       int  end)
{
  g_return_if_fail (AUFTAKT_IS_ROUND (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}
