"""Paged reads of Kolada's metadata endpoints (REST API v3), checked page by page.

Every metadata endpoint answers `{"values": [...], "count": n, "next_url": "<url>"}` and
is read until `next_url` is empty (data/README.md: the API). A page that is not that shape, an
HTTP error or a refused connection raises `KoladaError` at once: the caller keeps its old
files rather than write a catalogue cut short.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import httpx

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
PER_PAGE = 5000  # the most v3 serves on one page: the catalogue is two pages
MAX_PAGES = 100  # a next_url that never ends is a broken server, not a catalogue of 500 000 KPIs


class KoladaError(Exception):
    """The API could not be read, or answered something other than a page of records."""


def fetch_all(client: httpx.Client, base_url: str, endpoint: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every record of `endpoint` ("kpi", "municipality"), following next_url page by page.
    Each record must have the `required` fields as non-empty strings."""
    url: str | None = f"{base_url.rstrip('/')}/{endpoint}?per_page={PER_PAGE}&page=1"
    records: list[dict[str, Any]] = []
    for _ in range(MAX_PAGES):
        if not url:
            return records
        body = _get_json(client, url)
        records.extend(_records(body, url, required))
        following = body.get("next_url")
        url = urljoin(url, following) if isinstance(following, str) and following else None
    raise KoladaError(f"{endpoint}: still a next_url after {MAX_PAGES} pages")


def _get_json(client: httpx.Client, url: str) -> dict[str, Any]:
    try:
        response = client.get(url)
        response.raise_for_status()
        body = response.json()
    except httpx.HTTPStatusError as exc:
        raise KoladaError(f"GET {url}: HTTP {exc.response.status_code}") from None
    except httpx.HTTPError as exc:
        raise KoladaError(f"GET {url}: {type(exc).__name__}: {exc}") from None
    except ValueError:
        raise KoladaError(f"GET {url}: the answer is not JSON") from None
    if not isinstance(body, dict):
        raise KoladaError(f"GET {url}: expected a JSON object with 'values', got {type(body).__name__}")
    return body


def _records(body: dict[str, Any], url: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
    values = body.get("values")
    if not isinstance(values, list):
        raise KoladaError(f"GET {url}: no 'values' list in the answer")
    for n, value in enumerate(values):
        missing = [f for f in required if not isinstance(value, dict) or not _text(value.get(f))]
        if missing:
            raise KoladaError(f"GET {url}: record {n} lacks {', '.join(missing)}")
    return values


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
