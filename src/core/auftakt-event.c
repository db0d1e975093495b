/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-event"

#include "config.h"

#include "auftakt-event.h"
#include "auftakt-util.h"

/* One event of a plan (a kickoff, a forum, one meeting of a topic group):
 * its facts, the lists of what it is made of, and its schedule if it has one. */
struct _AuftaktEvent
{
  GObject parent_instance;

  char *id;
  char *title;
  char *date;
  char *venue;
  char *description;
  int workshops_per_participant;
  int unranked_cost;

  GListStore *rounds;
  GListStore *rooms;
  GListStore *clusters;
  GListStore *referees;
  GListStore *workshops;
  GListStore *participants;
  GListStore *agenda;

  AuftaktSchedule *schedule;
};

G_DEFINE_FINAL_TYPE (AuftaktEvent, auftakt_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DATE,
  PROP_VENUE,
  PROP_DESCRIPTION,
  PROP_WORKSHOPS_PER_PARTICIPANT,
  PROP_UNRANKED_COST,
  PROP_SCHEDULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef const char *(*GetIdFunc) (gpointer item);

/* Linear, which is fine for lookups by hand; bulk work (check, solver)
 * indexes the lists once. */
static gpointer
find_by_id (GListStore  *store,
            GetIdFunc    get_id,
            const char  *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return item;  /* the store keeps its reference */
    }

  return NULL;
}

static void
set_string_property (AuftaktEvent  *self,
                     char         **field,
                     const char    *value,
                     guint          prop_id)
{
  if (auftakt_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
auftakt_event_finalize (GObject *object)
{
  AuftaktEvent *self = AUFTAKT_EVENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->rounds);
  g_clear_object (&self->rooms);
  g_clear_object (&self->clusters);
  g_clear_object (&self->referees);
  g_clear_object (&self->workshops);
  g_clear_object (&self->participants);
  g_clear_object (&self->agenda);
  g_clear_object (&self->schedule);

  G_OBJECT_CLASS (auftakt_event_parent_class)->finalize (object);
}

static void
auftakt_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AuftaktEvent *self = AUFTAKT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_WORKSHOPS_PER_PARTICIPANT:
      g_value_set_int (value, self->workshops_per_participant);
      break;

    case PROP_UNRANKED_COST:
      g_value_set_int (value, self->unranked_cost);
      break;

    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AuftaktEvent *self = AUFTAKT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      auftakt_event_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      auftakt_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      auftakt_event_set_date (self, g_value_get_string (value));
      break;

    case PROP_VENUE:
      auftakt_event_set_venue (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      auftakt_event_set_description (self, g_value_get_string (value));
      break;

    case PROP_WORKSHOPS_PER_PARTICIPANT:
      auftakt_event_set_workshops_per_participant (self, g_value_get_int (value));
      break;

    case PROP_UNRANKED_COST:
      auftakt_event_set_unranked_cost (self, g_value_get_int (value));
      break;

    case PROP_SCHEDULE:
      auftakt_event_set_schedule (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_event_class_init (AuftaktEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = auftakt_event_finalize;
  object_class->get_property = auftakt_event_get_property;
  object_class->set_property = auftakt_event_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /* ISO 8601, YYYY-MM-DD */
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_VENUE] = g_param_spec_string ("venue", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  /* K: every participant attends exactly this many workshops */
  properties[PROP_WORKSHOPS_PER_PARTICIPANT] =
    g_param_spec_int ("workshops-per-participant", NULL, NULL,
                      1, G_MAXINT, AUFTAKT_DEFAULT_WORKSHOPS_PER_PARTICIPANT, flags);
  /* the cost of a workshop a participant did not rank */
  properties[PROP_UNRANKED_COST] =
    g_param_spec_int ("unranked-cost", NULL, NULL,
                      0, G_MAXINT, AUFTAKT_DEFAULT_UNRANKED_COST, flags);
  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL, AUFTAKT_TYPE_SCHEDULE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
auftakt_event_init (AuftaktEvent *self)
{
  self->workshops_per_participant = AUFTAKT_DEFAULT_WORKSHOPS_PER_PARTICIPANT;
  self->unranked_cost = AUFTAKT_DEFAULT_UNRANKED_COST;
  self->rounds = g_list_store_new (AUFTAKT_TYPE_ROUND);
  self->rooms = g_list_store_new (AUFTAKT_TYPE_ROOM);
  self->clusters = g_list_store_new (AUFTAKT_TYPE_CLUSTER);
  self->referees = g_list_store_new (AUFTAKT_TYPE_REFEREE);
  self->workshops = g_list_store_new (AUFTAKT_TYPE_WORKSHOP);
  self->participants = g_list_store_new (AUFTAKT_TYPE_PARTICIPANT);
  self->agenda = g_list_store_new (AUFTAKT_TYPE_AGENDA_ITEM);
}

AuftaktEvent *
auftakt_event_new (const char *id)
{
  return g_object_new (AUFTAKT_TYPE_EVENT, "id", id, NULL);
}

const char *
auftakt_event_get_id (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->id;
}

void
auftakt_event_set_id (AuftaktEvent *self,
                      const char   *id)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));

  set_string_property (self, &self->id, id, PROP_ID);
}

const char *
auftakt_event_get_title (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->title;
}

void
auftakt_event_set_title (AuftaktEvent *self,
                         const char   *title)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
auftakt_event_get_date (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->date;
}

void
auftakt_event_set_date (AuftaktEvent *self,
                        const char   *date)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));

  set_string_property (self, &self->date, date, PROP_DATE);
}

const char *
auftakt_event_get_venue (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->venue;
}

void
auftakt_event_set_venue (AuftaktEvent *self,
                         const char   *venue)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));

  set_string_property (self, &self->venue, venue, PROP_VENUE);
}

const char *
auftakt_event_get_description (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->description;
}

void
auftakt_event_set_description (AuftaktEvent *self,
                               const char   *description)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));

  set_string_property (self, &self->description, description, PROP_DESCRIPTION);
}

int
auftakt_event_get_workshops_per_participant (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), AUFTAKT_DEFAULT_WORKSHOPS_PER_PARTICIPANT);

  return self->workshops_per_participant;
}

void
auftakt_event_set_workshops_per_participant (AuftaktEvent *self,
                                             int           k)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));
  g_return_if_fail (k >= 1);

  if (self->workshops_per_participant == k)
    return;

  self->workshops_per_participant = k;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOPS_PER_PARTICIPANT]);
}

int
auftakt_event_get_unranked_cost (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), AUFTAKT_DEFAULT_UNRANKED_COST);

  return self->unranked_cost;
}

void
auftakt_event_set_unranked_cost (AuftaktEvent *self,
                                 int           cost)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));
  g_return_if_fail (cost >= 0);

  if (self->unranked_cost == cost)
    return;

  self->unranked_cost = cost;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNRANKED_COST]);
}

GListStore *
auftakt_event_get_rounds (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->rounds;
}

GListStore *
auftakt_event_get_rooms (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->rooms;
}

GListStore *
auftakt_event_get_clusters (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->clusters;
}

GListStore *
auftakt_event_get_referees (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->referees;
}

GListStore *
auftakt_event_get_workshops (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->workshops;
}

GListStore *
auftakt_event_get_participants (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->participants;
}

GListStore *
auftakt_event_get_agenda (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->agenda;
}

/* NULL while the event has no schedule. */
AuftaktSchedule *
auftakt_event_get_schedule (AuftaktEvent *self)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return self->schedule;
}

void
auftakt_event_set_schedule (AuftaktEvent    *self,
                            AuftaktSchedule *schedule)
{
  g_return_if_fail (AUFTAKT_IS_EVENT (self));
  g_return_if_fail (schedule == NULL || AUFTAKT_IS_SCHEDULE (schedule));

  if (g_set_object (&self->schedule, schedule))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}

AuftaktRound *
auftakt_event_find_round (AuftaktEvent *self,
                          const char   *id)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return find_by_id (self->rounds, (GetIdFunc) auftakt_round_get_id, id);
}

AuftaktRoom *
auftakt_event_find_room (AuftaktEvent *self,
                         const char   *id)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return find_by_id (self->rooms, (GetIdFunc) auftakt_room_get_id, id);
}

AuftaktCluster *
auftakt_event_find_cluster (AuftaktEvent *self,
                            const char   *id)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return find_by_id (self->clusters, (GetIdFunc) auftakt_cluster_get_id, id);
}

AuftaktReferee *
auftakt_event_find_referee (AuftaktEvent *self,
                            const char   *id)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return find_by_id (self->referees, (GetIdFunc) auftakt_referee_get_id, id);
}

AuftaktWorkshop *
auftakt_event_find_workshop (AuftaktEvent *self,
                             const char   *id)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return find_by_id (self->workshops, (GetIdFunc) auftakt_workshop_get_id, id);
}

AuftaktParticipant *
auftakt_event_find_participant (AuftaktEvent *self,
                                const char   *id)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return find_by_id (self->participants, (GetIdFunc) auftakt_participant_get_id, id);
}

AuftaktAgendaItem *
auftakt_event_find_agenda_item (AuftaktEvent *self,
                                const char   *id)
{
  g_return_val_if_fail (AUFTAKT_IS_EVENT (self), NULL);

  return find_by_id (self->agenda, (GetIdFunc) auftakt_agenda_item_get_id, id);
}

/* max-runs defaults to one session per round. */
int
auftakt_event_get_workshop_max_runs (AuftaktEvent    *self,
                                     AuftaktWorkshop *workshop)
{
  int max_runs = auftakt_workshop_get_max_runs (workshop);

  if (max_runs >= 0)
    return max_runs;

  return (int) g_list_model_get_n_items (G_LIST_MODEL (self->rounds));
}
