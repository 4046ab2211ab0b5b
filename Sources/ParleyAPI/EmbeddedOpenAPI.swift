// Generated from Docs/openapi.json by `PARLEY_REGENERATE=1 swift test --filter EmbeddedResourceTests`.
// Do not edit: EmbeddedResourceTests fails when this differs from Docs/openapi.json.

/// The OpenAPI document served at /openapi.json, carried in the binary.
enum EmbeddedOpenAPI {
    static let text: String = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Parley",
    "version": "1.0.0",
    "description": "The January 2022 negotiations between Russia and the United States, NATO and the OSCE, as one news article tells them.\n\nReads are public. Every 200 carries an ETag (send it back in If-None-Match for a 304) and Cache-Control; CORS allows any origin. Lists are paginated with `limit` and an opaque `cursor` (follow `links.next` or the Link header) and come as CSV with `format=csv` or `Accept: text/csv`. Unknown query parameters are refused (400) so typos are caught. Errors are RFC 9457 problem documents. Methods other than GET, HEAD and OPTIONS get 405 with an Allow header; unknown paths get 404."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080",
      "description": "make run"
    }
  ],
  "tags": [
    {
      "name": "service",
      "description": "About this service."
    },
    {
      "name": "meetings",
      "description": "Every dated negotiation event, sorted by date then id. `date` finds meetings in progress that day; `from`/`to` find those overlapping the period."
    },
    {
      "name": "parties",
      "description": "States, alliances, organizations and unions, sorted by id, with aliases and memberships both ways."
    },
    {
      "name": "people",
      "description": "People the article names, sorted by id, under corrected names with the article's spellings as aliases."
    },
    {
      "name": "quotes",
      "description": "Direct quotations, partial quotations and reported speech, in reading order (source, paragraph, offset)."
    },
    {
      "name": "topics",
      "description": "What the negotiations are about, sorted by id."
    },
    {
      "name": "demands",
      "description": "The demands Russia presented, as the article words them, sorted by id."
    },
    {
      "name": "sources",
      "description": "The texts records come from, with numbered paragraphs, sorted by id."
    }
  ],
  "paths": {
    "/": {
      "get": {
        "operationId": "getRoot",
        "tags": [
          "service"
        ],
        "summary": "What Parley is",
        "description": "What Parley serves and links to every collection.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Root"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      },
      "head": {
        "operationId": "headRoot",
        "tags": [
          "service"
        ],
        "summary": "What Parley is (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsRoot",
        "tags": [
          "service"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "operationId": "getHealth",
        "tags": [
          "service"
        ],
        "summary": "Health",
        "description": "200 when the database answers, with the data and schema versions. Never cached (Cache-Control: no-store).",
        "parameters": [
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headHealth",
        "tags": [
          "service"
        ],
        "summary": "Health (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsHealth",
        "tags": [
          "service"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "getOpenAPI",
        "tags": [
          "service"
        ],
        "summary": "This OpenAPI document",
        "description": "The OpenAPI 3.1 description of this API. Takes no query parameters.",
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OpenAPIDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      },
      "head": {
        "operationId": "headOpenAPI",
        "tags": [
          "service"
        ],
        "summary": "This OpenAPI document (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsOpenAPI",
        "tags": [
          "service"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/meetings": {
      "get": {
        "operationId": "listMeetings",
        "tags": [
          "meetings"
        ],
        "summary": "List meetings",
        "description": "Every dated negotiation event, sorted by date then id. `date` finds meetings in progress that day; `from`/`to` find those overlapping the period.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Date"
          },
          {
            "$ref": "#/components/parameters/From"
          },
          {
            "$ref": "#/components/parameters/To"
          },
          {
            "$ref": "#/components/parameters/Party"
          },
          {
            "$ref": "#/components/parameters/Person"
          },
          {
            "$ref": "#/components/parameters/Topic"
          },
          {
            "$ref": "#/components/parameters/MeetingKind"
          },
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/MeetingCursor"
          },
          {
            "$ref": "#/components/parameters/MeetingFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MeetingList"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV: a header row of the selected fields, then one row per item; related records as ids, lists joined with ';'."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headListMeetings",
        "tags": [
          "meetings"
        ],
        "summary": "List meetings (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Date"
          },
          {
            "$ref": "#/components/parameters/From"
          },
          {
            "$ref": "#/components/parameters/To"
          },
          {
            "$ref": "#/components/parameters/Party"
          },
          {
            "$ref": "#/components/parameters/Person"
          },
          {
            "$ref": "#/components/parameters/Topic"
          },
          {
            "$ref": "#/components/parameters/MeetingKind"
          },
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/MeetingCursor"
          },
          {
            "$ref": "#/components/parameters/MeetingFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsMeetings",
        "tags": [
          "meetings"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/meetings/{id}": {
      "get": {
        "operationId": "getMeeting",
        "tags": [
          "meetings"
        ],
        "summary": "One meeting",
        "description": "One meeting by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/MeetingFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MeetingDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headMeeting",
        "tags": [
          "meetings"
        ],
        "summary": "One meeting (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/MeetingFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          },
          "404": {
            "$ref": "#/components/responses/HeadNotFound"
          }
        }
      },
      "options": {
        "operationId": "optionsMeeting",
        "tags": [
          "meetings"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [
          {
            "$ref": "#/components/parameters/RouteId"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/parties": {
      "get": {
        "operationId": "listParties",
        "tags": [
          "parties"
        ],
        "summary": "List parties",
        "description": "States, alliances, organizations and unions, sorted by id, with aliases and memberships both ways.",
        "parameters": [
          {
            "$ref": "#/components/parameters/PartyKind"
          },
          {
            "$ref": "#/components/parameters/MemberOf"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/PartyCursor"
          },
          {
            "$ref": "#/components/parameters/PartyFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PartyList"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV: a header row of the selected fields, then one row per item; related records as ids, lists joined with ';'."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headListParties",
        "tags": [
          "parties"
        ],
        "summary": "List parties (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/PartyKind"
          },
          {
            "$ref": "#/components/parameters/MemberOf"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/PartyCursor"
          },
          {
            "$ref": "#/components/parameters/PartyFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsParties",
        "tags": [
          "parties"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/parties/{id}": {
      "get": {
        "operationId": "getParty",
        "tags": [
          "parties"
        ],
        "summary": "One party",
        "description": "One party by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/PartyFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PartyDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headParty",
        "tags": [
          "parties"
        ],
        "summary": "One party (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/PartyFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          },
          "404": {
            "$ref": "#/components/responses/HeadNotFound"
          }
        }
      },
      "options": {
        "operationId": "optionsParty",
        "tags": [
          "parties"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [
          {
            "$ref": "#/components/parameters/RouteId"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/people": {
      "get": {
        "operationId": "listPeople",
        "tags": [
          "people"
        ],
        "summary": "List people",
        "description": "People the article names, sorted by id, under corrected names with the article's spellings as aliases.",
        "parameters": [
          {
            "$ref": "#/components/parameters/PersonParty"
          },
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/PersonCursor"
          },
          {
            "$ref": "#/components/parameters/PersonFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PersonList"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV: a header row of the selected fields, then one row per item; related records as ids, lists joined with ';'."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headListPeople",
        "tags": [
          "people"
        ],
        "summary": "List people (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/PersonParty"
          },
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/PersonCursor"
          },
          {
            "$ref": "#/components/parameters/PersonFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsPeople",
        "tags": [
          "people"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/people/{id}": {
      "get": {
        "operationId": "getPerson",
        "tags": [
          "people"
        ],
        "summary": "One person",
        "description": "One person by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/PersonFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PersonDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headPerson",
        "tags": [
          "people"
        ],
        "summary": "One person (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/PersonFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          },
          "404": {
            "$ref": "#/components/responses/HeadNotFound"
          }
        }
      },
      "options": {
        "operationId": "optionsPerson",
        "tags": [
          "people"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [
          {
            "$ref": "#/components/parameters/RouteId"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/quotes": {
      "get": {
        "operationId": "listQuotes",
        "tags": [
          "quotes"
        ],
        "summary": "List quotes",
        "description": "Direct quotations, partial quotations and reported speech, in reading order (source, paragraph, offset).",
        "parameters": [
          {
            "$ref": "#/components/parameters/Speaker"
          },
          {
            "$ref": "#/components/parameters/QuoteParty"
          },
          {
            "$ref": "#/components/parameters/Meeting"
          },
          {
            "$ref": "#/components/parameters/Topic"
          },
          {
            "$ref": "#/components/parameters/QuoteKind"
          },
          {
            "$ref": "#/components/parameters/Date"
          },
          {
            "$ref": "#/components/parameters/From"
          },
          {
            "$ref": "#/components/parameters/To"
          },
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/QuoteCursor"
          },
          {
            "$ref": "#/components/parameters/QuoteFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/QuoteList"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV: a header row of the selected fields, then one row per item; related records as ids, lists joined with ';'."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headListQuotes",
        "tags": [
          "quotes"
        ],
        "summary": "List quotes (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Speaker"
          },
          {
            "$ref": "#/components/parameters/QuoteParty"
          },
          {
            "$ref": "#/components/parameters/Meeting"
          },
          {
            "$ref": "#/components/parameters/Topic"
          },
          {
            "$ref": "#/components/parameters/QuoteKind"
          },
          {
            "$ref": "#/components/parameters/Date"
          },
          {
            "$ref": "#/components/parameters/From"
          },
          {
            "$ref": "#/components/parameters/To"
          },
          {
            "$ref": "#/components/parameters/Q"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/QuoteCursor"
          },
          {
            "$ref": "#/components/parameters/QuoteFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsQuotes",
        "tags": [
          "quotes"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/quotes/{id}": {
      "get": {
        "operationId": "getQuote",
        "tags": [
          "quotes"
        ],
        "summary": "One quote",
        "description": "One quote by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/QuoteFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/QuoteDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headQuote",
        "tags": [
          "quotes"
        ],
        "summary": "One quote (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/QuoteFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          },
          "404": {
            "$ref": "#/components/responses/HeadNotFound"
          }
        }
      },
      "options": {
        "operationId": "optionsQuote",
        "tags": [
          "quotes"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [
          {
            "$ref": "#/components/parameters/RouteId"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/topics": {
      "get": {
        "operationId": "listTopics",
        "tags": [
          "topics"
        ],
        "summary": "List topics",
        "description": "What the negotiations are about, sorted by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/TopicCursor"
          },
          {
            "$ref": "#/components/parameters/TopicFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TopicList"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV: a header row of the selected fields, then one row per item; related records as ids, lists joined with ';'."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headListTopics",
        "tags": [
          "topics"
        ],
        "summary": "List topics (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/TopicCursor"
          },
          {
            "$ref": "#/components/parameters/TopicFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsTopics",
        "tags": [
          "topics"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/topics/{id}": {
      "get": {
        "operationId": "getTopic",
        "tags": [
          "topics"
        ],
        "summary": "One topic",
        "description": "One topic by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/TopicFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TopicDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headTopic",
        "tags": [
          "topics"
        ],
        "summary": "One topic (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/TopicFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          },
          "404": {
            "$ref": "#/components/responses/HeadNotFound"
          }
        }
      },
      "options": {
        "operationId": "optionsTopic",
        "tags": [
          "topics"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [
          {
            "$ref": "#/components/parameters/RouteId"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/demands": {
      "get": {
        "operationId": "listDemands",
        "tags": [
          "demands"
        ],
        "summary": "List demands",
        "description": "The demands Russia presented, as the article words them, sorted by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/DemandParty"
          },
          {
            "$ref": "#/components/parameters/Addressee"
          },
          {
            "$ref": "#/components/parameters/Topic"
          },
          {
            "$ref": "#/components/parameters/Meeting"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/DemandCursor"
          },
          {
            "$ref": "#/components/parameters/DemandFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DemandList"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV: a header row of the selected fields, then one row per item; related records as ids, lists joined with ';'."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headListDemands",
        "tags": [
          "demands"
        ],
        "summary": "List demands (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/DemandParty"
          },
          {
            "$ref": "#/components/parameters/Addressee"
          },
          {
            "$ref": "#/components/parameters/Topic"
          },
          {
            "$ref": "#/components/parameters/Meeting"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/DemandCursor"
          },
          {
            "$ref": "#/components/parameters/DemandFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsDemands",
        "tags": [
          "demands"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/demands/{id}": {
      "get": {
        "operationId": "getDemand",
        "tags": [
          "demands"
        ],
        "summary": "One demand",
        "description": "One demand by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/DemandFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DemandDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headDemand",
        "tags": [
          "demands"
        ],
        "summary": "One demand (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/DemandFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          },
          "404": {
            "$ref": "#/components/responses/HeadNotFound"
          }
        }
      },
      "options": {
        "operationId": "optionsDemand",
        "tags": [
          "demands"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [
          {
            "$ref": "#/components/parameters/RouteId"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/sources": {
      "get": {
        "operationId": "listSources",
        "tags": [
          "sources"
        ],
        "summary": "List sources",
        "description": "The texts records come from, with numbered paragraphs, sorted by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/SourceCursor"
          },
          {
            "$ref": "#/components/parameters/SourceFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SourceList"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string",
                  "description": "RFC 4180 CSV: a header row of the selected fields, then one row per item; related records as ids, lists joined with ';'."
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headListSources",
        "tags": [
          "sources"
        ],
        "summary": "List sources (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/SourceCursor"
          },
          {
            "$ref": "#/components/parameters/SourceFields"
          },
          {
            "$ref": "#/components/parameters/Format"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsSources",
        "tags": [
          "sources"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/sources/{id}": {
      "get": {
        "operationId": "getSource",
        "tags": [
          "sources"
        ],
        "summary": "One source",
        "description": "One source by id.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/SourceFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SourceDocument"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "head": {
        "operationId": "headSource",
        "tags": [
          "sources"
        ],
        "summary": "One source (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/SourceFields"
          },
          {
            "$ref": "#/components/parameters/Pretty"
          },
          {
            "$ref": "#/components/parameters/IfNoneMatch"
          }
        ],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          },
          "404": {
            "$ref": "#/components/responses/HeadNotFound"
          }
        }
      },
      "options": {
        "operationId": "optionsSource",
        "tags": [
          "sources"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [
          {
            "$ref": "#/components/parameters/RouteId"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "getMetrics",
        "tags": [
          "service"
        ],
        "summary": "Metrics",
        "description": "Counters in the Prometheus text format (0.0.4): requests by route and status, a latency histogram per route, open connections, bytes in and out, response-cache hits and misses, and SQLite read time. Routes are labelled by pattern, never by raw path. Never cached (Cache-Control: no-store).",
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK.",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            },
            "content": {
              "text/plain; version=0.0.4; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      },
      "head": {
        "operationId": "headMetrics",
        "tags": [
          "service"
        ],
        "summary": "Metrics (headers only)",
        "description": "As GET, without the body.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK (headers only).",
            "headers": {
              "Cache-Control": {
                "$ref": "#/components/headers/CacheControl"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/HeadBadRequest"
          }
        }
      },
      "options": {
        "operationId": "optionsMetrics",
        "tags": [
          "service"
        ],
        "summary": "Allowed methods and CORS preflight",
        "parameters": [],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Problem": {
        "type": "object",
        "properties": {
          "type": {
            "type": "string",
            "description": "A URI reference identifying the problem type; about:blank for plain HTTP errors."
          },
          "title": {
            "type": "string",
            "description": "The status code's reason phrase."
          },
          "status": {
            "type": "integer",
            "description": "The HTTP status code.",
            "minimum": 400,
            "maximum": 599
          },
          "detail": {
            "type": "string",
            "description": "What went wrong with this request, in words."
          },
          "parameter": {
            "type": "string",
            "description": "The query parameter at fault, for 400 responses about one."
          }
        },
        "additionalProperties": false,
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "description": "An RFC 9457 problem document."
      },
      "RecordRef": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The related record's id."
          },
          "name": {
            "type": "string",
            "description": "Its name."
          }
        },
        "additionalProperties": false,
        "required": [
          "id",
          "name"
        ],
        "description": "A related party, person or topic, named inline."
      },
      "MeetingRef": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The meeting's id."
          },
          "title": {
            "type": "string",
            "description": "Its title."
          }
        },
        "additionalProperties": false,
        "required": [
          "id",
          "title"
        ],
        "description": "A related meeting, titled inline."
      },
      "RoleRef": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The related record's id."
          },
          "name": {
            "type": "string",
            "description": "Its name."
          },
          "role": {
            "type": "string",
            "description": "The part it plays here (for parties: host, negotiating-side, subject, consulted, addressee, author; for participants: free text, possibly empty)."
          }
        },
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "role"
        ],
        "description": "A party or person with its role at a meeting."
      },
      "SourceRef": {
        "type": "object",
        "properties": {
          "source": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The source's id (see /sources)."
          },
          "paragraph": {
            "type": "integer",
            "description": "The paragraph number within the source, from 1.",
            "minimum": 1
          }
        },
        "additionalProperties": false,
        "required": [
          "source",
          "paragraph"
        ],
        "description": "A paragraph a record comes from."
      },
      "QuoteSourceRef": {
        "type": "object",
        "properties": {
          "source": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The source's id (see /sources)."
          },
          "paragraph": {
            "type": "integer",
            "description": "The paragraph number within the source, from 1.",
            "minimum": 1
          },
          "start": {
            "type": "integer",
            "description": "Offset of the quoted text in the paragraph, in Unicode code points.",
            "minimum": 0
          },
          "end": {
            "type": "integer",
            "description": "Offset just past the quoted text (exclusive).",
            "minimum": 1
          }
        },
        "additionalProperties": false,
        "required": [
          "source",
          "paragraph",
          "start",
          "end"
        ],
        "description": "Where a quote stands in its source, for highlighting."
      },
      "Alias": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "description": "Another name: the article's spelling, the name in its own script, …"
          },
          "note": {
            "type": [
              "string",
              "null"
            ],
            "description": "What kind of alias it is."
          }
        },
        "additionalProperties": false,
        "required": [
          "name",
          "note"
        ],
        "description": "Another name a party or person goes by."
      },
      "Membership": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The other party's id."
          },
          "name": {
            "type": "string",
            "description": "Its name."
          },
          "basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "Whether the article states the membership or Parley inferred it."
          }
        },
        "additionalProperties": false,
        "required": [
          "id",
          "name",
          "basis"
        ],
        "description": "One side of a membership."
      },
      "Location": {
        "type": "object",
        "properties": {
          "city": {
            "type": [
              "string",
              "null"
            ],
            "description": "City."
          },
          "country": {
            "type": [
              "string",
              "null"
            ],
            "description": "Country."
          },
          "basis": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "stated",
              "inferred",
              null
            ],
            "description": "Whether the article states the location or Parley inferred it; null when unknown."
          }
        },
        "additionalProperties": false,
        "required": [
          "city",
          "country",
          "basis"
        ],
        "description": "Where a meeting took place."
      },
      "Post": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string",
            "description": "The post."
          },
          "party": {
            "description": "The party the post serves, when known.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/RecordRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "start_date": {
            "type": [
              "string",
              "null"
            ],
            "description": "When the post began: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known."
          },
          "end_date": {
            "type": [
              "string",
              "null"
            ],
            "description": "When it ended, as precisely as known; null when current or unknown."
          },
          "basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "Whether the article states the post or Parley inferred it."
          }
        },
        "additionalProperties": false,
        "required": [
          "title",
          "party",
          "start_date",
          "end_date",
          "basis"
        ],
        "description": "A post a person held."
      },
      "Paragraph": {
        "type": "object",
        "properties": {
          "number": {
            "type": "integer",
            "description": "Paragraph number, from 1.",
            "minimum": 1
          },
          "text": {
            "type": "string",
            "description": "The paragraph exactly as the source prints it."
          }
        },
        "additionalProperties": false,
        "required": [
          "number",
          "text"
        ],
        "description": "One numbered paragraph of a source."
      },
      "Meeting": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug."
          },
          "title": {
            "type": "string",
            "description": "Title."
          },
          "kind": {
            "type": "string",
            "description": "bilateral-talks, multilateral-talks, press-briefing, demands, summit, …"
          },
          "date": {
            "type": "string",
            "description": "First day, YYYY-MM-DD.",
            "format": "date"
          },
          "end_date": {
            "type": "string",
            "description": "Last day, YYYY-MM-DD (equal to date for one-day events).",
            "format": "date"
          },
          "date_basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "stated when the article gives the date; inferred when Parley resolved it (Monday → 2022-01-10)."
          },
          "location": {
            "$ref": "#/components/schemas/Location"
          },
          "status": {
            "type": "string",
            "enum": [
              "held",
              "scheduled"
            ],
            "description": "As the article tells it."
          },
          "parties": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RoleRef"
            },
            "description": "Parties with their role at the meeting."
          },
          "participants": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RoleRef"
            },
            "description": "People taking part."
          },
          "topics": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecordRef"
            },
            "description": "What it was about."
          },
          "summary": {
            "type": "string",
            "description": "What the article says of it."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SourceRef"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A dated negotiation event. Every field is present unless trimmed with `fields=`."
      },
      "Party": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug."
          },
          "name": {
            "type": "string",
            "description": "Name."
          },
          "kind": {
            "type": "string",
            "enum": [
              "state",
              "alliance",
              "organization",
              "union",
              "group"
            ],
            "description": "What kind of party."
          },
          "summary": {
            "type": "string",
            "description": "What the article says of it."
          },
          "aliases": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Alias"
            },
            "description": "Other names."
          },
          "member_of": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Membership"
            },
            "description": "Organizations this party belongs to."
          },
          "members": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Membership"
            },
            "description": "This organization's members."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SourceRef"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A state, alliance, organization or union. Every field is present unless trimmed with `fields=`."
      },
      "Person": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug."
          },
          "name": {
            "type": "string",
            "description": "Corrected canonical name."
          },
          "summary": {
            "type": "string",
            "description": "Who they are."
          },
          "aliases": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Alias"
            },
            "description": "The article's spellings and the name in its own script."
          },
          "posts": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Post"
            },
            "description": "Posts held."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SourceRef"
            },
            "description": "Paragraphs they appear in."
          }
        },
        "additionalProperties": false,
        "description": "A person the article names. Every field is present unless trimmed with `fields=`."
      },
      "Quote": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug."
          },
          "text": {
            "type": "string",
            "description": "Exactly as the article prints it."
          },
          "kind": {
            "type": "string",
            "enum": [
              "direct",
              "partial",
              "reported"
            ],
            "description": "Direct quotation, partial quotation or reported speech."
          },
          "speaker": {
            "description": "Who said it (a person).",
            "anyOf": [
              {
                "$ref": "#/components/schemas/RecordRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "party": {
            "description": "The party they spoke for.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/RecordRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "description": "When it was said, YYYY-MM-DD."
          },
          "date_basis": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "stated",
              "inferred",
              null
            ],
            "description": "Whether the article states the date or Parley inferred it."
          },
          "meeting": {
            "description": "The meeting it belongs to.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/MeetingRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "topics": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecordRef"
            },
            "description": "What it is about."
          },
          "attribution": {
            "type": "string",
            "description": "How the article attributes it ('says', 'according to Smith', …)."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/QuoteSourceRef"
            },
            "description": "Where the text stands in its source."
          }
        },
        "additionalProperties": false,
        "description": "A quotation or reported speech. Every field is present unless trimmed with `fields=`."
      },
      "Topic": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug."
          },
          "name": {
            "type": "string",
            "description": "Name."
          },
          "description": {
            "type": "string",
            "description": "What it covers."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SourceRef"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A subject of the negotiations. Every field is present unless trimmed with `fields=`."
      },
      "Demand": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug."
          },
          "text": {
            "type": "string",
            "description": "The demand as the article words it."
          },
          "summary": {
            "type": "string",
            "description": "In short."
          },
          "party": {
            "$ref": "#/components/schemas/RecordRef"
          },
          "addressees": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecordRef"
            },
            "description": "Parties it is addressed to."
          },
          "meeting": {
            "description": "Where it was presented.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/MeetingRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "topics": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecordRef"
            },
            "description": "What it is about."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SourceRef"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "One of the demands a party put to others. Every field is present unless trimmed with `fields=`."
      },
      "Source": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug."
          },
          "title": {
            "type": "string",
            "description": "Title."
          },
          "publisher": {
            "type": [
              "string",
              "null"
            ],
            "description": "Publisher, when known."
          },
          "language": {
            "type": "string",
            "description": "Language of the text Parley holds (BCP 47)."
          },
          "original_language": {
            "type": [
              "string",
              "null"
            ],
            "description": "Language it was written in, when translated."
          },
          "is_translation": {
            "type": "boolean",
            "description": "Whether the text is a translation."
          },
          "translation_note": {
            "type": [
              "string",
              "null"
            ],
            "description": "About the translation."
          },
          "published": {
            "type": [
              "string",
              "null"
            ],
            "description": "When published (YYYY-MM-DD), as known."
          },
          "published_basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "Whether the source states its date or Parley inferred it."
          },
          "file": {
            "type": "string",
            "description": "Where the text came from."
          },
          "paragraphs": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Paragraph"
            },
            "description": "The text, paragraph by paragraph."
          }
        },
        "additionalProperties": false,
        "description": "A text Parley's records come from. Every field is present unless trimmed with `fields=`."
      },
      "Links": {
        "type": "object",
        "properties": {
          "self": {
            "type": "string",
            "description": "This page, with its query in canonical order."
          },
          "next": {
            "type": [
              "string",
              "null"
            ],
            "description": "The next page, or null on the last."
          }
        },
        "additionalProperties": false,
        "required": [
          "self",
          "next"
        ],
        "description": "Where this page and the next are."
      },
      "ListMeta": {
        "type": "object",
        "properties": {
          "total": {
            "type": "integer",
            "description": "Items matching the filters, across all pages.",
            "minimum": 0
          },
          "limit": {
            "type": "integer",
            "description": "The page size used.",
            "minimum": 1,
            "maximum": 500
          }
        },
        "additionalProperties": false,
        "required": [
          "total",
          "limit"
        ],
        "description": "About the whole list."
      },
      "MeetingList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Meeting"
            },
            "description": "This page's items."
          },
          "links": {
            "$ref": "#/components/schemas/Links"
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        },
        "additionalProperties": false,
        "required": [
          "data",
          "links",
          "meta"
        ],
        "description": "A page of meetings."
      },
      "MeetingDocument": {
        "type": "object",
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Meeting"
          }
        },
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "One meeting."
      },
      "PartyList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Party"
            },
            "description": "This page's items."
          },
          "links": {
            "$ref": "#/components/schemas/Links"
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        },
        "additionalProperties": false,
        "required": [
          "data",
          "links",
          "meta"
        ],
        "description": "A page of parties."
      },
      "PartyDocument": {
        "type": "object",
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Party"
          }
        },
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "One party."
      },
      "PersonList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Person"
            },
            "description": "This page's items."
          },
          "links": {
            "$ref": "#/components/schemas/Links"
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        },
        "additionalProperties": false,
        "required": [
          "data",
          "links",
          "meta"
        ],
        "description": "A page of people."
      },
      "PersonDocument": {
        "type": "object",
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Person"
          }
        },
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "One person."
      },
      "QuoteList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Quote"
            },
            "description": "This page's items."
          },
          "links": {
            "$ref": "#/components/schemas/Links"
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        },
        "additionalProperties": false,
        "required": [
          "data",
          "links",
          "meta"
        ],
        "description": "A page of quotes."
      },
      "QuoteDocument": {
        "type": "object",
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Quote"
          }
        },
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "One quote."
      },
      "TopicList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Topic"
            },
            "description": "This page's items."
          },
          "links": {
            "$ref": "#/components/schemas/Links"
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        },
        "additionalProperties": false,
        "required": [
          "data",
          "links",
          "meta"
        ],
        "description": "A page of topics."
      },
      "TopicDocument": {
        "type": "object",
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Topic"
          }
        },
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "One topic."
      },
      "DemandList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Demand"
            },
            "description": "This page's items."
          },
          "links": {
            "$ref": "#/components/schemas/Links"
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        },
        "additionalProperties": false,
        "required": [
          "data",
          "links",
          "meta"
        ],
        "description": "A page of demands."
      },
      "DemandDocument": {
        "type": "object",
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Demand"
          }
        },
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "One demand."
      },
      "SourceList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Source"
            },
            "description": "This page's items."
          },
          "links": {
            "$ref": "#/components/schemas/Links"
          },
          "meta": {
            "$ref": "#/components/schemas/ListMeta"
          }
        },
        "additionalProperties": false,
        "required": [
          "data",
          "links",
          "meta"
        ],
        "description": "A page of sources."
      },
      "SourceDocument": {
        "type": "object",
        "properties": {
          "data": {
            "$ref": "#/components/schemas/Source"
          }
        },
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "One source."
      },
      "Root": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "description": "Parley."
          },
          "description": {
            "type": "string",
            "description": "What Parley serves."
          },
          "links": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Where each collection and document is."
          }
        },
        "additionalProperties": false,
        "required": [
          "name",
          "description",
          "links"
        ],
        "description": "What Parley is and where everything is."
      },
      "Health": {
        "type": "object",
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ],
            "description": "ok when the database answers."
          },
          "data_version": {
            "type": "integer",
            "description": "The newest change's sequence number (ETags key on it).",
            "minimum": 0
          },
          "schema_version": {
            "type": "integer",
            "description": "The newest migration applied.",
            "minimum": 0
          }
        },
        "additionalProperties": false,
        "required": [
          "status",
          "data_version",
          "schema_version"
        ],
        "description": "Health of this instance."
      },
      "OpenAPIDocument": {
        "type": "object",
        "description": "This document."
      }
    },
    "parameters": {
      "Date": {
        "name": "date",
        "in": "query",
        "required": false,
        "description": "Only records on this day, YYYY-MM-DD. For meetings: in progress that day (date ≤ day ≤ end_date).",
        "schema": {
          "type": "string",
          "format": "date",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        }
      },
      "From": {
        "name": "from",
        "in": "query",
        "required": false,
        "description": "Only records on or after this day (for meetings: ending on or after it), YYYY-MM-DD; not after `to`.",
        "schema": {
          "type": "string",
          "format": "date",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        }
      },
      "To": {
        "name": "to",
        "in": "query",
        "required": false,
        "description": "Only records on or before this day (for meetings: starting on or before it), YYYY-MM-DD.",
        "schema": {
          "type": "string",
          "format": "date",
          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        }
      },
      "Party": {
        "name": "party",
        "in": "query",
        "required": false,
        "description": "Only records involving this party (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "Person": {
        "name": "person",
        "in": "query",
        "required": false,
        "description": "Only meetings this person (id) took part in.",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "Topic": {
        "name": "topic",
        "in": "query",
        "required": false,
        "description": "Only records about this topic (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "MeetingKind": {
        "name": "kind",
        "in": "query",
        "required": false,
        "description": "Only meetings of this kind (bilateral-talks, multilateral-talks, press-briefing, demands, summit, …).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "QuoteKind": {
        "name": "kind",
        "in": "query",
        "required": false,
        "description": "Only quotes of this kind.",
        "schema": {
          "type": "string",
          "enum": [
            "direct",
            "partial",
            "reported"
          ]
        }
      },
      "PartyKind": {
        "name": "kind",
        "in": "query",
        "required": false,
        "description": "Only parties of this kind.",
        "schema": {
          "type": "string",
          "enum": [
            "state",
            "alliance",
            "organization",
            "union",
            "group"
          ]
        }
      },
      "MemberOf": {
        "name": "member_of",
        "in": "query",
        "required": false,
        "description": "Only members of this organization (id), e.g. nato.",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "Speaker": {
        "name": "speaker",
        "in": "query",
        "required": false,
        "description": "Only quotes by this person (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "Meeting": {
        "name": "meeting",
        "in": "query",
        "required": false,
        "description": "Only records tied to this meeting (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "QuoteParty": {
        "name": "party",
        "in": "query",
        "required": false,
        "description": "Only quotes spoken for this party (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "PersonParty": {
        "name": "party",
        "in": "query",
        "required": false,
        "description": "Only people who held a post for this party (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "DemandParty": {
        "name": "party",
        "in": "query",
        "required": false,
        "description": "Only demands made by this party (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "Addressee": {
        "name": "addressee",
        "in": "query",
        "required": false,
        "description": "Only demands addressed to this party (id).",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "Q": {
        "name": "q",
        "in": "query",
        "required": false,
        "description": "Full-text search, diacritics folded (grusko finds Gruško), any script. Words (runs of letters and digits) are matched as words, all of them; operators are not interpreted, and text without any word finds nothing.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Items per page.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 100
        }
      },
      "Format": {
        "name": "format",
        "in": "query",
        "required": false,
        "description": "json (default) or csv (RFC 4180); `Accept: text/csv` also selects CSV.",
        "schema": {
          "type": "string",
          "enum": [
            "json",
            "csv"
          ]
        }
      },
      "Pretty": {
        "name": "pretty",
        "in": "query",
        "required": false,
        "description": "Indent the JSON.",
        "schema": {
          "type": "boolean",
          "default": false
        }
      },
      "IfNoneMatch": {
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "description": "An ETag from an earlier response (or *): 304 when still current.",
        "schema": {
          "type": "string"
        }
      },
      "Id": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "The record's id.",
        "schema": {
          "type": "string",
          "pattern": "^[a-z0-9-]+$",
          "minLength": 1,
          "maxLength": 100
        }
      },
      "RouteId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "Any id: OPTIONS describes the route, whether or not the record exists.",
        "schema": {
          "type": "string",
          "minLength": 1
        }
      },
      "MeetingCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /meetings. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^meetings\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "MeetingFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each meeting, comma-separated: id, title, kind, date, end_date, date_basis, location, status, parties, participants, topics, summary, sources.",
        "schema": {
          "type": "string",
          "pattern": "^(id|title|kind|date|end_date|date_basis|location|status|parties|participants|topics|summary|sources)(,(id|title|kind|date|end_date|date_basis|location|status|parties|participants|topics|summary|sources))*$"
        }
      },
      "PartyCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /parties. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^parties\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "PartyFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each party, comma-separated: id, name, kind, summary, aliases, member_of, members, sources.",
        "schema": {
          "type": "string",
          "pattern": "^(id|name|kind|summary|aliases|member_of|members|sources)(,(id|name|kind|summary|aliases|member_of|members|sources))*$"
        }
      },
      "PersonCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /people. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^people\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "PersonFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each person, comma-separated: id, name, summary, aliases, posts, sources.",
        "schema": {
          "type": "string",
          "pattern": "^(id|name|summary|aliases|posts|sources)(,(id|name|summary|aliases|posts|sources))*$"
        }
      },
      "QuoteCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /quotes. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^quotes\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "QuoteFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each quote, comma-separated: id, text, kind, speaker, party, date, date_basis, meeting, topics, attribution, sources.",
        "schema": {
          "type": "string",
          "pattern": "^(id|text|kind|speaker|party|date|date_basis|meeting|topics|attribution|sources)(,(id|text|kind|speaker|party|date|date_basis|meeting|topics|attribution|sources))*$"
        }
      },
      "TopicCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /topics. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^topics\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "TopicFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each topic, comma-separated: id, name, description, sources.",
        "schema": {
          "type": "string",
          "pattern": "^(id|name|description|sources)(,(id|name|description|sources))*$"
        }
      },
      "DemandCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /demands. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^demands\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "DemandFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each demand, comma-separated: id, text, summary, party, addressees, meeting, topics, sources.",
        "schema": {
          "type": "string",
          "pattern": "^(id|text|summary|party|addressees|meeting|topics|sources)(,(id|text|summary|party|addressees|meeting|topics|sources))*$"
        }
      },
      "SourceCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /sources. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^sources\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "SourceFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each source, comma-separated: id, title, publisher, language, original_language, is_translation, translation_note, published, published_basis, file, paragraphs.",
        "schema": {
          "type": "string",
          "pattern": "^(id|title|publisher|language|original_language|is_translation|translation_note|published|published_basis|file|paragraphs)(,(id|title|publisher|language|original_language|is_translation|translation_note|published|published_basis|file|paragraphs))*$"
        }
      }
    },
    "responses": {
      "NotModified": {
        "description": "Not modified: the ETag in If-None-Match is current. No body.",
        "headers": {
          "ETag": {
            "$ref": "#/components/headers/ETag"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/CacheControl"
          }
        }
      },
      "BadRequest": {
        "description": "A query parameter is unknown, repeated, malformed or out of range, or `from` is after `to` (the problem's `parameter` names it).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "No record with this id.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The path exists but not for this method; Allow lists the methods it has.",
        "headers": {
          "Allow": {
            "$ref": "#/components/headers/Allow"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The database is busy; retry after the Retry-After seconds.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "HeadBadRequest": {
        "description": "A query parameter is unknown, repeated, malformed or out of range. No body (HEAD)."
      },
      "HeadNotFound": {
        "description": "No record with this id. No body (HEAD)."
      },
      "Preflight": {
        "description": "The methods this path allows, and the CORS preflight answer.",
        "headers": {
          "Allow": {
            "$ref": "#/components/headers/Allow"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/AccessControlAllowOrigin"
          },
          "Access-Control-Allow-Methods": {
            "$ref": "#/components/headers/AccessControlAllowMethods"
          },
          "Access-Control-Allow-Headers": {
            "$ref": "#/components/headers/AccessControlAllowHeaders"
          },
          "Access-Control-Max-Age": {
            "$ref": "#/components/headers/AccessControlMaxAge"
          }
        }
      }
    },
    "headers": {
      "ETag": {
        "description": "Changes whenever the data or the request's meaning does.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "CacheControl": {
        "description": "How long the response may be reused.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "AccessControlAllowOrigin": {
        "description": "CORS: any origin may read it.",
        "required": true,
        "schema": {
          "type": "string",
          "enum": [
            "*"
          ]
        }
      },
      "Link": {
        "description": "RFC 8288 link to the next page, when there is one.",
        "required": false,
        "schema": {
          "type": "string"
        }
      },
      "Vary": {
        "description": "Lists vary on Accept (JSON or CSV).",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "Allow": {
        "description": "The methods the path allows.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "AccessControlAllowMethods": {
        "description": "CORS preflight: allowed methods.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "AccessControlAllowHeaders": {
        "description": "CORS preflight: allowed request headers.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "AccessControlMaxAge": {
        "description": "CORS preflight: seconds it may be cached.",
        "required": true,
        "schema": {
          "type": "string"
        }
      }
    }
  }
}

"""#

    static let bytes: [UInt8] = Array(text.utf8)
}
