/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "auftakt-util"

#include "config.h"

#include "auftakt-util.h"

#include <string.h>

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
gboolean
auftakt_set_str (char       **str_pointer,
                 const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* NULL and the empty list are equal: both mean "none". */
gboolean
auftakt_strv_equal (const char * const *a,
                    const char * const *b)
{
  gsize i;

  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;

  return a[i] == NULL && b[i] == NULL;
}

gboolean
auftakt_strv_contains (const char * const *strv,
                       const char         *str)
{
  return strv != NULL && str != NULL && g_strv_contains (strv, str);
}

/* A new NULL-terminated copy of an array of strings. */
char **
auftakt_strv_from_ptr_array (GPtrArray *array)
{
  char **strv = g_new0 (char *, array->len + 1);

  for (guint i = 0; i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));

  return strv;
}

/* "HH:MM", or NULL for an unset time (-1). */
char *
auftakt_format_minutes (int minutes)
{
  if (minutes < 0)
    return NULL;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* Accepts exactly "H:MM" or "HH:MM" within one day. */
gboolean
auftakt_parse_minutes (const char *text,
                       int        *minutes)
{
  int h = 0, m;
  const char *p = text;

  if (text == NULL)
    return FALSE;

  if (!g_ascii_isdigit (p[0]))
    return FALSE;
  h = p[0] - '0';
  p++;
  if (g_ascii_isdigit (p[0]))
    {
      h = h * 10 + (p[0] - '0');
      p++;
    }
  if (p[0] != ':' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) || p[3] != '\0')
    return FALSE;
  m = (p[1] - '0') * 10 + (p[2] - '0');
  if (h > 23 || m > 59)
    return FALSE;

  *minutes = h * 60 + m;
  return TRUE;
}

/* A non-negative integer as XML Schema writes one: surrounding blanks and a
 * leading '+' are allowed, the value must fit an int. */
gboolean
auftakt_parse_count (const char *text,
                     int        *value)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint64 v = 0;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (*p == '+')
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
      if (v > G_MAXINT)
        return FALSE;
    }

  *value = (int) v;
  return TRUE;
}
