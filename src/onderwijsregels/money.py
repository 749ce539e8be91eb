"""Money: ``Decimal`` euros, rounded once, at the end, half-up to cents.

Rules compute with exact ``Decimal`` values; only the final outcome is rounded,
by :func:`round_money`. Floats never enter a computation.

>>> round_money(Decimal("208.345"))
Decimal('208.35')
>>> format_eur(Decimal("19970.4"))
'€ 19.970,40'
"""

from __future__ import annotations

import functools
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal

from onderwijsregels.symbolic import PLACEHOLDER, is_symbolic

__all__ = ["CENT", "format_eur", "format_eur_exact", "round_money"]

CENT = Decimal("0.01")


def round_money(amount: Decimal) -> Decimal:
    """Round an exact euro amount half-up to whole cents.

    >>> round_money(Decimal("249.996"))
    Decimal('250.00')
    >>> round_money(Decimal("-0.005"))
    Decimal('-0.01')

    The rounding keeps every digit before the decimal point of amounts up to 10**96 euros
    (Python's default context of 28 digits would refuse 10**26); the readers keep input amounts
    far smaller (see :mod:`onderwijsregels.limits`).

    >>> round_money(Decimal("1E+26"))
    Decimal('100000000000000000000000000.00')
    """
    precision = max(28, min(amount.adjusted() + 4, 100))
    return amount.quantize(CENT, rounding=ROUND_HALF_UP, context=_context(precision))


@functools.cache
def _context(precision: int) -> Context:
    """The context :func:`round_money` rounds in (one of at most 73, made once each)."""
    return Context(prec=precision, Emax=MAX_EMAX, Emin=MIN_EMIN)


def format_eur(amount: Decimal) -> str:
    """Format a euro amount the Dutch way, rounded to cents (``€ 1.234,50``).

    >>> format_eur(Decimal("3100"))
    '€ 3.100,00'
    """
    if is_symbolic(amount):  # a rule traced for every value of a number (symbolic.py)
        return PLACEHOLDER
    text = f"{round_money(amount):,.2f}"
    return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_eur_exact(amount: Decimal) -> str:
    """Format an exact euro amount the Dutch way: the cents, and any further digit it has.

    For the steps of a computation, which are exact: nothing is rounded before the end, and
    trailing zeros past the cents are left out.

    >>> format_eur_exact(Decimal("466.2")), format_eur_exact(Decimal("208.345"))
    ('€ 466,20', '€ 208,345')
    >>> format_eur_exact(Decimal("250.0200"))
    '€ 250,02'
    >>> format_eur_exact(Decimal("1E+3")), format_eur_exact(Decimal("-3100"))
    ('€ 1.000,00', '€ -3.100,00')
    """
    if is_symbolic(amount):  # a rule traced for every value of a number (symbolic.py)
        return PLACEHOLDER
    exponent = amount.normalize().as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    text = f"{amount:,.{places}f}"
    return "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_decimal(value: Decimal) -> str:
    """A ``Decimal`` without exponent or superfluous trailing zeros.

    >>> format_decimal(Decimal("49.80"))
    '49.8'
    >>> format_decimal(Decimal("1E+2"))
    '100'
    """
    if is_symbolic(value):  # a rule traced for every value of a number (symbolic.py)
        return PLACEHOLDER
    return format(value.normalize(), "f")
