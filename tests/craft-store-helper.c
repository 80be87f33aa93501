/* tests/craft-store-helper.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other process in the crash and hostile-disk tests, linked with the real store only:
 *
 *   craft-store-helper write DIR SEED      saves diary text and worksheet answers as fast as
 *                                          it can until it is killed; before each save it
 *                                          prints "W KEY SHA256", after each save that
 *                                          returned success "OK KEY SHA256"
 *   craft-store-helper hold-lock DIR MS    holds the write lock (BEGIN EXCLUSIVE) for MS
 *                                          milliseconds; prints "LOCKED" once it has it
 *
 * Lines go straight to file descriptor 1 with write(2) after the call returned, so a line
 * the parent read is a save the store had reported done before the kill.
 */
#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/craft-store.h"

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  size_t done = 0;
  size_t len;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (STDOUT_FILENO, line + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (3);
      done += (size_t) n;
    }
}

/* Text a person might write: any length up to a few pages, with Swedish and Danish
 * letters, line breaks, quotes and an emoji now and then. */
static char *
make_text (GRand *rand)
{
  static const char *pieces[] = {
    "Han kom hem sent igen. ", "Jeg blev bange. ", "åäö ÅÄÖ æøå ÆØÅ ", "\n",
    "We talked calmly for once. ", "\"Vi ses i morgon\" ", "🙂 ", "' OR 1=1; -- ",
    "Ringde till mamma. ", "Det gik bedre end sidst. ", "\t", "100 % ",
  };
  GString *text = g_string_new (NULL);
  guint n = (guint) g_rand_int_range (rand, 1, 200);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_string_append_printf (text, "#%u", g_rand_int (rand));
  return g_string_free (text, FALSE);
}

static int
run_write (const char *dir,
           guint32     seed)
{
  static const char *worksheets[] = { "safety-plan", "session-2", "session-5", "session-9" };
  static const char *text_fields[] = { "what-happened", "thoughts", "what-i-did" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = craft_store_open (dir, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (store == NULL)
    {
      say ("ERR open %s\n", error->message);
      return 2;
    }
  say ("READY\n");

  for (;;)
    {
      g_autofree char *text = make_text (rand);
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      g_autofree char *key = NULL;
      gboolean ok;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0: /* a new diary entry */
          {
            gint64 id = craft_store_diary_create (store, 1795000000 + g_rand_int_range (rand, 0, 9999999),
                                                  &error);

            if (id <= 0)
              {
                say ("ERR create %s\n", error->message);
                return 2;
              }
            g_array_append_val (entries, id);
          }
          G_GNUC_FALLTHROUGH;
        case 1: /* more text in an entry, new or earlier */
          if (entries->len > 0)
            {
              gint64 id = g_array_index (entries, gint64,
                                         g_rand_int_range (rand, 0, entries->len));
              const char *field = text_fields[g_rand_int_range (rand, 0,
                                                                G_N_ELEMENTS (text_fields))];

              key = g_strdup_printf ("diary/%" G_GINT64_FORMAT "/%s", id, field);
              say ("W %s %s\n", key, sum);
              ok = craft_store_diary_set (store, id, field, text, &error);
              break;
            }
          G_GNUC_FALLTHROUGH;
        default: /* a worksheet answer */
          {
            const char *worksheet = worksheets[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (worksheets))];
            g_autofree char *field = g_strdup_printf ("field-%d",
                                                      g_rand_int_range (rand, 0, 20));

            key = g_strdup_printf ("answer/%s/%s", worksheet, field);
            say ("W %s %s\n", key, sum);
            ok = craft_store_set_answer (store, worksheet, field, text, &error);
          }
          break;
        }

      if (!ok)
        {
          say ("ERR save %s\n", error->message);
          return 2;
        }
      say ("OK %s %s\n", key, sum);
    }
}

static int
run_hold_lock (const char *dir,
               guint       ms)
{
  g_autofree char *path = g_build_filename (dir, CRAFT_STORE_FILENAME, NULL);
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      say ("ERR lock %s\n", sqlite3_errmsg (db));
      return 2;
    }
  say ("LOCKED\n");
  g_usleep ((gulong) ms * 1000);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "write"))
    return run_write (argv[2], (guint32) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "hold-lock"))
    return run_hold_lock (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  g_printerr ("usage: %s write DIR SEED | hold-lock DIR MS\n", argv[0]);
  return 1;
}
