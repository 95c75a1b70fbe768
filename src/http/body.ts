import express, { type RequestHandler } from 'express';

/** Largest JSON body a route accepts (`413 too_large` beyond). */
export const JSON_LIMIT_BYTES = 1_048_576;

/**
 * Reads and parses a JSON request body. Routes place it after their authentication and role checks, so that the
 * service reads a body only from a caller allowed to send it: an anonymous or unauthorised request is answered
 * (and its connection closed, see {@link sendProblem}) without waiting for its body.
 */
export function jsonBody(limitBytes: number = JSON_LIMIT_BYTES): RequestHandler {
  return express.json({ limit: limitBytes, strict: false, type: ['application/json', 'application/*+json'] });
}
