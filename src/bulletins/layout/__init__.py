"""The lexer's layout rules: one small module per named rule, each citing its evidence.

A rule answers one question about a line from its own text (is it a credit? a column label?)
and has a fixture table of real corpus lines that must and must not match in
``tests/test_layout.py``. The lexer runs them in a declared order (:mod:`bulletins._classify`),
so a newcomer finds the rule that decided a line by its name.

Rules, in the order :func:`bulletins._classify.content_kind` asks them:
:mod:`~bulletins.layout.chrome` (a web page's controls and labels: residue),
:mod:`~bulletins.layout.credits` (photo/graphic/layout credits and end notes), and, in the
context pass of :mod:`bulletins.lexer`, :mod:`~bulletins.layout.headnotes` (提要, 题注 and box
labels between a headline and its body), :mod:`~bulletins.layout.endings` (where an item ends
and the next begins) and :mod:`~bulletins.layout.packed` (paragraphs packed into one line).
"""
