/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-document"

#include "config.h"

#include <glib/gi18n.h>

#include "auftakt-document.h"

/* Above this many changed items an edit is written with one
 * auftakt_store_replace_event() instead of one transaction per item. */
#define MANY_ITEMS 50

typedef enum {
  STEP_ITEM,
  STEP_SCHEDULE,
  STEP_PROPERTIES,
} StepKind;

typedef struct {
  StepKind         kind;
  GType            type;
  char            *id;
  GObject         *before;    /* NULL: the item did not exist */
  GObject         *after;     /* NULL: the item was deleted */
  guint            position;
  AuftaktSchedule *schedule_before;
  AuftaktSchedule *schedule_after;
  char            *props_before[3];
  char            *props_after[3];
} Step;

typedef struct {
  char      *label;
  GPtrArray *steps;
} Edit;

struct _AuftaktDocument
{
  GObject parent_instance;

  AuftaktStore *store;
  AuftaktEvent *event;
  char         *event_id;

  GPtrArray *undo_stack;  /* of Edit */
  GPtrArray *redo_stack;

  AuftaktCheckReport *report;
  GHashTable         *attended;  /* participant id → titles */
};

G_DEFINE_FINAL_TYPE (AuftaktDocument, auftakt_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->id);
  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_clear_object (&step->schedule_before);
  g_clear_object (&step->schedule_after);
  for (guint i = 0; i < 3; i++)
    {
      g_free (step->props_before[i]);
      g_free (step->props_after[i]);
    }
  g_free (step);
}

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->label);
  g_ptr_array_unref (edit->steps);
  g_free (edit);
}

static Edit *
edit_new (const char *label)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->label = g_strdup (label);
  edit->steps = g_ptr_array_new_with_free_func (step_free);
  return edit;
}

static const char *
item_id (gpointer item)
{
  if (AUFTAKT_IS_PARTICIPANT (item))
    return auftakt_participant_get_id (item);
  if (AUFTAKT_IS_WORKSHOP (item))
    return auftakt_workshop_get_id (item);
  if (AUFTAKT_IS_ROOM (item))
    return auftakt_room_get_id (item);
  if (AUFTAKT_IS_REFEREE (item))
    return auftakt_referee_get_id (item);
  if (AUFTAKT_IS_ROUND (item))
    return auftakt_round_get_id (item);
  if (AUFTAKT_IS_CLUSTER (item))
    return auftakt_cluster_get_id (item);
  if (AUFTAKT_IS_AGENDA_ITEM (item))
    return auftakt_agenda_item_get_id (item);
  g_return_val_if_reached (NULL);
}

static gboolean
find_item (GListStore *list,
           const char *id,
           guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (item_id (item), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
invalidate (AuftaktDocument *self)
{
  g_clear_pointer (&self->report, auftakt_check_report_free);
  g_clear_pointer (&self->attended, g_hash_table_unref);
}

static void
notify_stacks (AuftaktDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
apply_step_to_model (AuftaktDocument *self,
                     Step            *step,
                     gboolean         forward)
{
  switch (step->kind)
    {
    case STEP_ITEM:
      {
        GListStore *list = auftakt_document_get_list (self, step->type);
        GObject *target = forward ? step->after : step->before;
        guint position;
        gboolean found = find_item (list, step->id, &position);

        if (target != NULL)
          {
            g_autoptr(GObject) copy = auftakt_document_copy_item (target);

            if (found)
              g_list_store_splice (list, position, 1, (gpointer *) &copy, 1);
            else
              g_list_store_insert (list,
                                   MIN (step->position,
                                        g_list_model_get_n_items (G_LIST_MODEL (list))),
                                   copy);
          }
        else if (found)
          g_list_store_remove (list, position);
      }
      break;

    case STEP_SCHEDULE:
      {
        AuftaktSchedule *target = forward ? step->schedule_after : step->schedule_before;
        g_autoptr(AuftaktSchedule) copy = NULL;

        if (target != NULL)
          copy = auftakt_document_copy_schedule (target);
        auftakt_event_set_schedule (self->event, copy);
      }
      break;

    case STEP_PROPERTIES:
      {
        char **props = forward ? step->props_after : step->props_before;

        auftakt_event_set_title (self->event, props[0]);
        auftakt_event_set_date (self->event, props[1]);
        auftakt_event_set_venue (self->event, props[2]);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const Step *x = *(const Step **) a;
  const Step *y = *(const Step **) b;

  return (x->position > y->position) - (x->position < y->position);
}

static gboolean
write_step (AuftaktDocument  *self,
            Step             *step,
            gboolean          forward,
            GError          **error)
{
  switch (step->kind)
    {
    case STEP_ITEM:
      {
        GObject *target = forward ? step->after : step->before;

        if (target != NULL)
          return auftakt_store_save_item (self->store, self->event_id, target, error);
        return auftakt_store_delete_item (self->store, self->event_id,
                                          step->type, step->id, error);
      }

    case STEP_SCHEDULE:
      return auftakt_store_save_schedule (self->store, self->event_id,
                                          auftakt_event_get_schedule (self->event), error);

    case STEP_PROPERTIES:
      return auftakt_store_save_event_properties (self->store, self->event, error);

    default:
      g_assert_not_reached ();
    }
}

#define BATCH 8

static void apply_item_steps_batch (AuftaktDocument *self,
                                    GType            type,
                                    GPtrArray       *steps,
                                    gboolean         forward);

/* Item steps of a type with many of them go in one batch; the others one
 * by one. */
static void
apply_edit_to_model (AuftaktDocument *self,
                     Edit            *edit,
                     gboolean         forward)
{
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  guint n = edit->steps->len;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      Step *step = g_ptr_array_index (edit->steps, i);
      GPtrArray *steps;

      if (step->kind != STEP_ITEM)
        continue;
      steps = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (step->type));
      if (steps == NULL)
        {
          steps = g_ptr_array_new ();
          g_hash_table_insert (by_type, GSIZE_TO_POINTER (step->type), steps);
        }
      g_ptr_array_add (steps, step);
    }

  /* In the order recorded, also for undo: deleted items were recorded in
   * list order, so they come back at their old places lowest first. */
  for (guint i = 0; i < n; i++)
    {
      Step *step = g_ptr_array_index (edit->steps, i);
      GPtrArray *steps = step->kind == STEP_ITEM
                         ? g_hash_table_lookup (by_type, GSIZE_TO_POINTER (step->type)) : NULL;

      if (steps == NULL || steps->len <= BATCH)
        apply_step_to_model (self, step, forward);
    }

  g_hash_table_iter_init (&iter, by_type);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((GPtrArray *) value)->len > BATCH)
      apply_item_steps_batch (self, GPOINTER_TO_SIZE (key), value, forward);
}

/* Applies many item steps of one type with one splice of the whole list:
 * one items-changed, and no search of the list per step. */
static void
apply_item_steps_batch (AuftaktDocument *self,
                        GType            type,
                        GPtrArray       *steps,
                        gboolean         forward)
{
  GListStore *list = auftakt_document_get_list (self, type);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) inserts = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);

      g_hash_table_insert (targets, step->id, step);
    }

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (model, i);
      Step *step = g_hash_table_lookup (targets, item_id (item));

      if (step == NULL)
        {
          g_ptr_array_add (items, item);
          continue;
        }
      g_hash_table_add (seen, step->id);
      if ((forward ? step->after : step->before) != NULL)
        g_ptr_array_add (items, auftakt_document_copy_item (forward ? step->after : step->before));
      g_object_unref (item);
    }

  /* Items that come back, at their old places, in order. */
  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);

      if (!g_hash_table_contains (seen, step->id) &&
          (forward ? step->after : step->before) != NULL)
        g_ptr_array_add (inserts, step);
    }
  g_ptr_array_sort_with_data (inserts, compare_positions, NULL);
  for (guint i = 0; i < inserts->len; i++)
    {
      Step *step = g_ptr_array_index (inserts, i);

      g_ptr_array_insert (items, MIN (step->position, items->len),
                          auftakt_document_copy_item (forward ? step->after : step->before));
    }

  g_list_store_splice (list, 0, n, items->pdata, items->len);
}

/* Changes the model, then the file.  If the file refuses, the model is put
 * back as it was, so that window and file never disagree. */
static gboolean
apply_edit (AuftaktDocument  *self,
            Edit             *edit,
            gboolean          forward,
            GError          **error)
{
  guint n = edit->steps->len;
  gboolean ok = TRUE;

  apply_edit_to_model (self, edit, forward);

  if (n > MANY_ITEMS)
    ok = auftakt_store_replace_event (self->store, self->event, error);
  else
    {
      guint done;

      for (done = 0; done < n && ok; done++)
        ok = write_step (self, g_ptr_array_index (edit->steps, forward ? done : n - 1 - done),
                         forward, error);
      /* Take back in the file what was written, newest first. */
      if (!ok)
        for (guint j = done - 1; j > 0; j--)
          write_step (self, g_ptr_array_index (edit->steps, forward ? j - 1 : n - j),
                      !forward, NULL);
    }

  if (!ok)
    apply_edit_to_model (self, edit, !forward);

  invalidate (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

static gboolean
commit_edit (AuftaktDocument  *self,
             Edit             *edit,
             GError          **error)
{
  if (edit->steps->len == 0)
    {
      edit_free (edit);
      return TRUE;
    }

  if (!apply_edit (self, edit, TRUE, error))
    {
      edit_free (edit);
      return FALSE;
    }

  g_ptr_array_add (self->undo_stack, edit);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_stacks (self);
  return TRUE;
}

static Step *
add_item_step (Edit       *edit,
               GType       type,
               const char *id,
               GObject    *before,
               GObject    *after,
               guint       position)
{
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_ITEM;
  step->type = type;
  step->id = g_strdup (id);
  step->before = before ? auftakt_document_copy_item (before) : NULL;
  step->after = after ? auftakt_document_copy_item (after) : NULL;
  step->position = position;
  g_ptr_array_add (edit->steps, step);
  return step;
}

static void
add_schedule_step (AuftaktDocument *self,
                   Edit            *edit,
                   AuftaktSchedule *after)
{
  Step *step = g_new0 (Step, 1);
  AuftaktSchedule *before = auftakt_event_get_schedule (self->event);

  step->kind = STEP_SCHEDULE;
  step->schedule_before = before ? auftakt_document_copy_schedule (before) : NULL;
  step->schedule_after = after ? g_object_ref (after) : NULL;
  g_ptr_array_add (edit->steps, step);
}

static char **
strv_without (const char * const *strv,
              GHashTable         *ids,
              gboolean           *changed)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  *changed = FALSE;
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (g_hash_table_contains (ids, strv[i]))
        *changed = TRUE;
      else
        g_strv_builder_add (builder, strv[i]);
    }
  return g_strv_builder_end (builder);
}

/* For each item of @list whose string list @property names one of @ids, a
 * step removing those ids from it. */
static void
add_reference_steps (AuftaktDocument *self,
                     Edit            *edit,
                     GType            type,
                     const char      *property,
                     gboolean         is_strv,
                     GHashTable      *ids)
{
  GListModel *list = G_LIST_MODEL (auftakt_document_get_list (self, type));
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autoptr(GObject) after = NULL;
      gboolean changed = FALSE;

      if (is_strv)
        {
          g_auto(GStrv) old = NULL;
          g_auto(GStrv) new = NULL;

          g_object_get (item, property, &old, NULL);
          if (old == NULL)
            continue;
          new = strv_without ((const char * const *) old, ids, &changed);
          if (!changed)
            continue;
          after = auftakt_document_copy_item (item);
          g_object_set (after, property, new, NULL);
        }
      else
        {
          g_autofree char *old = NULL;

          g_object_get (item, property, &old, NULL);
          if (old == NULL || !g_hash_table_contains (ids, old))
            continue;
          after = auftakt_document_copy_item (item);
          g_object_set (after, property, NULL, NULL);
        }

      add_item_step (edit, type, item_id (item), item, after, i);
    }
}

static AuftaktSchedule *
schedule_without (AuftaktSchedule *schedule,
                  GType            type,
                  GHashTable      *ids,
                  gboolean        *changed)
{
  g_autoptr(AuftaktSchedule) result = auftakt_schedule_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = auftakt_schedule_get_n_sessions (schedule);

  *changed = FALSE;
  for (guint i = 0; i < n; i++)
    {
      AuftaktSession *session = auftakt_schedule_get_session (schedule, i);
      const char *key = NULL;
      AuftaktSession *copy;

      if (type == AUFTAKT_TYPE_WORKSHOP)
        key = auftakt_session_get_workshop (session);
      else if (type == AUFTAKT_TYPE_ROOM)
        key = auftakt_session_get_room (session);
      else if (type == AUFTAKT_TYPE_ROUND)
        key = auftakt_session_get_round (session);

      if (key != NULL && g_hash_table_contains (ids, key))
        {
          *changed = TRUE;
          continue;
        }

      copy = auftakt_session_new (auftakt_session_get_workshop (session),
                                  auftakt_session_get_round (session),
                                  auftakt_session_get_room (session));
      auftakt_session_set_locked (copy, auftakt_session_get_locked (session));
      for (guint j = 0; j < auftakt_session_get_n_attendees (session); j++)
        {
          const AuftaktAttendance *a = auftakt_session_get_attendance (session, j);

          if (type == AUFTAKT_TYPE_PARTICIPANT && g_hash_table_contains (ids, a->participant))
            {
              *changed = TRUE;
              continue;
            }
          auftakt_session_add_attendee (copy, a->participant, a->locked);
        }
      g_ptr_array_add (sessions, copy);
    }

  auftakt_schedule_splice (result, sessions);
  return g_steal_pointer (&result);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
build_attended (AuftaktDocument *self)
{
  AuftaktSchedule *schedule = auftakt_event_get_schedule (self->event);
  GListModel *rounds = G_LIST_MODEL (auftakt_event_get_rounds (self->event));
  g_autoptr(GHashTable) strings = NULL;
  guint n_rounds = g_list_model_get_n_items (rounds);

  self->attended = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (schedule == NULL)
    return;

  strings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_string);

  /* Round by round, so each participant's workshops come in time order. */
  for (guint r = 0; r < n_rounds; r++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, r);
      const char *round_id = auftakt_round_get_id (round);

      for (guint i = 0; i < auftakt_schedule_get_n_sessions (schedule); i++)
        {
          AuftaktSession *session = auftakt_schedule_get_session (schedule, i);
          AuftaktWorkshop *workshop;
          const char *title;

          if (g_strcmp0 (auftakt_session_get_round (session), round_id) != 0)
            continue;
          workshop = auftakt_event_find_workshop (self->event,
                                                  auftakt_session_get_workshop (session));
          title = workshop && auftakt_workshop_get_title (workshop)
                  ? auftakt_workshop_get_title (workshop)
                  : auftakt_session_get_workshop (session);

          for (guint j = 0; j < auftakt_session_get_n_attendees (session); j++)
            {
              const char *participant = auftakt_session_get_attendance (session, j)->participant;
              GString *string = g_hash_table_lookup (strings, participant);

              if (string == NULL)
                {
                  string = g_string_new (title);
                  g_hash_table_insert (strings, (gpointer) participant, string);
                }
              else
                g_string_append_printf (string, ", %s", title);
            }
        }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, strings);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_hash_table_insert (self->attended, key, g_string_free (value, FALSE));
        g_hash_table_iter_steal (&iter);
      }
  }
}

static void
auftakt_document_finalize (GObject *object)
{
  AuftaktDocument *self = AUFTAKT_DOCUMENT (object);

  invalidate (self);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_object (&self->event);
  g_clear_object (&self->store);
  g_clear_pointer (&self->event_id, g_free);

  G_OBJECT_CLASS (auftakt_document_parent_class)->finalize (object);
}

static void
auftakt_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AuftaktDocument *self = AUFTAKT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, auftakt_document_get_title (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, auftakt_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, auftakt_document_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
auftakt_document_class_init (AuftaktDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_document_finalize;
  object_class->get_property = auftakt_document_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
auftakt_document_init (AuftaktDocument *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (edit_free);
  self->redo_stack = g_ptr_array_new_with_free_func (edit_free);
}

AuftaktDocument *
auftakt_document_open (const char  *path,
                       const char  *event_id,
                       GError     **error)
{
  g_autoptr(AuftaktDocument) self = g_object_new (AUFTAKT_TYPE_DOCUMENT, NULL);
  g_auto(GStrv) ids = NULL;

  self->store = auftakt_store_open (path, error);
  if (self->store == NULL)
    return NULL;

  /* Without a named event the first one is shown; the window offers the
   * others. */
  if (event_id == NULL)
    {
      ids = auftakt_store_list_events (self->store, error);
      if (ids == NULL)
        return NULL;
      if (ids[0] == NULL)
        {
          g_set_error (error, AUFTAKT_STORE_ERROR, AUFTAKT_STORE_ERROR_NO_SUCH_EVENT,
                       _("The plan “%s” holds no event"), path);
          return NULL;
        }
      event_id = ids[0];
    }

  self->event = auftakt_store_load_event (self->store, event_id, error);
  if (self->event == NULL)
    return NULL;
  self->event_id = g_strdup (auftakt_event_get_id (self->event));

  return g_steal_pointer (&self);
}

AuftaktDocument *
auftakt_document_create (const char    *path,
                         gboolean       replace,
                         AuftaktEvent  *event,
                         GError       **error)
{
  g_autoptr(AuftaktDocument) self = g_object_new (AUFTAKT_TYPE_DOCUMENT, NULL);

  self->store = auftakt_store_create (path, replace, event, error);
  if (self->store == NULL)
    return NULL;
  self->event = g_object_ref (event);
  self->event_id = g_strdup (auftakt_event_get_id (event));

  return g_steal_pointer (&self);
}

const char *
auftakt_document_get_path (AuftaktDocument *self)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  return auftakt_store_get_path (self->store);
}

AuftaktStore *
auftakt_document_get_store (AuftaktDocument *self)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  return self->store;
}

AuftaktEvent *
auftakt_document_get_event (AuftaktDocument *self)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  return self->event;
}

const char *
auftakt_document_get_title (AuftaktDocument *self)
{
  const char *title;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  title = auftakt_event_get_title (self->event);
  return title && *title ? title : _("Untitled Event");
}

AuftaktCheckReport *
auftakt_document_get_report (AuftaktDocument *self)
{
  AuftaktSchedule *schedule;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  schedule = auftakt_event_get_schedule (self->event);
  if (schedule == NULL)
    return NULL;
  if (self->report == NULL)
    self->report = auftakt_check_schedule (self->event, schedule, NULL);
  return self->report;
}

const char *
auftakt_document_get_attended (AuftaktDocument *self,
                               const char      *participant)
{
  const char *titles;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  if (self->attended == NULL)
    build_attended (self);
  titles = g_hash_table_lookup (self->attended, participant);
  return titles ? titles : "";
}

GListStore *
auftakt_document_get_list (AuftaktDocument *self,
                           GType            item_type)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  if (item_type == AUFTAKT_TYPE_ROUND)
    return auftakt_event_get_rounds (self->event);
  if (item_type == AUFTAKT_TYPE_ROOM)
    return auftakt_event_get_rooms (self->event);
  if (item_type == AUFTAKT_TYPE_CLUSTER)
    return auftakt_event_get_clusters (self->event);
  if (item_type == AUFTAKT_TYPE_REFEREE)
    return auftakt_event_get_referees (self->event);
  if (item_type == AUFTAKT_TYPE_WORKSHOP)
    return auftakt_event_get_workshops (self->event);
  if (item_type == AUFTAKT_TYPE_PARTICIPANT)
    return auftakt_event_get_participants (self->event);
  if (item_type == AUFTAKT_TYPE_AGENDA_ITEM)
    return auftakt_event_get_agenda (self->event);

  g_return_val_if_reached (NULL);
}

GObject *
auftakt_document_copy_item (GObject *item)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree const char **names = NULL;
  GValue *values;
  guint n_pspecs, n = 0;
  GObject *copy;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
  names = g_new0 (const char *, n_pspecs);
  values = g_new0 (GValue, n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      names[n] = pspec->name;
      g_value_init (&values[n], pspec->value_type);
      g_object_get_property (item, pspec->name, &values[n]);
      n++;
    }

  copy = g_object_new_with_properties (G_OBJECT_TYPE (item), n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_free (values);
  return copy;
}

AuftaktSchedule *
auftakt_document_copy_schedule (AuftaktSchedule *schedule)
{
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean changed;

  return schedule_without (schedule, G_TYPE_NONE, none, &changed);
}

char *
auftakt_document_make_id (AuftaktDocument *self,
                          GType            item_type,
                          const char      *prefix)
{
  GListStore *list = auftakt_document_get_list (self, item_type);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (list)) + 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);
      guint position;

      if (!find_item (list, id, &position))
        return g_steal_pointer (&id);
    }
}

gboolean
auftakt_document_save_item (AuftaktDocument  *self,
                            GObject          *item,
                            GError          **error)
{
  GType type = G_OBJECT_TYPE (item);
  GListStore *list = auftakt_document_get_list (self, type);
  const char *id = item_id (item);
  g_autoptr(GObject) before = NULL;
  guint position;
  Edit *edit;

  if (find_item (list, id, &position))
    {
      before = g_list_model_get_item (G_LIST_MODEL (list), position);
      edit = edit_new (_("Edit"));
    }
  else
    {
      position = g_list_model_get_n_items (G_LIST_MODEL (list));
      edit = edit_new (_("Add"));
    }

  add_item_step (edit, type, id, before, item, position);
  return commit_edit (self, edit, error);
}

/* Steps saving @items (of one type, new or changed) in @edit. */
static void
add_save_steps (AuftaktDocument *self,
                Edit            *edit,
                GPtrArray       *items)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *list;
  GType type;

  if (items->len == 0)
    return;
  type = G_OBJECT_TYPE (g_ptr_array_index (items, 0));
  list = auftakt_document_get_list (self, type);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_hash_table_insert (positions, (gpointer) item_id (item), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, item_id (item)));
      g_autoptr(GObject) before = NULL;

      if (position > 0)
        before = g_list_model_get_item (G_LIST_MODEL (list), position - 1);
      add_item_step (edit, type, item_id (item), before, item,
                     position > 0 ? position - 1 : g_list_model_get_n_items (G_LIST_MODEL (list)));
    }
}

/* Steps deleting the items of @item_type with @ids, and what refers to
 * them, in @edit. */
static void
add_delete_steps (AuftaktDocument     *self,
                  Edit                *edit,
                  GType                item_type,
                  const char * const  *ids)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *list = auftakt_document_get_list (self, item_type);
  AuftaktSchedule *schedule = auftakt_event_get_schedule (self->event);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) ids[i]);
  if (g_hash_table_size (set) == 0)
    return;

  /* First what refers to the items, so that the file never holds a
   * reference to nothing; undo runs the steps backwards. */
  if (item_type == AUFTAKT_TYPE_WORKSHOP)
    add_reference_steps (self, edit, AUFTAKT_TYPE_PARTICIPANT, "choices", TRUE, set);
  else if (item_type == AUFTAKT_TYPE_REFEREE)
    {
      add_reference_steps (self, edit, AUFTAKT_TYPE_WORKSHOP, "leads", TRUE, set);
      add_reference_steps (self, edit, AUFTAKT_TYPE_AGENDA_ITEM, "speakers", TRUE, set);
    }
  else if (item_type == AUFTAKT_TYPE_CLUSTER)
    add_reference_steps (self, edit, AUFTAKT_TYPE_WORKSHOP, "cluster", FALSE, set);
  else if (item_type == AUFTAKT_TYPE_ROOM)
    add_reference_steps (self, edit, AUFTAKT_TYPE_AGENDA_ITEM, "room", FALSE, set);
  else if (item_type == AUFTAKT_TYPE_ROUND)
    {
      add_reference_steps (self, edit, AUFTAKT_TYPE_AGENDA_ITEM, "round", FALSE, set);
      add_reference_steps (self, edit, AUFTAKT_TYPE_ROOM, "unavailable", TRUE, set);
      add_reference_steps (self, edit, AUFTAKT_TYPE_REFEREE, "unavailable", TRUE, set);
      add_reference_steps (self, edit, AUFTAKT_TYPE_WORKSHOP, "unavailable", TRUE, set);
      add_reference_steps (self, edit, AUFTAKT_TYPE_PARTICIPANT, "unavailable", TRUE, set);
    }

  if (schedule != NULL)
    {
      gboolean changed;
      g_autoptr(AuftaktSchedule) after = schedule_without (schedule, item_type, set, &changed);

      if (changed)
        add_schedule_step (self, edit, after);
    }

  /* In list order, so that undo puts them back where they were. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_hash_table_contains (set, item_id (item)))
        add_item_step (edit, item_type, item_id (item), item, NULL, i);
    }
}

gboolean
auftakt_document_save_items (AuftaktDocument  *self,
                             GPtrArray        *items,
                             const char       *label,
                             GError          **error)
{
  Edit *edit;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), FALSE);

  edit = edit_new (label);
  add_save_steps (self, edit, items);
  return commit_edit (self, edit, error);
}

gboolean
auftakt_document_delete_items (AuftaktDocument     *self,
                               GType                item_type,
                               const char * const  *ids,
                               GError             **error)
{
  guint n_ids = g_strv_length ((char **) ids);
  Edit *edit;

  edit = edit_new (g_dngettext (GETTEXT_PACKAGE, "Delete", "Delete", n_ids));
  add_delete_steps (self, edit, item_type, ids);
  return commit_edit (self, edit, error);
}

gboolean
auftakt_document_delete_and_save_items (AuftaktDocument     *self,
                                        GType                item_type,
                                        const char * const  *delete_ids,
                                        GPtrArray           *items,
                                        const char          *label,
                                        GError             **error)
{
  Edit *edit;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), FALSE);
  for (guint i = 0; i < items->len; i++)
    g_return_val_if_fail (G_OBJECT_TYPE (g_ptr_array_index (items, i)) == item_type, FALSE);

  edit = edit_new (label);
  /* Positions of new items are taken before the deletions: inserted at
   * the end of the shortened list, they stay in order. */
  if (delete_ids != NULL)
    add_delete_steps (self, edit, item_type, delete_ids);
  add_save_steps (self, edit, items);
  return commit_edit (self, edit, error);
}

gboolean
auftakt_document_save_event_properties (AuftaktDocument  *self,
                                        const char       *title,
                                        const char       *date,
                                        const char       *venue,
                                        GError          **error)
{
  Edit *edit = edit_new (_("Edit"));
  Step *step = g_new0 (Step, 1);

  step->kind = STEP_PROPERTIES;
  step->props_before[0] = g_strdup (auftakt_event_get_title (self->event));
  step->props_before[1] = g_strdup (auftakt_event_get_date (self->event));
  step->props_before[2] = g_strdup (auftakt_event_get_venue (self->event));
  step->props_after[0] = g_strdup (title);
  step->props_after[1] = g_strdup (date);
  step->props_after[2] = g_strdup (venue);
  g_ptr_array_add (edit->steps, step);

  return commit_edit (self, edit, error);
}

gboolean
auftakt_document_set_schedule (AuftaktDocument  *self,
                               AuftaktSchedule  *schedule,
                               const char       *label,
                               GError          **error)
{
  g_autoptr(AuftaktSchedule) owned = schedule;
  Edit *edit = edit_new (label);

  add_schedule_step (self, edit, owned);
  return commit_edit (self, edit, error);
}

gboolean
auftakt_document_can_undo (AuftaktDocument *self)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
auftakt_document_can_redo (AuftaktDocument *self)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0;
}

const char *
auftakt_document_get_undo_label (AuftaktDocument *self)
{
  Edit *edit;

  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  edit = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return edit->label;
}

static gboolean
move_edit (AuftaktDocument  *self,
           GPtrArray        *from,
           GPtrArray        *to,
           gboolean          forward,
           GError          **error)
{
  Edit *edit;

  if (from->len == 0)
    return TRUE;

  edit = g_ptr_array_steal_index (from, from->len - 1);
  if (!apply_edit (self, edit, forward, error))
    {
      g_ptr_array_add (from, edit);
      return FALSE;
    }
  g_ptr_array_add (to, edit);
  notify_stacks (self);
  return TRUE;
}

gboolean
auftakt_document_undo (AuftaktDocument  *self,
                       GError          **error)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), FALSE);

  return move_edit (self, self->undo_stack, self->redo_stack, FALSE, error);
}

gboolean
auftakt_document_redo (AuftaktDocument  *self,
                       GError          **error)
{
  g_return_val_if_fail (AUFTAKT_IS_DOCUMENT (self), FALSE);

  return move_edit (self, self->redo_stack, self->undo_stack, TRUE, error);
}
