"""The optional rephrasing endpoint (NGHIQUYET_LLM_URL, OpenAI-compatible, off by default).

It may only say the extractive answer again from the cited passages. What comes back is checked by
the grounding rule (every figure in a cited line); a rephrasing that states any other figure, an
empty or overlong reply, or any failure of the endpoint (down, slow, malformed) leaves the
extractive answer as it was. With the endpoint off nothing leaves the process.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence

from nghiquyet.assistant.compose import Citation
from nghiquyet.assistant.grounding import ungrounded

TIMEOUT_S = 8.0
MAX_CHARS = 2000
SYSTEM = ("Bạn chỉ diễn đạt lại câu trả lời cho dễ đọc, bằng tiếng Việt, dựa duy nhất vào các đoạn "
          "trích dẫn. Không thêm số liệu, tên, năm hay ý nào không có trong các đoạn trích dẫn.")


def _endpoint(url: str) -> str:
    url = url.rstrip("/")
    return url if url.endswith("/chat/completions") else f"{url}/chat/completions"


def _ask_endpoint(url: str, model: str, answer: str, citations: Sequence[Citation]) -> str:
    passages = "\n".join(f"- {c.doc}, dòng {c.line}: {c.text}" for c in citations)
    body = {"model": model, "temperature": 0, "messages": [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Câu trả lời: {answer}\n\nCác đoạn trích dẫn:\n{passages}"}]}
    request = urllib.request.Request(_endpoint(url), data=json.dumps(body, ensure_ascii=False).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    # The URL is the operator's own setting (NGHIQUYET_LLM_URL), never the asker's.
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        reply = json.loads(response.read().decode("utf-8"))
    text = reply["choices"][0]["message"]["content"]
    if not isinstance(text, str):
        raise ValueError("the endpoint's reply has no text")
    return text.strip()


def rephrase(url: str | None, model: str, answer: str, citations: Sequence[Citation],
             derived: Sequence[int] = ()) -> str:
    """The endpoint's wording of the answer when it is grounded in the citations, else the answer."""
    if not url or not citations:
        return answer
    try:
        text = _ask_endpoint(url, model, answer, citations)
    except (OSError, urllib.error.URLError, ValueError, KeyError, IndexError, TypeError):
        return answer
    if not text or len(text) > MAX_CHARS:
        return answer
    if ungrounded(text, [c.text for c in citations], derived):
        return answer  # a figure the passages do not hold: never shown
    return text
