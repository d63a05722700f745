"""Writes corpus JSON the way the built-in files are laid out: indented, with each citation
({"source": …, "paragraph": …}) on one line, so that a reviewer's diff stays short."""

import json


def dumps(value, indent=0):
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(value, dict):
        if set(value) == {"source", "paragraph"}:
            return json.dumps(value, ensure_ascii=False)
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 1)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(isinstance(v, (str, int)) for v in value) and sum(len(str(v)) for v in value) < 60:
            return json.dumps(value, ensure_ascii=False)
        items = [f"{inner}{dumps(v, indent + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def render(document):
    """The file text of one corpus document, with a final newline."""
    text = dumps(document) + "\n"
    if json.loads(text) != document:
        raise AssertionError("the layout changed the data")
    return text
