"""configs/pipeline.yaml: the limits that protect a batch from one bad file."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pipeline.settings.fields import Count, Model, NonNegative


class IngestLimits(Model):
    max_bytes: Count
    max_pages: Count
    min_text_chars: NonNegative
    pdf_header_window: Count
    eof_window: Count


class RunConfig(Model):
    document_timeout_seconds: Annotated[float, Field(ge=0)]  # 0: no limit
    dask_wait_seconds: Annotated[float, Field(gt=0)]  # to reach a scheduler, and for it to have a worker


class PipelineSettings(Model):
    ingest: IngestLimits
    run: RunConfig
