/* bench/craft-bench-generate.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a data folder with a realistic diary for the benchmarks, through the store's own
 * code: entries in English, Swedish and Danish with every field used, tags, filled
 * worksheets, session progress and happiness ratings. The same seed gives the same data.
 *
 *   craft-bench-generate DIR N_ENTRIES [SEED]
 *
 * Entries go back in time from 2026-11-23, one to three a day. The store takes no time
 * before 1970, and at one to three a day 100,000 entries would reach back 137 years: a
 * diary is never older than MAX_YEARS, and a larger one has more entries a day instead
 * (100,000 entries: one to nine a day over 55 years). A few words are planted at
 * known rates so that searches have a common word ("kitchen" in about one entry in five)
 * and a rare one ("trampoline", one entry in a thousand).
 */
#include "config.h"

#include <stdlib.h>

#include "store/craft-store.h"
#include "store/craft-store-export.h"

#define BATCH 2000
#define MAX_YEARS 50 /* how the average is set; a little longer in the end */

static GRand *rng;

static const char *
pick (const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rng, 0, (gint32) n)];
}

#define PICK(list) pick ((list), G_N_ELEMENTS (list))

static const char *const places[] = {
  "at home in the kitchen", "in the car on the way home", "at my mother's", "at the supermarket",
  "hemma i köket", "i bilen", "hos svärmor", "på jobbet", "på festen hos Lena",
  "derhjemme i stuen", "i bilen på vej hjem", "hos hans forældre", "til fødselsdagen",
};

static const char *const people[] = {
  "Tom and the children", "my sister", "Anna", "just the two of us",
  "Johan och barnen", "mamma", "grannen Eva", "vi två",
  "Mads og børnene", "min søster", "Henrik", "kun os to",
};

static const char *const openings[] = {
  "He came home late again and the kitchen smelled of beer.",
  "We were supposed to have dinner together but she had already started drinking.",
  "I found empty bottles behind the shelf in the garage.",
  "The children asked why dad was sleeping on the sofa in the afternoon.",
  "Han kom hem sent igen och jag märkte direkt att han hade druckit.",
  "Vi skulle äta middag i köket men hon var redan påverkad.",
  "Jag hittade tomma flaskor i förrådet och blev rädd.",
  "Barnen frågade varför pappa sov mitt på dagen.",
  "Han kom sent hjem igen, og jeg kunne lugte det med det samme.",
  "Vi skulle spise sammen i køkkenet, men hun havde allerede drukket.",
  "Jeg fandt tomme flasker bag skabet i kælderen.",
  "Børnene spurgte, hvorfor far sov midt på dagen.",
};

static const char *const middles[] = {
  "I tried to stay calm and said what I needed without blaming him.",
  "We argued about money and I said things I regret.",
  "I went for a walk to get some distance before I answered.",
  "Jag försökte vara lugn och sa vad jag behövde utan att skälla.",
  "Vi grälade om pengar och jag sa saker jag ångrar.",
  "Jag gick ut en stund för att få lite avstånd.",
  "Jeg prøvede at være rolig og sagde, hvad jeg havde brug for.",
  "Vi skændtes om penge, og jeg sagde ting, jeg fortryder.",
  "Jeg gik en tur for at få lidt afstand, før jeg svarede.",
};

static const char *const endings[] = {
  "Later in the evening we could talk a little.", "I felt alone with it all night.",
  "Senare på kvällen kunde vi prata lite.", "Jag kände mig ensam med allt.",
  "Senere på aftenen kunne vi tale lidt sammen.", "Jeg følte mig alene med det hele.",
  "Tomorrow I will call the counsellor.", "Imorgon ringer jag stödlinjen.",
  "I morgen ringer jeg til rådgiveren.",
};

static const char *const triggers[] = {
  "Payday", "Friday evening", "A call from his brother", "Lönehelg", "Fredagskväll",
  "Bråk på jobbet", "Lønningsdag", "Fredag aften", "Et opkald fra hans bror", "The football match",
};

static const char *const thoughts[] = {
  "It is my fault, I should have noticed earlier.", "I cannot go on like this.",
  "Maybe he will listen if I ask kindly.", "Det är mitt fel, jag borde ha märkt det tidigare.",
  "Jag orkar inte mer.", "Kanske lyssnar han om jag frågar snällt.",
  "Det er min skyld, jeg burde have set det før.", "Jeg kan ikke blive ved sådan her.",
  "Måske lytter hun, hvis jeg spørger pænt.",
};

static const char *const did[] = {
  "I left the room and made tea.", "I told him calmly that I would not drive him.",
  "Jag lämnade rummet och kokade te.", "Jag sa lugnt att jag inte tänkte skjutsa honom.",
  "Jeg gik ud af rummet og lavede te.", "Jeg sagde roligt, at jeg ikke ville køre ham.",
  "I called my friend and talked for an hour.",
};

static const char *const outcomes_me[] = {
  "I slept better than I feared.", "I was shaking for an hour.", "Jag sov bättre än jag trodde.",
  "Jag var skakig länge.", "Jeg sov bedre, end jeg havde frygtet.", "Jeg rystede i en time.",
};

static const char *const outcomes_them[] = {
  "He went to bed early.", "She was angry the next morning.", "Han gick och lade sig tidigt.",
  "Hon var arg nästa morgon.", "Han gik tidligt i seng.", "Hun var vred næste morgen.",
};

static const char *const supports[] = {
  "My sister listened.", "The support line.", "Min syster lyssnade.", "Al-Anon-mötet på torsdag.",
  "Min veninde lyttede.", "Pårørenderådgivningen.", "",
};

static const char *const tag_words[] = {
  "family", "money", "work", "weekend", "holiday", "children", "familj", "pengar", "jobbet",
  "helg", "barnen", "familie", "arbejde", "weekend", "børnene", "jul", "midsommar",
};

static const char *const states[] = { "sober", "using", "influenced", "hungover", "unknown", "" };
static const char *const copings[] = { "engaged", "tolerant", "withdrawn" };
static const char *const kinds_engaged[] = { "control", "arguing", "checking", "pleading",
                                             "assertive" };
static const char *const kinds_tolerant[] = { "putting-up", "protecting", "self-sacrifice" };
static const char *const kinds_withdrawn[] = { "distance", "own-way" };
static const char *const safes[] = { "yes", "yes", "yes", "no", "unsure", "" };
static const char *const feelings[] = { "worried", "angry", "sad", "afraid", "ashamed", "lonely",
                                        "relieved", "hopeful" };
static const char *const try_next[] = { "positive-request", "reward", "stepping-back",
                                        "consequence", "leaving-safely", "other" };
static const char *const areas[] = { "relationship", "social-life", "work-studies", "money",
                                     "health", "emotional-life", "leisure", "communication",
                                     "overall" };

/* Up to @max distinct ids from @list joined by ",". */
static char *
pick_set (const char * const *list,
          guint               n,
          guint               max)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint count = (guint) g_rand_int_range (rng, 1, (gint32) max + 1);
  guint32 used = 0;

  for (guint i = 0; i < count; i++)
    {
      guint k = (guint) g_rand_int_range (rng, 0, (gint32) n);

      if (used & (1u << k))
        continue;
      used |= 1u << k;
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, list[k]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
what_happened (guint64 serial)
{
  g_autoptr(GString) text = g_string_new (PICK (openings));

  g_string_append_c (text, ' ');
  g_string_append (text, PICK (middles));
  if (g_rand_boolean (rng))
    {
      g_string_append (text, "\n\n");
      g_string_append (text, PICK (middles));
    }
  g_string_append_c (text, ' ');
  g_string_append (text, PICK (endings));
  /* The planted words: a common one and a rare one, at rates searches can rely on. */
  if (g_rand_int_range (rng, 0, 5) == 0)
    g_string_append (text, " Afterwards I cleaned the kitchen.");
  if (serial % 1000 == 500)
    g_string_append (text, " The children played on the trampoline the whole time.");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
add_entry (CraftStore  *store,
           gint64       happened_at,
           guint64      serial,
           GError     **error)
{
  const char *values[64];
  const char * const *names = craft_store_diary_fields ();
  g_autofree char *when = g_strdup_printf ("%" G_GINT64_FORMAT, happened_at);
  g_autofree char *story = what_happened (serial);
  g_autofree char *feel = pick_set (feelings, G_N_ELEMENTS (feelings), 3);
  g_autofree char *tries = pick_set (try_next, G_N_ELEMENTS (try_next), 2);
  g_autofree char *tags = NULL;
  g_autofree char *strength = g_strdup_printf ("%d", g_rand_int_range (rng, 0, 11));
  g_autofree char *stress = g_strdup_printf ("%d", g_rand_int_range (rng, 0, 11));
  g_autofree char *uuid = NULL;
  const char *coping = PICK (copings);
  const char *kind;
  gboolean changed = FALSE;
  CraftDiaryRecord record;
  guint8 bytes[16];

  for (guint i = 0; i < 16; i++)
    bytes[i] = (guint8) g_rand_int_range (rng, 0, 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  uuid = g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6],
                          bytes[7], bytes[8], bytes[9], bytes[10], bytes[11], bytes[12],
                          bytes[13], bytes[14], bytes[15]);

  if (g_str_equal (coping, "engaged"))
    kind = PICK (kinds_engaged);
  else if (g_str_equal (coping, "tolerant"))
    kind = PICK (kinds_tolerant);
  else
    kind = PICK (kinds_withdrawn);
  tags = g_rand_int_range (rng, 0, 4) == 0 ? g_strdup ("")
                                            : pick_set (tag_words, G_N_ELEMENTS (tag_words), 3);

  g_assert (g_strv_length ((char **) names) < G_N_ELEMENTS (values));
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      const char *value = "";

      if (g_str_equal (name, "happened-at"))
        value = when;
      else if (g_str_equal (name, "place"))
        value = PICK (places);
      else if (g_str_equal (name, "people"))
        value = PICK (people);
      else if (g_str_equal (name, "what-happened"))
        value = story;
      else if (g_str_equal (name, "trigger"))
        value = PICK (triggers);
      else if (g_str_equal (name, "loved-one-state"))
        value = PICK (states);
      else if (g_str_equal (name, "thoughts"))
        value = PICK (thoughts);
      else if (g_str_equal (name, "feelings"))
        value = feel;
      else if (g_str_equal (name, "feelings-other"))
        value = g_rand_int_range (rng, 0, 8) == 0 ? "tired / trött / træt" : "";
      else if (g_str_equal (name, "feeling-strength"))
        value = strength;
      else if (g_str_equal (name, "stress"))
        value = stress;
      else if (g_str_equal (name, "what-i-did"))
        value = PICK (did);
      else if (g_str_equal (name, "coping"))
        value = coping;
      else if (g_str_equal (name, "coping-kind"))
        value = kind;
      else if (g_str_equal (name, "outcome-me"))
        value = PICK (outcomes_me);
      else if (g_str_equal (name, "outcome-them"))
        value = PICK (outcomes_them);
      else if (g_str_equal (name, "safe"))
        value = PICK (safes);
      else if (g_str_equal (name, "support"))
        value = PICK (supports);
      else if (g_str_equal (name, "try-next"))
        value = tries;
      else if (g_str_equal (name, "try-next-other"))
        value = g_str_has_suffix (tries, "other") ? "Ask my sister to come over" : "";
      else if (g_str_equal (name, "tags"))
        value = tags;
      else if (g_str_equal (name, "flagged"))
        value = g_rand_int_range (rng, 0, 10) == 0 ? "1" : "0";
      else
        g_error ("The generator does not know the diary field “%s”", name);
      values[i] = value;
      values[i + 1] = NULL;
    }

  record.uuid = uuid;
  record.created_at = happened_at + g_rand_int_range (rng, 60, 36000);
  record.updated_at = record.created_at + g_rand_int_range (rng, 0, 3600);
  /* One entry in two hundred waits in the Trash. */
  record.deleted_at = serial % 200 == 7 ? record.updated_at + 60 : 0;
  record.values = values;
  return craft_store_merge_diary_record (store, &record, FALSE, &changed, error);
}

static gboolean
fill_worksheets (CraftStore  *store,
                 gint64       now,
                 GError     **error)
{
  static const char *const answers[][3] = {
    { "safety-plan", "warning-signs", "He starts drinking beer already at lunch. / Han börjar dricka redan vid lunch." },
    { "safety-plan", "safe-place", "My sister's flat, she has a key for me. / Min systers lägenhet." },
    { "safety-plan", "have-ready", "Phone charger, car keys, the children's medicine." },
    { "safety-plan", "private-note", "Jeg må altid gerne ringe til Karen, også om natten." },
    { "what-i-tried", "what", "Hiding the bottles" },
    { "what-i-tried", "when-how", "Every weekend for a year. Varje helg i ett år." },
    { "what-i-tried", "cost-to-me", "I was tired and angry all the time." },
    { "what-i-tried", "want-instead", "Tell him kindly how I feel when he drinks." },
    { "use-episode", "external-triggers", "Fredagar, lönehelger, hans bror." },
    { "use-episode", "internal-triggers", "Stress på jobbet, ensamhet." },
    { "use-episode", "what-happened", "Han drack fyra öl och sedan whisky." },
    { "use-episode", "early-signs", "Han blir tyst och rastlös." },
    { "use-episode", "short-term-gains", "He relaxes. Han slappnar av." },
    { "use-episode", "long-term-costs", "Vi pratar inte längre. Vi taler ikke sammen mere." },
    { "positive-request", "typical-argument", "You always come home drunk!" },
    { "positive-request", "rewritten", "I would love it if we could eat together tonight." },
  };
  static const char *const contacts[][2] = {
    { "Karen (søster)", "+45 20 12 34 56" },
    { "Lena", "+46 70 123 45 67" },
    { "Support line", "020-84 44 48" },
  };
  GDateTime *start = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (!craft_store_set_answer (store, answers[i][0], answers[i][1], answers[i][2], error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      gint64 row = craft_store_add_row (store, "safety-plan", "people", error);

      if (row == 0 || !craft_store_set_row_value (store, row, "name", contacts[i][0], error)
          || !craft_store_set_row_value (store, row, "number", contacts[i][1], error))
        return FALSE;
    }

  /* Sessions 1 … 8 done a fortnight apart, 9 planned. */
  start = g_date_time_new_from_unix_local (now - 20 * 7 * 86400);
  for (int session = 1; session <= 9; session++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, (session - 1) * 14);
      g_autofree char *planned = g_date_time_format (day, "%Y-%m-%d");

      if (!craft_store_set_session_planned (store, session, planned, error))
        goto failed;
      if (session <= 8
          && (!craft_store_set_session_started (store, session, g_date_time_to_unix (day), error)
              || !craft_store_set_session_done (store, session,
                                                g_date_time_to_unix (day) + 3600, error)
              || !craft_store_set_homework_done (store, session, "practice", TRUE,
                                                 g_date_time_to_unix (day) + 86400, error)))
        goto failed;
    }
  g_date_time_unref (start);
  return craft_store_set_meta (store, "program-start", "2026-07-06", error);

failed:
  g_date_time_unref (start);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CraftStore) store = NULL;
  g_autoptr(GDateTime) today = NULL;
  guint64 n_entries = 0, seed = 20261123, serial = 0;
  gint64 day_start;
  guint n_days = 0;
  gint32 max_per_day = 3;

  if (argc < 3 || !g_ascii_string_to_unsigned (argv[2], 10, 0, 10000000, &n_entries, NULL)
      || (argc > 3 && !g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT32, &seed, NULL)))
    {
      g_printerr ("Usage: %s DIR N_ENTRIES [SEED]\n", argv[0]);
      return 2;
    }

  rng = g_rand_new_with_seed ((guint32) seed);
  store = craft_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);

  /* A fixed "now" (the project's test day), so the same seed always gives the same data. */
  today = g_date_time_new_local (2026, 11, 23, 0, 0, 0);
  day_start = g_date_time_to_unix (today);

  /* On average two a day, or as many as it takes to fit into MAX_YEARS. */
  if (n_entries / 2 > MAX_YEARS * 365)
    max_per_day = (gint32) (2 * n_entries / (MAX_YEARS * 365)) - 1;

  if (!fill_worksheets (store, day_start, &error))
    g_error ("%s", error->message);

  while (serial < n_entries)
    {
      if (!craft_store_begin_write (store, &error))
        g_error ("%s", error->message);
      for (guint b = 0; b < BATCH && serial < n_entries; n_days++)
        {
          guint per_day = (guint) g_rand_int_range (rng, 1, max_per_day + 1);
          gint64 day = day_start - (gint64) n_days * 86400;

          for (guint k = 0; k < per_day && serial < n_entries; k++, b++, serial++)
            {
              gint64 when = day + 7 * 3600 + g_rand_int_range (rng, 0, 15 * 3600);

              if (!add_entry (store, when, serial, &error))
                g_error ("%s", error->message);
            }

          /* The happiness scale, every area once a week. */
          if (n_days % 7 == 0)
            {
              g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (day + 12 * 3600);
              g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");

              for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
                if (!craft_store_set_happiness (store, iso, areas[a],
                                                g_rand_int_range (rng, 2, 11), &error))
                  g_error ("%s", error->message);
            }
        }
      if (!craft_store_commit (store, &error))
        g_error ("%s", error->message);
    }

  g_print ("%" G_GUINT64_FORMAT " entries over %u days in %s\n", n_entries, n_days, argv[1]);
  g_rand_free (rng);
  /* Closing checkpoints the write-ahead log into the database file. */
  g_clear_object (&store);
  return 0;
}
