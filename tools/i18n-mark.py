#!/usr/bin/env python3
"""i18n-mark.py - wrap the player-visible string literals of the window in _().

    tools/i18n-mark.py [--check] [FILE.c ...]     (default: src/ui/*.c)

A literal is marked when it reaches the screen:
  - it is the text argument of a drawing or widget call (SINKS below:
    text_draw, text_draw_bold, text_wrap, text_width, ui_button,
    ui_tooltip_set, ui_notice ...);
  - it is the format, or a %s argument, of an snprintf into a buffer that
    such a call shows (a "sink variable": a plain local passed to a sink);
  - it is assigned to a sink variable (const char *who = c ? "a" : "b");
  - it is in the initializer of an array whose elements reach a sink
    (marked N_(), and the use NAME[i] in the sink is wrapped in _());
  - it is returned by a function whose result is shown (RETURN_SINKS).
Never marked: literals already inside _() or N_(), format-only strings
("%d", "%s/%s"), file names and paths, single letters (keys), and anything
not reaching a sink - event lines, save and settings keys, ids stay as they
are. Running it twice changes nothing (--check exits 1 if it would change a
file, for a test). Only C tokens are read: comments, characters and
preprocessor lines are skipped.
"""
import glob
import os
import re
import sys

# function -> indices (0-based) of its arguments that are shown text
SINKS = {
    "text_draw": (1,), "text_draw_bold": (1,), "text_wrap": (1,), "text_width": (1,),
    "ui_button": (3,), "ui_tooltip_set": (1,), "ui_notice": (1,),
    # the window's own helpers that draw their text argument
    "section": (2,), "small_button": (3,), "panel_line": (1,), "panel_begin": (2,), "para": (2,),
    "check_row": (3,), "fit_px": (1,), "show_diags": (1,), "refuse": (2, 3), "add": (3,),
    "list_header": (2,),
}
# functions whose snprintf()s write shown lines into their caller's buffer
BUFFER_FUNCS = {"th_column_line"}
# printf-like sinks: function -> index of the format; the literal arguments
# after it (the %s pieces) are shown too
FORMAT_SINKS = {"ui_tooltip_set": 1, "ui_notice": 1, "add": 3, "snprintf": 2}
# functions whose returned literals are shown
RETURN_SINKS = {"ui_gate_word", "th_state_word", "plan_words", "gate_state_word", "gate_word", "weather_word",
                "relief_status"}
FORMAT_SPEC = re.compile(r"%[-+ #0]*(\*|\d+)?(\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%]")
FILEISH = re.compile(r"^[\w.\-/%]*\.(lua|sav|ini|png|ttf|otf|svg|csv|txt|po|mo)$|^[\w.\-%]*/[\w.\-/%]*$")


def tokenize(src):
    """(kind, start, end) with kind in ident, str, punct; skips comments,
    char literals and preprocessor lines."""
    toks, i, n = [], 0, len(src)
    line_start = True
    while i < n:
        c = src[i]
        if c == "\n":
            line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if line_start and c == "#":
            while i < n and src[i] != "\n":  # directive, with continuations
                if src[i] == "\\" and i + 1 < n and src[i + 1] == "\n":
                    i += 1
                i += 1
            continue
        line_start = False
        if src.startswith("//", i):
            while i < n and src[i] != "\n":
                i += 1
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c == '"' or c == "'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            if c == '"':
                toks.append(("str", i, j + 1))
            i = j + 1
            continue
        if c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(("ident", i, j))
            i = j
            continue
        if c.isdigit():
            j = i
            while j < n and (src[j].isalnum() or src[j] in "._"):
                j += 1
            toks.append(("num", i, j))
            i = j
            continue
        if src.startswith("->", i):
            toks.append(("punct", i, i + 2))
            i += 2
            continue
        toks.append(("punct", i, i + 1))
        i += 1
    return toks


def literal_value(src, toks):
    return "".join(src[s + 1:e - 1] for _, s, e in toks)


def is_text(value):
    """Does the literal say something to translate?"""
    if FILEISH.match(value):
        return False
    bare = FORMAT_SPEC.sub("", value)
    if " " not in bare and ("/" in bare or re.search(r"\.[A-Za-z][\w-]*$", bare)):
        return False  # a file name or a path: quicksave-%s.emesa-save
    stripped = FORMAT_SPEC.sub(" ", re.sub(r"\\x[0-9A-Fa-f]{2}|\\.", " ", value))
    return re.search(r"[A-Za-z]{2,}", stripped) is not None


class Ctx:
    """One open bracket: its kind, the call's name (if a call), the index of
    the argument being read and the token index where that argument began."""

    def __init__(self, kind, name, tok):
        self.kind, self.name, self.arg, self.arg_start = kind, name, 0, tok + 1


def analyse(src):
    toks = tokenize(src)
    text = lambda k: src[toks[k][1]:toks[k][2]]

    # pass 1: the arguments each sink call shows, as token ranges
    def walk():
        stack = []
        for k, (kind, s, e) in enumerate(toks):
            t = src[s:e]
            yield k, stack
            if kind != "punct":
                continue
            if t in "([{":
                name = None
                if t == "(" and k > 0 and toks[k - 1][0] == "ident":
                    name = text(k - 1)
                stack.append(Ctx(t, name, k))
            elif t in ")]}":
                if stack:
                    stack.pop()
            elif t == "," and stack:
                stack[-1].arg += 1
                stack[-1].arg_start = k + 1

    def arg_end(k):
        """token index just past the argument starting at k"""
        depth = 0
        while k < len(toks):
            t = text(k)
            if t in "([{":
                depth += 1
            elif t in ")]}":
                if depth == 0:
                    return k
                depth -= 1
            elif t == "," and depth == 0:
                return k
            k += 1
        return k

    sink_args = []  # (first token, end token) of shown arguments
    snprintf_dests = []  # (call ctx token, dest name)
    for k, stack in walk():
        if toks[k][0] == "punct" and text(k) == "(" and k > 0 and toks[k - 1][0] == "ident":
            name = text(k - 1)
            if name in SINKS:
                a, j = 0, k + 1
                while True:
                    e = arg_end(j)
                    if a in SINKS[name] or (name in FORMAT_SINKS and a > FORMAT_SINKS[name]):
                        sink_args.append((j, e))
                    if e >= len(toks) or text(e) != ",":
                        break
                    a, j = a + 1, e + 1

    def simple_name(j, e):
        """NAME for an argument that is NAME or NAME[...]"""
        if toks[j][0] != "ident":
            return None
        if text(j) in ("_", "N_") and j + 1 < e and text(j + 1) == "(" and text(e - 1) == ")":
            return simple_name(j + 2, e - 1)
        if e == j + 1:
            return text(j)
        if text(j + 1) == "[":
            d, x = 0, j + 1
            while x < e:
                d += {"[": 1, "]": -1}.get(text(x), 0)
                x += 1
                if d == 0 and (x >= e or text(x) != "["):
                    break
            if x == e or (x + 2 == e and text(x) == "." and toks[x + 1][0] == "ident"):
                return text(j)
        return None

    sinks = set()
    for j, e in sink_args:
        nm = simple_name(j, e)
        if nm:
            sinks.add(nm)
        for x in range(j, e - 1):   # NAME[...] anywhere in it: c ? "a" : names[k]
            if toks[x][0] == "ident" and text(x + 1) == "[" and (x == 0 or text(x - 1) not in (".", "->")):
                sinks.add(text(x))

    # pass 2: assignments to sink variables, propagating to arrays read there
    def statement_bounds(k):
        """first token of the statement or declaration holding token k, and
        whether k sits in a brace initializer (NAME[] = { {"a", "b"}, ... })"""
        s = k
        depth = 0
        in_init = False
        while s > 0:
            t = text(s - 1)
            if t in ")]}":
                if t == "}" and depth == 0 and text(s) != ",":
                    break   # the end of the previous statement, not a sibling { }, in an initializer
                depth += 1
            elif t in "([{":
                if depth == 0:
                    prev = text(s - 2) if s > 1 else ""
                    if t == "{" and prev in ("=", ",", "{"):
                        in_init = True      # an initializer: go out to its declaration
                    elif t == "(" and not (s > 1 and toks[s - 2][0] == "ident"):
                        pass                # a grouping paren: c ? ("a") : "b"
                    else:
                        break
                else:
                    depth -= 1
            elif t == ";" and depth == 0:
                break
            s -= 1
        return s, in_init

    def assigned_name(s, k):
        """the variable a statement starting at s assigns before token k"""
        j = s
        last_ident = None
        while j < k:
            t = text(j)
            if t == "=" and (j + 1 >= len(toks) or text(j + 1) != "="):
                return last_ident, j
            if toks[j][0] == "ident":
                last_ident = t
            elif t == "[":  # skip the subscript: NAME[...] =
                depth = 1
                j += 1
                while j < k and depth:
                    depth += {"[": 1, "]": -1}.get(text(j), 0)
                    j += 1
                continue
            elif t in "(),":
                if t == "(":
                    return None, None
            j += 1
        return None, None

    def declared_static(s):
        return any(text(x) == "static" for x in range(s, min(s + 4, len(toks))))

    changed = True
    while changed:  # sink arrays read in sink assignments become sinks
        changed = False
        for k in range(len(toks)):
            if toks[k][0] == "ident" and k + 1 < len(toks) and text(k + 1) == "[" \
                    and (k == 0 or text(k - 1) not in (".", "->")):
                s, _ = statement_bounds(k)
                nm, eq = assigned_name(s, k)
                if nm in sinks and eq is not None and eq < k and text(k) not in sinks:
                    sinks.add(text(k))
                    changed = True

    arrays = set()
    for k in range(len(toks)):
        if toks[k][0] == "ident" and text(k) in sinks and k + 1 < len(toks) and text(k + 1) == "[":
            # NAME[...] = { or NAME[] = {: an array of shown texts
            j = k + 1
            depth = 0
            while j < len(toks):
                depth += {"[": 1, "]": -1}.get(text(j), 0)
                j += 1
                if depth == 0 and (j >= len(toks) or text(j) != "["):
                    break
            if j + 1 < len(toks) and text(j) == "=" and text(j + 1) == "{":
                d, x = 0, j + 1  # only arrays of texts: a literal in the braces
                while x < len(toks):
                    d += {"{": 1, "}": -1}.get(text(x), 0)
                    if toks[x][0] == "str" and is_text(literal_value(src, [toks[x]])):
                        arrays.add(text(k))
                        break
                    x += 1
                    if d == 0:
                        break

    # pass 3: decide each literal group
    edits = []  # (start, end, macro)
    in_sink = lambda k: any(j <= k < e for j, e in sink_args)
    current_func = [None]
    k = 0
    stack_at = {}
    for kk, stack in walk():
        stack_at[kk] = [(c.kind, c.name, c.arg, c.arg_start) for c in stack]
    func_of = {}
    depth, fname = 0, None
    for kk in range(len(toks)):
        t = text(kk)
        if t == "{":
            if depth == 0:
                # the function whose body opens: NAME ( ... ) {
                j, d = kk - 1, 0
                while j > 0:
                    if text(j) == ")":
                        d += 1
                    elif text(j) == "(":
                        d -= 1
                        if d == 0:
                            break
                    j -= 1
                fname = text(j - 1) if j > 0 and toks[j - 1][0] == "ident" and text(kk - 1) == ")" else None
            depth += 1
        elif t == "}":
            depth -= 1
        func_of[kk] = fname if depth > 0 else None

    while k < len(toks):
        if toks[k][0] != "str":
            k += 1
            continue
        g = k
        while g < len(toks) and toks[g][0] == "str":
            g += 1
        group = toks[k:g]
        value = literal_value(src, group)
        stack = stack_at[k]
        # already marked?
        if stack and stack[-1][0] == "(" and stack[-1][1] in ("_", "N_", "C_", "gettext", "ngettext"):
            k = g
            continue
        if not is_text(value):
            k = g
            continue
        macro = None
        call = next((c for c in reversed(stack) if c[0] == "(" and c[1]), None)
        if call and call[1] in SINKS and in_sink(k):
            macro = "_"
        elif call and call[1] == "snprintf" and call[2] >= 2:
            # the destination: first argument of that snprintf
            ci = max(i for i in range(k) if text(i) == "(" and i > 0 and text(i - 1) == "snprintf"
                     and stack_at[i] == stack_at[k][:len(stack_at[i])])
            e = arg_end(ci + 1)
            dest = simple_name(ci + 1, e)
            f0 = arg_end(e + 1) + 1     # the format: a %s piece is text only in a text format
            f1 = f0
            while f1 < len(toks) and toks[f1][0] == "str":
                f1 += 1
            fmt_is_text = f1 == f0 or is_text(literal_value(src, toks[f0:f1]))
            shown = dest in sinks or func_of.get(k) in BUFFER_FUNCS
            if shown and (call[2] == 2 or fmt_is_text):
                macro = "_"
        elif k > 0 and text(k - 1) == "return" and func_of.get(k) in RETURN_SINKS:
            macro = "_"
        elif not call:
            s, in_init = statement_bounds(k)
            nm, eq = assigned_name(s, k)
            if nm in sinks and eq is not None and not (text(eq - 1) == "]" and not in_init):
                if nm in arrays or in_init or declared_static(s) or func_of.get(k) is None:
                    macro = "N_"
                else:
                    macro = "_"
        if macro:
            edits.append((toks[k][1], toks[g - 1][2], macro))
        k = g

    # uses NAME[...] of arrays of N_() texts inside sinks or sink assignments
    for kk in range(len(toks)):
        if toks[kk][0] == "ident" and text(kk) in arrays and kk + 1 < len(toks) and text(kk + 1) == "[":
            if kk > 0 and text(kk - 1) in (".", "->"):
                continue
            # skip the declaration and uses already marked
            prev = text(kk - 1) if kk > 0 else ""
            if prev == "(" and kk > 1 and text(kk - 2) in ("_", "N_"):
                continue
            j, d = kk + 1, 0
            while j < len(toks):
                d += {"[": 1, "]": -1}.get(text(j), 0)
                j += 1
                if d == 0 and (j >= len(toks) or text(j) != "["):
                    break
            if j < len(toks) and text(j) == "=":
                continue  # the declaration or an assignment into it
            if j + 1 < len(toks) and text(j) == "." and toks[j + 1][0] == "ident":
                j += 2  # NAME[i].field
            if j < len(toks) and text(j) in ("(",):
                continue
            used = in_sink(kk)
            if not used:
                s, _ = statement_bounds(kk)
                nm, eq = assigned_name(s, kk)
                used = nm in sinks and eq is not None and eq < kk
            if not used:
                stack = stack_at[kk]
                call = next((c for c in reversed(stack) if c[0] == "(" and c[1]), None)
                if call and call[1] == "snprintf" and call[2] >= 3:
                    used = True
            if used:
                edits.append((toks[kk][1], toks[j - 1][2], "_"))
    return edits


def mark(src):
    edits = sorted(set(analyse(src)), reverse=True)
    for s, e, macro in edits:
        src = src[:s] + macro + "(" + src[s:e] + ")" + src[e:]
    if edits and '#include "i18n.h"' not in src:
        lines = src.split("\n")
        last = max((i for i, l in enumerate(lines) if l.startswith("#include")), default=-1)
        lines.insert(last + 1, '#include "i18n.h"')
        src = "\n".join(lines)
    return src, len(edits)


def main(argv):
    check = "--check" in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
        files = sorted(glob.glob(os.path.join(root, "src", "ui", "*.c")))
    status = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            src = fh.read()
        out, n = mark(src)
        if out != src:
            if check:
                print(f"{f}: {n} literal(s) to mark")
                status = 1
            else:
                with open(f, "w", encoding="utf-8") as fh:
                    fh.write(out)
                print(f"{f}: marked {n}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
