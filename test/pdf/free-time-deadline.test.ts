import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { freeTimeDeadline } from '../../src/pdf/free-time-deadline.js';

const settled = async (p: Promise<unknown>): Promise<boolean> =>
  Promise.race([
    p.then(
      () => true,
      () => true,
    ),
    sleep(0).then(() => false),
  ]);

test('a busy thread does not use up the browser launch deadline', async () => {
  const d = freeTimeDeadline(1000, 'no answer');
  // The front half of a huge build holds the thread for three times the deadline.
  const until = performance.now() + 3000;
  while (performance.now() < until);
  await sleep(50);
  assert.equal(await settled(d.expired), false, 'not expired by the busy time');
  // Free time does count: the deadline expires about a second later.
  await sleep(1500);
  assert.equal(await settled(d.expired), true);
  await assert.rejects(d.expired, /no answer/);
});

test('clear() stops the deadline', async () => {
  const d = freeTimeDeadline(300, 'no answer');
  d.clear();
  await sleep(700);
  assert.equal(await settled(d.expired), false);
});
