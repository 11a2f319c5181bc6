"""Responses of the platform's own endpoints checked against docs/openapi.yaml (openapi-core)."""

from functools import cache
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest
from openapi_core.contrib.requests import RequestsOpenAPIResponse
from pathlib import Path


DOCUMENT = Path(__file__).resolve().parents[1] / "docs" / "openapi.yaml"


@cache
def openapi():
    """The document, itself validated as OpenAPI 3.1 when loaded."""
    return OpenAPI.from_file_path(str(DOCUMENT))


def check_response(response):
    """Fail unless the document describes this call and the response matches it."""
    openapi().validate_response(
        RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response)
    )
    return response
