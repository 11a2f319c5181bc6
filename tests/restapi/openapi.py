"""Check REST answers against a schema of docs/openapi.yaml (OpenAPI 3.1: JSON Schema 2020-12)."""

from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml


OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


@lru_cache(maxsize=1)
def openapi_document():
    return yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))


def validate(data, schema_name):
    """Raise jsonschema.ValidationError unless data fits components/schemas/<schema_name>."""
    document = openapi_document()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"#/components/schemas/{schema_name}",
        "components": document["components"],
    }
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
