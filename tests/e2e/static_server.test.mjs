// The test server answers an address no file can have, and goes on serving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { serve } from './static_server.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;

/** The status of a GET of `path` (sent as written, not normalised by a URL parser). */
const status = (url, path) => new Promise((resolve, reject) => {
  const { hostname, port } = new URL(url);
  request({ hostname, port, path }, (res) => {
    res.resume();
    resolve(res.statusCode);
  }).on('error', reject).end();
});

test('an address no file can have gets 400, and the server goes on', async () => {
  const server = await serve(DIST);
  try {
    assert.equal(await status(server.url, '//'), 400);
    assert.equal(await status(server.url, '/%E0'), 400);
    assert.equal(await status(server.url, '/'), 200);
  } finally {
    await server.close();
  }
});
