"""Schemathesis hooks for `npm run test:fuzz` (tests/fuzz): loaded by the `hooks` setting of each run's config."""

import re
import uuid

import schemathesis

# libs/platform/src/http/idempotency-key.ts: printable ASCII without spaces, 1 to 255 characters.
KEY_SHAPE = re.compile(r"^[\x21-\x7e]{1,255}$")


def _requires_key(operation):
    """Whether the operation's document says the Idempotency-Key header is required."""
    for parameter in getattr(operation, "headers", None) or []:
        if getattr(parameter, "name", "").lower() == "idempotency-key":
            return bool(getattr(parameter, "is_required", False))
    return False


def _drops_key_on_purpose(case):
    """The coverage phase's own case for a missing Idempotency-Key: left as generated."""
    phase = getattr(getattr(case, "meta", None), "phase", None)
    data = getattr(phase, "data", None)
    parameter = getattr(data, "parameter", None) or ""
    return parameter.lower() == "idempotency-key"


@schemathesis.hook
def before_call(context, case, kwargs):
    """A fresh Idempotency-Key for each command, unless the generated one is ill-shaped (that tests the check).

    Generated keys are mostly empty, missing (negative cases that break the body as well) or short strings drawn
    again and again ("0"): most commands would end at "is required" or at the key's replay check instead of
    reaching the handler's own rules. The coverage phase's case for a missing key stays as it is.
    """
    headers = case.headers or {}
    names = [name for name in headers if name.lower() == "idempotency-key"]
    if not names and _requires_key(case.operation) and not _drops_key_on_purpose(case):
        headers["Idempotency-Key"] = str(uuid.uuid4())
    for name in names:
        value = headers[name]
        if isinstance(value, str) and (value == "" or KEY_SHAPE.match(value)):
            headers[name] = str(uuid.uuid4())
    case.headers = headers


@schemathesis.hook
def before_load_schema(context, raw_schema):
    """Request bodies take no properties beyond those the document names.

    The handlers refuse unknown fields (400 "is not a known field"), but the documents leave
    `additionalProperties` out, so most "schema-valid" bodies schemathesis generates carry a few random keys
    and end at that check. Said in the schema, the generated bodies reach the handlers' other rules.
    """
    components = raw_schema.get("components", {}).get("schemas", {})
    seen = set()

    def close(schema):
        if isinstance(schema, list):
            for item in schema:
                close(item)
            return
        if not isinstance(schema, dict):
            return
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
            if name not in seen:
                seen.add(name)
                close(components.get(name))
            return
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        for value in schema.values():
            close(value)

    for item in raw_schema.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict):
                for media in operation.get("requestBody", {}).get("content", {}).values():
                    close(media.get("schema"))
