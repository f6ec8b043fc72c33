/* phoneset-fleet.c
 *
 * Copyright 2026 The Phoneset developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fleet: many phones of one profile, with common values (a config) and
 * each phone's own values from a CSV phone list (a `mac` column, an
 * optional `name` column, one column per setting id). Renders the vendor's
 * common file, one file per MAC and a README with the DHCP and PnP set-up
 * (seed 003: "massively configure tens, hundreds, or thousands of phones").
 *
 * The CSV reader follows RFC 4180 (quoted fields with "" inside, line breaks
 * inside quotes, CRLF or LF), skips a UTF-8 byte order mark and empty lines,
 * and takes “;” as the separator when the header has “;” and no “,” (what
 * spreadsheets write in many locales).
 */

#define G_LOG_DOMAIN "phoneset-fleet"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "phoneset-error.h"
#include "phoneset-export.h"
#include "phoneset-fleet.h"
#include "phoneset-mac.h"
#include "phoneset-provisioning.h"
#include "phoneset-remote.h"

/* More columns than any profile has settings is a broken file. */
#define MAX_FIELDS 4096
/* The problems listed in one error message; all are in the problem list. */
#define MAX_PROBLEMS_IN_MESSAGE 5

struct _PhonesetFleet
{
  PhonesetConfig *common;
  GPtrArray      *columns;  /* char *, the header as given */
  GPtrArray      *phones;   /* PhonesetFleetPhone */
  GPtrArray      *problems; /* PhonesetFleetProblem */
};

void
phoneset_csv_row_free (PhonesetCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

static void
problem_free (PhonesetFleetProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

static void
phone_free (PhonesetFleetPhone *phone)
{
  g_free (phone->mac);
  g_free (phone->name);
  g_hash_table_unref (phone->values);
  g_free (phone);
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  return fields->len == 1 && ((char *)g_ptr_array_index (fields, 0))[0] == '\0';
}

static gboolean
check_csv_size (gsize    len,
                GError **error)
{
  if (len > PHONESET_CSV_MAX_SIZE)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the phone list is larger than 16 MiB; split it into several files"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_csv_utf8 (const char  *data,
                gsize        len,
                GError     **error)
{
  const char *end;

  if (!g_utf8_validate (data, len, &end))
    {
      guint bad_line = 1;

      for (const char *q = data; q < end; q++)
        if (*q == '\n')
          bad_line++;
      g_set_error (
        error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
        _("line %u is not UTF-8 text (or has a NUL byte); save the phone list as “CSV UTF-8”"),
           bad_line);
      return FALSE;
    }
  return TRUE;
}

/* The separator: “;” when the first line has “;” and no “,”. */
static char
find_separator (const char *p,
                const char *end)
{
  const char *nl = memchr (p, '\n', end - p);
  const char *first_end = nl ? nl : end;

  if (memchr (p, ';', first_end - p) != NULL && memchr (p, ',', first_end - p) == NULL)
    return ';';
  return ',';
}

/* One character inside quotes at *@p (before @end): a doubled quote stands
 * for one, a single one closes the field. */
static void
read_quoted (const char **p,
             const char  *end,
             GString     *field,
             gboolean    *quoted,
             guint       *line)
{
  char c = **p;

  if (c == '"')
    {
      if (*p + 1 < end && (*p)[1] == '"')
        {
          g_string_append_c (field, '"');
          *p += 2;
          return;
        }
      *quoted = FALSE;
      (*p)++;
      return;
    }
  if (c == '\n')
    (*line)++;
  g_string_append_c (field, c);
  (*p)++;
}

/* Ends the field read so far: moves @field to @fields. */
static gboolean
take_field (GPtrArray  *fields,
            GString    *field,
            guint       record_line,
            GError    **error)
{
  g_ptr_array_add (fields, g_strdup (field->str));
  g_string_truncate (field, 0);
  if (fields->len > MAX_FIELDS)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u has more than %u fields; this is not a phone list"), record_line,
                      MAX_FIELDS);
      return FALSE;
    }
  return TRUE;
}

/* Ends a record: its fields become a row of @rows, unless it is an
 * empty line. */
static void
end_record (GPtrArray  *rows,
            GPtrArray **fields,
            guint       record_line,
            gboolean    was_quoted)
{
  if (!row_is_empty (*fields) || was_quoted)
    {
      PhonesetCsvRow *row = g_new0 (PhonesetCsvRow, 1);

      g_ptr_array_add (*fields, NULL);
      row->line = record_line;
      row->fields = (char **)g_ptr_array_free (g_steal_pointer (fields), FALSE);
      g_ptr_array_add (rows, row);
      *fields = g_ptr_array_new_with_free_func (g_free);
    }
  else
    g_ptr_array_set_size (*fields, 0);
}

/**
 * phoneset_csv_parse:
 * @data: the CSV text (UTF-8)
 * @len: its length
 * @error: a location for a #GError
 *
 * Returns: (transfer container) (element-type PhonesetCsvRow): the records,
 *   empty lines left out, or %NULL with @error set
 */
GPtrArray *
phoneset_csv_parse (const char  *data,
                    gsize        len,
                    GError     **error)
{
  g_autoptr(GPtrArray) rows =
               g_ptr_array_new_with_free_func ((GDestroyNotify)phoneset_csv_row_free);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  const char *end;
  const char *p = data;
  char        separator;
  guint       line = 1;
  guint       record_line = 1;
  gboolean    quoted = FALSE; /* inside quotes */
  gboolean    was_quoted = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!check_csv_size (len, error))
    return NULL;
  if (data == NULL)
    data = p = "";
  if (!check_csv_utf8 (data, len, error))
    return NULL;
  end = data + len;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  separator = find_separator (p, end);

  fields = g_ptr_array_new_with_free_func (g_free);
  while (p <= end)
    {
      char     c = p < end ? *p : '\0';
      gboolean at_end = p == end;

      if (quoted)
        {
          if (at_end)
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line %u: a quoted field is not closed; add the closing quote (\")"),
                              record_line);
              return NULL;
            }
          read_quoted (&p, end, field, &quoted, &line);
          continue;
        }

      if (at_end || c == '\n' || (c == '\r' && (p + 1 == end || p[1] == '\n')))
        {
          if (!take_field (fields, field, record_line, error))
            return NULL;
          end_record (rows, &fields, record_line, was_quoted);
          was_quoted = FALSE;
          if (at_end)
            break;
          p += c == '\r' ? 2 : 1;
          line++;
          record_line = line;
          continue;
        }
      if (c == separator)
        {
          was_quoted = FALSE;
          if (!take_field (fields, field, record_line, error))
            return NULL;
          p++;
          continue;
        }
      if (c == '"')
        {
          if (field->len != 0 || was_quoted)
            {
              g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                           _("line %u: a quote (\") in the middle of a field; put the whole field in quotes and double the quote inside (\"\")"),
                              line);
              return NULL;
            }
          quoted = TRUE;
          was_quoted = TRUE;
          p++;
          continue;
        }
      if (was_quoted)
        {
          g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                       _("line %u: text after a closing quote; put the whole field in quotes"),
                          line);
          return NULL;
        }
      g_string_append_c (field, c);
      p++;
    }

  return g_steal_pointer (&rows);
}

static void
add_problem (PhonesetFleet *self,
             guint          line,
             const char    *column,
             const char    *message)
{
  PhonesetFleetProblem *problem = g_new0 (PhonesetFleetProblem, 1);

  problem->line = line;
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
}

void
phoneset_fleet_free (PhonesetFleet *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->common);
  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->phones);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/* The header: the "mac" and "name" columns, and the setting columns
 * (marked in @setting_of); other columns are problems. */
static void
read_header (PhonesetFleet   *self,
             PhonesetProfile *profile,
             PhonesetCsvRow  *header,
             int             *mac_column,
             int             *name_column,
             int             *setting_of)
{
  for (guint i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *column = g_strstrip (g_strdup (header->fields[i]));

      if (g_ascii_strcasecmp (column, "mac") == 0 && *mac_column < 0)
        *mac_column = i;
      else if (g_ascii_strcasecmp (column, "name") == 0 && *name_column < 0)
        *name_column = i;
      else if (column[0] == '\0')
        {
          g_autofree char *message = g_strdup_printf (
            _("column %u has no name; name it after a setting id or remove it"), i + 1);

          add_problem (self, header->line, NULL, message);
        }
      else if (phoneset_profile_lookup_setting (profile, column) == NULL)
        {
          g_autofree char *message = g_strdup_printf (
            _("“%s” is not a setting of the %s profile (see “phoneset profiles”)"), column,
               phoneset_profile_get_id (profile));

          add_problem (self, header->line, column, message);
        }
      else
        {
          for (guint j = 0; j < i; j++)
            if (setting_of[j] && g_str_equal (g_ptr_array_index (self->columns, j), column))
              {
                g_autofree char *message =
                  g_strdup_printf (_("the column “%s” appears twice; keep one"), column);

                add_problem (self, header->line, column, message);
              }
          setting_of[i] = 1;
        }
      g_ptr_array_add (self->columns, g_steal_pointer (&column));
    }
}

/* The MAC address of @row, normalized, or %NULL (a problem is added)
 * when it is missing, bad or already listed. */
static char *
read_mac (PhonesetFleet  *self,
          PhonesetCsvRow *row,
          guint           n,
          int             mac_column,
          GHashTable     *seen)
{
  g_autofree char *mac_text = NULL;
  g_autofree char *mac = NULL;
  g_autoptr(GError) mac_error = NULL;

  mac_text = g_strstrip (g_strdup ((guint)mac_column < n ? row->fields[mac_column] : ""));
  if (mac_text[0] == '\0')
    {
      add_problem (self, row->line, "mac",
                   _("no MAC address; every phone needs one, such as 00:15:65:12:34:56"));
      return NULL;
    }
  mac = phoneset_mac_normalize (mac_text, PHONESET_MAC_STYLE_BARE_LOWER, &mac_error);
  if (mac == NULL)
    {
      add_problem (self, row->line, "mac", mac_error->message);
      return NULL;
    }
  if (g_hash_table_contains (seen, mac))
    {
      g_autofree char *message =
        g_strdup_printf (_("the MAC address %s is already on line %u; each phone is listed once"),
                            mac_text, GPOINTER_TO_UINT (g_hash_table_lookup (seen, mac)));

      add_problem (self, row->line, "mac", message);
      return NULL;
    }
  g_hash_table_insert (seen, g_strdup (mac), GUINT_TO_POINTER (row->line));
  return g_steal_pointer (&mac);
}

/* The setting values of @row, each checked as the phone's own config
 * would take it; a bad one is a problem. */
static void
read_values (PhonesetFleet      *self,
             PhonesetProfile    *profile,
             PhonesetFleetPhone *phone,
             PhonesetCsvRow     *row,
             guint               n,
             const int          *setting_of)
{
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (self->columns, i);
      g_autoptr(GError) value_error = NULL;
      g_autoptr(PhonesetConfig) check = NULL;
      g_autofree char *value = NULL;

      if (!setting_of[i] || row->fields[i][0] == '\0')
        continue;
      value = g_strdup (row->fields[i]);
      /* Each value is checked as the phone's own config would take it. */
      check = phoneset_config_new (profile);
      if (!phoneset_config_set (check, id, value, &value_error))
        {
          add_problem (self, row->line, id, value_error->message);
          continue;
        }
      g_hash_table_insert (phone->values, g_strdup (id),
                           g_strdup (phoneset_config_get (check, id)));
    }
}

/**
 * phoneset_fleet_parse:
 * @common: the values every phone gets (the fleet keeps a reference)
 * @data: the CSV phone list
 * @len: its length
 * @error: a location for a #GError
 *
 * Reads the phone list and checks every row against @common's profile. A
 * file that cannot be read as CSV, or has no `mac` column, is an error; bad
 * rows (a bad or repeated MAC, a value out of range) and unknown columns
 * are problems (phoneset_fleet_get_problems()), so that a preview can show
 * them all. phoneset_fleet_check() turns them into one error.
 *
 * Returns: (transfer full) (nullable): the fleet
 */
PhonesetFleet *
phoneset_fleet_parse (PhonesetConfig  *common,
                      const char      *data,
                      gsize            len,
                      GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PhonesetFleet) self = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PhonesetProfile *profile;
  PhonesetCsvRow  *header;
  int              mac_column = -1;
  int              name_column = -1;
  g_autofree int  *setting_of = NULL; /* column → 1 if a setting column */
  guint            n_columns;

  g_return_val_if_fail (PHONESET_IS_CONFIG (common), NULL);

  rows = phoneset_csv_parse (data, len, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("the phone list is empty; it needs a header line such as “mac,name,line.1.number” and one line per phone"));
      return NULL;
    }

  profile = phoneset_config_get_profile (common);
  self = g_new0 (PhonesetFleet, 1);
  self->common = g_object_ref (common);
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->phones = g_ptr_array_new_with_free_func ((GDestroyNotify)phone_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);

  header = g_ptr_array_index (rows, 0);
  n_columns = g_strv_length (header->fields);
  setting_of = g_new0 (int, n_columns);
  read_header (self, profile, header, &mac_column, &name_column, setting_of);
  if (mac_column < 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_PARSE,
                   _("line %u: the phone list has no “mac” column; the first line names the columns, such as “mac,name,line.1.number”"),
                      header->line);
      return NULL;
    }

  for (guint r = 1; r < rows->len; r++)
    {
      PhonesetCsvRow     *row = g_ptr_array_index (rows, r);
      guint               n = g_strv_length (row->fields);
      g_autofree char    *mac = NULL;
      PhonesetFleetPhone *phone;

      if (n > n_columns)
        {
          g_autofree char *message =
            g_strdup_printf (_("%u fields, but the header names %u columns"), n, n_columns);

          add_problem (self, row->line, NULL, message);
          continue;
        }
      mac = read_mac (self, row, n, mac_column, seen);
      if (mac == NULL)
        continue;

      phone = g_new0 (PhonesetFleetPhone, 1);
      phone->line = row->line;
      phone->mac = g_steal_pointer (&mac);
      phone->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (name_column >= 0 && (guint)name_column < n)
        {
          g_autofree char *name = g_strstrip (g_strdup (row->fields[name_column]));

          if (name[0] != '\0')
            phone->name = g_steal_pointer (&name);
        }
      read_values (self, profile, phone, row, n, setting_of);
      g_ptr_array_add (self->phones, phone);
    }

  return g_steal_pointer (&self);
}

PhonesetConfig *
phoneset_fleet_get_common (PhonesetFleet *self)
{
  return self->common;
}

/**
 * phoneset_fleet_get_columns:
 *
 * Returns: (transfer none) (element-type utf8): the header's columns
 */
GPtrArray *
phoneset_fleet_get_columns (PhonesetFleet *self)
{
  return self->columns;
}

/**
 * phoneset_fleet_get_phones:
 *
 * Returns: (transfer none) (element-type PhonesetFleetPhone): the phones
 *   whose MAC address is good, in the list's order
 */
GPtrArray *
phoneset_fleet_get_phones (PhonesetFleet *self)
{
  return self->phones;
}

/**
 * phoneset_fleet_get_problems:
 *
 * Returns: (transfer none) (element-type PhonesetFleetProblem): what is
 *   wrong, by line
 */
GPtrArray *
phoneset_fleet_get_problems (PhonesetFleet *self)
{
  return self->problems;
}

/**
 * phoneset_fleet_check:
 * @source: (nullable): the file name, for the message
 * @error: a location for a #GError
 *
 * Returns: %TRUE if every row is good and there is at least one phone;
 *   otherwise one error listing the first problems by line
 */
gboolean
phoneset_fleet_check (PhonesetFleet  *self,
                      const char     *source,
                      GError        **error)
{
  g_autoptr(GString) text = NULL;

  if (self->problems->len == 0 && self->phones->len > 0)
    return TRUE;
  if (self->problems->len == 0)
    {
      g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
                   _("%s lists no phones; add one line per phone under the header"),
                      source ? source : _("the phone list"));
      return FALSE;
    }

  text = g_string_new (NULL);
  for (guint i = 0; i < self->problems->len && i < MAX_PROBLEMS_IN_MESSAGE; i++)
    {
      PhonesetFleetProblem *problem = g_ptr_array_index (self->problems, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (problem->column != NULL)
        g_string_append_printf (text, _("line %u, %s: %s"), problem->line, problem->column,
                                         problem->message);
      else
        g_string_append_printf (text, _("line %u: %s"), problem->line, problem->message);
    }
  if (self->problems->len > MAX_PROBLEMS_IN_MESSAGE)
    g_string_append_printf (text, _("; and %u more"),
                                     self->problems->len - MAX_PROBLEMS_IN_MESSAGE);
  g_set_error (error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "%s: %s (%u problem; nothing was written)",
                            "%s: %s (%u problems; nothing was written)", self->problems->len),
               source ? source : _("the phone list"), text->str, self->problems->len);
  return FALSE;
}

static gboolean
model_has_common_file (PhonesetProfile  *profile,
                       const char       *model,
                       char            **common_file,
                       GError          **error)
{
  GPtrArray           *models = phoneset_profile_get_models (profile);
  const PhonesetModel *chosen = NULL;
  gboolean             any = FALSE;

  *common_file = NULL;
  for (guint i = 0; i < models->len; i++)
    if (((PhonesetModel *)g_ptr_array_index (models, i))->common_file != NULL)
      any = TRUE;
  if (!any)
    return TRUE; /* Every phone's file carries every setting. */
  if (model != NULL)
    chosen = phoneset_profile_find_model (profile, model);
  else if (models->len == 1)
    chosen = g_ptr_array_index (models, 0);
  if (chosen != NULL && chosen->common_file == NULL)
    return TRUE;
  *common_file =
    phoneset_profile_dup_file_name (profile, PHONESET_FILE_NAME_COMMON, model, NULL, NULL, error);
  return *common_file != NULL;
}

/**
 * phoneset_fleet_render:
 * @options: the model, the server URL (for the README), passwords or not
 * @names: (element-type utf8): the file names are appended here
 * @contents: (element-type GBytes): and their contents here
 * @error: a location for a #GError
 *
 * Renders the common file (the common values) when the model has one, one
 * file per MAC (the phone's own values; the common values too when there is
 * no common file) and `README`. Nothing is rendered unless every row is
 * good (phoneset_fleet_check()).
 *
 * Returns: %TRUE on success
 */
gboolean
phoneset_fleet_render (PhonesetFleet               *self,
                       const PhonesetFleetOptions  *options,
                       GPtrArray                   *names,
                       GPtrArray                   *contents,
                       GError                     **error)
{
  PhonesetProfile *profile = phoneset_config_get_profile (self->common);
  g_autofree char *common_file = NULL;
  g_autoptr(GPtrArray) mac_files = g_ptr_array_new ();
  PhonesetExportOptions export = { 0 };
  char *readme;
  guint first;

  if (!phoneset_fleet_check (self, NULL, error))
    return FALSE;
  /* A password column would otherwise be left out without a word. */
  for (guint i = 0; !options->include_secrets && i < self->columns->len; i++)
    {
      PhonesetSetting *setting =
        phoneset_profile_lookup_setting (profile, g_ptr_array_index (self->columns, i));

      if (setting != NULL && phoneset_setting_is_secret (setting))
        {
          g_set_error (
            error, PHONESET_ERROR, PHONESET_ERROR_INVALID,
            _("the column “%s” holds passwords, which are written into the files only when asked "
                         "(--include-secrets); ask for it, or remove the column"),
               (const char *)g_ptr_array_index (self->columns, i));
          return FALSE;
        }
    }
  if (!model_has_common_file (profile, options->model, &common_file, error))
    return FALSE;

  export.model = options->model;
  export.include_secrets = options->include_secrets;
  if (common_file != NULL)
    {
      export.naming = PHONESET_FILE_NAME_COMMON;
      if (!phoneset_export_render (self->common, &export, names, contents, NULL, error))
        return FALSE;
    }

  first = names->len;
  export.naming = PHONESET_FILE_NAME_MAC;
  for (guint i = 0; i < self->phones->len; i++)
    {
      PhonesetFleetPhone *phone = g_ptr_array_index (self->phones, i);
      g_autoptr(PhonesetConfig) config = common_file ? phoneset_config_new (profile)
                                                      : phoneset_config_copy (self->common);
      const char    *macs[] = { phone->mac, NULL };
      GHashTableIter iter;
      gpointer       key, value;

      g_hash_table_iter_init (&iter, phone->values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!phoneset_config_set (config, key, value, error))
          return FALSE;
      export.macs = macs;
      if (!phoneset_export_render (config, &export, names, contents, NULL, error))
        return FALSE;
    }
  for (guint i = first; i < names->len; i++)
    g_ptr_array_add (mac_files, g_ptr_array_index (names, i));

  readme =
    phoneset_fleet_readme (profile, common_file, self->phones, mac_files, options->server_url);
  g_ptr_array_add (names, g_strdup ("README"));
  g_ptr_array_add (contents, g_bytes_new_take (readme, strlen (readme)));
  return TRUE;
}

/* The name of a phone's own file as the phones write it in a URL they
 * expand (`$mac.cfg`), or %NULL when the profile knows no such macro. */
static char *
dup_macro_file_name (PhonesetProfile *profile)
{
  const char *macro = phoneset_profile_get_pnp_url_macro (profile);
  const char *mac_file = phoneset_profile_get_mac_file (profile);
  g_autoptr(GString) name = NULL;

  if (macro == NULL || mac_file == NULL)
    return NULL;
  name = g_string_new (mac_file);
  g_string_replace (name, "{mac}", macro, 0);
  g_string_replace (name, "{MAC}", macro, 0);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * phoneset_fleet_readme:
 * @profile: the fleet's profile
 * @common_file: (nullable): the common file's name
 * @phones: (element-type PhonesetFleetPhone): the phones
 * @mac_files: (element-type utf8): their files, in the same order
 * @server_url: (nullable): where the files will be served; %NULL for a
 *   placeholder the README tells to replace
 *
 * Returns: (transfer full): the README: what the files are, where to put
 *   them, and the DHCP (option 66 / 43 / custom; dnsmasq and ISC dhcpd) and
 *   SIP PnP set-up that points the phones at them
 */
char *
phoneset_fleet_readme (PhonesetProfile *profile,
                       const char      *common_file,
                       GPtrArray       *phones,
                       GPtrArray       *mac_files,
                       const char      *server_url)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *url = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *dnsmasq66 = NULL;
  g_autofree char *dnsmasq43 = NULL;
  g_autofree char *dnsmasq160 = NULL;
  g_autofree char *isc66 = NULL;
  g_autofree char *isc43 = NULL;
  g_autofree char *isc160 = NULL;
  g_autofree char *macro_file = dup_macro_file_name (profile);
  gboolean         placeholder = server_url == NULL || server_url[0] == '\0';

  url = g_strdup (placeholder ? PHONESET_FLEET_SERVER_PLACEHOLDER "/" : server_url);
  if (!g_str_has_suffix (url, "/"))
    {
      g_autofree char *with_slash = g_strconcat (url, "/", NULL);

      g_free (url);
      url = g_steal_pointer (&with_slash);
    }
  hex = phoneset_dhcp_option_hex (url, "");
  dnsmasq66 = phoneset_dhcp_dnsmasq_line (url, 66);
  dnsmasq43 = phoneset_dhcp_dnsmasq_line (url, 43);
  dnsmasq160 = phoneset_dhcp_dnsmasq_line (url, 160);
  isc66 = phoneset_dhcp_isc_lines (url, 66);
  isc43 = phoneset_dhcp_isc_lines (url, 43);
  isc160 = phoneset_dhcp_isc_lines (url, 160);

  g_string_append_printf (
    s, _("Provisioning files for %u %s phones (profile %s), written by Phoneset %s.\n\n"),
          phones->len, phoneset_profile_get_vendor (profile), phoneset_profile_get_id (profile),
          PACKAGE_VERSION);
  if (placeholder)
    g_string_append_printf (
      s, _("REPLACE %s below with the address of your provisioning server (or export again with "
                                 "--server-url URL).\n\n"),
            PHONESET_FLEET_SERVER_PLACEHOLDER);
  g_string_append (s, _("FILES\n"));
  g_string_append (
    s,
    _("Put every file of this folder (except this README) in the root of the server's directory "
                        "(HTTP, HTTPS or TFTP).\n"));
  if (common_file != NULL)
    g_string_append_printf (
      s, _("  %-28s the settings every phone gets (each phone fetches it first)\n"), common_file);
  else
    g_string_append (
      s,
      _("  No common file is known for this model: each phone's file carries every setting.\n"));
  for (guint i = 0; i < phones->len; i++)
    {
      PhonesetFleetPhone *phone = g_ptr_array_index (phones, i);
      g_autofree char    *colon =
        phoneset_mac_normalize (phone->mac, PHONESET_MAC_STYLE_COLON_LOWER, NULL);

      g_string_append_printf (s, "  %-28s %s%s%s\n", (const char *)g_ptr_array_index (mac_files, i),
                              colon, phone->name ? "  " : "", phone->name ? phone->name : "");
    }

  g_string_append_printf (s, _("\nSERVER URL\n  %s\n"), url);
  if (macro_file != NULL)
    g_string_append_printf (
      s, _("  These phones expand %s in a URL: %s%s names each phone's own file.\n"),
            phoneset_profile_get_pnp_url_macro (profile), url, macro_file);

  g_string_append (s, _("\nDHCP (the phones must take their address by DHCP)\n"));
  g_string_append_printf (s, _("  Option 66 (the URL as text): %s\n"), url);
  g_string_append_printf (s, _("  Option 43 (the URL's bytes in hex): %s\n"), hex);
  g_string_append (s, _("  A custom option (128–254; the phone's DHCP option setting must name it), for example 160.\n"));
  g_string_append (s, _("  dnsmasq (dnsmasq.conf), one of:\n"));
  g_string_append_printf (s, "    %s\n    %s\n    %s\n", dnsmasq66, dnsmasq43, dnsmasq160);
  g_string_append (s, _("  ISC dhcpd (dhcpd.conf), one of:\n"));
  g_string_append_printf (s, "    %s\n    %s\n", isc66, isc43);
  {
    g_auto(GStrv) lines = g_strsplit (isc160, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_string_append_printf (s, "    %s\n", lines[i]);
  }

  g_string_append (s, _("\nSIP PnP (no DHCP change: the phone asks by multicast at boot)\n"));
  g_string_append (
    s, _("  Keep PnP on in the phones (the factory setting) and run on the phones' network:\n"));
  g_string_append (
    s,
    _("    phoneset serve --dir THIS-FOLDER --address THIS-COMPUTER'S-ADDRESS --pnp --port 80\n"));
  g_string_append (
    s,
    _("  It answers each phone's SUBSCRIBE (224.0.1.75:5060) with the URL of its files and logs "
                        "every fetch.\n"));
  if (macro_file != NULL)
    g_string_append_printf (
      s, _("  Or enter the URL in the phone's PnP server / Auto Provision page: %s%s\n"), url,
            macro_file);
  else
    g_string_append_printf (s, _("  Or enter the URL in the phone's Auto Provision page: %s\n"),
                                  url);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * phoneset_fleet_pnp_url:
 * @profiles: (element-type PhonesetProfile): the profiles
 * @directory: the served folder
 * @base_url: the server's URL as the phone reaches it, without a final “/”
 * @mac: the phone's MAC (any spelling)
 * @vendor: (nullable): the SUBSCRIBE's vendor parameter
 *
 * The URL a PnP answer carries, as the phone's profile says (`pnp.url`):
 * the folder (the phone fetches its model's common file and then its MAC
 * file from it) or the phone's own MAC file. The profiles tried are those
 * that answer @vendor (`pnp.vendors`). Only a phone whose MAC file is in
 * @directory gets an answer.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL
 */
char *
phoneset_fleet_pnp_url (GPtrArray  *profiles,
                        const char *directory,
                        const char *base_url,
                        const char *mac,
                        const char *vendor)
{
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      PhonesetProfile  *profile = g_ptr_array_index (profiles, i);
      PhonesetCfgFormat format;
      g_autofree char  *name = NULL;
      g_autofree char  *path = NULL;

      if (!phoneset_profile_get_file_format (profile, &format))
        continue;
      if (!phoneset_profile_answers_pnp_vendor (profile, vendor))
        continue;
      name =
        phoneset_profile_dup_file_name (profile, PHONESET_FILE_NAME_MAC, NULL, mac, NULL, NULL);
      if (name == NULL)
        continue;
      path = g_build_filename (directory, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (phoneset_profile_get_pnp_url (profile) == PHONESET_PNP_URL_FOLDER)
        return g_strdup_printf ("%s/", base_url);
      return g_strdup_printf ("%s/%s", base_url, name);
    }
  return NULL;
}

static gboolean
is_hex_run (const char *p,
            const char *end,
            char        separator,
            guint8      mac[PHONESET_MAC_LEN])
{
  for (guint i = 0; i < PHONESET_MAC_LEN; i++)
    {
      if (p + 2 > end || !g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]))
        return FALSE;
      mac[i] = g_ascii_xdigit_value (p[0]) << 4 | g_ascii_xdigit_value (p[1]);
      p += 2;
      if (separator != '\0' && i + 1 < PHONESET_MAC_LEN)
        {
          if (p >= end || *p != separator)
            return FALSE;
          p++;
        }
    }
  /* Not part of a longer hex run. */
  return p == end || !g_ascii_isxdigit (*p);
}

static char *
find_mac (const char *text)
{
  const char *end;

  if (text == NULL)
    return NULL;
  end = text + strlen (text);
  for (const char *p = text; p < end; p++)
    {
      const char separators[] = { ':', '-', '\0' };
      guint8     mac[PHONESET_MAC_LEN];

      if (p > text && g_ascii_isxdigit (p[-1]))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
        if (is_hex_run (p, end, separators[i], mac))
          return phoneset_mac_format (mac, PHONESET_MAC_STYLE_BARE_LOWER);
    }
  return NULL;
}

/**
 * phoneset_fleet_mac_from_request:
 * @path: the requested path
 * @user_agent: (nullable): the User-Agent
 *
 * Which phone asked: Yealink, Fanvil/PLANET and snom put the MAC in their
 * provisioning User-Agent [T] (WAZO common.py); otherwise the MAC file's
 * name tells.
 *
 * Returns: (transfer full) (nullable): the MAC, 12 lower-case hex digits
 */
char *
phoneset_fleet_mac_from_request (const char *path,
                                 const char *user_agent)
{
  char            *mac = find_mac (user_agent);
  const char      *base;
  g_autofree char *stem = NULL;
  char            *dot;

  if (mac != NULL || path == NULL)
    return mac;
  /* The whole file name, not a part of it: y000000000028.cfg is no MAC. */
  base = strrchr (path, '/');
  stem = g_strdup (base ? base + 1 : path);
  dot = strchr (stem, '.');
  if (dot != NULL)
    *dot = '\0';
  return phoneset_mac_normalize (stem, PHONESET_MAC_STYLE_BARE_LOWER, NULL);
}

/**
 * phoneset_fleet_pnp_url_served:
 * @profiles: (element-type PhonesetProfile): the profiles
 * @dir: the folder served
 * @listen_address: the address the HTTP server listens on (0.0.0.0: all)
 * @port: its port
 * @mac: (nullable): the MAC address of the phone that asked by SIP PnP
 * @phone_address: the phone's IP address
 * @vendor: (nullable): its vendor, from its SUBSCRIBE
 *
 * The URL to answer a phone's SIP PnP SUBSCRIBE with, for a server of @dir
 * (the command line's and the window's): it names the address this
 * computer has towards the phone.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL when there is
 *   nothing for this phone
 */
char *
phoneset_fleet_pnp_url_served (GPtrArray  *profiles,
                               const char *dir,
                               const char *listen_address,
                               guint16     port,
                               const char *mac,
                               const char *phone_address,
                               const char *vendor)
{
  g_autofree char *local = NULL;
  g_autofree char *base = NULL;

  if (dir == NULL || mac == NULL)
    return NULL;
  local = g_str_equal (listen_address, "0.0.0.0") ? phoneset_local_address_for (phone_address, NULL)
                                                  : g_strdup (listen_address);
  if (local == NULL)
    return NULL;
  base = g_strdup_printf ("http://%s:%u", local, port);
  /* The folder or the phone's own file, as its profile says. */
  return phoneset_fleet_pnp_url (profiles, dir, base, mac, vendor);
}
