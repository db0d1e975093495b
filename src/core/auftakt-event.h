/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "auftakt-agenda-item.h"
#include "auftakt-cluster.h"
#include "auftakt-participant.h"
#include "auftakt-referee.h"
#include "auftakt-room.h"
#include "auftakt-round.h"
#include "auftakt-schedule.h"
#include "auftakt-workshop.h"

G_BEGIN_DECLS

#define AUFTAKT_DEFAULT_WORKSHOPS_PER_PARTICIPANT 2
#define AUFTAKT_DEFAULT_UNRANKED_COST 100

#define AUFTAKT_TYPE_EVENT (auftakt_event_get_type ())

G_DECLARE_FINAL_TYPE (AuftaktEvent, auftakt_event, AUFTAKT, EVENT, GObject)

AuftaktEvent      *auftakt_event_new                           (const char   *id);
const char        *auftakt_event_get_id                        (AuftaktEvent *self);
void               auftakt_event_set_id                        (AuftaktEvent *self,
                                                                const char   *id);
const char        *auftakt_event_get_title                     (AuftaktEvent *self);
void               auftakt_event_set_title                     (AuftaktEvent *self,
                                                                const char   *title);
const char        *auftakt_event_get_date                      (AuftaktEvent *self);
void               auftakt_event_set_date                      (AuftaktEvent *self,
                                                                const char   *date);
const char        *auftakt_event_get_venue                     (AuftaktEvent *self);
void               auftakt_event_set_venue                     (AuftaktEvent *self,
                                                                const char   *venue);
const char        *auftakt_event_get_description               (AuftaktEvent *self);
void               auftakt_event_set_description               (AuftaktEvent *self,
                                                                const char   *description);
int                auftakt_event_get_workshops_per_participant (AuftaktEvent *self);
void               auftakt_event_set_workshops_per_participant (AuftaktEvent *self,
                                                                int           k);
int                auftakt_event_get_unranked_cost             (AuftaktEvent *self);
void               auftakt_event_set_unranked_cost             (AuftaktEvent *self,
                                                                int           cost);

GListStore        *auftakt_event_get_rounds                    (AuftaktEvent *self);
GListStore        *auftakt_event_get_rooms                     (AuftaktEvent *self);
GListStore        *auftakt_event_get_clusters                  (AuftaktEvent *self);
GListStore        *auftakt_event_get_referees                  (AuftaktEvent *self);
GListStore        *auftakt_event_get_workshops                 (AuftaktEvent *self);
GListStore        *auftakt_event_get_participants              (AuftaktEvent *self);
GListStore        *auftakt_event_get_agenda                    (AuftaktEvent *self);

AuftaktSchedule   *auftakt_event_get_schedule                  (AuftaktEvent    *self);
void               auftakt_event_set_schedule                  (AuftaktEvent    *self,
                                                                AuftaktSchedule *schedule);

AuftaktRound      *auftakt_event_find_round                    (AuftaktEvent *self,
                                                                const char   *id);
AuftaktRoom       *auftakt_event_find_room                     (AuftaktEvent *self,
                                                                const char   *id);
AuftaktCluster    *auftakt_event_find_cluster                  (AuftaktEvent *self,
                                                                const char   *id);
AuftaktReferee    *auftakt_event_find_referee                  (AuftaktEvent *self,
                                                                const char   *id);
AuftaktWorkshop   *auftakt_event_find_workshop                 (AuftaktEvent *self,
                                                                const char   *id);
AuftaktParticipant *auftakt_event_find_participant             (AuftaktEvent *self,
                                                                const char   *id);
AuftaktAgendaItem *auftakt_event_find_agenda_item              (AuftaktEvent *self,
                                                                const char   *id);

int                auftakt_event_get_workshop_max_runs         (AuftaktEvent    *self,
                                                                AuftaktWorkshop *workshop);

G_END_DECLS
