/// The JSON Schema (draft 2020-12) of the inventory files, published at
/// `schema/inventory.schema.json` so that others can validate and consume them.
enum InventorySchema {
  static let text = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "inventory.schema.json",
      "title": "IGF outcome inventory",
      "description": "An IGF cycle's outcome inventory (YEAR/inventory.json) or the inventory of every cycle (inventory.json), as published by igfsite.",
      "type": "object",
      "properties": {
        "$schema": {"type": "string"},
        "site": {
          "type": "object",
          "properties": {"title": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
          "required": ["title", "url"],
          "additionalProperties": false
        },
        "cycle": {"$ref": "#/$defs/cycle"},
        "cycles": {"type": "array", "items": {"$ref": "#/$defs/cycle"}}
      },
      "oneOf": [{"required": ["cycle"]}, {"required": ["site", "cycles"]}],
      "additionalProperties": false,
      "$defs": {
        "id": {"type": "string", "pattern": "^[a-z0-9_][a-z0-9_-]*(/[a-z0-9_][a-z0-9_-]*)*$", "description": "A document's permanent id: its path under content/ without .md."},
        "date": {"type": "string", "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|unknown)$", "description": "A date as far as the record knows it (YYYY-MM-DD, YYYY-MM or YYYY), or unknown."},
        "cycle": {
          "type": "object",
          "properties": {
            "year": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
            "attention": {
              "type": "array",
              "description": "What the inventory says needs further attention.",
              "items": {
                "type": "object",
                "properties": {
                  "reason": {"enum": ["no-final-output", "not-renewed", "pending", "warnings", "missing-translations"]},
                  "id": {"$ref": "#/$defs/id"},
                  "detail": {"type": "string"}
                },
                "required": ["reason", "id", "detail"],
                "additionalProperties": false
              }
            }
          },
          "required": ["year", "title", "url", "items", "attention"],
          "additionalProperties": false
        },
        "person": {
          "type": "object",
          "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "stakeholder_group": {"type": ["string", "null"]},
            "regional_group": {"type": ["string", "null"]}
          },
          "required": ["id", "name", "stakeholder_group", "regional_group"],
          "additionalProperties": false
        },
        "item": {
          "type": "object",
          "properties": {
            "id": {"$ref": "#/$defs/id"},
            "url": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "kind": {"type": "string"},
            "cycle": {"type": "integer"},
            "status": {"type": ["string", "null"]},
            "series": {
              "oneOf": [
                {"type": "null"},
                {
                  "type": "object",
                  "properties": {"type": {"type": "string"}, "id": {"type": "string"}, "name": {"type": "string"}},
                  "required": ["type", "id", "name"],
                  "additionalProperties": false
                }
              ]
            },
            "dates": {"type": "object", "additionalProperties": {"$ref": "#/$defs/date"}},
            "facilitators": {"type": "array", "items": {"$ref": "#/$defs/person"}},
            "themes": {"type": "array", "items": {"type": "string"}},
            "languages": {
              "type": "array",
              "description": "The languages the document can be read in: the site's default first, then its translations.",
              "items": {
                "type": "object",
                "properties": {
                  "language": {"type": "string"},
                  "url": {"type": "string", "format": "uri"},
                  "translation": {"type": "boolean"},
                  "follows_original": {
                    "type": ["boolean", "null"],
                    "description": "Whether a translation follows the document as it is now; null for the original, and for a translation that does not say which version it follows."
                  }
                },
                "required": ["language", "url", "translation", "follows_original"],
                "additionalProperties": false
              }
            },
            "outputs": {"type": "array", "items": {"$ref": "#/$defs/id"}},
            "references": {"type": "array", "items": {"$ref": "#/$defs/id"}},
            "referenced_by": {"type": "array", "items": {"$ref": "#/$defs/id"}},
            "continues_from": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/id"}]},
            "continued_in": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/id"}]},
            "example": {"type": "boolean", "description": "The document's text was written for illustration, not taken from an IGF source."},
            "modalities": {
              "type": "object",
              "description": "Whether the modalities applied to the document; when they did not, why not.",
              "properties": {"applies": {"type": "boolean"}, "reason": {"type": ["string", "null"]}},
              "required": ["applies", "reason"],
              "additionalProperties": false
            },
            "warnings": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {"rule": {"type": "string"}, "line": {"type": "integer"}, "message": {"type": "string"}},
                "required": ["rule", "line", "message"],
                "additionalProperties": false
              }
            }
          },
          "required": [
            "id", "url", "title", "kind", "cycle", "status", "series", "dates", "facilitators", "themes", "languages",
            "outputs",
            "references", "referenced_by", "continues_from", "continued_in", "example", "modalities", "warnings"
          ],
          "additionalProperties": false
        }
      }
    }

    """#
}
