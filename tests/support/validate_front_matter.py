#!/usr/bin/env python3
"""Validates each Markdown file's front matter against a JSON Schema, as an editor's YAML
extension does: python3-jsonschema (Draft 2020-12, with format checks) on the YAML read with
dates kept as text, the way kansli and the YAML language server read them.

Usage: validate_front_matter.py SCHEMA FILE...   Prints "FILE: ok" or "FILE: <problem>" per
file; exits 1 if any file fails."""
import json
import sys

import jsonschema
import yaml


class TextDates(yaml.SafeLoader):
    """YAML 1.1's timestamps stay text: `valid_from: 2024-01-01` is a string, as in YAML 1.2."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.find("\n---\n", 3)
    return yaml.load(text[4:end + 1], Loader=TextDates) or {}


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.FormatChecker())
    failed = False
    for path in sys.argv[2:]:
        try:
            errors = sorted(validator.iter_errors(front_matter(path)), key=lambda e: e.path)
            problems = ["/".join(map(str, e.path)) + ": " + e.message for e in errors]
        except (ValueError, yaml.YAMLError) as e:
            problems = [str(e)]
        print(path + ": " + ("ok" if not problems else "; ".join(problems)))
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


main()
