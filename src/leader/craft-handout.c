/* src/leader/craft-handout.c
 * Copyright 2026 The Craft Companion authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A handout for the group, on paper or in a PDF. The words come from the session content
 * in the group's language, and the few of our own (headings) from the message catalogue
 * of that language, switched only while the handout's text is collected. Like the session
 * printout, the text is collected first and laid out in begin-print for the chosen paper.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "craft-handout.h"
#include "craft-leader-content.h"

#define PAGE_MARGIN_MM 20.0
#define INDENT         22.0
#define WRITING_LINE   26.0  /* the height of one blank line to write on */

typedef enum
{
  KIND_TITLE,
  KIND_SUBTITLE,
  KIND_HEADING,
  KIND_TEXT,
  KIND_LABEL,
  KIND_HINT,
  KIND_ITEM,
  KIND_BLANK,     /* text is NULL; lines is how many lines to write on */
} ItemKind;

static const struct
{
  const char *font;
  double      space_before;
  double      gray;
} kinds[] = {
  [KIND_TITLE]    = { "Sans Bold 18",   0,  0 },
  [KIND_SUBTITLE] = { "Sans 10",        4,  0.42 },
  [KIND_HEADING]  = { "Sans Bold 14",   22, 0 },
  [KIND_TEXT]     = { "Sans 11",        8,  0 },
  [KIND_LABEL]    = { "Sans Bold 10.5", 14, 0 },
  [KIND_HINT]     = { "Sans Italic 10", 2,  0.42 },
  [KIND_ITEM]     = { "Sans 11",        5,  0 },
  [KIND_BLANK]    = { "Sans 11",        2,  0.6 },
};

typedef struct
{
  ItemKind     kind;
  char        *text;
  char        *marker;
  guint        lines;
  PangoLayout *layout;
  int          page;
  double       y;
  double       height;
} HandoutItem;

typedef struct
{
  GPtrArray *items;
  double     width;
} Handout;

static void
handout_item_free (HandoutItem *item)
{
  g_free (item->text);
  g_free (item->marker);
  g_clear_object (&item->layout);
  g_free (item);
}

static void
handout_free (Handout *handout)
{
  g_ptr_array_unref (handout->items);
  g_free (handout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Handout, handout_free)

static void
add_item (Handout    *handout,
          ItemKind    kind,
          const char *marker,
          const char *text)
{
  HandoutItem *item = g_new0 (HandoutItem, 1);

  item->kind = kind;
  item->text = text != NULL ? g_utf8_make_valid (text, -1) : NULL;
  item->marker = g_strdup (marker);
  g_ptr_array_add (handout->items, item);
}

static void
add_blank (Handout *handout,
           guint    lines)
{
  add_item (handout, KIND_BLANK, NULL, NULL);
  ((HandoutItem *) g_ptr_array_index (handout->items, handout->items->len - 1))->lines = lines;
}

#ifdef __GLIBC__
/* GNU gettext's count of catalogue changes: raising it is the documented way to make it
 * forget the translations it keeps once LANGUAGE changes. */
extern int _nl_msg_cat_cntr;
#endif

static void
reload_messages (void)
{
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#else
  g_autofree char *messages = g_strdup (setlocale (LC_MESSAGES, NULL));

  setlocale (LC_MESSAGES, messages);
#endif
}

static void
add_field (Handout          *handout,
           CraftContentNode *field)
{
  const char *type = craft_content_node_get_attribute (field, "type");
  const char *hint = craft_content_node_get_child_text (field, "hint");

  add_item (handout, KIND_LABEL, NULL, craft_content_node_get_child_text (field, "label"));
  if (hint != NULL)
    add_item (handout, KIND_HINT, NULL, hint);

  if (g_strcmp0 (type, "choice") == 0 || g_strcmp0 (type, "checklist") == 0)
    {
      g_autoptr(GPtrArray) options = craft_leader_find_children (field, "option");

      for (guint i = 0; i < options->len; i++)
        add_item (handout, KIND_ITEM, "☐", craft_content_node_get_text (options->pdata[i]));
    }
  else if (g_strcmp0 (type, "scale") == 0)
    {
      const char *low = craft_content_node_get_child_text (field, "low");
      const char *high = craft_content_node_get_child_text (field, "high");
      g_autofree char *scale = NULL;

      scale = g_strdup_printf ("%s%s0 ○  1 ○  2 ○  3 ○  4 ○  5 ○  6 ○  7 ○  8 ○  9 ○  10 ○%s%s",
                               low != NULL ? low : "", low != NULL ? "   " : "",
                               high != NULL ? "   " : "", high != NULL ? high : "");
      add_item (handout, KIND_ITEM, NULL, scale);
    }
  else
    add_blank (handout, g_strcmp0 (type, "longtext") == 0 ? 4 : 1);
}

static void
add_worksheet (Handout          *handout,
               CraftContentNode *worksheet)
{
  add_item (handout, KIND_HEADING, NULL, craft_content_node_get_child_text (worksheet, "title"));
  if (craft_content_node_get_child_text (worksheet, "intro") != NULL)
    add_item (handout, KIND_TEXT, NULL, craft_content_node_get_child_text (worksheet, "intro"));

  for (guint i = 0; i < craft_content_node_get_n_children (worksheet); i++)
    {
      CraftContentNode *child = craft_content_node_get_child (worksheet, i);
      const char *name = craft_content_node_get_name (child);

      if (g_str_equal (name, "field"))
        add_field (handout, child);
      else if (g_str_equal (name, "rows"))
        {
          g_autoptr(GPtrArray) fields = craft_leader_find_children (child, "field");

          add_item (handout, KIND_LABEL, NULL, craft_content_node_get_child_text (child, "label"));
          /* Room for three, as the worksheet on screen starts with one and grows. */
          for (guint row = 1; row <= 3; row++)
            for (guint f = 0; f < fields->len; f++)
              {
                g_autofree char *marker = f == 0 ? g_strdup_printf ("%u.", row) : NULL;

                add_item (handout, KIND_ITEM, marker,
                          craft_content_node_get_child_text (fields->pdata[f], "label"));
                add_blank (handout, 1);
              }
        }
    }
}

/* Everything the handout says, in @language. */
static Handout *
collect_handout (const CraftLeaderGroup  *group,
                 int                      number,
                 const char              *day,
                 GError                 **error)
{
  g_autoptr(Handout) handout = g_new0 (Handout, 1);
  CraftProgram *program = craft_leader_get_program (group->language, error);
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  CraftSession *session;
  CraftContentNode *root;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) worksheets = NULL;

  handout->items = g_ptr_array_new_with_free_func ((GDestroyNotify) handout_item_free);
  if (program == NULL)
    return NULL;
  session = craft_program_get_session (program, number);
  root = craft_session_get_root (session);

  /* Our own words in the group's language, for as long as this function runs. */
  g_setenv ("LANGUAGE", group->language, TRUE);
  reload_messages ();

  /* Translators: the heading of a handout, e.g. "Group session 5: Talking so you are heard" */
  title = g_strdup_printf (_("Group session %d: %s"), number, craft_session_get_title (session));
  add_item (handout, KIND_TITLE, NULL, title);
  /* Translators: under a handout's heading: the group's name and the day, "Tuesday group · 2026-12-01" */
  subtitle = *day != '\0' ? g_strdup_printf (_("%s · %s"), group->name, day) : g_strdup (group->name);
  add_item (handout, KIND_SUBTITLE, NULL, subtitle);
  add_item (handout, KIND_TEXT, NULL, craft_session_get_summary (session));

  goals = craft_leader_find_children (craft_content_node_find_child (root, "goals"), "goal");
  if (goals->len > 0)
    add_item (handout, KIND_HEADING, NULL, _("What this session is about"));
  for (guint i = 0; i < goals->len; i++)
    add_item (handout, KIND_ITEM, "•", craft_content_node_get_text (goals->pdata[i]));

  tasks = craft_leader_find_children (craft_content_node_find_child (root, "homework"), "task");
  if (tasks->len > 0)
    add_item (handout, KIND_HEADING, NULL, _("Homework"));
  for (guint i = 0; i < tasks->len; i++)
    add_item (handout, KIND_ITEM, "☐", craft_content_node_get_text (tasks->pdata[i]));

  worksheets = craft_leader_find_children (root, "worksheet");
  for (guint i = 0; i < worksheets->len; i++)
    {
      CraftContentNode *worksheet = worksheets->pdata[i];
      const char *ref = craft_content_node_get_attribute (worksheet, "ref");

      if (ref != NULL)
        worksheet = craft_program_find_worksheet (program, ref);
      if (worksheet != NULL)
        add_worksheet (handout, worksheet);
    }

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  reload_messages ();

  return g_steal_pointer (&handout);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   Handout           *handout)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double y = 0;
  int page = 0;

  for (guint i = 0; i < handout->items->len; i++)
    {
      HandoutItem *item = g_ptr_array_index (handout->items, i);
      double indent = item->marker != NULL ? INDENT : 0;
      double space = y > 0 ? kinds[item->kind].space_before : 0;
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (kinds[item->kind].font);

      if (item->kind == KIND_BLANK)
        item->height = item->lines * WRITING_LINE;
      else
        {
          PangoRectangle logical;

          g_clear_object (&item->layout);
          item->layout = pango_layout_new (pango);
          pango_layout_set_font_description (item->layout, font);
          pango_layout_set_width (item->layout, pango_units_from_double (width - indent));
          pango_layout_set_wrap (item->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_text (item->layout, item->text, -1);
          pango_layout_get_extents (item->layout, NULL, &logical);
          item->height = pango_units_to_double (logical.height);
        }

      /* A heading or a label is never the last thing on a page. */
      if (y > 0 && (y + space + item->height > height
                    || ((item->kind == KIND_HEADING || item->kind == KIND_LABEL)
                        && y + space + item->height + 2 * WRITING_LINE > height)))
        {
          page++;
          y = 0;
          space = 0;
        }
      item->page = page;
      item->y = y + space;
      y = item->y + item->height;
    }
  g_object_unref (pango);
  handout->width = width;
  gtk_print_operation_set_n_pages (operation, page + 1);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 Handout           *handout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  for (guint i = 0; i < handout->items->len; i++)
    {
      HandoutItem *item = g_ptr_array_index (handout->items, i);
      double gray = kinds[item->kind].gray;
      double indent = item->marker != NULL ? INDENT : 0;

      if (item->page != page_nr)
        continue;
      cairo_set_source_rgb (cr, gray, gray, gray);

      if (item->kind == KIND_BLANK)
        {
          cairo_set_line_width (cr, 0.5);
          for (guint l = 1; l <= item->lines; l++)
            {
              cairo_move_to (cr, INDENT, item->y + l * WRITING_LINE - 4);
              cairo_line_to (cr, handout->width, item->y + l * WRITING_LINE - 4);
            }
          cairo_stroke (cr);
          continue;
        }

      cairo_move_to (cr, indent, item->y);
      pango_cairo_show_layout (cr, item->layout);
      if (item->marker != NULL)
        {
          g_autoptr(PangoLayout) marker = pango_layout_copy (item->layout);

          pango_layout_set_width (marker, -1);
          pango_layout_set_text (marker, item->marker, -1);
          cairo_move_to (cr, 0, item->y);
          pango_cairo_show_layout (cr, marker);
        }
    }
}

gboolean
craft_handout_print (GtkWindow              *parent,
                     const CraftLeaderGroup *group,
                     int                     number,
                     const char             *day,
                     const char             *pdf_path,
                     GError                **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPrintOperationResult result;
  Handout *handout;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (group != NULL, FALSE);
  g_return_val_if_fail (number >= 1 && number <= CRAFT_LEADER_N_SESSIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  handout = collect_handout (group, number, day != NULL ? day : "", error);
  if (handout == NULL)
    return FALSE;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_top_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, PAGE_MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, PACKAGE_NAME);
  g_object_set_data_full (G_OBJECT (operation), "craft-handout", handout,
                          (GDestroyNotify) handout_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), handout);

  if (pdf_path != NULL)
    gtk_print_operation_set_export_filename (operation, pdf_path);
  result = gtk_print_operation_run (operation,
                                    pdf_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                     : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
