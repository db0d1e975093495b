/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-timetable-page"

#include "config.h"

#include <inttypes.h>

#include <math.h>

#include <glib/gi18n.h>

#include "auftakt-availability.h"
#include "auftakt-document.h"
#include "auftakt-page-util.h"
#include "auftakt-solver.h"
#include "auftakt-timetable-page.h"
#include "auftakt-util.h"
#include "auftakt-window.h"

/* The narrowest a room's column gets: six rooms still fit beside the
 * sidebar in a 1280 px window; wider windows share the rest evenly. */
#define CELL_WIDTH 120

struct _AuftaktTimetablePage
{
  AuftaktPage parent_instance;

  GtkWidget           *box;
  GtkWidget           *solve_button;
  GtkProgressBar      *progress_bar;
  GtkWidget           *cancel_button;
  GtkLabel            *summary_label;
  AdwFlap             *flap;
  GtkStack            *stack;
  GtkGrid             *grid;
  AdwPreferencesGroup *session_group;
  AdwComboRow         *room_row;
  AdwComboRow         *round_row;
  GtkSwitch           *lock_switch;
  AdwPreferencesGroup *attendees_group;
  GtkListBox          *attendees_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;

  GtkCssProvider  *css;
  GCancellable    *cancellable;
  char            *summary;
  char            *selected_workshop;
  char            *selected_round;
  gboolean         updating;
  GPtrArray       *problems;   /* of char *, as listed */
};

G_DEFINE_FINAL_TYPE (AuftaktTimetablePage, auftakt_timetable_page, AUFTAKT_TYPE_PAGE)

#define MAX_ATTENDEE_ROWS 300

static void refresh (AuftaktTimetablePage *self);

static AuftaktDocument *
get_document (AuftaktTimetablePage *self)
{
  return auftakt_page_get_document (AUFTAKT_PAGE (self));
}

static AuftaktEvent *
get_event (AuftaktTimetablePage *self)
{
  return get_document (self) ? auftakt_document_get_event (get_document (self)) : NULL;
}

static AuftaktSchedule *
get_schedule (AuftaktTimetablePage *self)
{
  return get_document (self) ? auftakt_event_get_schedule (get_event (self)) : NULL;
}

static const char *
workshop_title (AuftaktEvent *event,
                const char   *id)
{
  AuftaktWorkshop *workshop = auftakt_event_find_workshop (event, id);

  return workshop && auftakt_workshop_get_title (workshop)
         ? auftakt_workshop_get_title (workshop) : id;
}

static const char *
room_name (AuftaktEvent *event,
           const char   *id)
{
  AuftaktRoom *room = id ? auftakt_event_find_room (event, id) : NULL;

  return room && auftakt_room_get_name (room) ? auftakt_room_get_name (room) : id;
}

static const char *
round_title (AuftaktEvent *event,
             const char   *id)
{
  AuftaktRound *round = auftakt_event_find_round (event, id);

  return round && auftakt_round_get_title (round) ? auftakt_round_get_title (round) : id;
}

static const char *
participant_name (AuftaktEvent *event,
                  const char   *id)
{
  AuftaktParticipant *participant = auftakt_event_find_participant (event, id);

  return participant && auftakt_participant_get_name (participant)
         ? auftakt_participant_get_name (participant) : id;
}

/* The seats a session has: its room's, or fewer if the workshop says so. */
static int
session_capacity (AuftaktEvent   *event,
                  AuftaktSession *session)
{
  AuftaktRoom *room = auftakt_event_find_room (event, auftakt_session_get_room (session));
  AuftaktWorkshop *workshop = auftakt_event_find_workshop (event,
                                                           auftakt_session_get_workshop (session));
  int capacity = room ? auftakt_room_get_capacity (room) : 0;

  if (workshop != NULL && auftakt_workshop_get_max (workshop) > 0)
    capacity = capacity > 0 ? MIN (capacity, auftakt_workshop_get_max (workshop))
                            : auftakt_workshop_get_max (workshop);
  return capacity;
}

static char *
key (const char *a,
     const char *b)
{
  return g_strconcat (a ? a : "", "\n", b ? b : "", NULL);
}

/* Edits a copy of the schedule and makes it the document's, as one
 * undoable edit. */
typedef gboolean (*ScheduleChange) (AuftaktTimetablePage *self,
                                    AuftaktSchedule      *schedule,
                                    gpointer              data,
                                    GError              **error);

static gboolean
change_schedule (AuftaktTimetablePage  *self,
                 const char            *label,
                 ScheduleChange         change,
                 gpointer               data,
                 GError               **error)
{
  AuftaktSchedule *schedule = get_schedule (self);
  g_autoptr(AuftaktSchedule) copy = NULL;

  if (schedule == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no schedule yet"));
      return FALSE;
    }
  copy = auftakt_document_copy_schedule (schedule);
  if (!change (self, copy, data, error))
    return FALSE;
  return auftakt_document_set_schedule (get_document (self), g_steal_pointer (&copy), label, error);
}

typedef struct {
  const char *workshop;
  const char *round;
  const char *to_room;
  const char *to_round;
  const char *participant;
  const char *to_workshop;
  gboolean    locked;
} Change;

static gboolean
move_session_change (AuftaktTimetablePage  *self,
                     AuftaktSchedule       *schedule,
                     gpointer               data,
                     GError               **error)
{
  Change *change = data;
  AuftaktSession *session = auftakt_schedule_find_session (schedule, change->workshop,
                                                           change->round);

  if (session == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” does not run in “%s”"),
                   workshop_title (get_event (self), change->workshop),
                   round_title (get_event (self), change->round));
      return FALSE;
    }
  if (g_strcmp0 (change->to_round, change->round) != 0 &&
      auftakt_schedule_find_session (schedule, change->workshop, change->to_round) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already runs in “%s”"),
                   workshop_title (get_event (self), change->workshop),
                   round_title (get_event (self), change->to_round));
      return FALSE;
    }

  auftakt_session_set_room (session, change->to_room);
  auftakt_session_set_round (session, change->to_round);
  return TRUE;
}

static gboolean
move_attendee_change (AuftaktTimetablePage  *self,
                      AuftaktSchedule       *schedule,
                      gpointer               data,
                      GError               **error)
{
  Change *change = data;
  AuftaktSession *from = auftakt_schedule_find_session (schedule, change->workshop, change->round);
  AuftaktSession *to = auftakt_schedule_find_session (schedule, change->to_workshop, change->round);
  int position;
  gboolean locked;

  if (from == NULL || to == NULL ||
      (position = auftakt_session_find_attendee (from, change->participant)) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s does not attend “%s” in “%s”"),
                   participant_name (get_event (self), change->participant),
                   workshop_title (get_event (self), change->workshop),
                   round_title (get_event (self), change->round));
      return FALSE;
    }

  locked = auftakt_session_get_attendance (from, position)->locked;
  auftakt_session_remove_attendee (from, change->participant);
  auftakt_session_add_attendee (to, change->participant, locked);
  return TRUE;
}

static gboolean
lock_change (AuftaktTimetablePage  *self,
             AuftaktSchedule       *schedule,
             gpointer               data,
             GError               **error)
{
  Change *change = data;
  AuftaktSession *session = auftakt_schedule_find_session (schedule, change->workshop,
                                                           change->round);
  int position;

  if (session == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No such session"));
      return FALSE;
    }
  if (change->participant == NULL)
    {
      auftakt_session_set_locked (session, change->locked);
      return TRUE;
    }
  position = auftakt_session_find_attendee (session, change->participant);
  if (position < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No such attendance"));
      return FALSE;
    }
  auftakt_session_set_attendee_locked (session, position, change->locked);
  return TRUE;
}

/* ---- the grid ---- */

static void
update_css (AuftaktTimetablePage *self)
{
  GListModel *clusters = G_LIST_MODEL (auftakt_event_get_clusters (get_event (self)));
  g_autoptr(GString) css = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AuftaktCluster) cluster = g_list_model_get_item (clusters, i);
      const char *colour = auftakt_cluster_get_colour (cluster);
      GdkRGBA rgba;

      if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
        continue;
      g_string_append_printf (css,
                              ".session-cell.cluster-%u { border-left-color: %s; "
                              "background-color: alpha(%s, 0.12); }\n",
                              i, colour, colour);
    }
  gtk_css_provider_load_from_data (self->css, css->str, -1);
}

static int
cluster_index (AuftaktEvent *event,
               const char   *cluster)
{
  GListModel *clusters = G_LIST_MODEL (auftakt_event_get_clusters (event));

  for (guint i = 0; cluster && i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AuftaktCluster) item = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (auftakt_cluster_get_id (item), cluster) == 0)
        return i;
    }
  return -1;
}

static void
cell_clicked_cb (GtkButton            *button,
                 AuftaktTimetablePage *self)
{
  AuftaktSession *session = g_object_get_data (G_OBJECT (button), "session");

  auftakt_timetable_page_select_session (self, auftakt_session_get_workshop (session),
                                         auftakt_session_get_round (session));
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

static GtkWidget *
create_cell (AuftaktTimetablePage *self,
             AuftaktSession       *session,
             GPtrArray            *messages)
{
  AuftaktEvent *event = get_event (self);
  AuftaktWorkshop *workshop = auftakt_event_find_workshop (event,
                                                           auftakt_session_get_workshop (session));
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *leads, *fill, *level;
  g_autoptr(GString) lead_names = g_string_new (NULL);
  g_autofree char *fill_text = NULL;
  g_autofree char *accessible = NULL;
  guint n = auftakt_session_get_n_attendees (session);
  int capacity = session_capacity (event, session);
  int index;

  title = gtk_label_new (workshop_title (event, auftakt_session_get_workshop (session)));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (title_box), title);
  if (auftakt_session_get_locked (session))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (icon, _("Locked"));
      gtk_box_append (GTK_BOX (title_box), icon);
    }
  if (messages != NULL && messages->len > 0)
    gtk_box_append (GTK_BOX (title_box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (box), title_box);

  if (workshop != NULL)
    {
      const char * const *ids = auftakt_workshop_get_leads (workshop);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          AuftaktReferee *referee = auftakt_event_find_referee (event, ids[i]);

          if (i > 0)
            g_string_append (lead_names, ", ");
          g_string_append (lead_names, referee && auftakt_referee_get_name (referee)
                                       ? auftakt_referee_get_name (referee) : ids[i]);
        }
    }
  leads = gtk_label_new (lead_names->str);
  gtk_label_set_xalign (GTK_LABEL (leads), 0);
  gtk_label_set_ellipsize (GTK_LABEL (leads), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (leads, "caption");
  gtk_widget_add_css_class (leads, "dim-label");
  gtk_box_append (GTK_BOX (box), leads);

  /* Translators: attendees / seats of a session */
  fill_text = g_strdup_printf (_("%u / %d"), n, capacity);
  fill = gtk_label_new (fill_text);
  gtk_label_set_xalign (GTK_LABEL (fill), 0);
  gtk_widget_add_css_class (fill, "caption");
  gtk_widget_add_css_class (fill, "numeric");
  gtk_box_append (GTK_BOX (box), fill);

  level = gtk_level_bar_new_for_interval (0, MAX (capacity, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), MIN ((double) n, MAX (capacity, 1)));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
  if ((int) n > capacity)
    gtk_widget_add_css_class (level, "error");
  gtk_box_append (GTK_BOX (box), level);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "session-cell");
  gtk_widget_add_css_class (button, "flat");
  index = workshop ? cluster_index (event, auftakt_workshop_get_cluster (workshop)) : -1;
  if (index >= 0)
    {
      g_autofree char *class = g_strdup_printf ("cluster-%d", index);

      gtk_widget_add_css_class (button, class);
    }
  if (messages != NULL && messages->len > 0)
    {
      g_autofree char *tooltip = NULL;

      g_ptr_array_add (messages, NULL);
      tooltip = g_strjoinv ("\n", (char **) messages->pdata);
      g_ptr_array_remove_index (messages, messages->len - 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "violation");
    }

  /* Translators: workshop, room, round, attendees, seats */
  accessible = g_strdup_printf (_("%s in %s, %s: %u of %d seats"),
                                workshop_title (event, auftakt_session_get_workshop (session)),
                                room_name (event, auftakt_session_get_room (session)),
                                round_title (event, auftakt_session_get_round (session)),
                                n, capacity);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (button), "auftakt-named", GINT_TO_POINTER (TRUE));
  if (gtk_widget_get_tooltip_text (button) == NULL)
    gtk_widget_set_tooltip_text (button, accessible);

  if (g_strcmp0 (self->selected_workshop, auftakt_session_get_workshop (session)) == 0 &&
      g_strcmp0 (self->selected_round, auftakt_session_get_round (session)) == 0)
    gtk_widget_add_css_class (button, "selected");
  g_object_set_data_full (G_OBJECT (button), "session", g_object_ref (session), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked_cb), self);
  gtk_widget_set_size_request (button, CELL_WIDTH, -1);
  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

static GtkWidget *
create_empty_cell (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "empty-cell");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_size_request (label, CELL_WIDTH, 60);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static void
add_message (GHashTable *messages,
             char       *k,
             const char *message)
{
  GPtrArray *list = g_hash_table_lookup (messages, k);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (messages, k, list);
    }
  else
    g_free (k);
  g_ptr_array_add (list, (gpointer) message);
}

static void
problem_activated_cb (AuftaktTimetablePage *self,
                      GtkListBoxRow        *row)
{
  const char *workshop = g_object_get_data (G_OBJECT (row), "workshop");
  const char *round = g_object_get_data (G_OBJECT (row), "round");

  if (workshop != NULL && round != NULL)
    auftakt_timetable_page_select_session (self, workshop, round);
}

static void
fill_problems (AuftaktTimetablePage *self,
               AuftaktCheckReport   *report)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  g_ptr_array_set_size (self->problems, 0);

  if (report == NULL)
    {
      adw_preferences_group_set_description (self->problems_group,
                                             _("Create a schedule to see whether it keeps "
                                               "every rule."));
      gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
      return;
    }

  if (report->violations->len == 0)
    {
      adw_preferences_group_set_description (self->problems_group,
                                             _("None: the schedule keeps every rule."));
      gtk_widget_set_visible (GTK_WIDGET (self->problems_list), FALSE);
      return;
    }

  adw_preferences_group_set_description (self->problems_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), TRUE);
  for (guint i = 0; i < report->violations->len && i < 200; i++)
    {
      AuftaktViolation *violation = g_ptr_array_index (report->violations, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *escaped = g_markup_escape_text (violation->message, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      violation->message, -1);
      if (violation->workshop != NULL && violation->round != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "workshop", g_strdup (violation->workshop),
                                  g_free);
          g_object_set_data_full (G_OBJECT (row), "round", g_strdup (violation->round), g_free);
        }
      gtk_list_box_append (self->problems_list, row);
      g_ptr_array_add (self->problems, g_strdup (violation->message));
    }
}

static void
set_combo_model (AdwComboRow *row,
                 GListModel  *items,
                 const char  *current,
                 const char *(*get_id) (gpointer),
                 const char *(*get_name) (gpointer))
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      const char *name = get_name (item);

      gtk_string_list_append (names, name && *name ? name : get_id (item));
      if (g_strcmp0 (get_id (item), current) == 0)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

static void
lock_attendee_toggled_cb (GtkToggleButton      *button,
                          AuftaktTimetablePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!auftakt_timetable_page_lock (self, self->selected_workshop, self->selected_round,
                                    g_object_get_data (G_OBJECT (button), "participant"),
                                    gtk_toggle_button_get_active (button), &error))
    auftakt_page_show_error (GTK_WIDGET (self), error);
}

static void
fill_attendees (AuftaktTimetablePage *self,
                AuftaktSession       *session)
{
  AuftaktEvent *event = get_event (self);
  AuftaktSchedule *schedule = get_schedule (self);
  GtkWidget *child;
  guint n = auftakt_session_get_n_attendees (session);
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendees_list))) != NULL)
    gtk_list_box_remove (self->attendees_list, child);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Attendee", "%u Attendees", n), n);
  adw_preferences_group_set_title (self->attendees_group, title);

  for (guint i = 0; i < n && i < MAX_ATTENDEE_ROWS; i++)
    {
      const AuftaktAttendance *attendance = auftakt_session_get_attendance (session, i);
      AuftaktParticipant *participant = auftakt_event_find_participant (event,
                                                                        attendance->participant);
      const char *name = participant_name (event, attendance->participant);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *lock = gtk_toggle_button_new ();
      GtkWidget *move = gtk_menu_button_new ();
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *lock_tooltip = g_strdup_printf (_("Keep %s Here"), name);
      g_autofree char *move_tooltip = g_strdup_printf (_("Move %s"), name);
      g_autofree char *rank = NULL;

      if (participant != NULL)
        {
          const char * const *choices = auftakt_participant_get_choices (participant);

          for (guint c = 0; choices[c] != NULL && rank == NULL; c++)
            if (g_strcmp0 (choices[c], auftakt_session_get_workshop (session)) == 0)
              rank = g_strdup_printf (_("Choice %u"), c + 1);
          if (rank == NULL)
            rank = g_strdup (_("Not chosen"));
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rank);

      gtk_button_set_icon_name (GTK_BUTTON (lock), "changes-prevent-symbolic");
      gtk_widget_set_tooltip_text (lock, lock_tooltip);
      gtk_widget_set_valign (lock, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (lock, "flat");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lock), attendance->locked);
      g_object_set_data_full (G_OBJECT (lock), "participant", g_strdup (attendance->participant),
                              g_free);
      g_signal_connect (lock, "toggled", G_CALLBACK (lock_attendee_toggled_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);

      /* Where the attendee can go: the other sessions of the same round. */
      for (guint t = 0; t < auftakt_schedule_get_n_sessions (schedule); t++)
        {
          AuftaktSession *other = auftakt_schedule_get_session (schedule, t);
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *label = NULL;

          if (other == session ||
              g_strcmp0 (auftakt_session_get_round (other), auftakt_session_get_round (session)) != 0)
            continue;
          label = g_strdup_printf (_("%s (%s, %u/%d)"),
                                   workshop_title (event, auftakt_session_get_workshop (other)),
                                   room_name (event, auftakt_session_get_room (other)),
                                   auftakt_session_get_n_attendees (other),
                                   session_capacity (event, other));
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "timetable.move-attendee", "(ss)",
                                             attendance->participant,
                                             auftakt_session_get_workshop (other));
          g_menu_append_item (menu, item);
        }
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (move), "go-next-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (move), G_MENU_MODEL (menu));
      gtk_widget_set_tooltip_text (move, move_tooltip);
      gtk_widget_set_valign (move, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (move, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), move);

      gtk_list_box_append (self->attendees_list, row);
    }

  if (n > MAX_ATTENDEE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more"), n - MAX_ATTENDEE_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->attendees_list, row);
    }
}

static void
update_details (AuftaktTimetablePage *self)
{
  AuftaktSchedule *schedule = get_schedule (self);
  AuftaktSession *session = NULL;
  AuftaktEvent *event = get_event (self);
  g_autofree char *title = NULL;

  if (schedule != NULL && self->selected_workshop != NULL)
    session = auftakt_schedule_find_session (schedule, self->selected_workshop,
                                             self->selected_round);

  gtk_widget_set_visible (GTK_WIDGET (self->session_group), session != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->attendees_group), session != NULL);
  if (session == NULL)
    return;

  self->updating = TRUE;
  title = g_markup_escape_text (workshop_title (event, auftakt_session_get_workshop (session)), -1);
  adw_preferences_group_set_title (self->session_group, title);
  set_combo_model (self->room_row, G_LIST_MODEL (auftakt_event_get_rooms (event)),
                   auftakt_session_get_room (session),
                   (const char *(*) (gpointer)) auftakt_room_get_id,
                   (const char *(*) (gpointer)) auftakt_room_get_name);
  set_combo_model (self->round_row, G_LIST_MODEL (auftakt_event_get_rounds (event)),
                   auftakt_session_get_round (session),
                   (const char *(*) (gpointer)) auftakt_round_get_id,
                   (const char *(*) (gpointer)) auftakt_round_get_title);
  gtk_switch_set_active (self->lock_switch, auftakt_session_get_locked (session));
  fill_attendees (self, session);
  self->updating = FALSE;
  auftakt_window_name_controls (GTK_WIDGET (self->attendees_list));
}

static void
refresh (AuftaktTimetablePage *self)
{
  AuftaktEvent *event = get_event (self);
  AuftaktSchedule *schedule;
  AuftaktCheckReport *report;
  GListModel *rounds, *rooms;
  GtkWidget *child;
  guint n_rounds, n_rooms;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GHashTable) messages = NULL;
  g_autoptr(AuftaktAvailability) availability = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timetable.solve",
                                 event != NULL && self->cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timetable.cancel",
                                 self->cancellable != NULL);
  if (event == NULL)
    return;

  schedule = auftakt_event_get_schedule (event);
  report = auftakt_document_get_report (get_document (self));
  rounds = G_LIST_MODEL (auftakt_event_get_rounds (event));
  rooms = G_LIST_MODEL (auftakt_event_get_rooms (event));
  n_rounds = g_list_model_get_n_items (rounds);
  n_rooms = g_list_model_get_n_items (rooms);
  availability = auftakt_availability_new (event);

  gtk_stack_set_visible_child_name (self->stack, n_rounds > 0 && n_rooms > 0 ? "grid" : "empty");
  gtk_button_set_label (GTK_BUTTON (self->solve_button),
                        schedule ? _("Re-_Schedule") : _("_Create Schedule"));
  update_css (self);

  /* Sessions by round and room, and what is wrong with each. */
  cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  if (schedule != NULL)
    for (guint i = 0; i < auftakt_schedule_get_n_sessions (schedule); i++)
      {
        AuftaktSession *session = auftakt_schedule_get_session (schedule, i);
        char *k = key (auftakt_session_get_round (session), auftakt_session_get_room (session));

        if (g_hash_table_contains (cells, k))
          g_free (k);
        else
          g_hash_table_insert (cells, k, session);
      }
  if (report != NULL)
    for (guint i = 0; i < report->violations->len; i++)
      {
        AuftaktViolation *violation = g_ptr_array_index (report->violations, i);

        if (violation->round == NULL)
          continue;
        if (violation->workshop != NULL)
          add_message (messages, key (violation->round, violation->workshop), violation->message);
        else if (violation->room != NULL)
          add_message (messages, key (violation->round, violation->room), violation->message);
      }

  for (guint c = 0; c < n_rooms; c++)
    {
      g_autoptr(AuftaktRoom) room = g_list_model_get_item (rooms, c);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%d seat",
                                                            "%s\n%d seats",
                                                            auftakt_room_get_capacity (room)),
                                               room_name (event, auftakt_room_get_id (room)),
                                               auftakt_room_get_capacity (room));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 1);
      /* wrapped, not cut: rooms often differ only in their last word
       * ("Besprechungsraum 1", "Besprechungsraum 2") */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_widget_add_css_class (label, "timetable-header");
      gtk_grid_attach (self->grid, label, c + 1, 0, 1, 1);
    }

  for (guint r = 0; r < n_rounds; r++)
    {
      g_autoptr(AuftaktRound) round = g_list_model_get_item (rounds, r);
      const char *round_id = auftakt_round_get_id (round);
      g_autofree char *from = auftakt_format_minutes (auftakt_round_get_start (round));
      g_autofree char *to = auftakt_format_minutes (auftakt_round_get_end (round));
      g_autofree char *text = g_strdup_printf ("%s\n%s–%s", round_title (event, round_id),
                                               from ? from : "", to ? to : "");
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "timetable-header");
      gtk_grid_attach (self->grid, label, 0, r + 1, 1, 1);

      for (guint c = 0; c < n_rooms; c++)
        {
          g_autoptr(AuftaktRoom) room = g_list_model_get_item (rooms, c);
          g_autofree char *k = key (round_id, auftakt_room_get_id (room));
          AuftaktSession *session = g_hash_table_lookup (cells, k);
          GtkWidget *cell;

          if (session != NULL)
            {
              g_autofree char *wk = key (round_id, auftakt_session_get_workshop (session));
              g_autoptr(GPtrArray) list = g_ptr_array_new ();
              GPtrArray *found;

              if ((found = g_hash_table_lookup (messages, wk)) != NULL)
                g_ptr_array_extend (list, found, NULL, NULL);
              if ((found = g_hash_table_lookup (messages, k)) != NULL)
                g_ptr_array_extend (list, found, NULL, NULL);
              cell = create_cell (self, session, list);
            }
          else
            {
              AuftaktAgendaItem *busy = NULL;

              if (auftakt_availability_room (availability, auftakt_room_get_id (room), round_id,
                                             &busy))
                cell = create_empty_cell (_("Free"));
              else if (busy != NULL)
                cell = create_empty_cell (auftakt_agenda_item_get_title (busy));
              else
                cell = create_empty_cell (_("Unavailable"));
            }
          gtk_grid_attach (self->grid, cell, c + 1, r + 1, 1, 1);
        }
    }

  fill_problems (self, report);
  update_details (self);

  auftakt_window_name_controls (GTK_WIDGET (self->box));

  /* Broken rules show themselves. */
  if (report != NULL && report->violations->len > 0)
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* ---- the scheduler ---- */

static void
solve_progress_cb (double   fraction,
                   gint64   best_cost,
                   gint64   bound,
                   gpointer user_data)
{
  AuftaktTimetablePage *self = user_data;
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  if (best_cost >= 0)
    /* Translators: the cost of the best schedule the search has found so far */
    text = g_strdup_printf (_("Best so far: cost %" PRId64), best_cost);
  else
    text = g_strdup (_("Searching…"));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
set_solving (AuftaktTimetablePage *self,
             gboolean              solving)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), solving);
  gtk_widget_set_visible (self->cancel_button, solving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timetable.solve", !solving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timetable.cancel", solving);
  if (solving)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Searching…"));
    }
}

static void
set_summary (AuftaktTimetablePage *self,
             const char           *summary)
{
  g_free (self->summary);
  self->summary = g_strdup (summary);
  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
}

static void
solve_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AuftaktTimetablePage) self = user_data;
  g_autoptr(AuftaktSolverResult) solution = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  gint64 cost, bound;
  AuftaktCheckReport *report;

  solution = auftakt_solver_solve_finish (result, &error);
  g_clear_object (&self->cancellable);
  set_solving (self, FALSE);

  if (get_document (self) == NULL)
    return;

  if (solution == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_summary (self, _("Scheduling was cancelled; the timetable is as it was."));
      else
        set_summary (self, error->message);
      refresh (self);
      return;
    }

  if (!auftakt_solver_result_get_feasible (solution))
    {
      const char * const *explanations = auftakt_solver_result_get_explanations (solution);
      g_autofree char *joined = g_strjoinv ("\n", (char **) explanations);
      AuftaktWindow *window = auftakt_page_get_window (GTK_WIDGET (self));

      g_string_append (summary, _("No schedule keeps every rule."));
      if (*joined != '\0')
        g_string_append_printf (summary, "\n%s", joined);
      set_summary (self, summary->str);
      refresh (self);

      /* Say why where the organiser cannot miss it. */
      if (window != NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                                      _("No Valid Schedule"),
                                                      *joined ? joined
                                                              : _("No schedule keeps every rule."));

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  if (!auftakt_document_set_schedule (get_document (self),
                                      auftakt_document_copy_schedule (
                                        auftakt_solver_result_get_schedule (solution)),
                                      _("Create Schedule"), &error))
    {
      auftakt_page_show_error (GTK_WIDGET (self), error);
      return;
    }

  report = auftakt_document_get_report (get_document (self));
  cost = auftakt_solver_result_get_cost (solution);
  bound = auftakt_solver_result_get_bound (solution);
  if (auftakt_solver_result_get_optimal (solution) || cost <= bound)
    g_string_append_printf (summary,
                            _("Schedule created in %.1f s: cost %" PRId64
                              ", the best possible."),
                            auftakt_solver_result_get_seconds (solution), cost);
  else
    /* the bound holds for every valid schedule: the gap is the most to gain */
    g_string_append_printf (summary,
                            _("Schedule created in %.1f s: cost %" PRId64
                              ", at most %.0f %% above the best possible."),
                            auftakt_solver_result_get_seconds (solution), cost,
                            ceil (100.0 * (double) (cost - bound) / (double) MAX (bound, 1)));
  if (report != NULL && report->n_participants > 0)
    {
      int k = auftakt_event_get_workshops_per_participant (
                auftakt_document_get_event (get_document (self)));

      g_string_append (summary, " ");
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u participants got their first choice, "
                                           "%u only workshops from their first %d choice, "
                                           "%u a workshop they did not choose.",
                                           "%u of %u participants got their first choice, "
                                           "%u only workshops from their first %d choices, "
                                           "%u a workshop they did not choose.",
                                           k),
                              report->n_first_choice, report->n_participants, report->n_top_k,
                              k, report->n_unranked);
    }
  if (auftakt_solver_result_get_moved_sessions (solution) > 0 ||
      auftakt_solver_result_get_moved_attendances (solution) > 0)
    {
      const char * const *changes = auftakt_solver_result_get_changes (solution);

      g_string_append (summary, " ");
      g_string_append_printf (summary,
                              _("Compared with the previous schedule, %u sessions and %u "
                                "attendances changed."),
                              auftakt_solver_result_get_moved_sessions (solution),
                              auftakt_solver_result_get_moved_attendances (solution));
      for (guint i = 0; changes[i] != NULL && i < 10; i++)
        g_string_append_printf (summary, "\n• %s", changes[i]);
    }
  set_summary (self, summary->str);
}

static void
solve_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (widget);
  AuftaktSolverOptions options;

  if (get_document (self) == NULL || self->cancellable != NULL)
    return;

  auftakt_solver_options_init (&options);
  /* A schedule that exists counts as published: keep its locks and change
   * as little of it as possible. */
  options.published = get_schedule (self);

  self->cancellable = g_cancellable_new ();
  set_solving (self, TRUE);
  set_summary (self, NULL);
  auftakt_solver_solve_async (get_event (self), &options, solve_progress_cb,
                              g_object_ref (self), g_object_unref, self->cancellable,
                              solve_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
move_attendee_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (widget);
  const char *participant, *to;
  g_autoptr(GError) error = NULL;

  g_variant_get (parameter, "(&s&s)", &participant, &to);
  if (!auftakt_timetable_page_move_attendee (self, participant, self->selected_round,
                                             self->selected_workshop, to, &error))
    auftakt_page_show_error (GTK_WIDGET (self), error);
}

static void
placement_changed_cb (AuftaktTimetablePage *self)
{
  GListModel *rooms, *rounds;
  guint room_index, round_index;
  g_autoptr(AuftaktRoom) room = NULL;
  g_autoptr(AuftaktRound) round = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workshop = NULL;
  g_autofree char *from_round = NULL;

  if (self->updating || get_document (self) == NULL || self->selected_workshop == NULL)
    return;

  rooms = G_LIST_MODEL (auftakt_event_get_rooms (get_event (self)));
  rounds = G_LIST_MODEL (auftakt_event_get_rounds (get_event (self)));
  room_index = adw_combo_row_get_selected (self->room_row);
  round_index = adw_combo_row_get_selected (self->round_row);
  if (room_index >= g_list_model_get_n_items (rooms) ||
      round_index >= g_list_model_get_n_items (rounds))
    return;
  room = g_list_model_get_item (rooms, room_index);
  round = g_list_model_get_item (rounds, round_index);
  workshop = g_strdup (self->selected_workshop);
  from_round = g_strdup (self->selected_round);

  if (!auftakt_timetable_page_move_session (self, workshop, from_round,
                                            auftakt_room_get_id (room),
                                            auftakt_round_get_id (round), &error))
    {
      auftakt_page_show_error (GTK_WIDGET (self), error);
      update_details (self);
    }
}

static void
lock_session_cb (AuftaktTimetablePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->selected_workshop == NULL)
    return;
  if (!auftakt_timetable_page_lock (self, self->selected_workshop, self->selected_round, NULL,
                                    gtk_switch_get_active (self->lock_switch), &error))
    auftakt_page_show_error (GTK_WIDGET (self), error);
}

static void
document_set (AuftaktPage *page)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (page);

  /* A search still running works on the old document. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->selected_workshop, g_free);
  g_clear_pointer (&self->selected_round, g_free);
  set_summary (self, NULL);
}

static void
document_changed (AuftaktPage *page)
{
  refresh (AUFTAKT_TIMETABLE_PAGE (page));
}

static void
auftakt_timetable_page_root (GtkWidget *widget)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (widget);

  GTK_WIDGET_CLASS (auftakt_timetable_page_parent_class)->root (widget);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

static void
auftakt_timetable_page_unroot (GtkWidget *widget)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (widget);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (widget),
                                                 GTK_STYLE_PROVIDER (self->css));
  GTK_WIDGET_CLASS (auftakt_timetable_page_parent_class)->unroot (widget);
}

static void
auftakt_timetable_page_dispose (GObject *object)
{
  AuftaktTimetablePage *self = AUFTAKT_TIMETABLE_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  auftakt_page_release_document (AUFTAKT_PAGE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), AUFTAKT_TYPE_TIMETABLE_PAGE);
  g_clear_object (&self->css);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->selected_workshop, g_free);
  g_clear_pointer (&self->selected_round, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (auftakt_timetable_page_parent_class)->dispose (object);
}

static void
auftakt_timetable_page_class_init (AuftaktTimetablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AuftaktPageClass *page_class = AUFTAKT_PAGE_CLASS (klass);

  object_class->dispose = auftakt_timetable_page_dispose;
  widget_class->root = auftakt_timetable_page_root;
  widget_class->unroot = auftakt_timetable_page_unroot;
  page_class->document_set = document_set;
  page_class->document_changed = document_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/auftakt/Auftakt/ui/auftakt-timetable-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, box);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, solve_button);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, flap);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, grid);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, session_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, room_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, round_row);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, lock_switch);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, attendees_list);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, AuftaktTimetablePage, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);

  gtk_widget_class_install_action (widget_class, "timetable.solve", NULL, solve_action);
  gtk_widget_class_install_action (widget_class, "timetable.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "timetable.move-attendee", "(ss)",
                                   move_attendee_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "timetable.solve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timetable.cancel", NULL);
}

static void
auftakt_timetable_page_init (AuftaktTimetablePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->css = gtk_css_provider_new ();
  self->problems = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->room_row, "notify::selected",
                            G_CALLBACK (placement_changed_cb), self);
  g_signal_connect_swapped (self->round_row, "notify::selected",
                            G_CALLBACK (placement_changed_cb), self);
  g_signal_connect_swapped (self->lock_switch, "notify::active",
                            G_CALLBACK (lock_session_cb), self);
  refresh (self);
}

gboolean
auftakt_timetable_page_get_solving (AuftaktTimetablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TIMETABLE_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

const char *
auftakt_timetable_page_get_summary (AuftaktTimetablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TIMETABLE_PAGE (self), NULL);

  return self->summary;
}

void
auftakt_timetable_page_select_session (AuftaktTimetablePage *self,
                                       const char           *workshop,
                                       const char           *round)
{
  g_return_if_fail (AUFTAKT_IS_TIMETABLE_PAGE (self));

  g_free (self->selected_workshop);
  g_free (self->selected_round);
  self->selected_workshop = g_strdup (workshop);
  self->selected_round = g_strdup (round);
  refresh (self);
  if (workshop != NULL)
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

gboolean
auftakt_timetable_page_move_session (AuftaktTimetablePage  *self,
                                     const char            *workshop,
                                     const char            *round,
                                     const char            *to_room,
                                     const char            *to_round,
                                     GError               **error)
{
  Change change = { workshop, round, to_room, to_round };
  g_autofree char *moved_workshop = g_strdup (workshop);
  g_autofree char *moved_round = g_strdup (to_round);

  g_return_val_if_fail (AUFTAKT_IS_TIMETABLE_PAGE (self), FALSE);

  if (!change_schedule (self, _("Move Session"), move_session_change, &change, error))
    return FALSE;
  auftakt_timetable_page_select_session (self, moved_workshop, moved_round);
  return TRUE;
}

gboolean
auftakt_timetable_page_move_attendee (AuftaktTimetablePage  *self,
                                      const char            *participant,
                                      const char            *round,
                                      const char            *from_workshop,
                                      const char            *to_workshop,
                                      GError               **error)
{
  Change change = { from_workshop, round, NULL, NULL, participant, to_workshop };

  g_return_val_if_fail (AUFTAKT_IS_TIMETABLE_PAGE (self), FALSE);

  return change_schedule (self, _("Move Participant"), move_attendee_change, &change, error);
}

gboolean
auftakt_timetable_page_lock (AuftaktTimetablePage  *self,
                             const char            *workshop,
                             const char            *round,
                             const char            *participant,
                             gboolean               locked,
                             GError               **error)
{
  Change change = { workshop, round, NULL, NULL, participant, NULL, locked };

  g_return_val_if_fail (AUFTAKT_IS_TIMETABLE_PAGE (self), FALSE);

  return change_schedule (self, locked ? _("Lock") : _("Unlock"), lock_change, &change, error);
}

GPtrArray *
auftakt_timetable_page_list_problems (AuftaktTimetablePage *self)
{
  g_return_val_if_fail (AUFTAKT_IS_TIMETABLE_PAGE (self), NULL);

  return self->problems;
}
