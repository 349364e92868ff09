// @ts-check
/** Each file's one-time URL lifecycle, decide(state, event, world), as a decision table. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decide } from '../../src/url-lifecycle.js';
import { describeEffect, lifecycleMarkdown, lifecycleRows } from './lifecycle-table.js';

describe('the one-time URL lifecycle, decide(state, event, world)', () => {
  for (const row of lifecycleRows()) {
    it(`${row.state} + ${row.event} (${row.when}) → ${row.status}: ${row.effects.join(', ') || 'nothing'}`, () => {
      const { state, event, world } = /** @type {any} */ (row.input);
      const before = structuredClone({ ...state, world: { ...world, policy: undefined } });
      const decision = decide(state, event, world);
      assert.equal(decision.state.status, row.status);
      assert.deepEqual(decision.effects.map(describeEffect), row.effects);
      assert.deepEqual({ ...state, world: { ...world, policy: undefined } }, before, 'decide changed its input');
    });
  }

  it('covers every status the README names, and every event', () => {
    const rows = lifecycleRows();
    const statuses = new Set(rows.map((row) => /** @type {any} */ (row.input).state.status));
    assert.deepEqual([...statuses].sort(), ['error', 'expired', 'queued', 'ready', 'success', 'uploading', 'used']);
    const events = new Set(rows.map((row) => /** @type {any} */ (row.input).event.type));
    assert.deepEqual([...events].sort(), [
      'accepted',
      'cancel',
      'clock',
      'online',
      'sent',
      'start',
      'upload',
      'url-fetch-failed',
      'url-fetched',
      'url-given',
    ]);
  });

  it('an event that means nothing in a state changes nothing', () => {
    const world = /** @type {any} */ (lifecycleRows()[0].input).world;
    const success = { status: 'success', refreshedAfterRefusal: false, announced: '', message: '' };
    for (const event of [{ type: 'online' }, { type: 'cancel' }, { type: 'url-fetch-failed', cause: 'x' }, { type: 'start' }]) {
      const decision = decide(/** @type {any} */ (success), /** @type {any} */ (event), world);
      assert.equal(decision.state, success);
      assert.deepEqual(decision.effects, []);
    }
  });

  it('a fresh URL after a refusal is fetched once per upload: a provider that only gives refused URLs cannot loop', () => {
    const [row] = lifecycleRows().filter(
      (r) => r.state === 'uploading' && r.event === 'host: expired' && r.when === 'provider or endpoint',
    );
    const { state, event, world } = /** @type {any} */ (row.input);
    const first = decide(state, event, world);
    assert.equal(first.state.refreshedAfterRefusal, true);
    const second = decide(first.state, event, world);
    assert.equal(second.state.status, 'expired');
    assert.deepEqual(second.effects.map(describeEffect), ['record expired', 'url-expired (server)']);
  });

  it('the README shows this table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes(lifecycleMarkdown()), 'README is out of date: run node scripts/lifecycle-table.js --write');
  });
});
