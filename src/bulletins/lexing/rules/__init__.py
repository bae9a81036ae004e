"""The layout concerns of the lexing stage: one module each, its line predicates and its context rules together.

A *line predicate* answers one question about a line from its own text (is it a credit? a box
label? where does a packed line's next paragraph start?); the raw-kind pass
(:mod:`bulletins.lexing.kinds`) and other rules ask them. ``tests/test_predicates.py`` holds real
corpus lines that must and must not match for the predicates of credits, chrome, headnotes,
notices, speech, packed and indent; the others (captions, endings) are tested through the
context rules' tables. A *context rule* decides
what a line is from the lines around it; :mod:`bulletins.lexing.ruler` runs the rules in a declared
order, ``bulletins explain FILE`` names the rule that took each line, and ``tests/test_rules.py``
holds each rule's table.

- :mod:`~.tables` — a data table's rows (rule *table*, *table note*)
- :mod:`~.contents` — a 目录 and the headings it lists (rules *contents*, *table of contents*)
- :mod:`~.laws` — laws, regulations and orders: 题注, unnumbered parts between articles, a 令 over
  the regulation it promulgates, the document a 印发 notice issues (*order*, *order text*, *order
  date*, *adoption note*, *issued document*)
- :mod:`~.chrome` — web-page controls and labels; residue and hidden text (*residue line*, *hidden text*)
- :mod:`~.notices` — GB/T 9704 parts: 版头, 主送机关, 落款, 附注, 附件 (*notice header*, *addressee* …)
- :mod:`~.datelines` — 新华社北京9月6日电 opening a text or printed last (*dateline*, *trailing dateline*)
- :mod:`~.credits` — photo, graphic and layout credits, end notes (predicates; rule *credit*)
- :mod:`~.captions` — photo captions (predicates; rules *weak caption*, *caption*)
- :mod:`~.headnotes` — 提要, 题注, box labels, a document's date under its title
  (*headnotes*, *box label*, *document date*)
- :mod:`~.speech` — a speech's front matter (*speech date*, *salutation*, *byline*)
- :mod:`~.runs` — what a run of short lines is: headline, subhead, section, closing (*short run*, *marked subhead*)
- :mod:`~.paragraphs` — body text, points, leads, noise, wrapped lines (*body text*, the fallback)
- :mod:`~.endings` — predicates: where an item ends and the next begins (asked by the rules above)
- :mod:`~.packed` — predicates: the paragraphs packed into one line, and which keep their kinds
- :mod:`~.indent` — the unindented head of an indented text is its headline (before the rules)
"""
