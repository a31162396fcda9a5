"""Schemathesis hooks for `npm run test:fuzz` (tests/fuzz): loaded by the `hooks` setting of each run's config."""

import re
import uuid

import schemathesis

# libs/platform/src/http/idempotency-key.ts: printable ASCII without spaces, 1 to 255 characters.
KEY_SHAPE = re.compile(r"^[\x21-\x7e]{1,255}$")


@schemathesis.hook
def before_call(context, case, kwargs):
    """A fresh Idempotency-Key for each command, unless the generated one is ill-shaped (that tests the check).

    Generated keys are mostly empty or short strings drawn again and again ("0"): every command after the first
    would end at "is required" or at the key's replay check instead of reaching the handler's own rules.
    A missing key (the coverage phase's negative case) stays missing.
    """
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() != "idempotency-key" or not isinstance(value, str):
            continue
        if value == "" or KEY_SHAPE.match(value):
            headers[name] = str(uuid.uuid4())
    case.headers = headers
