/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "auftakt-event.h"

G_BEGIN_DECLS

/* An event compiled into dense index arrays for the scheduler: every
 * reference by id is resolved once, so that the search works on integers.
 * Rounds are sets of bits (guint64), hence at most 64 rounds.  Arrays
 * indexed by two things are row-major: [workshop * n_rounds + round],
 * [participant * n_rounds + round], [room * n_rounds + round],
 * [class * n_workshops + workshop].  The problem owns copies of every
 * string, so it outlives the event and may be handed to another thread. */

#define AUFTAKT_PROBLEM_ERROR (auftakt_problem_error_quark ())

typedef enum {
  AUFTAKT_PROBLEM_ERROR_TOO_MANY_ROUNDS,  /* more than 64 rounds */
  AUFTAKT_PROBLEM_ERROR_EMPTY,            /* no rounds */
  AUFTAKT_PROBLEM_ERROR_REFERENCE,        /* an id that names nothing */
  AUFTAKT_PROBLEM_ERROR_DUPLICATE,        /* two entities with the same id */
  AUFTAKT_PROBLEM_ERROR_INVALID,          /* a number out of range (K < 1, ...) */
} AuftaktProblemError;

#define AUFTAKT_PROBLEM_MAX_ROUNDS 64
#define AUFTAKT_PROBLEM_UNLIMITED  G_MAXINT

typedef struct _AuftaktProblem AuftaktProblem;

typedef struct {
  int participant;
  int round;
  int workshop;        /* kept */
  int other;           /* left out */
} AuftaktLockClash;

struct _AuftaktProblem
{
  int n_rounds;
  int n_rooms;
  int n_workshops;
  int n_referees;
  int n_participants;
  int n_classes;

  int k;              /* workshops per participant */
  int unranked_cost;

  char **round_ids;
  char **round_names;        /* the title, or the id when there is none */

  char **room_ids;
  char **room_names;         /* the name, or the id */
  int *room_capacity;
  guint64 *room_rounds;      /* rounds in which the room may be used */

  char **workshop_ids;
  char **workshop_titles;    /* the title, or the id */
  int *workshop_min;
  int *workshop_max;         /* AUFTAKT_PROBLEM_UNLIMITED when unset */
  int *workshop_max_runs;    /* the default (number of rounds) applied */
  guint64 *workshop_off;     /* rounds the workshop itself is unavailable */
  guint64 *workshop_rounds;  /* rounds it may run: not off, every lead present */
  int *lead_start;           /* leads of w: leads[lead_start[w] .. lead_start[w + 1]) */
  int *leads;                /* referee indices */

  char **referee_ids;
  char **referee_names;      /* the name, or the id */
  guint64 *referee_off;      /* rounds the referee is unavailable */

  char **participant_ids;
  char **participant_names;  /* the name, or the id */
  guint64 *participant_rounds;  /* rounds the participant is available */
  int *choice_start;         /* choices of p: choices[choice_start[p] .. choice_start[p + 1]) */
  int *choices;              /* workshop indices in rank order (rank 1 first) */
  int *participant_class;

  /* Participants with the same choices and the same available rounds have
   * the same cost everywhere: a class.  Members are listed in document order. */
  int *class_size;
  int *class_start;          /* members of c: class_members[class_start[c] .. class_start[c + 1]) */
  int *class_members;
  int *class_cost;           /* [c * n_workshops + w]: (rank - 1)^2, or the unranked cost */
  int max_cost;              /* the largest attendance cost */

  /* The published schedule, when one was given (NULL arrays otherwise).
   * Sessions and attendances naming something that no longer exists
   * (a removed participant, room or workshop) are left out and counted. */
  gboolean has_published;
  int *published_room;       /* [w * n_rounds + r]: room of the published session, or -1 */
  guint8 *session_locked;    /* [w * n_rounds + r] */
  int *published_workshop;   /* [p * n_rounds + r]: workshop p attended in round r, or -1 */
  guint8 *attendance_locked; /* [p * n_rounds + r] */
  int n_published_dropped;   /* entries of the published schedule that name nothing */
  GArray *lock_clashes;      /* of AuftaktLockClash: a second locked attendance in a round */

  GHashTable *workshop_index;     /* id -> index + 1 */
  GHashTable *participant_index;  /* id -> index + 1 */
};

GQuark          auftakt_problem_error_quark       (void);

AuftaktProblem *auftakt_problem_new               (AuftaktEvent    *event,
                                                   AuftaktSchedule *published,
                                                   GError         **error);
void            auftakt_problem_free              (AuftaktProblem  *problem);

int             auftakt_problem_find_workshop     (const AuftaktProblem *problem,
                                                   const char           *id);
int             auftakt_problem_find_participant  (const AuftaktProblem *problem,
                                                   const char           *id);
int             auftakt_problem_rank              (const AuftaktProblem *problem,
                                                   int                   participant,
                                                   int                   workshop);
int             auftakt_problem_seats             (const AuftaktProblem *problem,
                                                   int                   workshop,
                                                   int                   room);
int             auftakt_problem_lowest            (const AuftaktProblem *problem,
                                                   int                   workshop);

static inline int
auftakt_problem_cost (const AuftaktProblem *problem,
                      int                   participant,
                      int                   workshop)
{
  return problem->class_cost[problem->participant_class[participant] * problem->n_workshops
                             + workshop];
}

/* A member of class @c: all of them have the same choices and rounds, so
 * it stands for the class wherever those are read. */
static inline int
auftakt_problem_class_member (const AuftaktProblem *problem,
                              int                   c)
{
  return problem->class_members[problem->class_start[c]];
}

/* Room slots: (room, round) pairs where the room can be used. */
static inline int
auftakt_problem_room_slots (const AuftaktProblem *problem)
{
  int slots = 0;

  for (int m = 0; m < problem->n_rooms; m++)
    slots += __builtin_popcountll (problem->room_rounds[m]);
  return slots;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AuftaktProblem, auftakt_problem_free)

G_END_DECLS
