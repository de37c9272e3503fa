"""Recovery codes: 150 random bits, read aloud in groups, typos caught by the check symbols."""

from __future__ import annotations

import pytest

from etudes_desktop.core import recovery


def test_format_and_uniqueness():
    codes = {recovery.generate() for _ in range(200)}
    assert len(codes) == 200
    for code in list(codes)[:20]:
        assert [len(g) for g in code.split("-")] == [4] * 8
        assert set(code.replace("-", "")) <= set(recovery.ALPHABET)


def test_forgiving_reading():
    code = recovery.generate()
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert recovery.normalize(sloppy) == code.replace("-", "")


@pytest.mark.parametrize("mangle", [lambda c: c[:-5], lambda c: c + "A", lambda c: c.replace("-", "!", 1)])
def test_malformed(mangle):
    with pytest.raises(recovery.MalformedRecoveryCode):
        recovery.normalize(mangle(recovery.generate()))


def test_single_symbol_typos_are_caught_by_the_check():
    code = recovery.generate().replace("-", "")
    caught = 0
    for position in range(recovery.RANDOM_SYMBOLS):
        wrong = recovery.ALPHABET[(recovery.ALPHABET.index(code[position]) + 1) % 32]
        try:
            recovery.normalize(code[:position] + wrong + code[position + 1 :])
        except recovery.MalformedRecoveryCode:
            caught += 1
    assert caught >= recovery.RANDOM_SYMBOLS - 2  # 10 check bits: a rare typo slips through
