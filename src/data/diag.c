/* diag.c - problems found in scenario files, as values. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/file.h"
#include "data/scenario.h"

void diag_format(const Diag *d, char *buf, size_t n)
{
    if (!buf || n == 0)
        return;
    char where[300] = "";
    if (d->file[0] && d->line > 0 && d->col > 0)
        snprintf(where, sizeof where, "%s:%d:%d: ", d->file, d->line, d->col);
    else if (d->file[0] && d->line > 0)
        snprintf(where, sizeof where, "%s:%d: ", d->file, d->line);
    else if (d->file[0])
        snprintf(where, sizeof where, "%s: ", d->file);
    char raw[sizeof where + sizeof d->key + sizeof d->msg + 8];
    snprintf(raw, sizeof raw, "%s%s%s%s", where, d->key, d->key[0] ? ": " : "", d->msg);
    text_escape(raw, buf, n);   /* a file's bytes never reach a terminal raw */
}

static void vadd(Diags *ds, const char *file, int line, int col, const char *key, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

static void vadd(Diags *ds, const char *file, int line, int col, const char *key, const char *fmt, va_list ap)
{
    if (!ds)
        return;
    if (ds->n >= DIAG_MAX) {
        ds->dropped++;
        return;
    }
    Diag *d = &ds->items[ds->n++];
    memset(d, 0, sizeof *d);
    text_shorten(file ? file : "", d->file, sizeof d->file);
    d->line = line > 0 ? line : 0;
    d->col = col > 0 ? col : 0;
    snprintf(d->key, sizeof d->key, "%s", key ? key : "");
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
}

void diags_add(Diags *ds, const char *file, int line, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(ds, file, line, 0, key, fmt, ap);
    va_end(ap);
}

void diags_add_at(Diags *ds, const char *file, int line, int col, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(ds, file, line, col, key, fmt, ap);
    va_end(ap);
}

void diags_sort(Diags *ds)
{
    /* insertion sort: stable, and there are at most DIAG_MAX items */
    for (int i = 1; i < ds->n; i++) {
        Diag d = ds->items[i];
        int j = i - 1;
        while (j >= 0 && (strcmp(ds->items[j].file, d.file) > 0 ||
                          (strcmp(ds->items[j].file, d.file) == 0 && ds->items[j].line > d.line))) {
            ds->items[j + 1] = ds->items[j];
            j--;
        }
        ds->items[j + 1] = d;
    }
}
