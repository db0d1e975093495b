/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-registration-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "auftakt-registration-import.h"
#include "auftakt-util.h"

/* Organisers get registrations from spreadsheets somebody else designed:
 * the headers are guessed (German and English, with or without umlauts,
 * hyphens and numbering), workshop choices may be titles typed by hand,
 * and the same list comes again a week later with a few more people.  So
 * the columns are guessed but can be corrected, near-miss titles get a
 * suggestion, every problem is listed with its line, and a second import
 * updates the participants it finds by e-mail instead of adding them. */

struct _AuftaktRegistrationImport
{
  GObject             parent_instance;

  AuftaktCsv         *csv;
  AuftaktEvent       *event;

  guint               n_columns;
  AuftaktImportField *fields;    /* per column */
  gboolean           *explicit;  /* per column: mapped by map() */

  gboolean            prepared;
  gboolean            applied;
  GPtrArray          *rows;      /* of AuftaktImportRow */
  GPtrArray          *problems;  /* of AuftaktImportProblem */
  GPtrArray          *removed;   /* participant ids */
};

G_DEFINE_FINAL_TYPE (AuftaktRegistrationImport, auftakt_registration_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (auftakt-registration-import-error-quark, auftakt_registration_import_error)

static const struct {
  const char *name;
  const char *label;
} field_names[] = {
  [AUFTAKT_IMPORT_FIELD_IGNORE] = { "ignore", N_("Ignore") },
  [AUFTAKT_IMPORT_FIELD_NAME] = { "name", N_("Name") },
  [AUFTAKT_IMPORT_FIELD_FIRST_NAME] = { "first-name", N_("First name") },
  [AUFTAKT_IMPORT_FIELD_LAST_NAME] = { "last-name", N_("Last name") },
  [AUFTAKT_IMPORT_FIELD_ORGANISATION] = { "organisation", N_("Organisation") },
  [AUFTAKT_IMPORT_FIELD_EMAIL] = { "email", N_("E-mail address") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1] = { "choice-1", N_("Choice 1") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 1] = { "choice-2", N_("Choice 2") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 2] = { "choice-3", N_("Choice 3") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 3] = { "choice-4", N_("Choice 4") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 4] = { "choice-5", N_("Choice 5") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 5] = { "choice-6", N_("Choice 6") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 6] = { "choice-7", N_("Choice 7") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 7] = { "choice-8", N_("Choice 8") },
  [AUFTAKT_IMPORT_FIELD_CHOICE_1 + 8] = { "choice-9", N_("Choice 9") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == AUFTAKT_IMPORT_FIELD_LAST + 1);

/* Headers, lower case without diacritics, punctuation or spaces. */
static const char * const email_headers[] = {
  "email", "emailadresse", "emailaddress", "mail", "mailadresse", "mailaddress",
  "epost", "epostadresse", NULL
};
static const char * const full_name_headers[] = {
  "name", "vollername", "vollstandigername", "fullname", "teilnehmer", "teilnehmerin",
  "teilnehmername", "teilnehmerinname", "teilnehmerinnen", "participant", "participantname",
  "yourname", "ihrname", "namedesteilnehmers", "namevorname", "nachnamevorname", "vornamename",
  "vornamenachname", "vorundnachname", "vorundzuname", "nameundvorname", "vornameundname",
  "vornameundnachname", "firstandlastname", "person", NULL
};
static const char * const first_name_headers[] = {
  "vorname", "vornamen", "firstname", "givenname", "forename", "rufname", NULL
};
static const char * const last_name_headers[] = {
  "nachname", "lastname", "surname", "familienname", "familyname", "zuname", NULL
};
/* Any word of the header. */
static const char * const organisation_words[] = {
  "organisation", "organization", "organisationseinheit", "behorde", "behoerde",
  "institution", "dienststelle", "einrichtung", "firma", "unternehmen", "company", "amt",
  "arbeitgeber", "verwaltung", "stadtverwaltung", "kommune", "affiliation", "verein",
  "fachbereich", "employer", "agency", "department", "abteilung", "institut", "hochschule",
  "universitat", "org", NULL
};
static const char * const choice_words[] = {
  "wunsch", "wahl", "choice", "prioritat", "prioritaet", "priority", "prio", "praferenz",
  "praeferenz", "preference", "workshop", "option", "favorit", NULL
};
static const struct {
  const char *word;
  int         rank;
} ordinals[] = {
  { "erst", 1 }, { "zweit", 2 }, { "dritt", 3 }, { "viert", 4 }, { "funft", 5 },
  { "fuenft", 5 }, { "sechst", 6 }, { "siebt", 7 }, { "neunt", 9 }, { "acht", 8 },
  { "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 }, { "fifth", 5 },
  { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 }, { "ninth", 9 },
};

static void
row_free (gpointer data)
{
  AuftaktImportRow *row = data;

  g_free (row->participant);
  g_free (row->name);
  g_free (row->organisation);
  g_free (row->email);
  g_strfreev (row->choices);
  g_free (row);
}

static void
problem_free (gpointer data)
{
  AuftaktImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (AuftaktRegistrationImport *self,
             guint                      line,
             const char                *format,
             ...)
{
  AuftaktImportProblem *problem = g_new0 (AuftaktImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->problems, problem);
}

/* Lower case, diacritics dropped, letters and digits only; with @words,
 * also the header split into its words. */
static char *
normalize_header (const char  *text,
                  char      ***words)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) compact = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  if (decomposed == NULL)
    decomposed = g_strdup ("");

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          c = g_unichar_tolower (c);
          g_string_append_unichar (compact, c);
          g_string_append_unichar (word, c);
        }
      else if (word->len > 0)
        {
          g_ptr_array_add (list, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
    }
  if (word->len > 0)
    g_ptr_array_add (list, g_strdup (word->str));

  if (words != NULL)
    {
      g_ptr_array_add (list, NULL);
      *words = (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
    }

  return g_string_free (g_steal_pointer (&compact), FALSE);
}

static gboolean
in_list (const char * const *list,
         const char         *text)
{
  return g_strv_contains (list, text);
}

static int
choice_rank (const char *compact)
{
  gboolean keyword = FALSE;
  int rank = 0;

  for (guint i = 0; choice_words[i] != NULL && !keyword; i++)
    keyword = strstr (compact, choice_words[i]) != NULL;
  if (!keyword)
    return 0;

  for (const char *p = compact; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        /* one digit 1-9 on its own; "10" or a year is no rank */
        if (*p != '0' && !g_ascii_isdigit (p[1]) && (p == compact || !g_ascii_isdigit (p[-1])))
          return *p - '0';
        return 0;
      }

  for (guint i = 0; i < G_N_ELEMENTS (ordinals) && rank == 0; i++)
    if (strstr (compact, ordinals[i].word) != NULL)
      rank = ordinals[i].rank;

  return rank;
}

static AuftaktImportField
guess_field (const char *header)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *compact = normalize_header (header, &words);
  int rank;

  if (compact[0] == '\0')
    return AUFTAKT_IMPORT_FIELD_IGNORE;

  if (in_list (email_headers, compact) || strstr (compact, "email") != NULL ||
      g_str_has_prefix (compact, "mail"))
    return AUFTAKT_IMPORT_FIELD_EMAIL;

  rank = choice_rank (compact);
  if (rank > 0)
    return AUFTAKT_IMPORT_FIELD_CHOICE (rank);

  if (in_list (full_name_headers, compact))
    return AUFTAKT_IMPORT_FIELD_NAME;
  if (in_list (first_name_headers, compact) || g_str_has_prefix (compact, "vorname"))
    return AUFTAKT_IMPORT_FIELD_FIRST_NAME;
  if (in_list (last_name_headers, compact) || g_str_has_prefix (compact, "nachname") ||
      g_str_has_prefix (compact, "familienname"))
    return AUFTAKT_IMPORT_FIELD_LAST_NAME;

  for (guint i = 0; words[i] != NULL; i++)
    if (in_list (organisation_words, words[i]))
      return AUFTAKT_IMPORT_FIELD_ORGANISATION;
  if (strstr (compact, "organi") != NULL || strstr (compact, "behord") != NULL ||
      strstr (compact, "behoerd") != NULL || strstr (compact, "dienststelle") != NULL)
    return AUFTAKT_IMPORT_FIELD_ORGANISATION;

  if (g_str_has_prefix (compact, "name"))
    return AUFTAKT_IMPORT_FIELD_NAME;

  return AUFTAKT_IMPORT_FIELD_IGNORE;
}

static int
find_column (AuftaktRegistrationImport *self,
             AuftaktImportField         field)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->fields[i] == field)
      return i;

  return -1;
}

static void
guess_mapping (AuftaktRegistrationImport *self)
{
  int name, first, last;

  for (guint i = 0; i < self->n_columns; i++)
    {
      AuftaktImportField field = guess_field (auftakt_csv_get_field (self->csv, 0, i));

      /* the first column that looks like a field gets it */
      if (field != AUFTAKT_IMPORT_FIELD_IGNORE && find_column (self, field) >= 0)
        field = AUFTAKT_IMPORT_FIELD_IGNORE;
      self->fields[i] = field;
    }

  /* German lists say "Name" for the surname when there is a "Vorname" */
  name = find_column (self, AUFTAKT_IMPORT_FIELD_NAME);
  first = find_column (self, AUFTAKT_IMPORT_FIELD_FIRST_NAME);
  last = find_column (self, AUFTAKT_IMPORT_FIELD_LAST_NAME);
  if (name >= 0 && first >= 0 && last < 0)
    self->fields[name] = AUFTAKT_IMPORT_FIELD_LAST_NAME;
}

/* A field's text: lines and runs of white space joined by one space (or,
 * for an organisation spread over several lines, by ", " unless a line
 * ends in punctuation already). */
static char *
clean_text (const char *text,
            const char *line_joiner)
{
  g_autoptr(GString) result = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return g_strdup ("");

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      gboolean space = FALSE;

      for (const char *p = lines[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || c == 0xA0)
            space = TRUE;
          else
            {
              if (space && line->len > 0)
                g_string_append_c (line, ' ');
              space = FALSE;
              g_string_append_unichar (line, c);
            }
        }
      if (line->len == 0)
        continue;
      /* "Amt für Statistik,⏎Wahlen" needs no second comma */
      if (result->len > 0 && g_str_equal (line_joiner, ", ") &&
          strchr (",;:-", result->str[result->len - 1]) != NULL)
        g_string_append_c (result, ' ');
      else if (result->len > 0)
        g_string_append (result, line_joiner);
      g_string_append (result, line->str);
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static char *
get_text (AuftaktRegistrationImport *self,
          guint                      record,
          int                        column,
          const char                *line_joiner)
{
  if (column < 0)
    return g_strdup ("");

  return clean_text (auftakt_csv_get_field (self->csv, record, column), line_joiner);
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strchr (at + 1, '.') == NULL || g_str_has_suffix (text, ".") || at[1] == '.')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>' || *p == '"')
      return FALSE;

  return TRUE;
}

/* Case-folded, composed, white space collapsed: how titles are compared. */
static char *
fold_title (const char *text)
{
  g_autofree char *composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autofree char *cleaned = clean_text (composed != NULL ? composed : "", " ");

  return g_utf8_casefold (cleaned, -1);
}

/* Levenshtein distance in characters. */
static guint
edit_distance (const char *a,
               const char *b)
{
  glong n, m;
  g_autofree gunichar *s = g_utf8_to_ucs4_fast (a, -1, &n);
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (b, -1, &m);
  g_autofree guint *previous = g_new (guint, m + 1);
  g_autofree guint *current = g_new (guint, m + 1);

  for (glong j = 0; j <= m; j++)
    previous[j] = j;
  for (glong i = 1; i <= n; i++)
    {
      current[0] = i;
      for (glong j = 1; j <= m; j++)
        {
          guint cost = s[i - 1] == t[j - 1] ? 0 : 1;

          current[j] = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        }
      memcpy (previous, current, (m + 1) * sizeof (guint));
    }

  return previous[m];
}

typedef struct {
  GHashTable *by_id;       /* folded id → AuftaktWorkshop */
  GHashTable *by_title;    /* folded title → AuftaktWorkshop */
  GHashTable *by_compact;  /* letters and digits of id, title, id+title, title+id → workshop,
                            * or NULL when several share it */
  GPtrArray  *workshops;
} WorkshopIndex;

static void
workshop_index_clear (WorkshopIndex *index)
{
  g_clear_pointer (&index->by_id, g_hash_table_unref);
  g_clear_pointer (&index->by_title, g_hash_table_unref);
  g_clear_pointer (&index->by_compact, g_hash_table_unref);
  g_clear_pointer (&index->workshops, g_ptr_array_unref);
}

static void
index_compact (GHashTable      *table,
               char            *key,
               AuftaktWorkshop *workshop)
{
  gpointer old;

  if (key[0] == '\0')
    {
      g_free (key);
      return;
    }
  if (g_hash_table_lookup_extended (table, key, NULL, &old) && old != workshop)
    g_hash_table_replace (table, key, NULL);
  else
    g_hash_table_replace (table, key, workshop);
}

static void
workshop_index_init (WorkshopIndex *index,
                     AuftaktEvent  *event)
{
  GListModel *workshops = G_LIST_MODEL (auftakt_event_get_workshops (event));
  guint n = g_list_model_get_n_items (workshops);

  index->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_compact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->workshops = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      AuftaktWorkshop *workshop = g_list_model_get_item (workshops, i);
      const char *id = auftakt_workshop_get_id (workshop);
      const char *title = auftakt_workshop_get_title (workshop);
      g_autofree char *compact_id = normalize_header (id, NULL);
      g_autofree char *compact_title = normalize_header (title != NULL ? title : "", NULL);

      g_ptr_array_add (index->workshops, workshop);
      g_hash_table_insert (index->by_id, fold_title (id), workshop);
      if (title != NULL && title[0] != '\0')
        {
          char *folded = fold_title (title);

          if (!g_hash_table_contains (index->by_title, folded))
            g_hash_table_insert (index->by_title, folded, workshop);
          else
            g_free (folded);
        }
      index_compact (index->by_compact, g_strdup (compact_id), workshop);
      index_compact (index->by_compact, g_strdup (compact_title), workshop);
      index_compact (index->by_compact, g_strconcat (compact_id, compact_title, NULL), workshop);
      index_compact (index->by_compact, g_strconcat (compact_title, compact_id, NULL), workshop);
    }
}

/* The workshop @text names: by id, by title ignoring case and spacing, or
 * by its letters and digits alone ("WS 1 – Verwaltung"). */
static AuftaktWorkshop *
workshop_index_lookup (WorkshopIndex *index,
                       const char    *text)
{
  g_autofree char *folded = fold_title (text);
  g_autofree char *compact = NULL;
  AuftaktWorkshop *workshop;

  workshop = g_hash_table_lookup (index->by_id, folded);
  if (workshop == NULL)
    workshop = g_hash_table_lookup (index->by_title, folded);
  if (workshop == NULL)
    {
      compact = normalize_header (text, NULL);
      workshop = g_hash_table_lookup (index->by_compact, compact);
    }

  return workshop;
}

/* The title closest to @text, if it is close enough to be a typo. */
static AuftaktWorkshop *
workshop_index_suggest (WorkshopIndex *index,
                        const char    *text)
{
  g_autofree char *folded = fold_title (text);
  AuftaktWorkshop *best = NULL;
  guint best_distance = G_MAXUINT;
  guint limit = MAX (2, g_utf8_strlen (folded, -1) / 3);

  for (guint i = 0; i < index->workshops->len; i++)
    {
      AuftaktWorkshop *workshop = g_ptr_array_index (index->workshops, i);
      const char *title = auftakt_workshop_get_title (workshop);
      g_autofree char *folded_title = fold_title (title != NULL ? title : "");
      g_autofree char *folded_id = fold_title (auftakt_workshop_get_id (workshop));
      guint to_title = edit_distance (folded, folded_title);
      guint to_id = edit_distance (folded, folded_id);
      guint distance = MIN (to_title, to_id);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = workshop;
        }
    }

  return best_distance <= limit ? best : NULL;
}

static const char *
workshop_display_title (AuftaktWorkshop *workshop)
{
  const char *title = auftakt_workshop_get_title (workshop);

  return title != NULL && title[0] != '\0' ? title : auftakt_workshop_get_id (workshop);
}

static gboolean
record_is_blank (AuftaktRegistrationImport *self,
                 guint                      record)
{
  const char * const *fields = auftakt_csv_get_record (self->csv, record);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *text = clean_text (fields[i], " ");

      if (text[0] != '\0')
        return FALSE;
    }

  return TRUE;
}

static char *
format_columns (AuftaktRegistrationImport *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < self->n_columns; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "“%s”", auftakt_registration_import_get_column_title (self, i));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static const char *
column_title (AuftaktRegistrationImport *self,
              int                        column)
{
  return auftakt_registration_import_get_column_title (self, column);
}

static guint
next_participant_number (AuftaktEvent *event)
{
  GListModel *participants = G_LIST_MODEL (auftakt_event_get_participants (event));
  guint n = g_list_model_get_n_items (participants);
  guint64 max = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);
      const char *id = auftakt_participant_get_id (p);
      guint64 number;

      if (id[0] == 'P' && id[1] != '\0' &&
          g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT - 1, &number, NULL))
        max = MAX (max, number);
    }

  return max + 1;
}

static void
auftakt_registration_import_finalize (GObject *object)
{
  AuftaktRegistrationImport *self = (AuftaktRegistrationImport *) object;

  g_clear_object (&self->csv);
  g_clear_object (&self->event);
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->explicit, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (auftakt_registration_import_parent_class)->finalize (object);
}

static void
auftakt_registration_import_class_init (AuftaktRegistrationImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_registration_import_finalize;
}

static void
auftakt_registration_import_init (AuftaktRegistrationImport *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->removed = g_ptr_array_new_with_free_func (g_free);
}

const char *
auftakt_import_field_to_string (AuftaktImportField field)
{
  g_return_val_if_fail (field <= AUFTAKT_IMPORT_FIELD_LAST, NULL);

  return field_names[field].name;
}

gboolean
auftakt_import_field_from_string (const char         *text,
                                  AuftaktImportField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_strcmp0 (text, field_names[i].name) == 0)
      {
        *field = i;
        return TRUE;
      }

  return FALSE;
}

const char *
auftakt_import_field_get_label (AuftaktImportField field)
{
  g_return_val_if_fail (field <= AUFTAKT_IMPORT_FIELD_LAST, NULL);

  return g_dgettext (GETTEXT_PACKAGE, field_names[field].label);
}

AuftaktRegistrationImport *
auftakt_registration_import_new (AuftaktCsv   *csv,
                                 AuftaktEvent *event)
{
  AuftaktRegistrationImport *self;

  g_return_val_if_fail (AUFTAKT_IS_CSV (csv), NULL);
  g_return_val_if_fail (AUFTAKT_IS_EVENT (event), NULL);

  self = g_object_new (AUFTAKT_TYPE_REGISTRATION_IMPORT, NULL);
  self->csv = g_object_ref (csv);
  self->event = g_object_ref (event);
  self->n_columns = auftakt_csv_get_n_records (csv) > 0 ? auftakt_csv_get_n_fields (csv, 0) : 0;
  self->fields = g_new0 (AuftaktImportField, MAX (self->n_columns, 1));
  self->explicit = g_new0 (gboolean, MAX (self->n_columns, 1));
  guess_mapping (self);

  return self;
}

AuftaktCsv *
auftakt_registration_import_get_csv (AuftaktRegistrationImport *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), NULL);

  return self->csv;
}

AuftaktEvent *
auftakt_registration_import_get_event (AuftaktRegistrationImport *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), NULL);

  return self->event;
}

guint
auftakt_registration_import_get_n_columns (AuftaktRegistrationImport *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), 0);

  return self->n_columns;
}

const char *
auftakt_registration_import_get_column_title (AuftaktRegistrationImport *self,
                                              guint                      column)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return auftakt_csv_get_field (self->csv, 0, column);
}

AuftaktImportField
auftakt_registration_import_get_column_field (AuftaktRegistrationImport *self,
                                              guint                      column)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), AUFTAKT_IMPORT_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, AUFTAKT_IMPORT_FIELD_IGNORE);

  return self->fields[column];
}

void
auftakt_registration_import_set_column_field (AuftaktRegistrationImport *self,
                                              guint                      column,
                                              AuftaktImportField         field)
{
  g_return_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field <= AUFTAKT_IMPORT_FIELD_LAST);

  if (field != AUFTAKT_IMPORT_FIELD_IGNORE)
    for (guint i = 0; i < self->n_columns; i++)
      if (i != column && self->fields[i] == field)
        {
          self->fields[i] = AUFTAKT_IMPORT_FIELD_IGNORE;
          self->explicit[i] = FALSE;
        }

  self->fields[column] = field;
  self->prepared = FALSE;
}

gboolean
auftakt_registration_import_map (AuftaktRegistrationImport *self,
                                 const char                *spec,
                                 GError                   **error)
{
  const char *equals;
  g_autofree char *column_text = NULL;
  const char *field_text;
  AuftaktImportField field;
  guint64 number;
  int column = -1;

  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  equals = strrchr (spec, '=');
  if (equals == NULL || equals == spec)
    {
      g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                   AUFTAKT_REGISTRATION_IMPORT_ERROR_MAP,
                   _("--map “%s”: expected COLUMN=FIELD"), spec);
      return FALSE;
    }
  column_text = g_strndup (spec, equals - spec);
  field_text = equals + 1;

  if (!auftakt_import_field_from_string (field_text, &field))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
        {
          if (i == AUFTAKT_IMPORT_FIELD_CHOICE_1 + 1)
            {
              g_string_append (names, " … choice-9");
              break;
            }
          g_string_append_printf (names, i > 0 ? ", %s" : "%s", field_names[i].name);
        }
      g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                   AUFTAKT_REGISTRATION_IMPORT_ERROR_MAP,
                   _("--map “%s”: unknown field “%s”; the fields are %s"),
                   spec, field_text, names->str);
      return FALSE;
    }

  if (g_ascii_string_to_unsigned (column_text, 10, 1, G_MAXUINT, &number, NULL))
    {
      if (number > self->n_columns)
        {
          g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                       AUFTAKT_REGISTRATION_IMPORT_ERROR_MAP,
                       _("--map “%s”: %s has only %u columns"),
                       spec, auftakt_csv_get_display_name (self->csv), self->n_columns);
          return FALSE;
        }
      column = number - 1;
    }
  else
    {
      g_autofree char *wanted = fold_title (column_text);

      for (guint i = 0; i < self->n_columns && column < 0; i++)
        if (g_strcmp0 (column_title (self, i), column_text) == 0)
          column = i;
      for (guint i = 0; i < self->n_columns && column < 0; i++)
        {
          g_autofree char *title = fold_title (column_title (self, i));

          if (g_str_equal (title, wanted))
            column = i;
        }
      if (column < 0)
        {
          g_autofree char *columns = format_columns (self);

          g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                       AUFTAKT_REGISTRATION_IMPORT_ERROR_MAP,
                       _("--map “%s”: %s has no column “%s”; its columns are %s"),
                       spec, auftakt_csv_get_display_name (self->csv), column_text, columns);
          return FALSE;
        }
    }

  if (field != AUFTAKT_IMPORT_FIELD_IGNORE)
    for (guint i = 0; i < self->n_columns; i++)
      if (i != (guint) column && self->explicit[i] && self->fields[i] == field)
        {
          g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                       AUFTAKT_REGISTRATION_IMPORT_ERROR_MAP,
                       _("--map “%s”: the field %s is already mapped to column “%s”"),
                       spec, field_text, column_title (self, i));
          return FALSE;
        }

  auftakt_registration_import_set_column_field (self, column, field);
  self->explicit[column] = TRUE;

  return TRUE;
}

gboolean
auftakt_registration_import_prepare (AuftaktRegistrationImport *self,
                                     GError                   **error)
{
  GListModel *participants;
  g_autoptr(GHashTable) existing = NULL;  /* folded e-mail → AuftaktParticipant */
  g_autoptr(GHashTable) seen = NULL;      /* folded e-mail → first line */
  WorkshopIndex index = { 0, };
  int name_column, first_column, last_column, organisation_column, email_column;
  int choice_columns[AUFTAKT_IMPORT_MAX_CHOICES];
  guint n_records, n;

  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->removed, 0);
  self->prepared = FALSE;

  name_column = find_column (self, AUFTAKT_IMPORT_FIELD_NAME);
  first_column = find_column (self, AUFTAKT_IMPORT_FIELD_FIRST_NAME);
  last_column = find_column (self, AUFTAKT_IMPORT_FIELD_LAST_NAME);
  organisation_column = find_column (self, AUFTAKT_IMPORT_FIELD_ORGANISATION);
  email_column = find_column (self, AUFTAKT_IMPORT_FIELD_EMAIL);
  for (int rank = 1; rank <= AUFTAKT_IMPORT_MAX_CHOICES; rank++)
    choice_columns[rank - 1] = find_column (self, AUFTAKT_IMPORT_FIELD_CHOICE (rank));

  if (name_column < 0 && first_column < 0 && last_column < 0)
    {
      g_autofree char *columns = format_columns (self);

      g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                   AUFTAKT_REGISTRATION_IMPORT_ERROR_COLUMNS,
                   _("%s:%u: no column holds the participants’ names (the columns are %s)"),
                   auftakt_csv_get_display_name (self->csv), auftakt_csv_get_line (self->csv, 0),
                   columns);
      return FALSE;
    }
  if (email_column < 0)
    {
      g_autofree char *columns = format_columns (self);

      g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                   AUFTAKT_REGISTRATION_IMPORT_ERROR_COLUMNS,
                   _("%s:%u: no column holds the e-mail addresses (the columns are %s)"),
                   auftakt_csv_get_display_name (self->csv), auftakt_csv_get_line (self->csv, 0),
                   columns);
      return FALSE;
    }

  participants = G_LIST_MODEL (auftakt_event_get_participants (self->event));
  n = g_list_model_get_n_items (participants);
  existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);
      const char *email = auftakt_participant_get_email (p);
      g_autofree char *key = NULL;

      if (email == NULL || email[0] == '\0')
        continue;
      key = g_utf8_casefold (email, -1);
      if (!g_hash_table_contains (existing, key))
        g_hash_table_insert (existing, g_steal_pointer (&key), g_object_ref (p));
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  workshop_index_init (&index, self->event);

  n_records = auftakt_csv_get_n_records (self->csv);
  for (guint record = 1; record < n_records; record++)
    {
      AuftaktImportRow *row;
      guint line = auftakt_csv_get_line (self->csv, record);
      guint n_fields = auftakt_csv_get_n_fields (self->csv, record);
      guint problems_before = self->problems->len;
      g_autoptr(GPtrArray) choices = NULL;
      g_autoptr(GHashTable) chosen = NULL;  /* workshop → rank */
      g_autofree char *key = NULL;
      AuftaktParticipant *match;

      if (record_is_blank (self, record))
        continue;

      row = g_new0 (AuftaktImportRow, 1);
      row->line = line;
      g_ptr_array_add (self->rows, row);

      for (guint i = self->n_columns; i < n_fields; i++)
        {
          g_autofree char *extra = clean_text (auftakt_csv_get_field (self->csv, record, i), " ");

          if (extra[0] != '\0')
            {
              add_problem (self, line,
                           _("the row has %u fields, the header only %u: "
                             "is a field with “%c” in it missing its quotes?"),
                           n_fields, self->n_columns, auftakt_csv_get_separator (self->csv));
              break;
            }
        }

      if (name_column >= 0)
        row->name = get_text (self, record, name_column, " ");
      else
        {
          g_autofree char *first = get_text (self, record, first_column, " ");
          g_autofree char *last = get_text (self, record, last_column, " ");

          row->name = g_strstrip (g_strjoin (" ", first, last, NULL));
        }
      if (row->name[0] == '\0')
        add_problem (self, line, _("the name is empty"));

      row->organisation = get_text (self, record, organisation_column, ", ");

      row->email = get_text (self, record, email_column, " ");
      if (g_str_has_prefix (row->email, "mailto:"))
        memmove (row->email, row->email + 7, strlen (row->email + 7) + 1);
      if (row->email[0] == '\0')
        add_problem (self, line, _("the e-mail address is empty"));
      else if (!is_email (row->email))
        add_problem (self, line, _("“%s” is not an e-mail address"), row->email);
      else
        {
          gpointer first_line;

          key = g_utf8_casefold (row->email, -1);
          if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
            add_problem (self, line,
                         _("the e-mail address %s appears a second time (first in line %u)"),
                         row->email, GPOINTER_TO_UINT (first_line));
          else
            g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (line));
        }

      choices = g_ptr_array_new_with_free_func (g_free);
      chosen = g_hash_table_new (NULL, NULL);
      for (int rank = 1; rank <= AUFTAKT_IMPORT_MAX_CHOICES; rank++)
        {
          int column = choice_columns[rank - 1];
          g_autofree char *text = get_text (self, record, column, " ");
          AuftaktWorkshop *workshop;
          gpointer earlier;

          if (text[0] == '\0')
            continue;

          workshop = workshop_index_lookup (&index, text);
          if (workshop == NULL)
            {
              AuftaktWorkshop *suggestion = workshop_index_suggest (&index, text);

              if (suggestion != NULL)
                add_problem (self, line,
                             _("unknown workshop “%s” in column “%s”; did you mean “%s”?"),
                             text, column_title (self, column),
                             workshop_display_title (suggestion));
              else
                add_problem (self, line, _("unknown workshop “%s” in column “%s”"),
                             text, column_title (self, column));
              continue;
            }

          if (g_hash_table_lookup_extended (chosen, workshop, NULL, &earlier))
            {
              add_problem (self, line,
                           _("the workshop “%s” is chosen twice (columns “%s” and “%s”)"),
                           workshop_display_title (workshop),
                           column_title (self, GPOINTER_TO_INT (earlier)),
                           column_title (self, column));
              continue;
            }
          g_hash_table_insert (chosen, workshop, GINT_TO_POINTER (column));
          /* ranks close up over an empty column: 1, 3 become 1, 2 */
          g_ptr_array_add (choices, g_strdup (auftakt_workshop_get_id (workshop)));
        }
      g_ptr_array_add (choices, NULL);
      row->choices = (char **) g_ptr_array_free (g_steal_pointer (&choices), FALSE);

      match = key != NULL ? g_hash_table_lookup (existing, key) : NULL;
      if (self->problems->len > problems_before)
        row->status = AUFTAKT_IMPORT_ROW_BAD;
      else if (match == NULL)
        row->status = AUFTAKT_IMPORT_ROW_NEW;
      else
        {
          row->participant = g_strdup (auftakt_participant_get_id (match));
          if (g_strcmp0 (auftakt_participant_get_name (match), row->name) == 0 &&
              g_strcmp0 (auftakt_participant_get_organisation (match) != NULL ?
                         auftakt_participant_get_organisation (match) : "",
                         row->organisation) == 0 &&
              g_strcmp0 (auftakt_participant_get_email (match), row->email) == 0 &&
              auftakt_strv_equal (auftakt_participant_get_choices (match),
                                  (const char * const *) row->choices))
            row->status = AUFTAKT_IMPORT_ROW_UNCHANGED;
          else
            row->status = AUFTAKT_IMPORT_ROW_CHANGED;
        }
    }

  if (self->rows->len == 0)
    {
      g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                   AUFTAKT_REGISTRATION_IMPORT_ERROR_NO_ROWS,
                   _("%s: the file has no registrations below its header"),
                   auftakt_csv_get_display_name (self->csv));
      workshop_index_clear (&index);
      return FALSE;
    }

  /* Whoever the file no longer lists is removed; a bad row still names
   * its person, who stays as they were. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);
      const char *email = auftakt_participant_get_email (p);
      g_autofree char *key = NULL;

      if (email == NULL || email[0] == '\0')
        continue;
      key = g_utf8_casefold (email, -1);
      if (!g_hash_table_contains (seen, key))
        g_ptr_array_add (self->removed, g_strdup (auftakt_participant_get_id (p)));
    }

  workshop_index_clear (&index);
  self->prepared = TRUE;

  return TRUE;
}

guint
auftakt_registration_import_get_n_rows (AuftaktRegistrationImport *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), 0);

  return self->rows->len;
}

const AuftaktImportRow *
auftakt_registration_import_get_row (AuftaktRegistrationImport *self,
                                     guint                      row)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, row);
}

guint
auftakt_registration_import_get_n_problems (AuftaktRegistrationImport *self)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), 0);

  return self->problems->len;
}

const AuftaktImportProblem *
auftakt_registration_import_get_problem (AuftaktRegistrationImport *self,
                                         guint                      problem)
{
  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), NULL);
  g_return_val_if_fail (problem < self->problems->len, NULL);

  return g_ptr_array_index (self->problems, problem);
}

void
auftakt_registration_import_get_summary (AuftaktRegistrationImport *self,
                                         AuftaktImportSummary      *summary)
{
  g_return_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
  for (guint i = 0; i < self->rows->len; i++)
    {
      AuftaktImportRow *row = g_ptr_array_index (self->rows, i);

      switch (row->status)
        {
        case AUFTAKT_IMPORT_ROW_NEW:
          summary->added++;
          break;
        case AUFTAKT_IMPORT_ROW_CHANGED:
          summary->changed++;
          break;
        case AUFTAKT_IMPORT_ROW_UNCHANGED:
          summary->unchanged++;
          break;
        case AUFTAKT_IMPORT_ROW_BAD:
        default:
          summary->skipped++;
          break;
        }
    }
  summary->removed = self->removed->len;
}

gboolean
auftakt_registration_import_apply (AuftaktRegistrationImport *self,
                                   gboolean                   skip_bad_rows,
                                   GError                   **error)
{
  GListStore *store;
  GListModel *participants;
  AuftaktSchedule *schedule;
  g_autoptr(GHashTable) updates = NULL;  /* participant id → AuftaktImportRow */
  g_autoptr(GHashTable) removed = NULL;
  g_autoptr(GPtrArray) result = NULL;
  guint n, number;

  g_return_val_if_fail (AUFTAKT_IS_REGISTRATION_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (!self->prepared && !auftakt_registration_import_prepare (self, error))
    return FALSE;

  if (self->problems->len > 0 && !skip_bad_rows)
    {
      g_set_error (error, AUFTAKT_REGISTRATION_IMPORT_ERROR,
                   AUFTAKT_REGISTRATION_IMPORT_ERROR_BAD_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported",
                                self->problems->len),
                   auftakt_csv_get_display_name (self->csv), self->problems->len);
      return FALSE;
    }

  store = auftakt_event_get_participants (self->event);
  participants = G_LIST_MODEL (store);
  n = g_list_model_get_n_items (participants);
  number = next_participant_number (self->event);

  removed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->removed->len; i++)
    g_hash_table_add (removed, g_ptr_array_index (self->removed, i));

  updates = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->rows->len; i++)
    {
      AuftaktImportRow *row = g_ptr_array_index (self->rows, i);

      if (row->status == AUFTAKT_IMPORT_ROW_CHANGED)
        g_hash_table_insert (updates, row->participant, row);
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AuftaktParticipant) p = g_list_model_get_item (participants, i);
      AuftaktImportRow *row;

      if (g_hash_table_contains (removed, auftakt_participant_get_id (p)))
        continue;

      row = g_hash_table_lookup (updates, auftakt_participant_get_id (p));
      if (row != NULL)
        {
          auftakt_participant_set_name (p, row->name);
          auftakt_participant_set_organisation (p, row->organisation[0] != '\0' ?
                                                   row->organisation : NULL);
          auftakt_participant_set_email (p, row->email);
          auftakt_participant_set_choices (p, (const char * const *) row->choices);
        }
      g_ptr_array_add (result, g_steal_pointer (&p));
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      AuftaktImportRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *id = NULL;
      AuftaktParticipant *p;

      if (row->status != AUFTAKT_IMPORT_ROW_NEW)
        continue;

      id = g_strdup_printf ("P%u", number++);
      p = auftakt_participant_new (id);
      auftakt_participant_set_name (p, row->name);
      if (row->organisation[0] != '\0')
        auftakt_participant_set_organisation (p, row->organisation);
      auftakt_participant_set_email (p, row->email);
      auftakt_participant_set_choices (p, (const char * const *) row->choices);
      g_ptr_array_add (result, p);
      row->participant = g_steal_pointer (&id);
    }

  g_list_store_splice (store, 0, n, result->pdata, result->len);

  schedule = auftakt_event_get_schedule (self->event);
  if (schedule != NULL)
    for (guint i = 0; i < auftakt_schedule_get_n_sessions (schedule); i++)
      {
        AuftaktSession *session = auftakt_schedule_get_session (schedule, i);

        for (guint j = auftakt_session_get_n_attendees (session); j-- > 0;)
          {
            const AuftaktAttendance *a = auftakt_session_get_attendance (session, j);

            if (g_hash_table_contains (removed, a->participant))
              auftakt_session_remove_attendee (session, a->participant);
          }
      }

  self->applied = TRUE;

  return TRUE;
}
