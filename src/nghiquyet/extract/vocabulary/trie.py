"""A regex alternation of many literal phrases, factored into a trie.

Python's `re` tries the branches of `a|b|c` one after another at every candidate position, so a
vocabulary of a hundred phrases costs a hundred checks per position. Factored by common prefixes
("đường (?:cao tốc|sắt|vành đai)"), a position costs one check per distinct next character, and a
pattern whose every branch opens with a literal is scanned for at C speed.

Matching order is kept: where several phrases match at a position, the longest is tried first and
shorter ones on backtracking, as in an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
_Trie = dict[str, "_Trie"]


def trie_pattern(
    phrases: Iterable[str], *, word_start: bool = False, spaces: bool = False, fold_case: bool = False
) -> str:
    """A regex source matching any of `phrases` (as literals).

    - `word_start`: a phrase matches only where no word character precedes it; the check comes
      after the first character (a lookbehind first would stop the fast scan);
    - `spaces`: a space in a phrase matches any run of white space;
    - `fold_case`: for a pattern compiled with `re.IGNORECASE`: phrases that differ only in case
      are one branch (two branches matching the same text would break the longest-first order).
    """
    root: _Trie = {}
    for phrase in phrases:
        phrase = " ".join(phrase.split()) if spaces else phrase
        if fold_case:
            phrase = phrase.lower()
        if not phrase:
            continue
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return _node(root, first=True, word_start=word_start, spaces=spaces)


def _node(node: _Trie, *, first: bool = False, word_start: bool = False, spaces: bool = False) -> str:
    branches = []
    for ch in sorted(k for k in node if k != _END):
        atom = r"\s+" if spaces and ch == " " else re.escape(ch)
        guard = r"(?<!\w[\s\S])" if first and word_start else ""
        branches.append(atom + guard + _node(node[ch], spaces=spaces))
    ends_here = _END in node
    if not branches:
        return ""
    single = len(branches) == 1 and not first and not ends_here
    body = branches[0] if single else "(?:" + "|".join(branches) + ")"
    # A phrase may end here: the longer continuations are tried first, then stopping.
    return body + "?" if ends_here else body
