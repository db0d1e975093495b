/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  auftakt_set_str           (char              **str_pointer,
                                     const char         *new_str);
/* Never leaves *@strv_pointer NULL: NULL becomes an empty list. */
gboolean  auftakt_set_strv          (char             ***strv_pointer,
                                     const char * const *new_strv);
gboolean  auftakt_strv_equal        (const char * const *a,
                                     const char * const *b);
gboolean  auftakt_strv_contains     (const char * const *strv,
                                     const char         *str);
char    **auftakt_strv_from_ptr_array (GPtrArray        *array);

char     *auftakt_format_minutes    (int                 minutes);
gboolean  auftakt_parse_minutes     (const char         *text,
                                     int                *minutes);
gboolean  auftakt_parse_count       (const char         *text,
                                     int                *value);

gboolean  auftakt_resolve_output    (const char         *path,
                                     char              **target);
gboolean  auftakt_write_file        (const char         *path,
                                     const char         *contents,
                                     gsize               length,
                                     GError            **error);

G_END_DECLS
