/* tests/fuzz/fuzz-import.c: a JSON export from anywhere, read and previewed for import.
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file goes through craft_import_load_data() (what craft_import_load() does after
 * reading it) and, when accepted, craft_import_preview() against a store that already holds
 * a little of everything, so the merge meets both new and present items. The preview writes
 * nothing, so each input sees the same store.
 */
#include "config.h"

#include "craft-fuzz.h"
#include "craft-test-util.h"
#include "review/craft-export.h"

static CraftStore *store;

/* What the store holds before the first input: one of each kind, so that the same items in
 * an input are found present. */
static const char existing[] =
  "{\"format\": \"craft-companion\", \"version\": 1,"
  " \"diary\": [{\"uuid\": \"6376012d-1d73-4fcb-b74f-59ecd24e2081\", \"happened-at\": 1767229200,"
  "   \"created-at\": 1767232800, \"updated-at\": 1767236400, \"place\": \"Köket\","
  "   \"stress\": 9, \"flagged\": true}],"
  " \"answers\": [{\"worksheet\": \"safety-plan\", \"field\": \"safe-place\", \"value\": \"Hos Grete\","
  "   \"updated-at\": 1767232800}],"
  " \"rows\": [{\"worksheet\": \"safety-plan\", \"list\": \"people\", \"position\": 0,"
  "   \"created-at\": 1767232800, \"values\": {\"name\": \"Grete\"}}],"
  " \"sessions\": [{\"number\": 1, \"planned-on\": \"2026-01-05\", \"started-at\": 1767225700,"
  "   \"done-at\": null}],"
  " \"homework\": [{\"session\": 1, \"task\": \"one-request\", \"done-at\": 1767225900}],"
  " \"happiness\": [{\"day\": \"2026-01-05\", \"area\": \"overall\", \"value\": 5}],"
  " \"meta\": {\"plan-start\": \"2026-01-05\"}}";

void
craft_fuzz_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftImport) import = NULL;
  g_autofree char *dir = NULL;

  craft_test_init_environment ();
  dir = craft_test_make_dir ("store");
  store = craft_store_open (dir, &error);
  g_assert_no_error (error);
  import = craft_import_load_data (existing, sizeof existing - 1, &error);
  g_assert_no_error (error);
  craft_import_apply (import, store, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CraftImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = craft_import_load_data ((const char *) data, size, &error);
  if (import == NULL)
    {
      /* Every refusal says why, in a sentence. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == CRAFT_EXPORT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  if (craft_import_preview (import, store, &error))
    {
      g_autofree char *summary = craft_import_summary_to_string (craft_import_get_summary (import));

      g_assert_true (g_utf8_validate (summary, -1, NULL));
    }
  else
    g_assert_nonnull (error);
  return 0;
}
