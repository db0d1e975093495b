/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-schedule"

#include "config.h"

#include "auftakt-schedule.h"

/* The sessions of an event and who attends them: what the solver writes and
 * the organiser adjusts. */
struct _AuftaktSchedule
{
  GObject parent_instance;

  GListStore *sessions;
};

G_DEFINE_FINAL_TYPE (AuftaktSchedule, auftakt_schedule, G_TYPE_OBJECT)

static void
auftakt_schedule_finalize (GObject *object)
{
  AuftaktSchedule *self = AUFTAKT_SCHEDULE (object);

  g_clear_object (&self->sessions);

  G_OBJECT_CLASS (auftakt_schedule_parent_class)->finalize (object);
}

static void
auftakt_schedule_class_init (AuftaktScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_schedule_finalize;
}

static void
auftakt_schedule_init (AuftaktSchedule *self)
{
  self->sessions = g_list_store_new (AUFTAKT_TYPE_SESSION);
}

AuftaktSchedule *
auftakt_schedule_new (void)
{
  return g_object_new (AUFTAKT_TYPE_SCHEDULE, NULL);
}

GListModel *
auftakt_schedule_get_sessions (AuftaktSchedule *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SCHEDULE (self), NULL);

  return G_LIST_MODEL (self->sessions);
}

guint
auftakt_schedule_get_n_sessions (AuftaktSchedule *self)
{
  g_return_val_if_fail (AUFTAKT_IS_SCHEDULE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
}

/* Borrowed. */
AuftaktSession *
auftakt_schedule_get_session (AuftaktSchedule *self,
                              guint            position)
{
  g_autoptr(AuftaktSession) session = NULL;

  g_return_val_if_fail (AUFTAKT_IS_SCHEDULE (self), NULL);

  session = g_list_model_get_item (G_LIST_MODEL (self->sessions), position);
  return session;
}

void
auftakt_schedule_add_session (AuftaktSchedule *self,
                              AuftaktSession  *session)
{
  g_return_if_fail (AUFTAKT_IS_SCHEDULE (self));
  g_return_if_fail (AUFTAKT_IS_SESSION (session));

  g_list_store_append (self->sessions, session);
}

void
auftakt_schedule_remove_session (AuftaktSchedule *self,
                                 AuftaktSession  *session)
{
  guint position;

  g_return_if_fail (AUFTAKT_IS_SCHEDULE (self));

  if (g_list_store_find (self->sessions, session, &position))
    g_list_store_remove (self->sessions, position);
}

/* Replaces every session at once: one items-changed for the whole batch. */
void
auftakt_schedule_splice (AuftaktSchedule *self,
                         GPtrArray       *sessions)
{
  g_return_if_fail (AUFTAKT_IS_SCHEDULE (self));

  g_list_store_splice (self->sessions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->sessions)),
                       sessions->pdata, sessions->len);
}

/* Borrowed; NULL if the workshop does not run in that round. */
AuftaktSession *
auftakt_schedule_find_session (AuftaktSchedule *self,
                               const char      *workshop,
                               const char      *round)
{
  guint n;

  g_return_val_if_fail (AUFTAKT_IS_SCHEDULE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n; i++)
    {
      AuftaktSession *session = auftakt_schedule_get_session (self, i);

      if (g_strcmp0 (auftakt_session_get_workshop (session), workshop) == 0 &&
          g_strcmp0 (auftakt_session_get_round (session), round) == 0)
        return session;
    }

  return NULL;
}

guint
auftakt_schedule_count_attendances (AuftaktSchedule *self)
{
  guint n, total = 0;

  g_return_val_if_fail (AUFTAKT_IS_SCHEDULE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  for (guint i = 0; i < n; i++)
    total += auftakt_session_get_n_attendees (auftakt_schedule_get_session (self, i));

  return total;
}
