#if Beslisservice
/// The OpenAPI 3.1 description of the decision service, served at `GET /v1/openapi.json`.
public enum OpenAPIDocument {
  public static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Toetssteen beslisservice",
        "version": "1.1.0",
        "description": "Rekent een huishouden door met de gecodeerde Nederlandse regelingen, exact en met uitleg per artikel. Dezelfde uitkomst als `toets evaluate --format json`."
      },
      "paths": {
        "/v1/evaluate": {
          "post": {
            "summary": "Eén huishouden doorrekenen op een peildatum",
            "parameters": [
              {"name": "datum", "in": "query", "required": true, "description": "Peildatum", "schema": {"type": "string", "format": "date", "example": "2025-01-01"}},
              {"name": "uitleg", "in": "query", "required": false, "description": "Met (ja, standaard) of zonder (nee) de trace per artikel", "schema": {"type": "string", "enum": ["ja", "nee"]}}
            ],
            "requestBody": {
              "required": true,
              "description": "Het huishoudendocument volgens het integratiecontract (Docs/integratiecontract.md), ten hoogste 1 MiB.",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Huishouden"}}}
            },
            "responses": {
              "200": {"description": "Uitkomsten (exacte decimale strings in euro's), onbepaalde uitkomsten met reden en artikelen, en de trace.",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Beslissing"}}}},
              "400": {"description": "Geen, een dubbele of een ongeldige datum (buiten 1850–2199), of een lege of onvolledige body.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}},
              "413": {"description": "De body is groter dan 1 MiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}},
              "415": {"description": "Geen Content-Type, een ander dan application/json, of een andere tekenset dan UTF-8.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}},
              "422": {"description": "Het huishoudendocument klopt niet (ook: geen geldige UTF-8); ieder probleem met regel, kolom en veld.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}},
              "503": {"description": "De berekening paste niet in de tijdslimiet (fout: tijdslimiet), of alle rekenplaatsen en de wachtrij zijn bezet (fout: te-druk, met Retry-After).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}}
            }
          }
        },
        "/v1/regulations": {
          "get": {
            "summary": "De gecodeerde regelingen met hun versies, geldigheid, artikelen en uitvoer",
            "responses": {"200": {"description": "Regelingen", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Regelingen"}}}}}
          }
        },
        "/v1/openapi.json": {
          "get": {"summary": "Dit document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}
        },
        "/healthz": {
          "get": {"summary": "Of de service draait, met het aantal regelingen, lopende en wachtende berekeningen",
                  "responses": {"200": {"description": "De service draait", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Gezondheid"}}}}}}
        },
        "/": {
          "get": {"summary": "De werkbank: een huishouden invoeren en de uitkomsten met hun uitleg per artikel bekijken",
                  "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}
        }
      },
      "components": {
        "schemas": {
          "Huishouden": {
            "type": "object", "required": ["personen"],
            "properties": {
              "personen": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["id", "rol"],
                "properties": {"id": {"type": "string"}, "rol": {"enum": ["aanvrager", "partner", "kind", "medebewoner"]}, "geboortedatum": {"type": "string", "format": "date"}},
                "additionalProperties": true}}
            },
            "additionalProperties": true,
            "description": "Velden en standaardwaarden: Regulations/huishouden/gegevensmodel.md."
          },
          "Beslissing": {
            "type": "object", "required": ["date", "outputs"],
            "properties": {
              "date": {"type": "string", "format": "date"},
              "outputs": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^-?\\d+(\\.\\d+)?$"}},
              "onbepaald": {"type": "object", "additionalProperties": {"type": "object", "required": ["code", "reden", "artikelen"]}},
              "trace": {"type": "array", "items": {"type": "object"}}
            }
          },
          "Fout": {
            "type": "object", "required": ["fout", "melding"],
            "properties": {
              "fout": {"type": "string"}, "melding": {"type": "string"}, "veld": {"type": "string"}, "verwacht": {"type": "string"},
              "problemen": {"type": "array", "items": {"type": "object", "properties": {"regel": {"type": ["integer", "null"]}, "kolom": {"type": ["integer", "null"]}, "veld": {"type": "string"}, "id": {"type": "string"}, "melding": {"type": "string"}}}}
            }
          },
          "Gezondheid": {
            "type": "object", "required": ["status", "regelingen", "bezig", "wachtend"],
            "properties": {"status": {"const": "ok"}, "regelingen": {"type": "integer"}, "bezig": {"type": "integer"}, "wachtend": {"type": "integer"}}
          },
          "Regelingen": {
            "type": "object", "required": ["regelingen"],
            "properties": {"regelingen": {"type": "array", "items": {"type": "object", "required": ["code", "titel", "bwb", "versies"]}}}
          }
        }
      }
    }
    """#
}
#endif
