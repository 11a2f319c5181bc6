"""Validate answers against the schemas of docs/openapi.yaml (OpenAPI 3.1: JSON Schema 2020-12)."""

from pathlib import Path
from referencing import Registry
from referencing import Resource
from referencing.jsonschema import DRAFT202012

import jsonschema
import yaml


OPENAPI = Path(__file__).resolve().parents[1] / "docs" / "openapi.yaml"


def validator(schema_name):
    """A validator for components/schemas/<schema_name>, its $refs and formats (date) checked."""
    document = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:openapi", resource)
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:openapi#/components/schemas/{schema_name}"},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
