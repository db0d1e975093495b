/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-availability"

#include "config.h"

#include "auftakt-availability.h"

struct _AuftaktAvailability
{
  /* "kind\x1fid\x1fround" → NULL (listed unavailable) or the busy agenda item */
  GHashTable *busy;
};

static char *
make_key (char        kind,
          const char *id,
          const char *round)
{
  return g_strdup_printf ("%c\x1f%s\x1f%s", kind, id, round);
}

static void
mark_busy (AuftaktAvailability *self,
           char                 kind,
           const char          *id,
           const char          *round,
           AuftaktAgendaItem   *item)
{
  char *key = make_key (kind, id, round);

  /* an explicit unavailability wins over an agenda reason */
  if (g_hash_table_contains (self->busy, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (self->busy, key, item);
}

static void
mark_list (AuftaktAvailability *self,
           char                 kind,
           const char          *id,
           const char * const  *rounds)
{
  for (guint i = 0; rounds[i] != NULL; i++)
    mark_busy (self, kind, id, rounds[i], NULL);
}

static gboolean
lookup (AuftaktAvailability  *self,
        char                  kind,
        const char           *id,
        const char           *round,
        AuftaktAgendaItem   **busy_with)
{
  g_autofree char *key = NULL;
  gpointer item = NULL;
  gboolean busy;

  if (busy_with != NULL)
    *busy_with = NULL;
  if (id == NULL || round == NULL)
    return TRUE;

  key = make_key (kind, id, round);
  busy = g_hash_table_lookup_extended (self->busy, key, NULL, &item);
  if (busy && busy_with != NULL)
    *busy_with = item;

  return !busy;
}

/* Both need a start and an end; a workshop-round item is the round itself. */
gboolean
auftakt_agenda_item_overlaps_round (AuftaktAgendaItem *item,
                                    AuftaktRound      *round)
{
  int start = auftakt_agenda_item_get_start (item);
  int end = auftakt_agenda_item_get_end (item);
  int round_start = auftakt_round_get_start (round);
  int round_end = auftakt_round_get_end (round);

  if (auftakt_agenda_item_get_kind (item) == AUFTAKT_AGENDA_KIND_WORKSHOPS)
    return FALSE;
  if (start < 0 || end < 0 || round_start < 0 || round_end < 0)
    return FALSE;

  return start < round_end && round_start < end;
}

AuftaktAvailability *
auftakt_availability_new (AuftaktEvent *event)
{
  AuftaktAvailability *self = g_new0 (AuftaktAvailability, 1);
  GListModel *rounds = G_LIST_MODEL (auftakt_event_get_rounds (event));
  GListModel *list;
  guint n;

  self->busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  list = G_LIST_MODEL (auftakt_event_get_rooms (event));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktRoom) room = g_list_model_get_item (list, i);
      mark_list (self, 'm', auftakt_room_get_id (room), auftakt_room_get_unavailable (room));
    }

  list = G_LIST_MODEL (auftakt_event_get_referees (event));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktReferee) referee = g_list_model_get_item (list, i);
      mark_list (self, 'f', auftakt_referee_get_id (referee),
                 auftakt_referee_get_unavailable (referee));
    }

  list = G_LIST_MODEL (auftakt_event_get_workshops (event));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktWorkshop) workshop = g_list_model_get_item (list, i);
      mark_list (self, 'w', auftakt_workshop_get_id (workshop),
                 auftakt_workshop_get_unavailable (workshop));
    }

  list = G_LIST_MODEL (auftakt_event_get_participants (event));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktParticipant) participant = g_list_model_get_item (list, i);
      const char * const *off = auftakt_participant_get_unavailable (participant);

      if (off[0] != NULL)
        mark_list (self, 'p', auftakt_participant_get_id (participant), off);
    }

  /* The agenda items are borrowed: the event outlives this table. */
  list = G_LIST_MODEL (auftakt_event_get_agenda (event));
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktAgendaItem) item = g_list_model_get_item (list, i);
      guint n_rounds = g_list_model_get_n_items (rounds);

      for (guint r = 0; r < n_rounds; r++)
        {
          g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, r);
          const char * const *speakers;

          if (!auftakt_agenda_item_overlaps_round (item, round))
            continue;

          if (auftakt_agenda_item_get_room (item) != NULL)
            mark_busy (self, 'm', auftakt_agenda_item_get_room (item),
                       auftakt_round_get_id (round), item);
          speakers = auftakt_agenda_item_get_speakers (item);
          for (guint s = 0; speakers[s] != NULL; s++)
            mark_busy (self, 'f', speakers[s], auftakt_round_get_id (round), item);
        }
    }

  return self;
}

void
auftakt_availability_free (AuftaktAvailability *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->busy, g_hash_table_unref);
  g_free (self);
}

gboolean
auftakt_availability_room (AuftaktAvailability  *self,
                           const char           *room,
                           const char           *round,
                           AuftaktAgendaItem   **busy_with)
{
  return lookup (self, 'm', room, round, busy_with);
}

gboolean
auftakt_availability_referee (AuftaktAvailability  *self,
                              const char           *referee,
                              const char           *round,
                              AuftaktAgendaItem   **busy_with)
{
  return lookup (self, 'f', referee, round, busy_with);
}

gboolean
auftakt_availability_workshop (AuftaktAvailability *self,
                               const char          *workshop,
                               const char          *round)
{
  return lookup (self, 'w', workshop, round, NULL);
}

gboolean
auftakt_availability_participant (AuftaktAvailability *self,
                                  const char          *participant,
                                  const char          *round)
{
  return lookup (self, 'p', participant, round, NULL);
}
