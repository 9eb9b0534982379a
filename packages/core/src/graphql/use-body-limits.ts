import { Busboy } from '@fastify/busboy';
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badRequest } from './use-bad-requests.js';

export interface BodyLimits {
  /** The most file bytes one multipart request (GraphQL multipart request spec) may carry. */
  maxUploadBytes: number;
  /** The largest body of any other request, and of a multipart request's `operations` and `map` fields. */
  maxBodyBytes: number;
  /** Where a multipart request's files wait while it runs. Default the system's temporary folder. */
  tempDir?: string;
}

/**
 * Two body limits instead of yoga's one (`maxRequestBodySize`, 25 MB for everything, which turned CSV uploads over
 * 25 MB away with 413 however large `MARU_MAX_UPLOAD_MB` was): a multipart request may carry files up to
 * `maxUploadBytes`, every other request `maxBodyBytes`. A declared length over the limit is refused before a byte is
 * read; a body that grows past it is refused where it does, and read no further.
 *
 * Multipart requests are parsed here, not by yoga (whose parser holds every file in memory): each file streams to a
 * temporary file, and the resolver gets a `File` that reads from disk; the files are removed when the answer is sent.
 * Must come before `useBadRequests`, which then words a malformed form's refusal.
 */
export function useBodyLimits(limits: BodyLimits): Plugin {
  const folders = new WeakMap<Request, string>();
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null && !/^\d+$/.test(declared))
        throw badRequest('The Content-Length header is not a number: send the body’s length in bytes, or none.');
      const length = declared === null ? null : Number(declared);
      if (request.method === 'POST' && isMultipart(request)) {
        if (length !== null && length > limits.maxUploadBytes + limits.maxBodyBytes) throw uploadTooLarge(limits);
        setRequestParser(async (req) => {
          const folder = await mkdtemp(join(await ensure(limits.tempDir ?? tmpdir()), 'maru-upload-'));
          folders.set(request, folder);
          return parseMultipart(req, limits, folder);
        });
        return;
      }
      if (length !== null && length > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes);
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(limitedBody(req, limits.maxBodyBytes, fetchAPI)));
    },
    onResponse({ request }) {
      const folder = folders.get(request);
      if (!folder) return;
      folders.delete(request);
      return rm(folder, { recursive: true, force: true });
    },
  };
}

const isMultipart = (request: Request) =>
  (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

async function ensure(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  return folder;
}

/** 413, and the connection closed after the answer: the rest of the body is not worth reading. */
const TOO_LARGE = { status: 413, headers: { connection: 'close' } };

/**
 * BAD_USER_INPUT, as the file is the mutation's argument; with 413 so that clients and proxies stop sending. The
 * message names the limit and the hub's setting for it.
 */
function uploadTooLarge(limits: BodyLimits): GraphQLError {
  const mib = Math.round((limits.maxUploadBytes / 1048576) * 10) / 10;
  return new GraphQLError(
    `The file is larger than ${mib} MiB, the largest upload this hub accepts (its MARU_MAX_UPLOAD_MB setting): ` +
      'split the file, or connect it by path.',
    { extensions: { code: 'BAD_USER_INPUT', field: 'file', http: TOO_LARGE } },
  );
}

function bodyTooLarge(limit: number): GraphQLError {
  return new GraphQLError(
    `The request body is larger than ${limit} bytes, the most this hub reads outside a file upload: ` +
      'send less at once (page through large inputs), or send files as a multipart request.',
    { extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: TOO_LARGE } },
  );
}

/** The request with its body cut off by an error where it passes `limit` bytes (yoga's own way of doing it). */
function limitedBody(
  request: Request,
  limit: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
) {
  // A native body needs Node's TransformStream; a ponyfill body the ponyfill's (graphql-yoga issue 4583).
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(bodyTooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body,
    duplex: 'half',
  } as RequestInit);
}

interface Received {
  path: string;
  name: string;
  type: string;
}

/**
 * The GraphQL request of a multipart form: `operations` with each file of `map` put at its paths. Files stream to
 * `folder`; past `maxUploadBytes` in all, the body is read no further. Malformed forms throw the plain errors
 * `useBadRequests` words (they name "operations" or "map").
 */
async function parseMultipart(request: Request, limits: BodyLimits, folder: string): Promise<GraphQLParams> {
  const fields = new Map<string, string>();
  const files = new Map<string, Received>();
  const writes: Promise<void>[] = [];
  let uploaded = 0;
  const source = Readable.from(request.body as unknown as AsyncIterable<Uint8Array>);
  const form = new Busboy({
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
    limits: { fieldSize: limits.maxBodyBytes, fields: 16, files: 16, parts: 32 },
  });
  await new Promise<void>((resolve, reject) => {
    // The rest of the body is left unread (cancelling it would end the connection before the answer); the answer
    // closes the connection.
    const fail = (error: unknown) => {
      source.unpipe(form);
      source.pause();
      form.destroy();
      reject(error);
    };
    form.on('field', (name, value, _nameCut, valueCut) => {
      if (valueCut) fail(bodyTooLarge(limits.maxBodyBytes));
      else fields.set(name, value);
    });
    form.on('file', (name, stream, filename, _encoding, mimeType) => {
      const path = join(folder, String(files.size));
      files.set(name, { path, name: filename ?? name, type: mimeType ?? '' });
      stream.on('data', (chunk: Buffer) => {
        uploaded += chunk.length;
        if (uploaded > limits.maxUploadBytes) fail(uploadTooLarge(limits));
      });
      writes.push(pipeline(stream, createWriteStream(path)));
    });
    for (const limit of ['fieldsLimit', 'filesLimit', 'partsLimit'])
      form.on(limit, () =>
        fail(badRequest('The multipart form has too many parts: send "operations", "map" and the files.')),
      );
    form.on('error', (error: Error) => fail(new GraphQLError(error.message, { extensions: { code: 'BAD_REQUEST' } })));
    source.on('error', fail);
    form.on('finish', resolve);
    source.pipe(form);
  });
  await Promise.all(writes);
  const operations = json(fields.get('operations'), 'Multipart form field "operations" must be a valid JSON string');
  if (typeof operations !== 'object' || operations === null)
    throw new Error('Multipart form field "operations" must be a JSON object');
  const map = fields.has('map')
    ? json(fields.get('map'), 'Multipart form field "map" must be a valid JSON string')
    : {};
  if (typeof map !== 'object' || map === null) throw new Error('Multipart form field "map" must be a JSON object');
  for (const [field, paths] of Object.entries(map)) {
    const received = files.get(field);
    if (!Array.isArray(paths)) throw new Error('Multipart form field "map" must list variable paths per file');
    const file = received && new File([await openAsBlob(received.path)], received.name, { type: received.type });
    for (const path of paths) if (typeof path === 'string') setPath(operations, path, file);
  }
  return operations as GraphQLParams;
}

function json(text: string | undefined, message: string): unknown {
  if (text === undefined) throw new Error(message);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(message);
  }
}

function setPath(target: object, path: string, value: unknown): void {
  const keys = path.split('.');
  let current = target as Record<string, unknown>;
  for (const [i, key] of keys.entries()) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
    if (i === keys.length - 1) {
      current[key] = value;
      return;
    }
    if (typeof current[key] !== 'object' || current[key] === null) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
}
