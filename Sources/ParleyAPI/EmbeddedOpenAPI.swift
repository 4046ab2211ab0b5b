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
    "description": "The January 2022 negotiations between Russia and the United States, NATO and the OSCE, as one news article tells them.\n\nReads are public. Every 200 carries an ETag (send it back in If-None-Match for a 304) and Cache-Control; CORS allows any origin. Lists are paginated with `limit` and an opaque `cursor` (follow `links.next` or the Link header) and come as CSV with `format=csv` or `Accept: text/csv`. Unknown query parameters are refused (400) so typos are caught. Errors are RFC 9457 problem documents. Methods a path does not take get 405 with an Allow header; unknown paths get 404.\n\nWrites (POST on a collection, PATCH and DELETE on a record; sources are read-only) need `Authorization: Bearer <token>` (tokens come from `parley token create`); without a valid token they get 401, and on a server started with `--read-only` 403. Bodies are JSON (PATCH: a JSON merge patch, RFC 7396) with the read API's field names and shapes; a related record is written `{\"id\": …}` (the inline name the read API adds may be sent back and must then be the record's own). In a body, null (or leaving an optional field out) means the field's default. A record's ETag is a hash of its representation: send it in If-Match on PATCH or DELETE to be refused with 412 when the record changed since you read it. An Idempotency-Key on POST makes a retry return the first response instead of creating a second record. A 2xx is sent only once the change is committed (WAL, synchronous=FULL), and `/changes` lists every create, update and delete in commit order."
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
    },
    {
      "name": "changes",
      "description": "Every create, update and delete in commit order, the seed's records first: follow it with `since`."
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
      },
      "post": {
        "operationId": "createMeeting",
        "tags": [
          "meetings"
        ],
        "summary": "Create a meeting",
        "description": "Creates a meeting from a MeetingCreate body. 201 with Location, the record's ETag and the record as GET /meetings/{id} returns it.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MeetingCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "description": "A meeting with this id already exists.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "patch": {
        "operationId": "updateMeeting",
        "tags": [
          "meetings"
        ],
        "summary": "Change a meeting",
        "description": "Applies a JSON merge patch (RFC 7396) to the meeting and validates the result. 200 with the record and its new ETag (unchanged, and no change recorded, when the patch changes nothing).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/MeetingPatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MeetingPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Changed.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteMeeting",
        "tags": [
          "meetings"
        ],
        "summary": "Delete a meeting",
        "description": "Deletes the meeting; 409 while other records refer to it (referenced_by lists them).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "Other records still refer to it; referenced_by lists them.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "post": {
        "operationId": "createParty",
        "tags": [
          "parties"
        ],
        "summary": "Create a party",
        "description": "Creates a party from a PartyCreate body. 201 with Location, the record's ETag and the record as GET /parties/{id} returns it.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PartyCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "description": "A party with this id already exists.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "patch": {
        "operationId": "updateParty",
        "tags": [
          "parties"
        ],
        "summary": "Change a party",
        "description": "Applies a JSON merge patch (RFC 7396) to the party and validates the result. 200 with the record and its new ETag (unchanged, and no change recorded, when the patch changes nothing).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/PartyPatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PartyPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Changed.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteParty",
        "tags": [
          "parties"
        ],
        "summary": "Delete a party",
        "description": "Deletes the party; 409 while other records refer to it (referenced_by lists them).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "Other records still refer to it; referenced_by lists them.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "post": {
        "operationId": "createPerson",
        "tags": [
          "people"
        ],
        "summary": "Create a person",
        "description": "Creates a person from a PersonCreate body. 201 with Location, the record's ETag and the record as GET /people/{id} returns it.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PersonCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "description": "A person with this id already exists.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "patch": {
        "operationId": "updatePerson",
        "tags": [
          "people"
        ],
        "summary": "Change a person",
        "description": "Applies a JSON merge patch (RFC 7396) to the person and validates the result. 200 with the record and its new ETag (unchanged, and no change recorded, when the patch changes nothing).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/PersonPatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/PersonPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Changed.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deletePerson",
        "tags": [
          "people"
        ],
        "summary": "Delete a person",
        "description": "Deletes the person; 409 while other records refer to it (referenced_by lists them).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "Other records still refer to it; referenced_by lists them.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "post": {
        "operationId": "createQuote",
        "tags": [
          "quotes"
        ],
        "summary": "Create a quote",
        "description": "Creates a quote from a QuoteCreate body. 201 with Location, the record's ETag and the record as GET /quotes/{id} returns it.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/QuoteCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "description": "A quote with this id already exists.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "patch": {
        "operationId": "updateQuote",
        "tags": [
          "quotes"
        ],
        "summary": "Change a quote",
        "description": "Applies a JSON merge patch (RFC 7396) to the quote and validates the result. 200 with the record and its new ETag (unchanged, and no change recorded, when the patch changes nothing).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/QuotePatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/QuotePatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Changed.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteQuote",
        "tags": [
          "quotes"
        ],
        "summary": "Delete a quote",
        "description": "Deletes the quote; 409 while other records refer to it (referenced_by lists them).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "Other records still refer to it; referenced_by lists them.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "post": {
        "operationId": "createTopic",
        "tags": [
          "topics"
        ],
        "summary": "Create a topic",
        "description": "Creates a topic from a TopicCreate body. 201 with Location, the record's ETag and the record as GET /topics/{id} returns it.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TopicCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "description": "A topic with this id already exists.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "patch": {
        "operationId": "updateTopic",
        "tags": [
          "topics"
        ],
        "summary": "Change a topic",
        "description": "Applies a JSON merge patch (RFC 7396) to the topic and validates the result. 200 with the record and its new ETag (unchanged, and no change recorded, when the patch changes nothing).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/TopicPatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TopicPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Changed.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteTopic",
        "tags": [
          "topics"
        ],
        "summary": "Delete a topic",
        "description": "Deletes the topic; 409 while other records refer to it (referenced_by lists them).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "Other records still refer to it; referenced_by lists them.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "post": {
        "operationId": "createDemand",
        "tags": [
          "demands"
        ],
        "summary": "Create a demand",
        "description": "Creates a demand from a DemandCreate body. 201 with Location, the record's ETag and the record as GET /demands/{id} returns it.",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/IdempotencyKey"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DemandCreate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/IdempotentReplayed"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "409": {
            "description": "A demand with this id already exists.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
      },
      "patch": {
        "operationId": "updateDemand",
        "tags": [
          "demands"
        ],
        "summary": "Change a demand",
        "description": "Applies a JSON merge patch (RFC 7396) to the demand and validates the result. 200 with the record and its new ETag (unchanged, and no change recorded, when the patch changes nothing).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/DemandPatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DemandPatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Changed.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/RecordETag"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/NoStore"
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
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          }
        }
      },
      "delete": {
        "operationId": "deleteDemand",
        "tags": [
          "demands"
        ],
        "summary": "Delete a demand",
        "description": "Deletes the demand; 409 while other records refer to it (referenced_by lists them).",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Id"
          },
          {
            "$ref": "#/components/parameters/IfMatch"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/AccessControlAllowOrigin"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/WriteBadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "description": "Other records still refer to it; referenced_by lists them.",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
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
    "/changes": {
      "get": {
        "operationId": "listChanges",
        "tags": [
          "changes"
        ],
        "summary": "The change feed",
        "description": "Every create, update and delete in commit order, after `since`: the seed's records first (actor seed), then every write with the name of its token. Follow links.next to the end, remember the last seq, and ask again with since=<seq>: no change is missed or listed twice.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Since"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/ChangeCursor"
          },
          {
            "$ref": "#/components/parameters/ChangeFields"
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
                  "$ref": "#/components/schemas/ChangeList"
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
        "operationId": "headListChanges",
        "tags": [
          "changes"
        ],
        "summary": "The change feed (headers only)",
        "description": "As GET, without the body.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Since"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "$ref": "#/components/parameters/ChangeCursor"
          },
          {
            "$ref": "#/components/parameters/ChangeFields"
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
        "operationId": "optionsChanges",
        "tags": [
          "changes"
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
          },
          "errors": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FieldError"
            },
            "description": "422: every field at fault, each as a JSON Pointer into the body (after the merge, for PATCH) and what is wrong with it."
          },
          "referenced_by": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "409 on DELETE: the records that still refer to this one, as paths (/quotes/…)."
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
            "type": [
              "integer",
              "null"
            ],
            "description": "Offset of the quoted text in the paragraph, in Unicode code points; null when not known (quotes written without offsets).",
            "minimum": 0
          },
          "end": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Offset just past the quoted text (exclusive); null when not known.",
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
            "description": "Where the text stands in its source: one paragraph, or none for a quote from no source Parley holds."
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
      },
      "FieldError": {
        "type": "object",
        "properties": {
          "pointer": {
            "type": "string",
            "description": "A JSON Pointer (RFC 6901) into the body: /date, /parties/0/id; empty for the whole body."
          },
          "detail": {
            "type": "string",
            "description": "What is wrong there."
          }
        },
        "additionalProperties": false,
        "required": [
          "pointer",
          "detail"
        ],
        "description": "One field of a body at fault."
      },
      "Change": {
        "type": "object",
        "properties": {
          "seq": {
            "type": "integer",
            "minimum": 1,
            "description": "The change's sequence number: commit order, gapless within what is listed."
          },
          "at": {
            "type": "string",
            "description": "When it was committed (UTC, ISO 8601 with milliseconds); the seed's carry 2022-01-14T00:00:00.000Z."
          },
          "collection": {
            "type": "string",
            "enum": [
              "meetings",
              "parties",
              "people",
              "quotes",
              "topics",
              "demands"
            ],
            "description": "The record's collection."
          },
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The record's id."
          },
          "operation": {
            "type": "string",
            "enum": [
              "create",
              "update",
              "delete"
            ],
            "description": "What happened to it."
          },
          "actor": {
            "type": "string",
            "description": "The name of the token that wrote it; seed for the seed's records, import for parley import."
          }
        },
        "additionalProperties": false,
        "description": "One committed change. Every field is present unless trimmed with `fields=`."
      },
      "ChangeList": {
        "type": "object",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Change"
            },
            "description": "This page's changes, in commit order."
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
        "description": "A page of the change feed."
      },
      "RecordRefInput": {
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
            "description": "Optional: the related record's name as the read API shows it; when sent it must be the record's own."
          }
        },
        "additionalProperties": false,
        "description": "A related party, person or topic, by id.",
        "required": [
          "id"
        ]
      },
      "MeetingRefInput": {
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
            "description": "Optional: the meeting's title as the read API shows it; when sent it must be its own."
          }
        },
        "additionalProperties": false,
        "description": "A related meeting, by id.",
        "required": [
          "id"
        ]
      },
      "PartyRoleInput": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The party's id."
          },
          "name": {
            "type": "string",
            "description": "Optional: the party's own name."
          },
          "role": {
            "type": "string",
            "enum": [
              "host",
              "negotiating-side",
              "subject",
              "consulted",
              "addressee",
              "author"
            ],
            "description": "Its role at the meeting."
          }
        },
        "additionalProperties": false,
        "description": "A party at a meeting.",
        "required": [
          "id",
          "role"
        ]
      },
      "ParticipantInput": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "The person's id."
          },
          "name": {
            "type": "string",
            "description": "Optional: the person's own name."
          },
          "role": {
            "type": [
              "string",
              "null"
            ],
            "description": "Free text, default empty (\"head of the US delegation\")."
          }
        },
        "additionalProperties": false,
        "description": "A person taking part in a meeting.",
        "required": [
          "id"
        ]
      },
      "MembershipInput": {
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
            "description": "Optional: the other party's own name."
          },
          "basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "Whether the article states the membership."
          }
        },
        "additionalProperties": false,
        "description": "One side of a membership.",
        "required": [
          "id",
          "basis"
        ]
      },
      "AliasInput": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "description": "Another name (distinct within the record)."
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
        "description": "Another name.",
        "required": [
          "name"
        ]
      },
      "PostInput": {
        "type": "object",
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "description": "The post."
          },
          "party": {
            "description": "The party the post serves, when known.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/RecordRefInput"
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
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "YYYY, YYYY-MM or YYYY-MM-DD, a real year, month or day; null when unknown."
          },
          "end_date": {
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "As start_date; not before it."
          },
          "basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "Whether the article states the post."
          }
        },
        "additionalProperties": false,
        "description": "A post a person held.",
        "required": [
          "title",
          "basis"
        ]
      },
      "SourceRefInput": {
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
            "minimum": 1,
            "maximum": 2147483647,
            "description": "A paragraph of that source that exists."
          }
        },
        "additionalProperties": false,
        "description": "A paragraph a record comes from (distinct within the record).",
        "required": [
          "source",
          "paragraph"
        ]
      },
      "QuoteSourceInput": {
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
            "minimum": 1,
            "maximum": 2147483647,
            "description": "A paragraph of that source that exists."
          },
          "start": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 2147483647,
            "description": "Optional, with end: where the quote's text starts in the paragraph (Unicode code points)."
          },
          "end": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "maximum": 2147483647,
            "description": "Optional, with start: just past it. The paragraph's text from start to end must be the quote's text."
          }
        },
        "additionalProperties": false,
        "description": "Where a quote stands in its source.",
        "required": [
          "source",
          "paragraph"
        ]
      },
      "LocationInput": {
        "type": "object",
        "properties": {
          "city": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "description": "City, or null."
          },
          "country": {
            "type": [
              "string",
              "null"
            ],
            "minLength": 1,
            "description": "Country, or null."
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
            "description": "Required (stated or inferred) when city or country is known; null otherwise."
          }
        },
        "additionalProperties": false,
        "description": "Where a meeting took place."
      },
      "MeetingCreate": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug, unique among meetings."
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "description": "Title."
          },
          "kind": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "bilateral-talks, multilateral-talks, press-briefing, demands, summit, … (a slug)."
          },
          "date": {
            "type": "string",
            "format": "date",
            "description": "First day, YYYY-MM-DD."
          },
          "end_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "description": "Last day, not before date; default: date."
          },
          "date_basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "stated or inferred."
          },
          "location": {
            "description": "Where; default: unknown.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/LocationInput"
              },
              {
                "type": "null"
              }
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "held",
              "scheduled"
            ],
            "description": "held or scheduled."
          },
          "parties": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/PartyRoleInput"
            },
            "description": "Parties with their roles (distinct)."
          },
          "participants": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/ParticipantInput"
            },
            "description": "People taking part (distinct)."
          },
          "topics": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "Topics (distinct)."
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "description": "What the source says of it. Default empty."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A new meeting: the fields of Meeting with related records by id. Optional fields may be left out or null: they take their defaults.",
        "required": [
          "id",
          "title",
          "kind",
          "date",
          "date_basis",
          "status"
        ]
      },
      "MeetingPatch": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Optional: a record read and written back carries its id, which must then be this record's own (ids never change)."
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "description": "Title."
          },
          "kind": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "bilateral-talks, multilateral-talks, press-briefing, demands, summit, … (a slug)."
          },
          "date": {
            "type": "string",
            "format": "date",
            "description": "First day, YYYY-MM-DD."
          },
          "end_date": {
            "type": [
              "string",
              "null"
            ],
            "format": "date",
            "description": "Last day, not before date; default: date."
          },
          "date_basis": {
            "type": "string",
            "enum": [
              "stated",
              "inferred"
            ],
            "description": "stated or inferred."
          },
          "location": {
            "description": "Where; default: unknown.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/LocationInput"
              },
              {
                "type": "null"
              }
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "held",
              "scheduled"
            ],
            "description": "held or scheduled."
          },
          "parties": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/PartyRoleInput"
            },
            "description": "Parties with their roles (distinct)."
          },
          "participants": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/ParticipantInput"
            },
            "description": "People taking part (distinct)."
          },
          "topics": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "Topics (distinct)."
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "description": "What the source says of it. Default empty."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A JSON merge patch (RFC 7396) of a meeting: members set replace the record's (objects merge, arrays are replaced), null resets an optional field to its default. The id cannot change; required fields cannot be removed (nor set to null). The patched record is validated as a whole."
      },
      "PartyCreate": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug, unique among parties."
          },
          "name": {
            "type": "string",
            "minLength": 1,
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
            "type": [
              "string",
              "null"
            ],
            "description": "What the source says of it. Default empty."
          },
          "aliases": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/AliasInput"
            },
            "description": "Other names."
          },
          "member_of": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/MembershipInput"
            },
            "description": "Organizations it belongs to (not itself); replaces them all."
          },
          "members": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/MembershipInput"
            },
            "description": "Parties that belong to it (not itself); replaces them all."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A new party: the fields of Party with related records by id. Optional fields may be left out or null: they take their defaults.",
        "required": [
          "id",
          "name",
          "kind"
        ]
      },
      "PartyPatch": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Optional: a record read and written back carries its id, which must then be this record's own (ids never change)."
          },
          "name": {
            "type": "string",
            "minLength": 1,
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
            "type": [
              "string",
              "null"
            ],
            "description": "What the source says of it. Default empty."
          },
          "aliases": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/AliasInput"
            },
            "description": "Other names."
          },
          "member_of": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/MembershipInput"
            },
            "description": "Organizations it belongs to (not itself); replaces them all."
          },
          "members": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/MembershipInput"
            },
            "description": "Parties that belong to it (not itself); replaces them all."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A JSON merge patch (RFC 7396) of a party: members set replace the record's (objects merge, arrays are replaced), null resets an optional field to its default. The id cannot change; required fields cannot be removed (nor set to null). The patched record is validated as a whole."
      },
      "PersonCreate": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug, unique among people."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "description": "Canonical name."
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "description": "Who they are. Default empty."
          },
          "aliases": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/AliasInput"
            },
            "description": "Other spellings, the name in its own script."
          },
          "posts": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/PostInput"
            },
            "description": "Posts held."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs they appear in."
          }
        },
        "additionalProperties": false,
        "description": "A new person: the fields of Person with related records by id. Optional fields may be left out or null: they take their defaults.",
        "required": [
          "id",
          "name"
        ]
      },
      "PersonPatch": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Optional: a record read and written back carries its id, which must then be this record's own (ids never change)."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "description": "Canonical name."
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "description": "Who they are. Default empty."
          },
          "aliases": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/AliasInput"
            },
            "description": "Other spellings, the name in its own script."
          },
          "posts": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/PostInput"
            },
            "description": "Posts held."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs they appear in."
          }
        },
        "additionalProperties": false,
        "description": "A JSON merge patch (RFC 7396) of a person: members set replace the record's (objects merge, arrays are replaced), null resets an optional field to its default. The id cannot change; required fields cannot be removed (nor set to null). The patched record is validated as a whole."
      },
      "QuoteCreate": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug, unique among quotes."
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "description": "Exactly as printed."
          },
          "kind": {
            "type": "string",
            "enum": [
              "direct",
              "partial",
              "reported"
            ],
            "description": "Direct, partial or reported."
          },
          "speaker": {
            "description": "Who said it (a person).",
            "anyOf": [
              {
                "$ref": "#/components/schemas/RecordRefInput"
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
                "$ref": "#/components/schemas/RecordRefInput"
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
            "description": "When it was said; with date_basis."
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
            "description": "Required when date is set, null when it is not."
          },
          "meeting": {
            "description": "The meeting it belongs to.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/MeetingRefInput"
              },
              {
                "type": "null"
              }
            ]
          },
          "topics": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "What it is about (distinct)."
          },
          "attribution": {
            "type": [
              "string",
              "null"
            ],
            "description": "How the source attributes it. Default empty."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/QuoteSourceInput"
            },
            "maxItems": 1,
            "description": "Where it stands: at most one paragraph; none for a quote from no source Parley holds."
          }
        },
        "additionalProperties": false,
        "description": "A new quote: the fields of Quote with related records by id. Optional fields may be left out or null: they take their defaults.",
        "required": [
          "id",
          "text",
          "kind"
        ]
      },
      "QuotePatch": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Optional: a record read and written back carries its id, which must then be this record's own (ids never change)."
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "description": "Exactly as printed."
          },
          "kind": {
            "type": "string",
            "enum": [
              "direct",
              "partial",
              "reported"
            ],
            "description": "Direct, partial or reported."
          },
          "speaker": {
            "description": "Who said it (a person).",
            "anyOf": [
              {
                "$ref": "#/components/schemas/RecordRefInput"
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
                "$ref": "#/components/schemas/RecordRefInput"
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
            "description": "When it was said; with date_basis."
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
            "description": "Required when date is set, null when it is not."
          },
          "meeting": {
            "description": "The meeting it belongs to.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/MeetingRefInput"
              },
              {
                "type": "null"
              }
            ]
          },
          "topics": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "What it is about (distinct)."
          },
          "attribution": {
            "type": [
              "string",
              "null"
            ],
            "description": "How the source attributes it. Default empty."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/QuoteSourceInput"
            },
            "maxItems": 1,
            "description": "Where it stands: at most one paragraph; none for a quote from no source Parley holds."
          }
        },
        "additionalProperties": false,
        "description": "A JSON merge patch (RFC 7396) of a quote: members set replace the record's (objects merge, arrays are replaced), null resets an optional field to its default. The id cannot change; required fields cannot be removed (nor set to null). The patched record is validated as a whole."
      },
      "TopicCreate": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug, unique among topics."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "description": "Name."
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "description": "What it covers. Default empty."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A new topic: the fields of Topic with related records by id. Optional fields may be left out or null: they take their defaults.",
        "required": [
          "id",
          "name"
        ]
      },
      "TopicPatch": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Optional: a record read and written back carries its id, which must then be this record's own (ids never change)."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "description": "Name."
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "description": "What it covers. Default empty."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A JSON merge patch (RFC 7396) of a topic: members set replace the record's (objects merge, arrays are replaced), null resets an optional field to its default. The id cannot change; required fields cannot be removed (nor set to null). The patched record is validated as a whole."
      },
      "DemandCreate": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Lowercase slug, unique among demands."
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "description": "The demand as the source words it."
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "description": "In short. Default empty."
          },
          "party": {
            "$ref": "#/components/schemas/RecordRefInput"
          },
          "addressees": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "Parties it is addressed to (distinct)."
          },
          "meeting": {
            "description": "Where it was presented.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/MeetingRefInput"
              },
              {
                "type": "null"
              }
            ]
          },
          "topics": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "What it is about (distinct)."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A new demand: the fields of Demand with related records by id. Optional fields may be left out or null: they take their defaults.",
        "required": [
          "id",
          "text",
          "party"
        ]
      },
      "DemandPatch": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9-]+$",
            "minLength": 1,
            "maxLength": 100,
            "description": "Optional: a record read and written back carries its id, which must then be this record's own (ids never change)."
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "description": "The demand as the source words it."
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "description": "In short. Default empty."
          },
          "party": {
            "$ref": "#/components/schemas/RecordRefInput"
          },
          "addressees": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "Parties it is addressed to (distinct)."
          },
          "meeting": {
            "description": "Where it was presented.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/MeetingRefInput"
              },
              {
                "type": "null"
              }
            ]
          },
          "topics": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/RecordRefInput"
            },
            "description": "What it is about (distinct)."
          },
          "sources": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/SourceRefInput"
            },
            "description": "Paragraphs it comes from."
          }
        },
        "additionalProperties": false,
        "description": "A JSON merge patch (RFC 7396) of a demand: members set replace the record's (objects merge, arrays are replaced), null resets an optional field to its default. The id cannot change; required fields cannot be removed (nor set to null). The patched record is validated as a whole."
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
      },
      "IfMatch": {
        "name": "If-Match",
        "in": "header",
        "required": false,
        "description": "The record's ETag as last read (or *): the write is refused with 412 when the record changed since. Compared strongly; without it the write is unconditional.",
        "schema": {
          "type": "string"
        }
      },
      "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "A key unique to this request (a UUID, say), kept 24 hours per token: a retry with the same key and body gets the first response again (with Idempotent-Replayed: true) and creates nothing; the same key with another body is a 422.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 255,
          "pattern": "^[!-~]+$"
        }
      },
      "Since": {
        "name": "since",
        "in": "query",
        "required": false,
        "description": "Only changes after this sequence number (exclusive): the seq of the last change you applied. Default 0, every change.",
        "schema": {
          "type": "integer",
          "minimum": 0,
          "maximum": 9007199254740991,
          "default": 0
        }
      },
      "ChangeCursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "Where the page starts: the opaque token in links.next of the previous page of /changes. Any value of this form gives a page (perhaps empty).",
        "schema": {
          "type": "string",
          "pattern": "^changes\\.[A-Za-z0-9_-]*$",
          "maxLength": 1024
        }
      },
      "ChangeFields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Only these fields of each change, comma-separated: seq, at, collection, id, operation, actor.",
        "schema": {
          "type": "string",
          "pattern": "^(seq|at|collection|id|operation|actor)(,(seq|at|collection|id|operation|actor))*$"
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
        "description": "The database is busy (another writer held it past the busy timeout); retry after the Retry-After seconds.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        },
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
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
      },
      "WriteBadRequest": {
        "description": "The body is empty or not JSON, the Idempotency-Key is malformed, or a query parameter was sent (writes take none).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No token, or an unknown or revoked one.",
        "headers": {
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWWAuthenticate"
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
      "Forbidden": {
        "description": "The server is read-only (parley serve --read-only).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ContentTooLarge": {
        "description": "The body is over 1 MiB.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body is not JSON (POST: application/json; PATCH: application/merge-patch+json or application/json; charset UTF-8 if given).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnprocessableContent": {
        "description": "The record is not valid (errors lists each field as a JSON Pointer: wrong types, missing required fields, unknown fields, invalid dates, end_date before date, ids that are not slugs, references to records that do not exist, …), or an Idempotency-Key was reused with another body.",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "PreconditionFailed": {
        "description": "If-Match does not match the record's current ETag: it changed since it was read. The current ETag is sent.",
        "headers": {
          "ETag": {
            "$ref": "#/components/headers/RecordETag"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      }
    },
    "headers": {
      "ETag": {
        "description": "Lists and documents: changes whenever the data or the request's meaning does. A record (GET /{collection}/{id}): a hash of its representation, changing exactly when the record or a name it shows inline does; send it in If-Match to write.",
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
      },
      "Location": {
        "description": "Where the created record is: /{collection}/{id}.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "RecordETag": {
        "description": "The record's ETag after the write (as GET /{collection}/{id} returns it), for the next If-Match.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "NoStore": {
        "description": "Write responses are not cached: no-store.",
        "required": true,
        "schema": {
          "type": "string",
          "enum": [
            "no-store"
          ]
        }
      },
      "WWWAuthenticate": {
        "description": "The Bearer challenge (RFC 6750), with error=\"invalid_token\" when a token was sent but is unknown or revoked.",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "RetryAfter": {
        "description": "Seconds to wait before retrying.",
        "required": false,
        "schema": {
          "type": "string"
        }
      },
      "IdempotentReplayed": {
        "description": "true when this is the stored response to an earlier request with the same Idempotency-Key.",
        "required": false,
        "schema": {
          "type": "string",
          "enum": [
            "true"
          ]
        }
      }
    },
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token from `parley token create --name NAME` (printed once: `parley_` and 64 hex digits). Only writes need one."
      }
    }
  }
}

"""#

    static let bytes: [UInt8] = Array(text.utf8)
}
