import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WriteQueue } from './write-queue.js';

type Item = { priority: number; id: string };
const item = (priority: number, id: string): Item => ({ priority, id });

function drain(queue: WriteQueue<Item>): string[] {
  const out: string[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) out.push(next.id);
  return out;
}

describe('WriteQueue (weighted round robin over priority lanes)', () => {
  it('is FIFO within a priority', () => {
    const queue = new WriteQueue<Item>();
    for (const id of ['a', 'b', 'c']) queue.push(item(1, id));
    assert.equal(queue.size, 3);
    assert.equal(queue.peek()?.id, 'a');
    assert.deepEqual(drain(queue), ['a', 'b', 'c']);
    assert.equal(queue.size, 0);
  });

  it('a high-priority request overtakes a backlog of low-priority ones', () => {
    const queue = new WriteQueue<Item>();
    for (let i = 0; i < 100; i++) queue.push(item(0, `low${i}`));
    queue.shift();
    queue.push(item(2, 'high'));
    assert.equal(queue.peek()?.id, 'high');
    assert.equal(queue.shift()?.id, 'high');
  });

  it('under contention each priority gets turns in proportion to its weight, and low is never starved', () => {
    const queue = new WriteQueue<Item>({ 0: 1, 1: 4, 2: 16 });
    for (let i = 0; i < 1000; i++) {
      queue.push(item(0, 'low'));
      queue.push(item(1, 'normal'));
      queue.push(item(2, 'high'));
    }
    const first = Array.from({ length: 210 }, () => queue.shift()!.id);
    const count = (id: string) => first.filter((x) => x === id).length;
    assert.deepEqual([count('high'), count('normal'), count('low')], [160, 40, 10]);
  });

  it('toArray shows the serving order without taking anything', () => {
    const queue = new WriteQueue<Item>();
    queue.push(item(0, 'l1'));
    queue.push(item(1, 'n1'));
    queue.push(item(2, 'h1'));
    queue.push(item(2, 'h2'));
    assert.deepEqual(queue.toArray().map((x) => x.id), ['h1', 'h2', 'n1', 'l1']);
    assert.equal(queue.size, 4);
    assert.deepEqual(drain(queue), ['h1', 'h2', 'n1', 'l1']);
  });

  it('removeWhere takes out matching requests and keeps the order of the rest', () => {
    const queue = new WriteQueue<Item>();
    for (const id of ['a', 'b', 'c', 'd']) queue.push(item(1, id));
    assert.deepEqual(queue.removeWhere((x) => x.id === 'b' || x.id === 'd').map((x) => x.id), ['b', 'd']);
    assert.equal(queue.size, 2);
    assert.equal(queue.countWhere((x) => x.id === 'a'), 1);
    assert.deepEqual(drain(queue), ['a', 'c']);
  });

  it('an unknown priority joins the nearest lane', () => {
    const queue = new WriteQueue<Item>();
    queue.push(item(7, 'very-high'));
    queue.push(item(1, 'normal'));
    assert.deepEqual(drain(queue), ['very-high', 'normal']);
  });

  it('drains a queue of 100,000 requests across the lanes', () => {
    const queue = new WriteQueue<Item>();
    for (let i = 0; i < 100_000; i++) queue.push(item(i % 3, String(i)));
    let n = 0;
    while (queue.shift()) n++;
    assert.equal(n, 100_000);
  });
});
