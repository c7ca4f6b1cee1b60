from __future__ import annotations

import pytest

from bot.conversation.scale import EMOTIONAL_ITEMS, ITEMS, SOCIAL_ITEMS, ScaleResult, parse_answer, score


def test_items_split_as_in_the_instrument() -> None:
    # Emotional items are 1, 4 and 6; social items (reversed) are 2, 3 and 5.
    assert EMOTIONAL_ITEMS == ("scale_q1", "scale_q4", "scale_q6")
    assert SOCIAL_ITEMS == ("scale_q2", "scale_q3", "scale_q5")
    assert sorted(EMOTIONAL_ITEMS + SOCIAL_ITEMS) == list(ITEMS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", "ja"),
        ("Ja", "ja"),
        ("JA!!", "ja"),
        ("jaaaa", "ja"),
        ("ja hoor", "ja"),
        ("jazeker", "ja"),
        ("klopt", "ja"),
        ("dat klopt", "ja"),
        ("helaas wel", "ja"),
        ("zeker", "ja"),
        ("min of meer", "min of meer"),
        ("Min of meer.", "min of meer"),
        ("minofmeer", "min of meer"),
        ("een beetje", "min of meer"),
        ("soms", "min of meer"),
        ("ja, soms", "min of meer"),
        ("af en toe", "min of meer"),
        ("misschien", "min of meer"),
        ("nee", "nee"),
        ("NEE", "nee"),
        ("neeee", "nee"),
        ("nee hoor", "nee"),
        ("niet echt", "nee"),
        ("helemaal niet", "nee"),
        ("dat klopt niet", "nee"),
        ("zeker niet", "nee"),
        ("Nee 😢", "nee"),
    ],
)
def test_parse_answer(text: str, expected: str) -> None:
    assert parse_answer(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "👍", "🙂🙂", "?!", "banaan", "weet ik niet", "japans eten", "wat bedoel je"]
)
def test_parse_answer_not_an_answer(text: str) -> None:
    assert parse_answer(text) is None


def test_parse_answer_geen_idee_is_not_nee() -> None:
    assert parse_answer("geen idee") is None


def answers(emotional: str, social: str, **overrides: str) -> dict[str, str]:
    result = {item: emotional for item in EMOTIONAL_ITEMS}
    result.update({item: social for item in SOCIAL_ITEMS})
    result.update(overrides)
    return result


@pytest.mark.parametrize(
    ("given", "emotional", "social", "total", "band"),
    [
        ({item: "ja" for item in ITEMS}, 3, 0, 3, "moderate"),
        ({item: "nee" for item in ITEMS}, 0, 3, 3, "moderate"),
        ({item: "min of meer" for item in ITEMS}, 3, 3, 6, "strong"),
        (answers("ja", "nee"), 3, 3, 6, "strong"),
        (answers("nee", "ja"), 0, 0, 0, "not_lonely"),
        (answers("nee", "ja", scale_q4="min of meer"), 1, 0, 1, "not_lonely"),
        (answers("nee", "ja", scale_q4="ja", scale_q5="nee"), 1, 1, 2, "moderate"),
        (answers("ja", "ja", scale_q2="nee"), 3, 1, 4, "moderate"),
        (answers("ja", "nee", scale_q3="ja"), 3, 2, 5, "strong"),
    ],
)
def test_score(given: dict[str, str], emotional: int, social: int, total: int, band: str) -> None:
    result = score(given)
    assert (result.emotional, result.social, result.total, result.band) == (
        emotional,
        social,
        total,
        band,
    )


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "not_lonely"), (1, "not_lonely"), (2, "moderate"), (4, "moderate"), (5, "strong"), (6, "strong")],
)
def test_band_boundaries(total: int, band: str) -> None:
    emotional = min(total, 3)
    assert ScaleResult(emotional=emotional, social=total - emotional).band == band


@pytest.mark.parametrize(
    ("emotional", "social", "leading"),
    [(0, 0, None), (1, 0, "emotional"), (0, 1, "social"), (2, 2, "emotional"), (1, 3, "social")],
)
def test_leading_type(emotional: int, social: int, leading: str | None) -> None:
    assert ScaleResult(emotional=emotional, social=social).leading_type == leading


@pytest.mark.parametrize(
    "given",
    [
        {},
        {item: "ja" for item in ITEMS[:-1]},
        answers("ja", "nee", scale_q3=None),
        answers("ja", "nee", scale_q3="Ja"),
        answers("ja", "nee", scale_q6="ja hoor"),
        answers("ja", "nee", scale_q1=""),
    ],
)
def test_score_rejects_missing_or_unmapped_answers(given: dict) -> None:
    with pytest.raises(ValueError):
        score(given)
