/* tests/fuzz/fuzz-replay.c: runs a fuzz target over files, without libFuzzer.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one target into a plain test: every file in the folders given (the seed corpus
 * and the inputs that once crashed the target) goes through LLVMFuzzerTestOneInput(), as a
 * TAP test of its own. Any crash, assertion or sanitizer report fails the run.
 */
#include "config.h"

#include <string.h>

#include "craft-fuzz.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder (GPtrArray  *files,
            const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  /* The same order every run. */
  g_ptr_array_sort (names, compare_paths);
  g_ptr_array_extend_and_steal (files, g_steal_pointer (&names));
}

static void
replay_one (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        add_folder (files, argv[i]);
      else
        g_ptr_array_add (files, g_strdup (argv[i]));
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s",
                                                    strstr (path, "/regressions/") != NULL
                                                    ? "regression" : "seed", base);

      g_test_add_data_func (test_path, path, replay_one);
    }
  return g_test_run ();
}
