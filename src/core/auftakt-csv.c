/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "auftakt-csv.h"

/* Registrations arrive as whatever the organiser's spreadsheet or web form
 * wrote: a German Excel saves "CSV" in Windows-1252 with semicolons, "CSV
 * UTF-8" with a byte order mark, "Unicode text" as UTF-16; web forms write
 * UTF-8 with commas.  This reader guesses all of that instead of asking,
 * and refuses (with the line) what it cannot read unambiguously. */

typedef struct {
  guint   line;
  guint   n_fields;
  char  **fields;
} Record;

struct _AuftaktCsv
{
  GObject             parent_instance;

  char               *display_name;
  char                separator;
  AuftaktCsvEncoding  encoding;
  GPtrArray          *records;  /* of Record */
};

G_DEFINE_FINAL_TYPE (AuftaktCsv, auftakt_csv, G_TYPE_OBJECT)

G_DEFINE_QUARK (auftakt-csv-error-quark, auftakt_csv_error)

static const char separators[] = { ';', '\t', ',', '|' };

static void
record_free (gpointer data)
{
  Record *record = data;

  g_strfreev (record->fields);
  g_free (record);
}

/* The line (1-based) of byte @offset; CRLF, LF and a lone CR each end a line. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
      line++;

  return line;
}

/* The offset of the first byte that is not UTF-8, and whether the valid
 * part holds any multi-byte character. */
static gssize
find_invalid_utf8 (const char *data,
                   gsize       length,
                   gboolean   *has_multibyte)
{
  gssize first_invalid = -1;
  gsize i = 0;

  *has_multibyte = FALSE;
  while (i < length)
    {
      gunichar c;
      const char *next;

      if ((guchar) data[i] < 0x80)
        {
          i++;
          continue;
        }

      c = g_utf8_get_char_validated (data + i, length - i);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          if (first_invalid < 0)
            first_invalid = i;
          i++;
          continue;
        }

      *has_multibyte = TRUE;
      next = g_utf8_next_char (data + i);
      i = next - data;
    }

  return first_invalid;
}

static char *
decode (const char          *data,
        gsize                length,
        const char          *name,
        AuftaktCsvEncoding  *encoding,
        GError             **error)
{
  gboolean has_multibyte;
  gssize invalid;
  const char *nul;

  if (length >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    {
      char *text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);

      *encoding = AUFTAKT_CSV_ENCODING_UTF16;
      if (text == NULL)
        g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING,
                     _("%s: the file begins like UTF-16 but is not valid UTF-16; "
                       "save it again as “CSV UTF-8”"), name);
      return text;
    }
  if (length >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    {
      char *text = g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);

      *encoding = AUFTAKT_CSV_ENCODING_UTF16;
      if (text == NULL)
        g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING,
                     _("%s: the file begins like UTF-16 but is not valid UTF-16; "
                       "save it again as “CSV UTF-8”"), name);
      return text;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING,
                   _("%s:%u: the file contains NUL bytes: it is not a text file, "
                     "or UTF-16 without a byte order mark"),
                   name, line_at (data, nul - data));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = AUFTAKT_CSV_ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
      invalid = find_invalid_utf8 (data, length, &has_multibyte);
      if (invalid >= 0)
        {
          g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING,
                       _("%s:%u: this line is not valid UTF-8, although the file says it is; "
                         "save the file again as “CSV UTF-8”"),
                       name, line_at (data, invalid));
          return NULL;
        }
      return g_strndup (data, length);
    }

  invalid = find_invalid_utf8 (data, length, &has_multibyte);
  if (invalid < 0)
    {
      *encoding = AUFTAKT_CSV_ENCODING_UTF8;
      return g_strndup (data, length);
    }

  /* A file with UTF-8 umlauts in one place and other bytes in another was
   * pieced together from two sources: any guess would garble some names. */
  if (has_multibyte)
    {
      g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING,
                   _("%s:%u: this line is not valid UTF-8, although the rest of the file is; "
                     "save the file again as “CSV UTF-8”"),
                   name, line_at (data, invalid));
      return NULL;
    }

  *encoding = AUFTAKT_CSV_ENCODING_WINDOWS_1252;
  {
    g_autoptr(GError) local_error = NULL;
    gsize bytes_read = 0;
    char *text = g_convert (data, length, "UTF-8", "WINDOWS-1252", &bytes_read, NULL,
                            &local_error);

    if (text == NULL)
      {
        g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_ENCODING,
                     _("%s:%u: the file is neither UTF-8 nor Windows-1252 (byte 0x%02X); "
                       "save it again as “CSV UTF-8”"),
                     name, line_at (data, bytes_read),
                     bytes_read < length ? (guchar) data[bytes_read] : 0);
        return NULL;
      }
    return text;
  }
}

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

/* The candidate used most often outside quotes in the first record. */
static char
detect_separator (const char *text)
{
  guint counts[G_N_ELEMENTS (separators)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && is_line_end (*p))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
          if (*p == separators[i])
            counts[i]++;
    }

  for (guint i = 1; i < G_N_ELEMENTS (separators); i++)
    if (counts[i] > counts[best])
      best = i;

  return counts[best] > 0 ? separators[best] : ',';
}

/* Moves past one line end (CRLF, LF or CR) at *pos. */
static void
skip_line_end (const char *text,
               gsize      *pos,
               guint      *line)
{
  if (text[*pos] == '\r' && text[*pos + 1] == '\n')
    (*pos)++;
  (*pos)++;
  (*line)++;
}

static gboolean
parse (AuftaktCsv  *self,
       const char  *text,
       GError     **error)
{
  gsize pos = 0;
  guint line = 1;
  char sep;

  /* Excel's hint line: "sep=;" */
  if (g_ascii_strncasecmp (text, "sep=", 4) == 0 && text[4] != '\0' &&
      (text[5] == '\0' || is_line_end (text[5])))
    {
      sep = text[4];
      pos = 5;
      if (text[pos] != '\0')
        skip_line_end (text, &pos, &line);
    }
  else
    sep = detect_separator (text);
  self->separator = sep;

  while (text[pos] != '\0')
    {
      g_autoptr(GPtrArray) fields = NULL;
      Record *record;
      guint record_line = line;

      if (is_line_end (text[pos]))
        {
          skip_line_end (text, &pos, &line);
          continue;
        }

      fields = g_ptr_array_new_with_free_func (g_free);
      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);
          gsize start = pos;

          while (text[start] == ' ' || text[start] == '\t')
            start++;

          if (text[start] == '"' && sep != text[start])
            {
              guint quote_line = line;

              pos = start + 1;
              for (;;)
                {
                  char c = text[pos];

                  if (c == '\0')
                    {
                      g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_MALFORMED,
                                   _("%s:%u: a quoted field begins in this line and never ends"),
                                   self->display_name, quote_line);
                      return FALSE;
                    }
                  if (c == '"')
                    {
                      if (text[pos + 1] == '"')
                        {
                          g_string_append_c (field, '"');
                          pos += 2;
                          continue;
                        }
                      pos++;
                      break;
                    }
                  if (is_line_end (c))
                    {
                      g_string_append_c (field, '\n');
                      skip_line_end (text, &pos, &line);
                      continue;
                    }
                  g_string_append_c (field, c);
                  pos++;
                }

              /* Lenient about what a sloppy writer puts after the closing
               * quote: "Berlin" , or "Dr." Meier */
              while (text[pos] != '\0' && text[pos] != sep && !is_line_end (text[pos]))
                {
                  if (text[pos] != ' ')
                    g_string_append_c (field, text[pos]);
                  pos++;
                }
            }
          else
            {
              while (text[pos] != '\0' && text[pos] != sep && !is_line_end (text[pos]))
                g_string_append_c (field, text[pos++]);
            }

          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

          if (text[pos] == sep)
            {
              pos++;
              continue;
            }
          if (text[pos] != '\0')
            skip_line_end (text, &pos, &line);
          break;
        }

      record = g_new0 (Record, 1);
      record->line = record_line;
      record->n_fields = fields->len;
      g_ptr_array_add (fields, NULL);
      record->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
      g_ptr_array_add (self->records, record);
    }

  if (self->records->len == 0)
    {
      g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_EMPTY,
                   _("%s: the file is empty"), self->display_name);
      return FALSE;
    }

  return TRUE;
}

static void
auftakt_csv_finalize (GObject *object)
{
  AuftaktCsv *self = (AuftaktCsv *) object;

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (auftakt_csv_parent_class)->finalize (object);
}

static void
auftakt_csv_class_init (AuftaktCsvClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = auftakt_csv_finalize;
}

static void
auftakt_csv_init (AuftaktCsv *self)
{
  self->records = g_ptr_array_new_with_free_func (record_free);
  self->separator = ',';
}

AuftaktCsv *
auftakt_csv_new_from_data (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(AuftaktCsv) self = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_object_new (AUFTAKT_TYPE_CSV, NULL);
  self->display_name = g_strdup (display_name);

  text = decode (data != NULL ? data : "", length, display_name, &self->encoding, error);
  if (text == NULL)
    return NULL;

  if (!parse (self, text, error))
    return NULL;

  return g_steal_pointer (&self);
}

AuftaktCsv *
auftakt_csv_new_from_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, AUFTAKT_CSV_ERROR, AUFTAKT_CSV_ERROR_READ,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  return auftakt_csv_new_from_data (data, length, path, error);
}

const char *
auftakt_csv_get_display_name (AuftaktCsv *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CSV (self), NULL);

  return self->display_name;
}

char
auftakt_csv_get_separator (AuftaktCsv *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CSV (self), ',');

  return self->separator;
}

AuftaktCsvEncoding
auftakt_csv_get_encoding (AuftaktCsv *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CSV (self), AUFTAKT_CSV_ENCODING_UTF8);

  return self->encoding;
}

const char *
auftakt_csv_encoding_get_label (AuftaktCsvEncoding encoding)
{
  switch (encoding)
    {
    case AUFTAKT_CSV_ENCODING_UTF8:
      return "UTF-8";
    case AUFTAKT_CSV_ENCODING_UTF8_BOM:
      return _("UTF-8 with byte order mark");
    case AUFTAKT_CSV_ENCODING_UTF16:
      return "UTF-16";
    case AUFTAKT_CSV_ENCODING_WINDOWS_1252:
      return "Windows-1252";
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
auftakt_csv_get_n_records (AuftaktCsv *self)
{
  g_return_val_if_fail (AUFTAKT_IS_CSV (self), 0);

  return self->records->len;
}

const char * const *
auftakt_csv_get_record (AuftaktCsv *self,
                        guint       record)
{
  g_return_val_if_fail (AUFTAKT_IS_CSV (self), NULL);
  g_return_val_if_fail (record < self->records->len, NULL);

  return (const char * const *) ((Record *) g_ptr_array_index (self->records, record))->fields;
}

guint
auftakt_csv_get_n_fields (AuftaktCsv *self,
                          guint       record)
{
  g_return_val_if_fail (AUFTAKT_IS_CSV (self), 0);
  g_return_val_if_fail (record < self->records->len, 0);

  return ((Record *) g_ptr_array_index (self->records, record))->n_fields;
}

const char *
auftakt_csv_get_field (AuftaktCsv *self,
                       guint       record,
                       guint       field)
{
  Record *r;

  g_return_val_if_fail (AUFTAKT_IS_CSV (self), NULL);
  g_return_val_if_fail (record < self->records->len, NULL);

  r = g_ptr_array_index (self->records, record);
  return field < r->n_fields ? r->fields[field] : NULL;
}

guint
auftakt_csv_get_line (AuftaktCsv *self,
                      guint       record)
{
  g_return_val_if_fail (AUFTAKT_IS_CSV (self), 0);
  g_return_val_if_fail (record < self->records->len, 0);

  return ((Record *) g_ptr_array_index (self->records, record))->line;
}
