"""Excel's A1 column letters, for the adapters that name cells (the formula evaluator, the
xlwings Lite scripts).

>>> column_letters(28), column_number("AB")
('AB', 28)
"""

from __future__ import annotations


def column_letters(n: int) -> str:
    """The letters of a 1-based column: 1 is A, 27 is AA."""
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_number(letters: str) -> int:
    """The 1-based number of a column's letters (upper case): A is 1, AA is 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n
