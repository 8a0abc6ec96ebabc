"""A refused request body is explained in the reader's language, with no English from the
validation library inside an Indonesian sentence."""

from __future__ import annotations

import httpx

from tests.classroom.server import Server


def _post(server: Server, path: str, body: object, lang: str, auth: bool = False) -> dict[str, str]:
    headers = {"Accept-Language": lang}
    if auth:
        headers["Authorization"] = f"Bearer {server.token}"
    answer = httpx.post(
        f"{server.url}/api/v1/classes/{server.code}/{path}", json=body, headers=headers
    )
    assert answer.status_code == 422, answer.text
    return dict(answer.json())


def test_refusals_in_indonesian_say_why_in_indonesian(strict_server: Server) -> None:
    cases = [
        ("control", {"action": "explode"}, True, "harus salah satu dari", "must be one of"),
        ("seats", {"player": "Ayu", "umur": 40}, False, "bukan kolom", "not a known field"),
        ("seats", {"player": "A" * 200}, False, "terlalu panjang", "too long"),
        ("seats", {}, False, "wajib diisi", "is required"),
    ]
    for path, body, auth, said_id, said_en in cases:
        answer = _post(strict_server, path, body, "id", auth)
        assert said_id in answer["message"] and said_id in answer["message_id"], answer
        assert said_en in answer["message_en"], answer
        for english in ("Input should", "Field required", "Extra inputs", "String should"):
            assert english not in answer["message_id"], answer
