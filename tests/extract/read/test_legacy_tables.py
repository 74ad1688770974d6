"""The TCVN3 and VNI tables (data/legacy_encodings.json) are complete and consistent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.read.legacy import LEGACY, Legacy, decode, encode, legacy_to_unicode, unicode_to_legacy
from nghiquyet.extract.read.vietnamese import vietnamese_letters

NON_ASCII = sorted(c for c in vietnamese_letters() if not c.isascii())
LOWER = [c for c in NON_ASCII if c.islower()]
UPPER = [c for c in NON_ASCII if c.isupper()]


def test_alphabet_has_every_vietnamese_letter_with_every_tone() -> None:
    # 12 vowels x 6 (no tone + 5 tones) + đ = 73 lower-case letters, 67 of them outside ASCII.
    assert len(LOWER) == 67
    assert len(UPPER) == 67


@pytest.mark.parametrize("name", LEGACY)
def test_table_covers_every_non_ascii_letter(name: Legacy) -> None:
    assert sorted(unicode_to_legacy(name)) == sorted(NON_ASCII)


@pytest.mark.parametrize("name", LEGACY)
def test_legacy_spellings_are_latin1_characters_above_ascii_or_a_letter_plus_mark(name: Legacy) -> None:
    for uni, leg in unicode_to_legacy(name).items():
        assert 1 <= len(leg) <= (1 if name == "tcvn3" else 2), uni
        assert all(ord(c) <= 0xFF for c in leg), uni
        assert ord(leg[-1]) >= 0xA0, uni  # the byte that carries the Vietnamese mark


@pytest.mark.parametrize("name", LEGACY)
def test_every_lower_case_letter_round_trips(name: Legacy) -> None:
    for letter in LOWER:
        # Mid-sentence: a TCVN3 word starting a sentence is given a capital (the likely reading).
        text = f"và {letter} ng{letter}"
        assert decode(encode(text, name), name) == text


def test_vni_round_trips_every_capital_alone() -> None:
    for letter in UPPER:
        assert decode(encode(letter, "vni"), "vni") == letter


def test_vni_spellings_are_unambiguous() -> None:
    table = unicode_to_legacy("vni")
    assert len(set(table.values())) == len(table)


def test_tcvn3_capitals_round_trip_inside_capital_words() -> None:
    # TCVN3 has no toned capitals of its own: their case comes back from the letters around them.
    for letter in UPPER:
        word = f"NG{letter}T"
        assert decode(encode(word, "tcvn3"), "tcvn3") == word


def test_tcvn3_plain_capitals_have_their_own_bytes() -> None:
    for letter in "ĂÂÊÔƠƯĐ":
        assert decode(encode(letter, "tcvn3"), "tcvn3") == letter


def test_tcvn3_lower_case_spellings_are_unambiguous() -> None:
    table = unicode_to_legacy("tcvn3")
    lower = [table[c] for c in LOWER]
    assert len(set(lower)) == len(lower)
    assert set(legacy_to_unicode("tcvn3")) == set(table.values())


@pytest.mark.parametrize(("name", "legacy", "unicode"), [
    ("tcvn3", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("tcvn3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("tcvn3", "NGHÞ QUYÕT", "NGHỊ QUYẾT"),
    ("vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("vni", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("vni", "NGHÒ QUYEÁT", "NGHỊ QUYẾT"),
])
def test_text_typed_on_old_office_pcs_decodes(name: Legacy, legacy: str, unicode: str) -> None:
    assert decode(legacy, name) == unicode


VIETNAMESE_TEXT = st.text(alphabet=sorted(vietnamese_letters()) + list(" .,;:-()0123456789\n"), max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=VIETNAMESE_TEXT)
def test_any_vietnamese_text_round_trips_through_vni(text: str) -> None:
    assert decode(encode(text, "vni"), "vni") == text


@settings(max_examples=300, deadline=None)
@given(text=VIETNAMESE_TEXT)
def test_any_vietnamese_text_round_trips_through_tcvn3_up_to_lost_capitals(text: str) -> None:
    back = decode(encode(text, "tcvn3"), "tcvn3")
    assert len(back) == len(text)
    assert back.lower() == text.lower()
