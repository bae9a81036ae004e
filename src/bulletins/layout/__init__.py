"""The lexer's layout rules: one small module per named rule, each citing its evidence.

A rule answers one question about a line from its own text (is it a credit? a column label?)
and has a fixture table of real corpus lines that must and must not match in
``tests/test_layout.py``. The lexer runs them in a declared order (:mod:`bulletins._classify`),
so a newcomer finds the rule that decided a line by its name.

Rules: :mod:`~bulletins.layout.credits` (photo/graphic/layout credits and end notes).
"""
