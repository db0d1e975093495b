/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-session"

#include "config.h"

#include "auftakt-session.h"
#include "auftakt-util.h"

/* A workshop held in one round in one room, with its attendees.  The ids may
 * name nothing (a schedule read from a file is checked, not trusted), and an
 * attendee may appear twice, so that the check can report it. */
struct _AuftaktSession
{
  GObject parent_instance;

  char *workshop;
  char *round;
  char *room;
  gboolean locked;
  GArray *attendees;  /* of AuftaktAttendance */
};

G_DEFINE_FINAL_TYPE (AuftaktSession, auftakt_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKSHOP,
  PROP_ROUND,
  PROP_ROOM,
  PROP_LOCKED,
  PROP_N_ATTENDEES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_attendance (gpointer data)
{
  AuftaktAttendance *attendance = data;

  g_clear_pointer (&attendance->participant, g_free);
}

static void
auftakt_session_finalize (GObject *object)
{
  AuftaktSession *self = AUFTAKT_SESSION (object);

  g_clear_pointer (&self->workshop, g_free);
  g_clear_pointer (&self->round, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->attendees, g_array_unref);

  G_OBJECT_CLASS (auftakt_session_parent_class)->finalize (object);
}

static void
auftakt_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AuftaktSession *self = AUFTAKT_SESSION (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_string (value, self->workshop);
      break;

    case PROP_ROUND:
      g_value_set_string (value, self->round);
      break;

    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_N_ATTENDEES:
      g_value_set_uint (value, self->attendees->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AuftaktSession *self = AUFTAKT_SESSION (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      auftakt_set_str (&self->workshop, g_value_get_string (value));
      break;

    case PROP_ROUND:
      auftakt_session_set_round (self, g_value_get_string (value));
      break;

    case PROP_ROOM:
      auftakt_session_set_room (self, g_value_get_string (value));
      break;

    case PROP_LOCKED:
      auftakt_session_set_locked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_session_class_init (AuftaktSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_session_finalize;
  object_class->get_property = auftakt_session_get_property;
  object_class->set_property = auftakt_session_set_property;

  properties[PROP_WORKSHOP] =
    g_param_spec_string ("workshop", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND] =
    g_param_spec_string ("round", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ATTENDEES] =
    g_param_spec_uint ("n-attendees", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_session_init (AuftaktSession *self)
{
  self->attendees = g_array_new (FALSE, FALSE, sizeof (AuftaktAttendance));
  g_array_set_clear_func (self->attendees, clear_attendance);
}

AuftaktSession *
auftakt_session_new (const char *workshop,
                     const char *round,
                     const char *room)
{
  return g_object_new (AUFTAKT_TYPE_SESSION,
                       "workshop", workshop,
                       "round", round,
                       "room", room,
                       NULL);
}

const char *
auftakt_session_get_workshop (AuftaktSession *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), NULL);

  return self->workshop;
}

const char *
auftakt_session_get_round (AuftaktSession *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), NULL);

  return self->round;
}

const char *
auftakt_session_get_room (AuftaktSession *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), NULL);

  return self->room;
}

void
auftakt_session_set_round (AuftaktSession *self,
                           const char     *round)
{
  g_return_if_fail (AUFTAKT_IS_SESSION (self));

  if (auftakt_set_str (&self->round, round))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
}

void
auftakt_session_set_room (AuftaktSession *self,
                          const char     *room)
{
  g_return_if_fail (AUFTAKT_IS_SESSION (self));

  if (auftakt_set_str (&self->room, room))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM]);
}

gboolean
auftakt_session_get_locked (AuftaktSession *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), FALSE);

  return self->locked;
}

void
auftakt_session_set_locked (AuftaktSession *self,
                            gboolean        locked)
{
  g_return_if_fail (AUFTAKT_IS_SESSION (self));

  locked = !!locked;
  if (self->locked == locked)
    return;

  self->locked = locked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

guint
auftakt_session_get_n_attendees (AuftaktSession *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), 0);

  return self->attendees->len;
}

const AuftaktAttendance *
auftakt_session_get_attendance (AuftaktSession *self,
                                guint           position)
{
  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), NULL);
  g_return_val_if_fail (position < self->attendees->len, NULL);

  return &g_array_index (self->attendees, AuftaktAttendance, position);
}

void
auftakt_session_add_attendee (AuftaktSession *self,
                              const char     *participant,
                              gboolean        locked)
{
  AuftaktAttendance attendance;

  g_return_if_fail (AUFTAKT_IS_SESSION (self));

  attendance.participant = g_strdup (participant);
  attendance.locked = !!locked;
  g_array_append_val (self->attendees, attendance);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ATTENDEES]);
}

int
auftakt_session_find_attendee (AuftaktSession *self,
                               const char     *participant)
{
  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), -1);

  for (guint i = 0; i < self->attendees->len; i++)
    if (g_strcmp0 (g_array_index (self->attendees, AuftaktAttendance, i).participant,
                   participant) == 0)
      return (int) i;

  return -1;
}

gboolean
auftakt_session_remove_attendee (AuftaktSession *self,
                                 const char     *participant)
{
  int position;

  g_return_val_if_fail (AUFTAKT_IS_SESSION (self), FALSE);

  position = auftakt_session_find_attendee (self, participant);
  if (position < 0)
    return FALSE;

  g_array_remove_index (self->attendees, (guint) position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ATTENDEES]);
  return TRUE;
}

void
auftakt_session_set_attendee_locked (AuftaktSession *self,
                                     guint           position,
                                     gboolean        locked)
{
  g_return_if_fail (AUFTAKT_IS_SESSION (self));
  g_return_if_fail (position < self->attendees->len);

  g_array_index (self->attendees, AuftaktAttendance, position).locked = !!locked;
}
