import { describe, expect, it } from "vitest";
import { PatchwiseApiError, toApiError } from "../src/index.ts";

type Case = {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  want: Partial<Pick<PatchwiseApiError, "code" | "requestId" | "retryAfter" | "body">> & { message: string };
};

const PAGE_START = "<html> <head><title>502 Bad Gateway</title></head> <body>";
const PAGE_EXCERPT = PAGE_START + "x".repeat(200 - PAGE_START.length); // 200 characters, whitespace collapsed

const cases: [string, Case][] = [
  [
    "Folk { error: { code, message, requestId, ... } }",
    {
      status: 404,
      body: {
        error: {
          code: "RESOURCE_NOT_FOUND",
          message: "Person not found",
          documentationUrl: "https://developer.folk.app/errors",
          requestId: "req_123",
          timestamp: "2025-06-09T10:00:00Z",
        },
      },
      want: {
        code: "RESOURCE_NOT_FOUND",
        requestId: "req_123",
        message: "404 RESOURCE_NOT_FOUND: Person not found",
      },
    },
  ],
  [
    "Folk 429 with Retry-After and details",
    {
      status: 429,
      headers: { "retry-after": "12", "x-ratelimit-remaining": "0" },
      body: {
        error: {
          code: "RATE_LIMIT_EXCEEDED",
          message: "Too many requests",
          requestId: "r",
          details: { limit: 200 },
        },
      },
      want: {
        code: "RATE_LIMIT_EXCEEDED",
        retryAfter: 12,
        message: "429 RATE_LIMIT_EXCEEDED: Too many requests",
      },
    },
  ],
  [
    "Stardex { success: false, error: { code, message } }",
    {
      status: 401,
      body: { success: false, error: { code: "INVALID_API_KEY", message: "Invalid API key" } },
      want: {
        code: "INVALID_API_KEY",
        requestId: undefined,
        message: "401 INVALID_API_KEY: Invalid API key",
      },
    },
  ],
  [
    "Stardex 429 with retry_after_seconds beside the envelope",
    {
      status: 429,
      body: {
        success: false,
        error: { code: "RATE_LIMITED", message: "Slow down" },
        retry_after_seconds: 20,
      },
      want: { code: "RATE_LIMITED", retryAfter: 20, message: "429 RATE_LIMITED: Slow down" },
    },
  ],
  [
    "Stardex alternative { message, error, statusCode }",
    {
      status: 404,
      body: { message: "Cannot GET /v1/persons/x", error: "Not Found", statusCode: 404 },
      want: { code: "Not Found", message: "404 Not Found: Cannot GET /v1/persons/x" },
    },
  ],
  [
    "StackOne { statusCode, message, timestamp, provider_errors }",
    {
      status: 422,
      body: {
        statusCode: 422,
        message: "Validation failed",
        timestamp: "2024-01-01T00:00:00.000Z",
        provider_errors: [
          { status: 422, url: "https://ats.example/api", raw: { error: "bad email" }, headers: {} },
        ],
      },
      want: { code: undefined, message: "422: Validation failed" },
    },
  ],
  [
    "StackOne 408 with Retry-After",
    {
      status: 408,
      headers: { "Retry-After": "5" },
      body: { statusCode: 408, message: "Request timed out", timestamp: "2024-01-01T00:00:00.000Z" },
      want: { retryAfter: 5, message: "408: Request timed out" },
    },
  ],
  [
    "Instaview { success: false, data: null, error: { code, message, details }, timestamp }",
    {
      status: 403,
      body: {
        success: false,
        data: null,
        error: { code: "INSUFFICIENT_PERMISSIONS", message: "Missing scope write:candidates", details: {} },
        timestamp: "2025-01-01T00:00:00Z",
      },
      want: {
        code: "INSUFFICIENT_PERMISSIONS",
        message: "403 INSUFFICIENT_PERMISSIONS: Missing scope write:candidates",
      },
    },
  ],
  [
    "Instaview 429 { statusCode, message, error, retryAfter, limit, remaining, reset }",
    {
      status: 429,
      body: {
        statusCode: 429,
        message: "Rate limit exceeded",
        error: "Too Many Requests",
        retryAfter: 30,
        limit: 60,
        remaining: 0,
        reset: 30,
      },
      want: {
        code: "Too Many Requests",
        retryAfter: 30,
        message: "429 Too Many Requests: Rate limit exceeded",
      },
    },
  ],
  [
    "NestJS validation with a message array",
    {
      status: 400,
      body: {
        statusCode: 400,
        message: ["email must be an email", "firstName is too long"],
        error: "Bad Request",
      },
      want: {
        code: "Bad Request",
        message: "400 Bad Request: email must be an email; firstName is too long",
      },
    },
  ],
  [
    "a non-JSON body, as a short excerpt",
    {
      status: 502,
      body: `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(500)}</body></html>`,
      want: { message: `502: ${PAGE_EXCERPT}`, body: PAGE_EXCERPT },
    },
  ],
  [
    "an empty body",
    { status: 500, body: undefined, want: { code: undefined, message: "500: HTTP 500", body: undefined } },
  ],
  [
    "a request id in an x-request-id header",
    {
      status: 500,
      headers: { "x-request-id": "hdr_9" },
      body: { statusCode: 500, message: "Internal error" },
      want: { requestId: "hdr_9", message: "500: Internal error" },
    },
  ],
  [
    "a 429 whose only hint is an exhausted window's reset",
    {
      status: 429,
      headers: { "x-ratelimit-remaining-minute": "0", "x-ratelimit-reset-minute": "45" },
      body: { error: { code: "RATE_LIMIT", message: "Too many" } },
      want: { retryAfter: 45, message: "429 RATE_LIMIT: Too many" },
    },
  ],
];

describe("toApiError reads every provider envelope", () => {
  it.each(cases)("%s", (_, { status, headers, body, want }) => {
    const error = toApiError({ status, headers, body });
    expect(error).toBeInstanceOf(PatchwiseApiError);
    expect(error.status).toBe(status);
    const { message, ...fields } = want;
    expect(error.message).toBe(message);
    if (want.retryAfter !== undefined) {
      expect(error.retryAfter).toBeCloseTo(want.retryAfter, 0);
      delete fields.retryAfter;
    }
    expect(error).toMatchObject(fields);
  });

  it("keeps the parsed body", () => {
    const body = { success: false, error: { code: "X", message: "y" } };
    expect(toApiError({ status: 400, body }).body).toEqual(body);
  });

  it("says where the request went", () => {
    const error = toApiError({
      status: 404,
      body: { error: { code: "RESOURCE_NOT_FOUND", message: "Person not found" } },
      method: "GET",
      url: "https://api.folk.app/v1/people/per_1",
      provider: "folk",
    });
    expect(error.message).toBe(
      "404 RESOURCE_NOT_FOUND: Person not found (folk GET https://api.folk.app/v1/people/per_1)",
    );
    expect(error).toMatchObject({
      method: "GET",
      url: "https://api.folk.app/v1/people/per_1",
      provider: "folk",
    });
  });
});
