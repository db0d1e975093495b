/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-print-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "auftakt-print-document.h"
#include "auftakt-export.h"
#include "auftakt-util.h"

/* A printout is built as sections (one per participant, room, referee or
 * session; one for the agenda) of blocks — paragraphs and table rows —
 * which paginate() measures with Pango and places on pages.  A table
 * broken over pages repeats its header under a "continued" line.  A
 * section that must stay on one page (a personal schedule) is scaled
 * down until it fits. */

#define MARGIN_X       51.0   /* 18 mm */
#define MARGIN_TOP     48.0
#define MARGIN_BOTTOM  60.0   /* room for the footer */
#define CELL_PAD_X      4.0
#define CELL_PAD_Y      3.5
#define MIN_SCALE       0.55
#define MIN_FONT_SCALE  0.7   /* of a cell's text with a word too long for it */

typedef enum {
  BLOCK_TEXT,
  BLOCK_ROW,
  BLOCK_END_TABLE,
} BlockType;

typedef enum {
  STYLE_SMALL,
  STYLE_BODY,
  STYLE_HEADING,
  STYLE_TITLE,
  STYLE_SIGN_TITLE,
  STYLE_SIGN,
  STYLE_TABLE_HEADER,
  N_STYLES
} Style;

static const char * const style_fonts[N_STYLES] = {
  [STYLE_SMALL] = "Sans 8.5",
  [STYLE_BODY] = "Sans 9.5",
  [STYLE_HEADING] = "Sans Bold 12",
  [STYLE_TITLE] = "Sans Bold 19",
  [STYLE_SIGN_TITLE] = "Sans Bold 38",
  [STYLE_SIGN] = "Sans 15",
  [STYLE_TABLE_HEADER] = "Sans Bold 8.5",
};

typedef struct {
  BlockType     type;
  Style         style;
  double        space_before;
  double        min_height;
  gboolean      keep_with_next;
  gboolean      header;   /* a table's header row, repeated after a page break */
  gboolean      boxed;    /* cells with borders, as on a form */
  const double *widths;   /* fractions of the width, one per cell */
  guint         n_cells;
  char        **cells;    /* Pango markup */
} Block;

typedef struct {
  GPtrArray *blocks;     /* of Block */
  Block     *continued;  /* heading above a table's continuation, or NULL */
  gboolean   one_page;
} Section;

typedef struct {
  Block  *block;
  double  y;
} Placement;

typedef struct {
  Section *section;
  double   scale;
  GArray  *placements;  /* of Placement */
} Page;

struct _AuftaktPrintDocument
{
  GObject           parent_instance;

  AuftaktEvent     *event;
  AuftaktPrintKind  kind;
  char             *participant;

  PangoFontMap     *font_map;   /* its own: see init() */
  PangoContext     *context;
  PangoLayout      *layout;
  PangoFontDescription *fonts[N_STYLES];
  GHashTable       *layouts;    /* "style|width|markup" → PangoLayout, a cache */

  GPtrArray        *sections;   /* of Section */
  GPtrArray        *pages;      /* of Page */
  AuftaktPrintProgressFunc progress;
  gpointer          progress_data;
  double            width;
  double            height;
  char             *footer;
};

G_DEFINE_FINAL_TYPE (AuftaktPrintDocument, auftakt_print_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (auftakt-print-error-quark, auftakt_print_error)

static const char * const kind_names[] = {
  [AUFTAKT_PRINT_KIND_PARTICIPANTS] = "participants",
  [AUFTAKT_PRINT_KIND_ROOMS] = "rooms",
  [AUFTAKT_PRINT_KIND_REFEREES] = "referees",
  [AUFTAKT_PRINT_KIND_AGENDA] = "agenda",
  [AUFTAKT_PRINT_KIND_ATTENDANCE] = "attendance",
};

static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* GDateWeekday order: Monday is 1 */
static const char * const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"), N_("Sunday"),
};

/* Column widths of the tables, as fractions of the text width. */
static const double workshop_columns[] = { 0.17, 0.33, 0.22, 0.28 };
static const double agenda_columns[] = { 0.16, 0.42, 0.18, 0.24 };
static const double sign_columns[] = { 0.24, 0.76 };
static const double referee_columns[] = { 0.17, 0.43, 0.24, 0.16 };
static const double overview_columns[] = { 0.16, 0.07, 0.55, 0.22 };
static const double workshop_list_columns[] = { 0.38, 0.24, 0.38 };
static const double attendance_columns[] = { 0.06, 0.31, 0.35, 0.28 };

static void
block_free (gpointer data)
{
  Block *block = data;

  g_strfreev (block->cells);
  g_free (block);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_ptr_array_unref (section->blocks);
  g_clear_pointer (&section->continued, block_free);
  g_free (section);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->placements);
  g_free (page);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Building sections */

static Section *
add_section (AuftaktPrintDocument *self,
             gboolean              one_page)
{
  Section *section = g_new0 (Section, 1);

  section->blocks = g_ptr_array_new_with_free_func (block_free);
  section->one_page = one_page;
  g_ptr_array_add (self->sections, section);

  return section;
}

static Block *
new_text (Style       style,
          double      space_before,
          const char *markup)
{
  Block *block = g_new0 (Block, 1);

  block->type = BLOCK_TEXT;
  block->style = style;
  block->space_before = space_before;
  block->n_cells = 1;
  block->cells = g_new0 (char *, 2);
  block->cells[0] = g_strdup (markup);

  return block;
}

static Block *
add_text (Section    *section,
          Style       style,
          double      space_before,
          const char *markup)
{
  Block *block = new_text (style, space_before, markup);

  g_ptr_array_add (section->blocks, block);
  return block;
}

G_GNUC_PRINTF (4, 5)
static Block *
add_textf (Section    *section,
           Style       style,
           double      space_before,
           const char *format,
           ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);

  return add_text (section, style, space_before, markup);
}

static Block *
add_heading (Section    *section,
             double      space_before,
             const char *text)
{
  g_autofree char *markup = escape (text);
  Block *block = add_text (section, STYLE_HEADING, space_before, markup);

  block->keep_with_next = TRUE;
  return block;
}

/* A table row; @cells (markup, taken) has one entry per column. */
static Block *
add_row (Section      *section,
         Style         style,
         const double *widths,
         guint         n_cells,
         char        **cells)
{
  Block *block = g_new0 (Block, 1);

  block->type = BLOCK_ROW;
  block->style = style;
  block->widths = widths;
  block->n_cells = n_cells;
  block->cells = cells;
  g_ptr_array_add (section->blocks, block);

  return block;
}

static Block *
add_header_row (Section      *section,
                const double *widths,
                guint         n_cells,
                ...)
{
  char **cells = g_new0 (char *, n_cells + 1);
  Block *block;
  va_list args;

  va_start (args, n_cells);
  for (guint i = 0; i < n_cells; i++)
    cells[i] = escape (va_arg (args, const char *));
  va_end (args);

  block = add_row (section, STYLE_TABLE_HEADER, widths, n_cells, cells);
  block->header = TRUE;
  return block;
}

static void
end_table (Section *section)
{
  Block *block = g_new0 (Block, 1);

  block->type = BLOCK_END_TABLE;
  block->cells = g_new0 (char *, 1);
  g_ptr_array_add (section->blocks, block);
}

/* @n markup strings, taken; NULL for an empty cell. */
static char **
cells_take (guint n,
            ...)
{
  char **cells = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      char *markup = va_arg (args, char *);

      cells[i] = markup != NULL ? markup : g_strdup ("");
    }
  va_end (args);

  return cells;
}

/* Formatting */

char *
auftakt_print_format_date (const char *date)
{
  int year, month, day;
  GDate *gdate;
  GDateWeekday weekday;

  if (!auftakt_export_parse_date (date, &year, &month, &day))
    return NULL;

  gdate = g_date_new_dmy (day, month, year);
  weekday = g_date_get_weekday (gdate);
  g_date_free (gdate);

  /* Translators: weekday, day, month, year: "Thursday, 15 March 2018";
   * in German "%1$s, %2$d. %3$s %4$d" */
  return g_strdup_printf (_("%1$s, %2$d %3$s %4$d"),
                          g_dgettext (GETTEXT_PACKAGE, weekday_names[weekday - 1]), day,
                          g_dgettext (GETTEXT_PACKAGE, month_names[month - 1]), year);
}

char *
auftakt_print_format_time_range (int start,
                                 int end)
{
  if (start < 0 || end < 0)
    return NULL;

  /* Translators: a time range, "11:00–12:15"; in German "%s–%s Uhr" */
  return g_strdup_printf (_("%02d:%02d–%02d:%02d"), start / 60, start % 60, end / 60, end % 60);
}

static char *
time_range (int start,
            int end)
{
  char *text = auftakt_print_format_time_range (start, end);

  return text != NULL ? text : g_strdup ("");
}

static const char *
room_name (AuftaktEvent *event,
           const char   *room_id)
{
  AuftaktRoom *room = room_id != NULL ? auftakt_event_find_room (event, room_id) : NULL;

  if (room != NULL && !is_empty (auftakt_room_get_name (room)))
    return auftakt_room_get_name (room);

  return room_id != NULL ? room_id : "";
}

static const char *
workshop_title (AuftaktEvent *event,
                const char   *workshop_id)
{
  AuftaktWorkshop *workshop = auftakt_event_find_workshop (event, workshop_id);

  if (workshop != NULL && !is_empty (auftakt_workshop_get_title (workshop)))
    return auftakt_workshop_get_title (workshop);

  return workshop_id;
}

static const char *
round_title (AuftaktRound *round)
{
  return !is_empty (auftakt_round_get_title (round)) ? auftakt_round_get_title (round)
                                                     : auftakt_round_get_id (round);
}

static char *
session_time (AuftaktEvent   *event,
              AuftaktSession *session)
{
  AuftaktRound *round = auftakt_event_find_round (event, auftakt_session_get_round (session));

  if (round == NULL)
    return g_strdup ("");

  return time_range (auftakt_round_get_start (round), auftakt_round_get_end (round));
}

static char *
session_leads (AuftaktEvent   *event,
               AuftaktSession *session)
{
  AuftaktWorkshop *workshop = auftakt_event_find_workshop (event,
                                                           auftakt_session_get_workshop (session));

  if (workshop == NULL)
    return g_strdup ("");

  return auftakt_export_referee_names (event, auftakt_workshop_get_leads (workshop));
}

static int
compare_items_by_time (gconstpointer a,
                       gconstpointer b)
{
  AuftaktAgendaItem *x = *(AuftaktAgendaItem **) a;
  AuftaktAgendaItem *y = *(AuftaktAgendaItem **) b;
  guint sx = (guint) auftakt_agenda_item_get_start (x);  /* unset (-1) sorts last */
  guint sy = (guint) auftakt_agenda_item_get_start (y);

  return sx < sy ? -1 : sx > sy;
}

/* The agenda items in time order (items without a time last). */
static GPtrArray *
agenda_sorted (AuftaktEvent *event)
{
  GListModel *agenda = G_LIST_MODEL (auftakt_event_get_agenda (event));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    g_ptr_array_add (items, g_list_model_get_item (agenda, i));
  /* a stable sort: items at the same time keep their order */
  g_ptr_array_sort (items, compare_items_by_time);

  return items;
}

/* "Event · date · venue" above every section. */
static void
add_running_head (AuftaktPrintDocument *self,
                  Section              *section)
{
  AuftaktEvent *event = self->event;
  g_autofree char *date = auftakt_print_format_date (auftakt_event_get_date (event));
  g_autoptr(GString) text = g_string_new (auftakt_event_get_title (event));
  g_autofree char *markup = NULL;

  if (date != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", date);
  if (!is_empty (auftakt_event_get_venue (event)))
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "",
                            auftakt_event_get_venue (event));

  markup = g_markup_printf_escaped ("<span foreground=\"#555555\">%s</span>", text->str);
  add_text (section, STYLE_SMALL, 0, markup);
}

/* participants: a personal schedule each */

static void
build_participant (AuftaktPrintDocument *self,
                   AuftaktParticipant   *participant,
                   GPtrArray            *sessions)
{
  AuftaktEvent *event = self->event;
  g_autoptr(GPtrArray) agenda = agenda_sorted (event);
  Section *section = add_section (self, TRUE);
  const char *name = auftakt_participant_get_name (participant);

  add_running_head (self, section);
  add_textf (section, STYLE_BODY, 14, "<span foreground=\"#555555\">%s</span>",
             _("Personal schedule"));
  add_textf (section, STYLE_TITLE, 2, "%s",
             !is_empty (name) ? name : auftakt_participant_get_id (participant));
  if (!is_empty (auftakt_participant_get_organisation (participant)))
    add_textf (section, STYLE_BODY, 2, "<span foreground=\"#444444\">%s</span>",
               auftakt_participant_get_organisation (participant));

  add_heading (section, 18, _("Your workshops"));
  if (sessions == NULL || sessions->len == 0)
    add_textf (section, STYLE_BODY, 4, "%s", _("No workshop has been assigned to you yet."));
  else
    {
      add_header_row (section, workshop_columns, 4, _("Time"), _("Workshop"), _("Room"),
                      _("Led by"));
      for (guint i = 0; i < sessions->len; i++)
        {
          AuftaktSession *session = g_ptr_array_index (sessions, i);
          AuftaktRound *round = auftakt_event_find_round (event,
                                                          auftakt_session_get_round (session));
          g_autofree char *time = session_time (event, session);
          g_autofree char *leads = session_leads (event, session);

          add_row (section, STYLE_BODY, workshop_columns, 4, cells_take (4,
            g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" foreground=\"#555555\">"
                                     "%s</span>", time,
                                     round != NULL ? round_title (round) : ""),
            g_markup_printf_escaped ("<b>%s</b>", workshop_title (
                                       event, auftakt_session_get_workshop (session))),
            escape (room_name (event, auftakt_session_get_room (session))),
            escape (leads)));
        }
      end_table (section);
    }

  if (agenda->len == 0)
    return;

  add_heading (section, 20, _("Programme of the day"));
  add_header_row (section, agenda_columns, 4, _("Time"), _("Item"), _("Room"), _("Speakers"));

  for (guint i = 0; i < agenda->len; i++)
    {
      AuftaktAgendaItem *item = g_ptr_array_index (agenda, i);
      g_autofree char *time = time_range (auftakt_agenda_item_get_start (item),
                                          auftakt_agenda_item_get_end (item));
      g_autofree char *speakers =
        auftakt_export_referee_names (event, auftakt_agenda_item_get_speakers (item));
      const char *round = auftakt_agenda_item_get_round (item);
      AuftaktSession *mine = NULL;
      char **cells;

      if (auftakt_agenda_item_get_kind (item) == AUFTAKT_AGENDA_KIND_WORKSHOPS && round != NULL)
        for (guint j = 0; sessions != NULL && j < sessions->len && mine == NULL; j++)
          if (g_strcmp0 (auftakt_session_get_round (g_ptr_array_index (sessions, j)), round) == 0)
            mine = g_ptr_array_index (sessions, j);

      if (mine != NULL)
        {
          g_autofree char *leads = session_leads (event, mine);

          /* the round becomes the participant's own workshop */
          cells = cells_take (4, escape (time),
            g_markup_printf_escaped (
              "<b>%s</b>\n<span size=\"small\" foreground=\"#555555\">%s</span>",
              workshop_title (event, auftakt_session_get_workshop (mine)),
              auftakt_agenda_item_get_title (item) != NULL ? auftakt_agenda_item_get_title (item)
                                                           : ""),
            g_markup_printf_escaped ("<b>%s</b>",
                                     room_name (event, auftakt_session_get_room (mine))),
            escape (leads));
        }
      else
        cells = cells_take (4, escape (time), escape (auftakt_agenda_item_get_title (item)),
                            escape (room_name (event, auftakt_agenda_item_get_room (item))),
                            escape (speakers));
      add_row (section, STYLE_BODY, agenda_columns, 4, cells);
    }
  end_table (section);
}

static gboolean
build_participants (AuftaktPrintDocument  *self,
                    GError               **error)
{
  AuftaktEvent *event = self->event;
  GListModel *participants = G_LIST_MODEL (auftakt_event_get_participants (event));
  g_autoptr(GHashTable) by_participant = NULL;

  if (auftakt_event_get_schedule (event) == NULL)
    {
      g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_NO_SCHEDULE,
                   _("the event %s has no schedule yet"), auftakt_event_get_id (event));
      return FALSE;
    }

  by_participant = auftakt_export_sessions_by_participant (event);

  if (self->participant != NULL)
    {
      AuftaktParticipant *participant = auftakt_event_find_participant (event, self->participant);

      if (participant == NULL)
        {
          g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_NO_PARTICIPANT,
                       _("the event %s has no participant %s"),
                       auftakt_event_get_id (event), self->participant);
          return FALSE;
        }
      build_participant (self, participant,
                         g_hash_table_lookup (by_participant, self->participant));
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      g_autoptr(AuftaktParticipant) participant = g_list_model_get_item (participants, i);

      build_participant (self, participant,
                         g_hash_table_lookup (by_participant,
                                              auftakt_participant_get_id (participant)));
    }

  return TRUE;
}

/* rooms: a door sign each */

static char *
sign_entry (const char *title,
            const char *detail)
{
  if (is_empty (detail))
    return g_markup_printf_escaped ("<b>%s</b>", title);

  return g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" foreground=\"#444444\">%s"
                                  "</span>", title, detail);
}

static void
build_rooms (AuftaktPrintDocument *self)
{
  AuftaktEvent *event = self->event;
  GListModel *rooms = G_LIST_MODEL (auftakt_event_get_rooms (event));
  g_autoptr(GArray) timetable = auftakt_export_timetable (event, NULL);

  for (guint r = 0; r < g_list_model_get_n_items (rooms); r++)
    {
      g_autoptr(AuftaktRoom) room = g_list_model_get_item (rooms, r);
      const char *id = auftakt_room_get_id (room);
      Section *section = NULL;

      for (guint i = 0; i < timetable->len; i++)
        {
          AuftaktTimetableEntry *entry = &g_array_index (timetable, AuftaktTimetableEntry, i);
          g_autofree char *time = time_range (entry->start, entry->end);
          g_autofree char *detail = NULL;
          char *what;
          Block *row;

          if (entry->item != NULL)
            {
              g_autofree char *speakers =
                auftakt_export_referee_names (event,
                                              auftakt_agenda_item_get_speakers (entry->item));

              if (g_strcmp0 (auftakt_agenda_item_get_room (entry->item), id) != 0)
                continue;
              what = sign_entry (auftakt_agenda_item_get_title (entry->item) != NULL ?
                                 auftakt_agenda_item_get_title (entry->item) : "", speakers);
            }
          else
            {
              g_autofree char *leads = session_leads (event, entry->session);

              if (g_strcmp0 (auftakt_session_get_room (entry->session), id) != 0)
                continue;
              /* Translators: under a workshop's title on a door sign */
              detail = leads[0] != '\0' ? g_strdup_printf (_("Workshop · led by %s"), leads)
                                        : g_strdup (_("Workshop"));
              what = sign_entry (workshop_title (event,
                                                 auftakt_session_get_workshop (entry->session)),
                                 detail);
            }

          if (section == NULL)
            {
              section = add_section (self, TRUE);
              add_running_head (self, section);
              add_textf (section, STYLE_SIGN_TITLE, 24, "%s", room_name (event, id));
              add_text (section, STYLE_BODY, 30, "");
            }
          row = add_row (section, STYLE_SIGN, sign_columns, 2,
                         cells_take (2, escape (time), what));
          row->min_height = 54;
        }
      if (section != NULL)
        end_table (section);
    }
}

/* referees: what each referee leads or speaks at */

static void
build_referees (AuftaktPrintDocument *self)
{
  AuftaktEvent *event = self->event;
  GListModel *referees = G_LIST_MODEL (auftakt_event_get_referees (event));
  g_autoptr(GArray) timetable = auftakt_export_timetable (event, NULL);

  for (guint r = 0; r < g_list_model_get_n_items (referees); r++)
    {
      g_autoptr(AuftaktReferee) referee = g_list_model_get_item (referees, r);
      const char *id = auftakt_referee_get_id (referee);
      g_autoptr(GPtrArray) own = g_ptr_array_new ();
      g_autoptr(GString) about = g_string_new (NULL);
      Section *section;

      for (guint i = 0; i < timetable->len; i++)
        {
          AuftaktTimetableEntry *entry = &g_array_index (timetable, AuftaktTimetableEntry, i);
          AuftaktWorkshop *workshop = NULL;

          if (entry->item != NULL &&
              auftakt_strv_contains (auftakt_agenda_item_get_speakers (entry->item), id))
            g_ptr_array_add (own, entry);
          if (entry->session != NULL)
            workshop = auftakt_event_find_workshop (event,
                                                    auftakt_session_get_workshop (entry->session));
          if (workshop != NULL && auftakt_strv_contains (auftakt_workshop_get_leads (workshop), id))
            g_ptr_array_add (own, entry);
        }
      if (own->len == 0)
        continue;

      section = add_section (self, FALSE);
      add_running_head (self, section);
      add_textf (section, STYLE_TITLE, 8, "%s",
                 !is_empty (auftakt_referee_get_name (referee)) ? auftakt_referee_get_name (referee)
                                                                : id);
      if (!is_empty (auftakt_referee_get_role (referee)))
        g_string_append (about, auftakt_referee_get_role (referee));
      if (!is_empty (auftakt_referee_get_organisation (referee)))
        g_string_append_printf (about, "%s%s", about->len > 0 ? ", " : "",
                                auftakt_referee_get_organisation (referee));
      if (about->len > 0)
        add_textf (section, STYLE_BODY, 2, "<span foreground=\"#444444\">%s</span>", about->str);

      add_heading (section, 18, _("Your sessions"));
      add_header_row (section, referee_columns, 4, _("Time"), _("Session"), _("Room"),
                      _("Participants"));
      for (guint i = 0; i < own->len; i++)
        {
          AuftaktTimetableEntry *entry = g_ptr_array_index (own, i);
          g_autofree char *time = time_range (entry->start, entry->end);

          if (entry->item != NULL)
            add_row (section, STYLE_BODY, referee_columns, 4, cells_take (4,
              escape (time),
              g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" foreground=\"#555555\">"
                                       "%s</span>",
                                       auftakt_agenda_item_get_title (entry->item) != NULL ?
                                       auftakt_agenda_item_get_title (entry->item) : "",
                                       auftakt_agenda_kind_get_label (
                                         auftakt_agenda_item_get_kind (entry->item))),
              escape (room_name (event, auftakt_agenda_item_get_room (entry->item))),
              escape (_("Plenary"))));
          else
            add_row (section, STYLE_BODY, referee_columns, 4, cells_take (4,
              escape (time),
              g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" foreground=\"#555555\">"
                                       "%s</span>",
                                       workshop_title (
                                         event, auftakt_session_get_workshop (entry->session)),
                                       _("Workshop")),
              escape (room_name (event, auftakt_session_get_room (entry->session))),
              g_strdup_printf ("%u", auftakt_session_get_n_attendees (entry->session))));
        }
      end_table (section);

      /* who is coming, so that the referee can prepare */
      for (guint i = 0; i < own->len; i++)
        {
          AuftaktTimetableEntry *entry = g_ptr_array_index (own, i);
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *time = NULL;
          g_autofree char *heading = NULL;
          guint n;

          if (entry->session == NULL)
            continue;
          n = auftakt_session_get_n_attendees (entry->session);
          for (guint j = 0; j < n; j++)
            {
              const char *pid = auftakt_session_get_attendance (entry->session, j)->participant;
              AuftaktParticipant *p = auftakt_event_find_participant (event, pid);
              const char *name = p != NULL ? auftakt_participant_get_name (p) : NULL;

              g_string_append_printf (names, "%s%s", j > 0 ? " · " : "",
                                      !is_empty (name) ? name : pid);
            }
          time = time_range (entry->start, entry->end);
          heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s: %u participant",
                                                  "%s, %s: %u participants", n),
                                     workshop_title (event,
                                                     auftakt_session_get_workshop (entry->session)),
                                     time, n);
          add_textf (section, STYLE_BODY, 14, "<b>%s</b>", heading)->keep_with_next = TRUE;
          if (names->len > 0)
            add_textf (section, STYLE_SMALL, 3, "%s", names->str);
        }
    }
}

/* agenda: the day at a glance */

static void
build_agenda (AuftaktPrintDocument *self)
{
  AuftaktEvent *event = self->event;
  AuftaktSchedule *schedule = auftakt_event_get_schedule (event);
  GListModel *workshops = G_LIST_MODEL (auftakt_event_get_workshops (event));
  g_autoptr(GPtrArray) agenda = agenda_sorted (event);
  g_autofree char *date = auftakt_print_format_date (auftakt_event_get_date (event));
  g_autoptr(GString) when = g_string_new (date);
  Section *section = add_section (self, FALSE);

  add_textf (section, STYLE_TITLE, 0, "%s", auftakt_event_get_title (event) != NULL ?
                                             auftakt_event_get_title (event) :
                                             auftakt_event_get_id (event));
  if (!is_empty (auftakt_event_get_venue (event)))
    g_string_append_printf (when, "%s%s", when->len > 0 ? " · " : "",
                            auftakt_event_get_venue (event));
  if (when->len > 0)
    add_textf (section, STYLE_BODY, 4, "<b>%s</b>", when->str);
  if (!is_empty (auftakt_event_get_description (event)))
    add_textf (section, STYLE_BODY, 10, "%s", auftakt_event_get_description (event));

  if (agenda->len > 0)
    {
      add_heading (section, 20, _("Agenda"));
      add_header_row (section, overview_columns, 4, _("Time"), _("No."), _("Item"), _("Room"));
    }
  for (guint i = 0; i < agenda->len; i++)
    {
      AuftaktAgendaItem *item = g_ptr_array_index (agenda, i);
      g_autofree char *time = time_range (auftakt_agenda_item_get_start (item),
                                          auftakt_agenda_item_get_end (item));
      g_autofree char *speakers =
        auftakt_export_referee_names (event, auftakt_agenda_item_get_speakers (item));
      const char *round = auftakt_agenda_item_get_round (item);
      g_autoptr(GString) what = g_string_new (NULL);
      g_autofree char *title = escape (auftakt_agenda_item_get_title (item));

      g_string_append_printf (what, "<b>%s</b>", title);
      if (speakers[0] != '\0')
        {
          g_autofree char *s = escape (speakers);

          g_string_append_printf (what, "\n<span size=\"small\">%s</span>", s);
        }
      if (auftakt_agenda_item_get_kind (item) == AUFTAKT_AGENDA_KIND_WORKSHOPS &&
          round != NULL && schedule != NULL)
        for (guint j = 0; j < auftakt_schedule_get_n_sessions (schedule); j++)
          {
            AuftaktSession *session = auftakt_schedule_get_session (schedule, j);
            g_autofree char *leads = NULL;
            g_autofree char *line = NULL;

            if (g_strcmp0 (auftakt_session_get_round (session), round) != 0)
              continue;
            leads = session_leads (event, session);
            line = g_markup_printf_escaped ("\n<span size=\"small\">• %s — %s%s%s</span>",
                                            workshop_title (event,
                                                            auftakt_session_get_workshop (session)),
                                            room_name (event, auftakt_session_get_room (session)),
                                            leads[0] != '\0' ? " — " : "", leads);
            g_string_append (what, line);
          }

      add_row (section, STYLE_BODY, overview_columns, 4, cells_take (4,
        escape (time), escape (auftakt_agenda_item_get_number (item)),
        g_string_free (g_steal_pointer (&what), FALSE),
        escape (room_name (event, auftakt_agenda_item_get_room (item)))));
    }
  if (agenda->len > 0)
    end_table (section);

  if (g_list_model_get_n_items (workshops) == 0)
    return;

  add_heading (section, 22, _("Workshops"));
  add_header_row (section, workshop_list_columns, 3, _("Workshop"), _("Led by"), _("Sessions"));
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(AuftaktWorkshop) workshop = g_list_model_get_item (workshops, i);
      g_autofree char *leads =
        auftakt_export_referee_names (event, auftakt_workshop_get_leads (workshop));
      AuftaktCluster *cluster = auftakt_workshop_get_cluster (workshop) != NULL ?
        auftakt_event_find_cluster (event, auftakt_workshop_get_cluster (workshop)) : NULL;
      g_autoptr(GString) what = g_string_new (NULL);
      g_autoptr(GString) runs = g_string_new (NULL);
      g_autofree char *title = escape (workshop_title (event, auftakt_workshop_get_id (workshop)));

      g_string_append_printf (what, "<b>%s</b>", title);
      if (cluster != NULL && !is_empty (auftakt_cluster_get_title (cluster)))
        {
          g_autofree char *c = escape (auftakt_cluster_get_title (cluster));

          g_string_append_printf (what, "\n<span size=\"small\" foreground=\"#555555\">%s</span>",
                                  c);
        }
      if (!is_empty (auftakt_workshop_get_description (workshop)))
        {
          g_autofree char *d = escape (auftakt_workshop_get_description (workshop));

          g_string_append_printf (what, "\n<span size=\"small\">%s</span>", d);
        }

      for (guint j = 0; schedule != NULL && j < auftakt_schedule_get_n_sessions (schedule); j++)
        {
          AuftaktSession *session = auftakt_schedule_get_session (schedule, j);
          g_autofree char *time = NULL;
          g_autofree char *line = NULL;
          guint n;

          if (g_strcmp0 (auftakt_session_get_workshop (session),
                         auftakt_workshop_get_id (workshop)) != 0)
            continue;
          time = session_time (event, session);
          n = auftakt_session_get_n_attendees (session);
          line = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "%s, %s (%u participant)",
                                                       "%s, %s (%u participants)", n),
                                          time,
                                          room_name (event, auftakt_session_get_room (session)),
                                          n);
          g_string_append_printf (runs, "%s%s", runs->len > 0 ? "\n" : "", line);
        }

      add_row (section, STYLE_BODY, workshop_list_columns, 3, cells_take (3,
        g_string_free (g_steal_pointer (&what), FALSE), escape (leads),
        g_string_free (g_steal_pointer (&runs), FALSE)));
    }
  end_table (section);
}

/* attendance: a list to sign per session */

typedef struct {
  char       *key;
  const char *name;
  const char *organisation;
} Attendee;

/* Lists to sign are sorted by family name: the last word of the name
 * (good enough for "Dr. Anna von Berg" and "Jörg Müller-Lüdenscheidt"),
 * then the whole name. */
static char *
sort_key (const char *name)
{
  const char *last = strrchr (name, ' ');
  g_autofree char *sortable = g_strdup_printf ("%s\x01%s", last != NULL ? last + 1 : name, name);

  return g_utf8_collate_key (sortable, -1);
}

static int
compare_attendees (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (((const Attendee *) a)->key, ((const Attendee *) b)->key);
}

static void
build_attendance (AuftaktPrintDocument *self)
{
  AuftaktEvent *event = self->event;
  g_autoptr(GArray) timetable = auftakt_export_timetable (event, NULL);

  for (guint i = 0; i < timetable->len; i++)
    {
      AuftaktTimetableEntry *entry = &g_array_index (timetable, AuftaktTimetableEntry, i);
      AuftaktSession *session = entry->session;
      AuftaktRound *round;
      g_autofree char *time = NULL;
      g_autofree char *leads = NULL;
      g_autofree char *continued = NULL;
      g_autoptr(GArray) people = NULL;
      g_autoptr(GString) where = g_string_new (NULL);
      const char *title;
      Section *section;
      guint n;

      if (session == NULL)
        continue;

      round = auftakt_event_find_round (event, auftakt_session_get_round (session));
      title = workshop_title (event, auftakt_session_get_workshop (session));
      time = time_range (entry->start, entry->end);
      leads = session_leads (event, session);

      section = add_section (self, FALSE);
      add_running_head (self, section);
      add_textf (section, STYLE_TITLE, 8, "%s", _("Attendance list"));
      add_textf (section, STYLE_HEADING, 4, "%s", title);
      if (round != NULL)
        g_string_append (where, round_title (round));
      if (time[0] != '\0')
        g_string_append_printf (where, "%s%s", where->len > 0 ? " · " : "", time);
      g_string_append_printf (where, "%s%s", where->len > 0 ? " · " : "",
                              room_name (event, auftakt_session_get_room (session)));
      add_textf (section, STYLE_BODY, 3, "%s", where->str);
      if (leads[0] != '\0')
        {
          g_autofree char *led = g_strdup_printf (_("Led by %s"), leads);

          add_textf (section, STYLE_BODY, 2, "%s", led);
        }

      /* Translators: above the rest of an attendance list on its next page */
      continued = g_markup_printf_escaped ("%s – %s, %s (%s)", _("Attendance list"), title, time,
                                           _("continued"));
      section->continued = new_text (STYLE_BODY, 0, continued);

      n = auftakt_session_get_n_attendees (session);
      people = g_array_sized_new (FALSE, TRUE, sizeof (Attendee), n);
      for (guint j = 0; j < n; j++)
        {
          const char *pid = auftakt_session_get_attendance (session, j)->participant;
          AuftaktParticipant *p = auftakt_event_find_participant (event, pid);
          Attendee a = { NULL, pid, NULL };

          if (p != NULL && !is_empty (auftakt_participant_get_name (p)))
            a.name = auftakt_participant_get_name (p);
          if (p != NULL)
            a.organisation = auftakt_participant_get_organisation (p);
          a.key = sort_key (a.name);
          g_array_append_val (people, a);
        }
      g_array_sort (people, compare_attendees);

      add_header_row (section, attendance_columns, 4, _("No."), _("Name"), _("Organisation"),
                      _("Signature"))->space_before = 14;
      /* three empty lines for those who come unannounced */
      for (guint j = 0; j < n + 3; j++)
        {
          Attendee *a = j < n ? &g_array_index (people, Attendee, j) : NULL;
          Block *row = add_row (section, STYLE_BODY, attendance_columns, 4, cells_take (4,
            g_strdup_printf ("%u", j + 1),
            a != NULL ? escape (a->name) : NULL,
            a != NULL ? escape (a->organisation) : NULL,
            NULL));

          row->boxed = TRUE;
          row->min_height = 25;
          if (a != NULL)
            g_free (a->key);
        }
      end_table (section);
    }
}

/* Measuring and placing */

/* Lines are broken between words only, so that a long German compound
 * ("Straßenverkehrsbehörde") in a narrow column is not cut at a random
 * letter: a word wider than its column makes the whole cell smaller, down
 * to MIN_FONT_SCALE of its size.  A word too long even then is broken
 * between letters (with a hyphen) at the normal size, where its pieces are
 * longest. */
static void
fit_words (PangoLayout                *layout,
           const PangoFontDescription *font,
           int                         width)
{
  g_autoptr(PangoFontDescription) smaller = NULL;
  PangoRectangle logical;
  double scale = 1;

  pango_layout_get_extents (layout, NULL, &logical);
  if (logical.width <= width)
    return;

  smaller = pango_font_description_copy (font);
  /* Metrics are not hinted, so widths shrink with the size; but the
   * breaks may move: a few tries. */
  for (guint i = 0; i < 4 && logical.width > width && scale > MIN_FONT_SCALE; i++)
    {
      scale = MAX (MIN_FONT_SCALE, scale * width / logical.width * 0.995);
      pango_font_description_set_size (smaller, (int) (pango_font_description_get_size (font) *
                                                       scale));
      pango_layout_set_font_description (layout, smaller);
      pango_layout_get_extents (layout, NULL, &logical);
    }
  if (logical.width > width)
    {
      pango_layout_set_font_description (layout, font);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
}

/* A layout of @markup, shared: thousands of personal schedules repeat the
 * same agenda rows, and shaping them once saves most of the time. */
static PangoLayout *
get_layout (AuftaktPrintDocument *self,
            Style                 style,
            double                width,
            const char           *markup)
{
  int pango_width = MAX (1, (int) (width * PANGO_SCALE));
  g_autofree char *key = g_strdup_printf ("%d|%d|%s", style, pango_width, markup);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout != NULL)
    return layout;

  /* bounded: what repeats comes back soon enough */
  if (g_hash_table_size (self->layouts) >= 4096)
    g_hash_table_remove_all (self->layouts);

  layout = pango_layout_new (self->context);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_width (layout, pango_width);
  pango_layout_set_markup (layout, markup, -1);
  fit_words (layout, self->fonts[style], pango_width);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);

  return layout;
}

static double
measure_cell (AuftaktPrintDocument *self,
              Style                 style,
              double                width,
              const char           *markup)
{
  int height;

  pango_layout_get_size (get_layout (self, style, width, markup), NULL, &height);

  return (double) height / PANGO_SCALE;
}

static double
measure_block (AuftaktPrintDocument *self,
               Block                *block,
               double                width)
{
  double height = 0;

  switch (block->type)
    {
    case BLOCK_TEXT:
      return block->cells[0][0] != '\0' ? measure_cell (self, block->style, width, block->cells[0])
                                        : 0;
    case BLOCK_ROW:
      for (guint i = 0; i < block->n_cells; i++)
        {
          /* measured once: MAX () would lay out the tallest cell twice */
          double cell = measure_cell (self, block->style,
                                      block->widths[i] * width - 2 * CELL_PAD_X, block->cells[i]);

          height = MAX (height, cell);
        }
      return MAX (height + 2 * CELL_PAD_Y, block->min_height);
    case BLOCK_END_TABLE:
    default:
      return 0;
    }
}

static Page *
new_page (Section *section,
          double   scale)
{
  Page *page = g_new0 (Page, 1);

  page->section = section;
  page->scale = scale;
  page->placements = g_array_new (FALSE, FALSE, sizeof (Placement));

  return page;
}

static void
place (Page   *page,
       Block  *block,
       double  y)
{
  Placement placement = { block, y };

  g_array_append_val (page->placements, placement);
}

/* Lays @section out on pages of @width × @height (in the section's own,
 * possibly scaled, units). */
static GPtrArray *
layout_section (AuftaktPrintDocument *self,
                Section              *section,
                double                width,
                double                height,
                double                scale)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (page_free);
  Page *page = new_page (section, scale);
  Block *header = NULL;
  double y = 0;
  gboolean fresh = TRUE;  /* nothing but repeated headings on the page yet */

  g_ptr_array_add (pages, page);

  for (guint i = 0; i < section->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (section->blocks, i);
      double h, needed, space;

      if (block->type == BLOCK_END_TABLE)
        {
          header = NULL;
          continue;
        }

      h = measure_block (self, block, width);
      space = fresh ? 0 : block->space_before;
      needed = space + h;

      /* a heading goes with what follows it, a header row with its first row */
      for (guint j = i; j + 1 < section->blocks->len; j++)
        {
          Block *current = g_ptr_array_index (section->blocks, j);
          Block *next = g_ptr_array_index (section->blocks, j + 1);

          if (!current->keep_with_next && !current->header)
            break;
          if (next->type == BLOCK_END_TABLE)
            break;
          needed += next->space_before + measure_block (self, next, width);
        }

      if (y + needed > height && !fresh)
        {
          page = new_page (section, scale);
          g_ptr_array_add (pages, page);
          y = 0;
          space = 0;

          if (header != NULL && block->type == BLOCK_ROW && !block->header)
            {
              if (section->continued != NULL)
                {
                  place (page, section->continued, y);
                  y += measure_block (self, section->continued, width) + 6;
                }
              place (page, header, y);
              y += measure_block (self, header, width);
            }
        }

      place (page, block, y + space);
      y += space + h;
      fresh = FALSE;
      if (block->header)
        header = block;
    }

  return pages;
}

/* Drawing */

static void
draw_markup (AuftaktPrintDocument *self,
             cairo_t              *cr,
             Style                 style,
             double                x,
             double                y,
             double                width,
             const char           *markup,
             PangoAlignment        alignment)
{
  PangoLayout *layout = self->layout;

  if (alignment == PANGO_ALIGN_LEFT)
    layout = get_layout (self, style, width, markup);
  else
    {
      pango_layout_set_font_description (layout, self->fonts[style]);
      pango_layout_set_width (layout, MAX (1, (int) (width * PANGO_SCALE)));
      pango_layout_set_alignment (layout, alignment);
      pango_layout_set_markup (layout, markup, -1);
    }
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_block (AuftaktPrintDocument *self,
            cairo_t              *cr,
            Block                *block,
            double                y,
            double                width)
{
  double height = measure_block (self, block, width);
  double x = 0;

  if (block->type == BLOCK_TEXT)
    {
      draw_markup (self, cr, block->style, 0, y, width, block->cells[0], PANGO_ALIGN_LEFT);
      return;
    }

  if (block->header)
    {
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_rectangle (cr, 0, y, width, height);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < block->n_cells; i++)
    {
      double cell_width = block->widths[i] * width;

      draw_markup (self, cr, block->style, x + CELL_PAD_X, y + CELL_PAD_Y,
                   cell_width - 2 * CELL_PAD_X, block->cells[i], PANGO_ALIGN_LEFT);
      if (block->boxed)
        {
          cairo_set_line_width (cr, 0.6);
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          cairo_rectangle (cr, x, y, cell_width, height);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      x += cell_width;
    }

  if (!block->boxed)
    {
      cairo_set_line_width (cr, block->header ? 0.8 : 0.4);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_move_to (cr, 0, y + height);
      cairo_line_to (cr, width, y + height);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
}

/* GObject */

static void
auftakt_print_document_finalize (GObject *object)
{
  AuftaktPrintDocument *self = (AuftaktPrintDocument *) object;

  g_clear_object (&self->event);
  g_clear_pointer (&self->participant, g_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->footer, g_free);

  G_OBJECT_CLASS (auftakt_print_document_parent_class)->finalize (object);
}

static void
auftakt_print_document_class_init (AuftaktPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_print_document_finalize;
}

static void
auftakt_print_document_init (AuftaktPrintDocument *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* A font map of its own, not the thread's default: the window lays out
   * a printout in a worker thread, and the default font map of the thread
   * that creates the document is GTK's.  A PangoFcFontMap's caches have
   * no lock, so measuring in the worker while GTK measures its labels
   * corrupted them ("corrupted double-linked list detected").  The
   * document's Pango objects are used by one thread at a time. */
  self->font_map = pango_cairo_font_map_new ();
  /* the same metrics whatever the output: measured heights are drawn heights */
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->layout = pango_layout_new (self->context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (style_fonts[i]);

  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->pages = g_ptr_array_new_with_free_func (page_free);
}

/* Public API */

const char *
auftakt_print_kind_to_string (AuftaktPrintKind kind)
{
  g_return_val_if_fail (kind <= AUFTAKT_PRINT_KIND_LAST, NULL);

  return kind_names[kind];
}

gboolean
auftakt_print_kind_from_string (const char       *text,
                                AuftaktPrintKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

AuftaktPrintDocument *
auftakt_print_document_new (AuftaktEvent     *event,
                            AuftaktPrintKind  kind)
{
  AuftaktPrintDocument *self;

  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);
  g_return_val_if_fail (kind <= AUFTAKT_PRINT_KIND_LAST, NULL);

  self = g_object_new (AUFTAKT_TYPE_PRINT_DOCUMENT, NULL);
  self->event = g_object_ref (event);
  self->kind = kind;

  return self;
}

AuftaktPrintKind
auftakt_print_document_get_kind (AuftaktPrintDocument *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PRINT_DOCUMENT (self), AUFTAKT_PRINT_KIND_PARTICIPANTS);

  return self->kind;
}

void
auftakt_print_document_set_participant (AuftaktPrintDocument *self,
                                        const char           *participant_id)
{
  g_return_if_fail (AUFTAKT_IS_PRINT_DOCUMENT (self));

  g_free (self->participant);
  self->participant = g_strdup (participant_id);
}

gboolean
auftakt_print_document_paginate (AuftaktPrintDocument  *self,
                                 double                 width,
                                 double                 height,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  AuftaktEvent *event;
  g_autofree char *date = NULL;
  double content_width = width - 2 * MARGIN_X;
  double content_height = height - MARGIN_TOP - MARGIN_BOTTOM;

  g_return_val_if_fail (AUFTAKT_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (width > 2 * MARGIN_X && height > MARGIN_TOP + MARGIN_BOTTOM, FALSE);

  event = self->event;
  g_ptr_array_set_size (self->sections, 0);
  g_ptr_array_set_size (self->pages, 0);
  self->width = width;
  self->height = height;

  date = auftakt_print_format_date (auftakt_event_get_date (event));
  g_clear_pointer (&self->footer, g_free);
  self->footer = g_markup_printf_escaped ("%s%s%s",
                                          auftakt_event_get_title (event) != NULL ?
                                          auftakt_event_get_title (event) : "",
                                          date != NULL ? " · " : "", date != NULL ? date : "");

  switch (self->kind)
    {
    case AUFTAKT_PRINT_KIND_PARTICIPANTS:
      if (!build_participants (self, error))
        return FALSE;
      break;
    case AUFTAKT_PRINT_KIND_ROOMS:
      build_rooms (self);
      break;
    case AUFTAKT_PRINT_KIND_REFEREES:
      build_referees (self);
      break;
    case AUFTAKT_PRINT_KIND_AGENDA:
      build_agenda (self);
      break;
    case AUFTAKT_PRINT_KIND_ATTENDANCE:
      if (auftakt_event_get_schedule (event) == NULL)
        {
          g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_NO_SCHEDULE,
                       _("the event %s has no schedule yet"), auftakt_event_get_id (event));
          return FALSE;
        }
      build_attendance (self);
      break;
    default:
      g_assert_not_reached ();
    }

  if (self->sections->len == 0)
    {
      const char *id = auftakt_event_get_id (event);

      switch (self->kind)
        {
        case AUFTAKT_PRINT_KIND_PARTICIPANTS:
          g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_EMPTY,
                       _("the event %s has no participants to print"), id);
          break;
        case AUFTAKT_PRINT_KIND_ROOMS:
          g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_EMPTY,
                       _("no room of the event %s is used"), id);
          break;
        case AUFTAKT_PRINT_KIND_REFEREES:
          g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_EMPTY,
                       _("no referee of the event %s leads or speaks at anything"), id);
          break;
        case AUFTAKT_PRINT_KIND_AGENDA:
          g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_EMPTY,
                       _("the event %s has nothing to print"), id);
          break;
        case AUFTAKT_PRINT_KIND_ATTENDANCE:
        default:
          g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_EMPTY,
                       _("the schedule of the event %s has no sessions"), id);
          break;
        }
      return FALSE;
    }

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);
      g_autoptr(GPtrArray) pages = NULL;
      double scale = 1.0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      pages = layout_section (self, section, content_width, content_height, scale);
      while (section->one_page && pages->len > 1 && scale > MIN_SCALE)
        {
          scale *= 0.9;
          g_clear_pointer (&pages, g_ptr_array_unref);
          pages = layout_section (self, section, content_width / scale, content_height / scale,
                                  scale);
        }

      while (pages->len > 0)
        g_ptr_array_add (self->pages, g_ptr_array_steal_index (pages, 0));
    }

  return TRUE;
}

guint
auftakt_print_document_get_n_pages (AuftaktPrintDocument *self)
{
  g_return_val_if_fail (AUFTAKT_IS_PRINT_DOCUMENT (self), 0);

  return self->pages->len;
}

void
auftakt_print_document_draw_page (AuftaktPrintDocument *self,
                                  cairo_t              *cr,
                                  guint                 page_number)
{
  Page *page;
  double content_width;
  g_autofree char *number = NULL;

  g_return_if_fail (AUFTAKT_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (page_number < self->pages->len);

  page = g_ptr_array_index (self->pages, page_number);
  content_width = (self->width - 2 * MARGIN_X) / page->scale;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_translate (cr, MARGIN_X, MARGIN_TOP);
  cairo_scale (cr, page->scale, page->scale);
  for (guint i = 0; i < page->placements->len; i++)
    {
      Placement *placement = &g_array_index (page->placements, Placement, i);

      draw_block (self, cr, placement->block, placement->y, content_width);
    }
  cairo_restore (cr);

  /* the footer, never scaled */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, self->height - MARGIN_BOTTOM + 22);
  cairo_line_to (cr, self->width - MARGIN_X, self->height - MARGIN_BOTTOM + 22);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  draw_markup (self, cr, STYLE_SMALL, MARGIN_X, self->height - MARGIN_BOTTOM + 26,
               (self->width - 2 * MARGIN_X) * 0.75, self->footer, PANGO_ALIGN_LEFT);
  number = g_strdup_printf (_("Page %u of %u"), page_number + 1, self->pages->len);
  draw_markup (self, cr, STYLE_SMALL, MARGIN_X, self->height - MARGIN_BOTTOM + 26,
               self->width - 2 * MARGIN_X, number, PANGO_ALIGN_RIGHT);
  cairo_restore (cr);
}

void
auftakt_print_document_set_progress_func (AuftaktPrintDocument     *self,
                                          AuftaktPrintProgressFunc  func,
                                          gpointer                  user_data)
{
  g_return_if_fail (AUFTAKT_IS_PRINT_DOCUMENT (self));

  self->progress = func;
  self->progress_data = user_data;
}

static const char *
kind_title (AuftaktPrintKind kind)
{
  switch (kind)
    {
    case AUFTAKT_PRINT_KIND_PARTICIPANTS:
      return _("Personal schedules");
    case AUFTAKT_PRINT_KIND_ROOMS:
      return _("Door signs");
    case AUFTAKT_PRINT_KIND_REFEREES:
      return _("Schedules of the referees");
    case AUFTAKT_PRINT_KIND_AGENDA:
      return _("Agenda");
    case AUFTAKT_PRINT_KIND_ATTENDANCE:
    default:
      return _("Attendance lists");
    }
}

typedef struct {
  int fd;
  int saved_errno;  /* of the first failed write */
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_WRITE,
               "%s: %s", path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
auftakt_print_document_write_pdf (AuftaktPrintDocument  *self,
                                  const char            *path,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (AUFTAKT_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!auftakt_print_document_paginate (self, AUFTAKT_PRINT_A4_WIDTH, AUFTAKT_PRINT_A4_HEIGHT,
                                        cancellable, error))
    return FALSE;

  if (auftakt_resolve_output (path, &target))
    {
      /* beside the target, so that the rename cannot cross file systems */
      dir = g_path_get_dirname (target);
      base = g_path_get_basename (target);
      temp = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
      sink.fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);  /* umask applies */
      if (sink.fd < 0)
        return set_write_error (path, errno, error);
    }
  else
    {
      /* A device or a pipe (-o /dev/stdout): renaming a file over it would
       * replace it, so the PDF goes straight in. */
      sink.fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
      if (sink.fd < 0)
        return set_write_error (path, errno, error);
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, AUFTAKT_PRINT_A4_WIDTH,
                                                 AUFTAKT_PRINT_A4_HEIGHT);
  title = g_strdup_printf ("%s – %s", auftakt_event_get_title (self->event) != NULL ?
                           auftakt_event_get_title (self->event) :
                           auftakt_event_get_id (self->event),
                           kind_title (self->kind));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Auftakt " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < self->pages->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          close (sink.fd);
          if (temp != NULL)
            g_unlink (temp);
          return FALSE;
        }
      auftakt_print_document_draw_page (self, cr, i);
      cairo_show_page (cr);
      if (self->progress != NULL)
        self->progress ((double) (i + 1) / self->pages->len, self->progress_data);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (close (sink.fd) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;
  if (status != CAIRO_STATUS_SUCCESS || sink.saved_errno != 0)
    {
      if (sink.saved_errno != 0)
        set_write_error (path, sink.saved_errno, error);
      else
        g_set_error (error, AUFTAKT_PRINT_ERROR, AUFTAKT_PRINT_ERROR_WRITE,
                     "%s: %s", path, cairo_status_to_string (status));
      if (temp != NULL)
        g_unlink (temp);
      return FALSE;
    }

  if (temp != NULL && g_rename (temp, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      return set_write_error (path, saved_errno, error);
    }

  return TRUE;
}
